// Every peering line of the design routed at once, so each label also avoids the labels placed
// before it (edges.tsx re-routes a line on its own only while one of its VPCs is being dragged).
import type { Edge } from '@xyflow/react';
import type { AttachmentEdgeData, PeeringEdgeData } from './derive';
import { intersects, SIZES, type Box } from './layout';
import { CLEARANCE, direct, findLabelPlace, placeLabel, REACH, routeBetween, type Point } from './router';

/** What peering lines avoid (VPCs, repositories) and what their labels avoid besides (account headers). */
export interface Obstacles {
  boxes: readonly { id: string; box: Box }[];
  labelBlockers: readonly Box[];
  /** Every node's extent with a margin: lines stay inside it, so fitting the nodes shows them. */
  bounds?: Box;
}

export interface PeeringRoute {
  from: Box;
  to: Box;
  points: Point[];
  label: Point;
  /** The label's width: narrower than the name needs where only a narrow gap is clear. */
  labelWidth: number;
}

/** Peering labels show the name only, cut to this width; the full text is the tooltip. */
export const LABEL = { maxWidth: 180, minWidth: 60, height: 22, charWidth: 7.4, badge: 28 } as const;

/** Edges drawn as routed lines with a label: VPC peerings and TGW attachments. */
export const ROUTED_EDGE_TYPES: ReadonlySet<string | undefined> = new Set(['peering', 'tgwAttachment']);

/** The label of a routed edge: the peering's or attachment's name, else its id. */
export function linkLabel(edge: Pick<Edge, 'id' | 'data'>): { name: string; withBadge: boolean } {
  const data = edge.data as Partial<PeeringEdgeData & AttachmentEdgeData> | undefined;
  return {
    name: data?.peering?.name || data?.attachment?.name || edge.id,
    withBadge: !!data?.issues,
  };
}

export function labelSize(name: string, withBadge: boolean): { w: number; h: number } {
  return {
    w:
      Math.min(LABEL.maxWidth, Math.ceil(name.length * LABEL.charWidth) + 16) + (withBadge ? LABEL.badge : 0),
    h: LABEL.height,
  };
}

/** The points' bounding box, widened by `dx` and `dy` on each side. */
function extentOf(points: readonly Point[], dx: number, dy: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - dx;
  const y = Math.min(...ys) - dy;
  return { x, y, w: Math.max(...xs) + dx - x, h: Math.max(...ys) + dy - y };
}

export const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/** One line and its label for a peering between `from` and `to`, among `obstacles`. */
export function routePeering(
  source: string,
  target: string,
  from: Box,
  to: Box,
  size: { w: number; h: number },
  obstacles: Obstacles,
  labelsSoFar: readonly Box[] = [],
  drawn: readonly (readonly Point[])[] = [],
  search = true,
): PeeringRoute {
  const others = obstacles.boxes.filter((o) => o.id !== source && o.id !== target).map((o) => o.box);
  // A line may cross an account's header (at a price) but not the padding beside it, where lines
  // run into the account.
  const soft = obstacles.labelBlockers.map((b) => ({ ...b, x: b.x + SIZES.pad, w: b.w - 2 * SIZES.pad }));
  const points = search ? routeBetween(from, to, others, soft, obstacles.bounds, drawn) : direct(from, to);
  return labelled(
    from,
    to,
    points,
    size,
    [...others, ...obstacles.labelBlockers, ...labelsSoFar],
    obstacles.bounds,
  );
}

function labelled(
  from: Box,
  to: Box,
  points: Point[],
  size: { w: number; h: number },
  avoid: readonly Box[],
  bounds: Box | undefined,
): PeeringRoute {
  // Only what lies near the line can be under its label.
  const reach = extentOf(points, LABEL.maxWidth + LABEL.badge, LABEL.height);
  const blockers = [from, to, ...avoid].filter((b) => intersects(b, reach));
  // Full width where there is room; else narrower (more of the name cut) to fit a gap between boxes.
  for (const w of [size.w, Math.min(size.w, 100), Math.min(size.w, LABEL.minWidth)]) {
    const label = findLabelPlace(points, { w, h: size.h }, blockers, bounds);
    if (label) return { from, to, points, label, labelWidth: w };
  }
  const label = placeLabel(points, size, blockers);
  return { from, to, points, label, labelWidth: size.w };
}

/**
 * Routes every peering in order; each label avoids the labels before it and each line prices
 * sharing the lines before it. With `previous` (the routes of the last layout) and the boxes that
 * changed since, a line whose ends did not move and whose search area no changed box touches keeps
 * its course (its label is placed again): a drag on a large design re-routes only nearby lines.
 */
