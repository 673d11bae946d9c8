// The picture a received link's page shows before the app's script has run: the design as the
// zoomed-out canvas will draw it, at the fit the canvas will choose, computed (app/link-preview.ts)
// and drawn (app/preview.ts) by the page's first chunk. Every step is the app's own — the
// canvas's nodes and edges (derive.ts), the overview's paths (overview-paths.ts), React Flow's fit
// (getViewportForBounds with the canvas's FIT_OPTIONS) — so the app replaces it without a jump.
// Only boxes and lines: no names, so nothing a user wrote reaches the page through it.
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Design } from '../../model/schema';
import { deriveEdges, NodeDeriver } from './derive';
import type { Box } from './layout';
import { absoluteBoxes } from './obstacles';
import { overviewOf } from './overview-paths';
import { aspectOf, canvasSizeIn, DETAIL_ZOOM, FIT_OPTIONS, MIN_ZOOM, type Size } from './view';

/** What React Flow still mounts when zoomed out (DesignCanvas): drawn as bare frames. */
export type PreviewNodeKind = 'account' | 'repository' | 'transitGateway';

export interface PreviewNode {
  kind: PreviewNodeKind;
  box: Box;
}

export interface Preview {
  /** The canvas's size on the screen it was computed for. */
  canvas: Size;
  /** React Flow's viewport after fitting the design (translate, then scale). */
  viewport: Viewport;
  nodes: PreviewNode[];
  /** [class list, SVG path data], as the overview draws them: lines first, then VPC boxes. */
  lines: [string, string][];
  boxes: [string, string][];
  vpcs: number;
}

const MOUNTED: ReadonlySet<string> = new Set<PreviewNodeKind>(['account', 'repository', 'transitGateway']);

/**
 * The zoomed-out canvas of `design` fitted into a window of size `inner`, or null when the fit
 * would be zoomed in far enough for the canvas to draw the detail (a small design: the preview's
 * boxes would then not be what the app paints).
 */
export function previewOf(design: Design, inner: Size): Preview | null {
  const canvas = canvasSizeIn(inner);
  if (canvas.width <= 0 || canvas.height <= 0) return null;
  // Nothing selected yet and no findings: the page has just opened.
  const nodes = new NodeDeriver(aspectOf(canvas)).nodes(design, new Set()).filter((n) => n.type !== 'subnet');
  const mounted = new Set(nodes.filter((n) => MOUNTED.has(n.type)).map((n) => n.id));
  if (!mounted.size) return null;
  const boxes = absoluteBoxes(nodes);
  const frames: PreviewNode[] = [];
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [id, { type, box }] of boxes) {
    if (!mounted.has(id)) continue;
    frames.push({ kind: type as PreviewNodeKind, box });
    x1 = Math.min(x1, box.x);
    y1 = Math.min(y1, box.y);
    x2 = Math.max(x2, box.x + box.w);
    y2 = Math.max(y2, box.y + box.h);
  }
  // React Flow fits the nodes it has, which zoomed out are exactly the mounted ones.
  const bounds = { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  const viewport = getViewportForBounds(
    bounds,
    canvas.width,
    canvas.height,
    MIN_ZOOM,
    FIT_OPTIONS.maxZoom,
    FIT_OPTIONS.padding,
  );
  if (viewport.zoom >= DETAIL_ZOOM) return null;
  const overview = overviewOf(nodes, deriveEdges(design), mounted, new Map(), boxes);
  return {
    canvas,
    viewport,
    nodes: frames,
    lines: [...overview.linePaths],
    boxes: [...overview.boxPaths],
    vpcs: overview.vpcs.length,
  };
}

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
/** Path data as overview-paths.ts writes it: commands and numbers, nothing else. */
const PATH_DATA = /^[MLHVZmlhvz\d\s.,e+-]*$/;
const KINDS: ReadonlySet<unknown> = MOUNTED;

/**
 * Whether `preview` holds only numbers, the canvas's own class lists and path data made of
 * numbers — what a preview computed from a link's unchecked data must hold before the page draws
 * it, so that no text from the link reaches the page before the design is checked.
 */
export function plainPreview(preview: Preview): boolean {
  const { canvas, viewport } = preview;
  if (![canvas.width, canvas.height, viewport.x, viewport.y, viewport.zoom, preview.vpcs].every(finite))
    return false;
  for (const { kind, box } of preview.nodes)
    if (!KINDS.has(kind) || ![box.x, box.y, box.w, box.h].every(finite)) return false;
  return [...preview.lines, ...preview.boxes].every(
    ([className, d]) => /^[a-z -]+$/.test(className) && PATH_DATA.test(d),
  );
}
