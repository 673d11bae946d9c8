// Level of detail, zoomed out (lod.ts): where no VPC's text can be read, the VPCs and the lines
// between them are drawn as one SVG inside React Flow's viewport — a handful of paths, one per
// look, instead of a thousand mounted nodes and edges. React Flow keeps what must stay interactive
// at that zoom: accounts, Transit Gateways, repositories and the selected VPCs. A click on a box
// selects its VPC (which mounts it, so it can then be dragged); a double click zooms to it, which
// mounts its detail. The SVG moves with the viewport's transform, so panning renders nothing.
import { memo, useMemo, useRef, type MouseEvent, type PointerEvent } from 'react';
import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import { vpcAt, type Overview } from './overview-paths';

/** A press that moved further than this is a pan, not a click. */
const CLICK_DISTANCE = 4;

export const OverviewLayer = memo(function OverviewLayer({ overview }: { overview: Overview }) {
  const { screenToFlowPosition, fitBounds } = useReactFlow();
  const pressed = useRef<{ x: number; y: number } | null>(null);
  const hit = (event: MouseEvent) =>
    vpcAt(overview.vpcs, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  const handlers = useMemo(
    () => ({
      onPointerDown: (event: PointerEvent) => {
        pressed.current = { x: event.clientX, y: event.clientY };
      },
      onClick: (event: MouseEvent) => {
        const from = pressed.current;
        if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > CLICK_DISTANCE) return;
        const vpc = hit(event);
        if (!vpc) return;
        event.stopPropagation();
        const { select, selection } = useUiStore.getState();
        // Shift/Ctrl/Cmd adds to (or takes from) the selection, as on canvas nodes.
        if (event.shiftKey || event.ctrlKey || event.metaKey)
          select(
            selection.includes(vpc.id) ? selection.filter((x) => x !== vpc.id) : [...selection, vpc.id],
            { tab: 'inspector' },
          );
        else select([vpc.id], { tab: 'inspector' });
      },
      onDoubleClick: (event: MouseEvent) => {
        const vpc = hit(event);
        if (!vpc) return;
        event.stopPropagation();
        const { x, y, w, h } = vpc.box;
        void fitBounds({ x, y, width: w, height: h }, { padding: 0.2, duration: 300 });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hit reads the overview of this render
    [overview, screenToFlowPosition, fitBounds],
  );
  return (
    <ViewportPortal>
      <svg
        className="pnd-overview"
        data-testid="overview"
        data-vpcs={overview.vpcs.length}
        width={1}
        height={1}
        aria-hidden
      >
        {[...overview.linePaths].map(([className, d]) => (
          <path key={className} className={className} d={d} />
        ))}
        <g className="pnd-overview-boxes" {...handlers}>
          {[...overview.boxPaths].map(([className, d]) => (
            <path key={className} className={className} d={d} />
          ))}
        </g>
      </svg>
    </ViewportPortal>
  );
});