/** Past this many peerings a design draws its lines direct (orthogonal, between facing sides)
 * instead of searching a way round: opening a design of hundreds stays quick. */
export const MAX_ROUTED_PEERINGS = 120;

export function routeAll(
  edges: readonly Edge[],
  obstacles: Obstacles,
  previous?: { routes: ReadonlyMap<string, PeeringRoute>; changed: readonly Box[] },
): Map<string, PeeringRoute> {
  const byId = new Map(obstacles.boxes.map((o) => [o.id, o.box]));
  const out = new Map<string, PeeringRoute>();
  const labels: Box[] = [];
  const drawn: Point[][] = [];
  const search = edges.length <= MAX_ROUTED_PEERINGS;
  for (const edge of edges) {
    if (!ROUTED_EDGE_TYPES.has(edge.type)) continue;
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const label = linkLabel(edge);
    const size = labelSize(label.name, label.withBadge);
    const old = previous?.routes.get(edge.id);
    const keep =
      old &&
      previous &&
      sameBox(old.from, from) &&
      sameBox(old.to, to) &&
      !previous.changed.some((b) => intersects(b, searchArea(from, to)));
    const route = keep
      ? labelled(
          from,
          to,
          old.points,
          size,
          [
            ...obstacles.boxes.filter((o) => o.id !== edge.source && o.id !== edge.target).map((o) => o.box),
            ...obstacles.labelBlockers,
            ...labels,
          ],
          obstacles.bounds,
        )
      : routePeering(edge.source, edge.target, from, to, size, obstacles, labels, drawn, search);
    drawn.push(route.points);
    // A little room around each label, so two never touch.
    labels.push({
      x: route.label.x - route.labelWidth / 2 - 4,
      y: route.label.y - size.h / 2 - 4,
      w: route.labelWidth + 8,
      h: size.h + 8,
    });
    out.set(edge.id, route);
  }
  return out;
}

/** Where the router looks for a line between two boxes. */
function searchArea(from: Box, to: Box): Box {
  const r = REACH + CLEARANCE;
  const x = Math.min(from.x, to.x) - r;
  const y = Math.min(from.y, to.y) - r;
  return {
    x,
    y,
    w: Math.max(from.x + from.w, to.x + to.w) + r - x,
    h: Math.max(from.y + from.h, to.y + to.h) + r - y,
  };
}

/** Boxes present in only one of the two lists (moved, added or removed), by id. */
function changedBoxes(before: Obstacles, after: Obstacles): Box[] {
  const old = new Map(before.boxes.map((o) => [o.id, o.box]));
  const out: Box[] = [];
  for (const { id, box } of after.boxes) {
    const was = old.get(id);
    if (!was || !sameBox(was, box)) out.push(box, ...(was ? [was] : []));
    old.delete(id);
  }
  out.push(...old.values());
  const headers = new Set(before.labelBlockers.map((b) => `${b.x},${b.y},${b.w},${b.h}`));
  const now = new Set(after.labelBlockers.map((b) => `${b.x},${b.y},${b.w},${b.h}`));
  out.push(...after.labelBlockers.filter((b) => !headers.has(`${b.x},${b.y},${b.w},${b.h}`)));
  out.push(...before.labelBlockers.filter((b) => !now.has(`${b.x},${b.y},${b.w},${b.h}`)));
  return out;
}

/** Keeps the previous routes while no box moved and no peering changed ends, name or badge, so a
 * selection change re-routes nothing; after a move, only lines near what moved are routed again. */
export class RouteMemo {
  private obstacles: Obstacles | null = null;
  private keys: string[] = [];
  private routes = new Map<string, PeeringRoute>();

  of(edges: readonly Edge[], obstacles: Obstacles): Map<string, PeeringRoute> {
    const keys = edges.map((e) => {
      const label = linkLabel(e);
      return `${e.id}\u0000${e.source}\u0000${e.target}\u0000${label.name}\u0000${label.withBadge}`;
    });
    const sameEdges = keys.length === this.keys.length && keys.every((k, i) => k === this.keys[i]);
    if (obstacles === this.obstacles && sameEdges) return this.routes;
    const before = this.obstacles;
    const incremental =
      before &&
      before.bounds &&
      obstacles.bounds &&
      sameBox(before.bounds, obstacles.bounds) &&
      new Set(keys).size === keys.length;
    this.routes = routeAll(
      edges,
      obstacles,
      incremental ? { routes: this.routes, changed: changedBoxes(before, obstacles) } : undefined,
    );
    this.obstacles = obstacles;
    this.keys = keys;
    return this.routes;
  }
}
