// Zoomed in on a large design, React Flow is handed only the nodes near the view (and the ends of
// the lines that reach them): the library then keeps a few hundred nodes instead of thousands, so
// crossing into the detail zoom, or panning across the design, never processes the whole graph at
// once. The region is the view widened by one cell on every side, on a grid whose cell is one view
// at the zoom's half-octave: the canvas re-renders only when the view crosses a cell.
import { useStore, type Edge, type ReactFlowState } from '@xyflow/react';
import type { DesignNode } from './derive';
import { intersects, type Box } from './layout';
import { absoluteBoxes } from './obstacles';

/** Designs with fewer canvas nodes are handed to React Flow whole, as they always were. */
export const CULL_ABOVE = 600;

function regionKey(s: ReactFlowState): string {
  const [tx, ty, zoom] = s.transform;
  if (!s.width || !s.height || !zoom) return '';
  const step = 2 ** (Math.floor(Math.log2(zoom) * 2) / 2);
  const cell = Math.max(s.width, s.height) / step;
  const x = -tx / zoom;
  const y = -ty / zoom;
  const x0 = Math.floor(x / cell) - 1;
  const y0 = Math.floor(y / cell) - 1;
  const x1 = Math.floor((x + s.width / zoom) / cell) + 2;
  const y1 = Math.floor((y + s.height / zoom) / cell) + 2;
  return `${x0 * cell} ${y0 * cell} ${(x1 - x0) * cell} ${(y1 - y0) * cell}`;
}

/** The region of the flow to mount, or null to mount everything. */
export function useViewRegion(enabled: boolean): Box | null {
  const key = useStore((s) => (enabled ? regionKey(s) : ''));
  if (!key) return null;
  const [x, y, w, h] = key.split(' ').map(Number) as [number, number, number, number];
  return { x, y, w, h };
}

/** The nodes in `region`, the selected ones, both ends of every edge touching the region, and
 * the containers of all of these (React Flow needs a child's parent), in their original order. */
export function cullNodes(
  nodes: readonly DesignNode[],
  edges: readonly Edge[],
  region: Box,
  selected: ReadonlySet<string>,
): DesignNode[] {
  const boxes = absoluteBoxes(nodes);
  const inside = new Set<string>();
  for (const [id, { box }] of boxes) if (intersects(box, region)) inside.add(id);
  const keep = new Set<string>([...selected, ...inside]);
  for (const e of edges)
    if (inside.has(e.source) || inside.has(e.target)) {
      keep.add(e.source);
      keep.add(e.target);
    }
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (const id of [...keep]) {
    let parent = parentOf.get(id);
    while (parent && !keep.has(parent)) {
      keep.add(parent);
      parent = parentOf.get(parent);
    }
  }
  return nodes.filter((n) => keep.has(n.id));
}
