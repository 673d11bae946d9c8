// Tools that sit on the canvas: Tidy (lay out the whole design afresh, one undo step) and the
// overview map, which folds away to a button so it never hides the design on a small screen.
import { useState } from 'react';
import { MiniMap, Panel } from '@xyflow/react';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { tidyLayout } from '../../model/commands/layout';

/** The overview map's size on screen: with the flows panel, at most a fifth of a 1280×720 canvas. */
export const MINIMAP = { width: 168, height: 112 } as const;

export function tidy(): void {
  const { design, apply } = useDesignStore.getState();
  if (design.layout) apply([tidyLayout({})]);
  useUiStore.getState().requestFit();
}

/** Tidy sits beside the flows switch in the top band the fitted view keeps free (fit.ts). */
export function TidyButton() {
  return (
    <button
      type="button"
      className="pnd-link pnd-tidy"
      onClick={tidy}
      data-testid="tidy"
      title="Lay out the whole design: containers packed, nothing on top of anything (Ctrl+Z undoes)"
    >
      Tidy
    </button>
  );
}

export function CanvasTools() {
  const [mapOpen, setMapOpen] = useState(true);
  return (
    <>
      {mapOpen && (
        <MiniMap
          pannable
          zoomable
          ariaLabel="Overview map"
          style={{ width: MINIMAP.width, height: MINIMAP.height }}
        />
      )}
      <Panel position="bottom-right" className={`pnd-map-toggle${mapOpen ? ' is-open' : ''}`}>
        <button
          type="button"
          className="pnd-link"
          onClick={() => setMapOpen(!mapOpen)}
          aria-expanded={mapOpen}
          data-testid="toggle-minimap"
        >
          {mapOpen ? 'Hide map' : 'Map'}
        </button>
      </Panel>
    </>
  );
}
