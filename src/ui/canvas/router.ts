// Peering lines drawn around boxes, not through them: a small obstacle-avoiding orthogonal router.
// The lines run on a sparse grid made of the obstacles' (widened) edges and the end points, so a
// route hugs the channels between boxes; a shortest path with a price on each bend (Dijkstra with
// an A* bound) picks one of the four sides of each end. Libraries that do this (libavoid-js, elkjs)
// ship as 0.5–1.4 MB of WebAssembly or Java-compiled code for a few dozen lines per design here;
// this router is about 200 lines of plain TypeScript, deterministic and pure.
import type { Box } from './layout';

export interface Point {
  x: number;
  y: number;
}

export interface Route {
  points: Point[];
  /** Centre of the label, on the route, clear of every obstacle when there is such a place. */
  label: Point;
}

/** Space kept between a line and the boxes it passes. */
export const CLEARANCE = 14;
const BEND = 60;
/** How far beyond its two boxes a line may go looking for a way round. */
export const REACH = 160;
/** Beyond this many boxes near a line, routing would cost too much per frame: draw it direct. */
const MAX_OBSTACLES = 40;

type Dir = 0 | 1 | 2 | 3; // right, down, left, up
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

interface Port {
  side: Point;
  stub: Point;
  dir: Dir;
  /** Extra cost of using this port (off the side's middle, or taken by another line). */
  cost: number;
}

/** The four side middles (what `direct` uses), then the points at 30 % and 70 % of each side, so
 * several lines on one side can leave apart. */
function ports(b: Box, spread = false): Port[] {
  const at = (t: number): Port[] => {
    const x = b.x + b.w * t;
    const y = b.y + b.h * t;
    return [
      { side: { x: b.x + b.w, y }, stub: { x: b.x + b.w + CLEARANCE, y }, dir: 0, cost: 0 },
      { side: { x, y: b.y + b.h }, stub: { x, y: b.y + b.h + CLEARANCE }, dir: 1, cost: 0 },
      { side: { x: b.x, y }, stub: { x: b.x - CLEARANCE, y }, dir: 2, cost: 0 },
      { side: { x, y: b.y }, stub: { x, y: b.y - CLEARANCE }, dir: 3, cost: 0 },
    ];
  };
  if (!spread) return at(0.5);
  const off = (t: number) => at(t).map((p) => ({ ...p, cost: OFF_CENTRE }));
  return [...at(0.5), ...off(0.3), ...off(0.7)];
}

const inflate = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by });

/** The index of `v` in sorted `values` (within half a pixel), or -1. */
function indexOf(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const x = values[m]!;
    if (Math.abs(x - v) < 0.5) return m;
    if (x < v) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}

function sortedUnique(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (!out.length || v - out[out.length - 1]! > 0.5) out.push(v);
  return out;
}

/** Grid lines: obstacle edges, the ports, and the middle of every wide channel between them. */
function gridLines(values: number[]): number[] {
  const base = sortedUnique(values);
  const mids = base.slice(1).flatMap((v, i) => (v - base[i]! > 3 * CLEARANCE ? [(v + base[i]!) / 2] : []));
  return sortedUnique([...base, ...mids]);
}

/** A small binary heap of [cost, state]. */
class Heap {
  private items: [number, number][] = [];
  get size() {
    return this.items.length;
  }
  push(cost: number, state: number) {
    const a = this.items;
    a.push([cost, state]);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]![0] <= a[i]![0]) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): [number, number] {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) ||
        (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** The direct line between the facing sides, for when no route exists or routing would cost too much. */
export function direct(from: Box, to: Box): Point[] {
  const a = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const b = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  const horizontal = Math.abs(b.x - a.x) / (from.w + to.w) >= Math.abs(b.y - a.y) / (from.h + to.h);
  const pf = ports(from)[horizontal ? (b.x > a.x ? 0 : 2) : b.y > a.y ? 1 : 3]!;
  const pt = ports(to)[horizontal ? (b.x > a.x ? 2 : 0) : b.y > a.y ? 3 : 1]!;
  const mid = horizontal ? (pf.stub.x + pt.stub.x) / 2 : (pf.stub.y + pt.stub.y) / 2;
  return simplify([
    pf.side,
    pf.stub,
    horizontal ? { x: mid, y: pf.stub.y } : { x: pf.stub.x, y: mid },
    horizontal ? { x: mid, y: pt.stub.y } : { x: pt.stub.x, y: mid },
    pt.stub,
    pt.side,
  ]);
}

/** Extra cost of each unit of line inside a soft obstacle (an account's header, which a line
 * may cross when going around would be much longer). */
const SOFT = 4;
/** Extra cost per unit of running along a line already drawn, and of a port already taken. */
const SHARED = 3;
const PORT_TAKEN = 150;
const OFF_CENTRE = 20;

/**
 * An orthogonal polyline from a side of `from` to a side of `to` that passes no obstacle (with
 * CLEARANCE to spare) and stays inside `bounds` (the design's extent) when given.
 */
export function routeBetween(
  from: Box,
  to: Box,
  obstacles: readonly Box[],
  soft: readonly Box[] = [],
  bounds?: Box,
  /** Lines drawn before this one: sharing their runs or their ports costs extra. */
  drawn: readonly (readonly Point[])[] = [],
): Point[] {
  let x0 = Math.min(from.x, to.x) - REACH;
  let y0 = Math.min(from.y, to.y) - REACH;
  let x1 = Math.max(from.x + from.w, to.x + to.w) + REACH;
  let y1 = Math.max(from.y + from.h, to.y + to.h) + REACH;
  if (bounds) {
    x0 = Math.max(x0, bounds.x);
    y0 = Math.max(y0, bounds.y);
    x1 = Math.min(x1, bounds.x + bounds.w);
    y1 = Math.min(y1, bounds.y + bounds.h);
  }
  // The ends' own stubs are always inside.
  const edge = CLEARANCE + 2;
  x0 = Math.min(x0, from.x - edge, to.x - edge);
  y0 = Math.min(y0, from.y - edge, to.y - edge);
  x1 = Math.max(x1, from.x + from.w + edge, to.x + to.w + edge);
  y1 = Math.max(y1, from.y + from.h + edge, to.y + to.h + edge);
  const area: Box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  const near = [from, to, ...obstacles.filter((o) => o !== from && o !== to)]
    .filter((o) => o.x < area.x + area.w && area.x < o.x + o.w && o.y < area.y + area.h && area.y < o.y + o.h)
    .map((o) => inflate(o, CLEARANCE - 1));
  if (near.length > MAX_OBSTACLES) return direct(from, to);
  const softNear = soft.filter(
    (o) => o.x < area.x + area.w && area.x < o.x + o.w && o.y < area.y + area.h && area.y < o.y + o.h,
  );

  const taken = (p: Point) =>
    drawn.some((line) => line.some((q) => Math.abs(q.x - p.x) < 1 && Math.abs(q.y - p.y) < 1));
  const priced = (list: Port[]) => list.map((p) => (taken(p.side) ? { ...p, cost: p.cost + PORT_TAKEN } : p));
  const starts = priced(ports(from, true));
  const goals = priced(ports(to, true));
  const xs = gridLines([
    area.x,
    area.x + area.w,
    ...near.flatMap((o) => [o.x, o.x + o.w]),
    ...softNear.flatMap((o) => [o.x, o.x + o.w]),
    ...starts.map((p) => p.stub.x),
    ...goals.map((p) => p.stub.x),
  ]);
  const ys = gridLines([
    area.y,
    area.y + area.h,
    ...near.flatMap((o) => [o.y, o.y + o.h]),
    ...softNear.flatMap((o) => [o.y, o.y + o.h]),
    ...starts.map((p) => p.stub.y),
    ...goals.map((p) => p.stub.y),
  ]);
  const X = xs.length;
  const Y = ys.length;
  // Grid points and the middles of grid steps, on a doubled grid: (2i, 2j) is the point
  // (xs[i], ys[j]); (2i+1, 2j) the middle of the step from i to i+1. Each box marks, once, the
  // points and middles strictly inside it, so a step is checked by two lookups.
  const W = 2 * X - 1;
  const cellsOf = (values: number[], lo: number, hi: number): [number, number] => {
    const a = indexOf(values, lo);
    const b = indexOf(values, hi);
    return a < 0 || b < 0 ? [1, 0] : [2 * a + 1, 2 * b - 1];
  };
  const mark = (mask: Uint8Array, boxes: readonly Box[]) => {
    for (const o of boxes) {
      const [a0, a1] = cellsOf(xs, o.x, o.x + o.w);
      const [b0, b1] = cellsOf(ys, o.y, o.y + o.h);
      for (let b = b0; b <= b1; b++) mask.fill(1, b * W + a0, b * W + a1 + 1);
    }
    return mask;
  };
  const blockedAt = mark(new Uint8Array(W * (2 * Y - 1)), near);
  const softAt = mark(new Uint8Array(W * (2 * Y - 1)), softNear);
  const sharedAt = new Uint8Array(W * (2 * Y - 1));
  for (const line of drawn)
    for (let k = 1; k < line.length; k++) {
      const [p, q] = [line[k - 1]!, line[k]!];
      if (Math.abs(p.y - q.y) < 1) {
        const j = indexOf(ys, p.y);
        const [a0, a1] = cellsOf(xs, Math.min(p.x, q.x), Math.max(p.x, q.x));
        if (j >= 0) for (let a = a0; a <= a1; a++) sharedAt[2 * j * W + a] = 1;
      } else if (Math.abs(p.x - q.x) < 1) {
        const i = indexOf(xs, p.x);
        const [b0, b1] = cellsOf(ys, Math.min(p.y, q.y), Math.max(p.y, q.y));
        if (i >= 0) for (let b = b0; b <= b1; b++) sharedAt[b * W + 2 * i] = 1;
      }
    }
  const state = (i: number, j: number, d: number) => (j * X + i) * 4 + d;
  const goalAt = new Map<number, Port[]>();
  for (const g of goals) {
    const key = indexOf(ys, g.stub.y) * X + indexOf(xs, g.stub.x);
    goalAt.set(key, [...(goalAt.get(key) ?? []), g]);
  }
  // Never more than what is left to travel, so the first route found at a cost is the cheapest.
  const guess = (i: number, j: number) => {
    let least = Infinity;
    for (const g of goals) least = Math.min(least, Math.abs(xs[i]! - g.stub.x) + Math.abs(ys[j]! - g.stub.y));
    return least;
  };

  const best = new Float64Array(X * Y * 4).fill(Infinity);
  const from_ = new Int32Array(X * Y * 4).fill(-1);
  const heap = new Heap();
  for (const s of starts) {
    const i = indexOf(xs, s.stub.x);
    const j = indexOf(ys, s.stub.y);
    if (i < 0 || j < 0 || blockedAt[2 * j * W + 2 * i]) continue;
    const st = state(i, j, s.dir);
    if (CLEARANCE + s.cost >= best[st]!) continue;
    best[st] = CLEARANCE + s.cost;
    heap.push(best[st]! + guess(i, j), st);
  }
  let found = -1;
  let foundCost = Infinity;
  while (heap.size) {
    const [priority, st] = heap.pop();
    if (priority >= foundCost) break;
    const cost = best[st]!;
    const d = st % 4;
    const cell = (st - d) / 4;
    const i = cell % X;
    const j = (cell - i) / X;
    for (const goal of goalAt.get(cell) ?? []) {
      // Arriving against the side's outward direction enters the box straight on.
      const total = cost + CLEARANCE + goal.cost + ((d + 2) % 4 === goal.dir ? 0 : BEND);
      if (total < foundCost) {
        foundCost = total;
        found = st;
      }
    }
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (d + 2) % 4) continue;
      const ni = i + DX[nd]!;
      const nj = j + DY[nd]!;
      if (ni < 0 || nj < 0 || ni >= X || nj >= Y) continue;
      const mid = (j + nj) * W + i + ni;
      if (blockedAt[mid] || blockedAt[2 * nj * W + 2 * ni]) continue;
      const length = Math.abs(xs[ni]! - xs[i]!) + Math.abs(ys[nj]! - ys[j]!);
      const step = length * (softAt[mid] ? SOFT : 1) * (sharedAt[mid] ? SHARED : 1) + (nd === d ? 0 : BEND);
      const ns = state(ni, nj, nd);
      if (cost + step < best[ns]!) {
        best[ns] = cost + step;
        from_[ns] = st;
        heap.push(cost + step + guess(ni, nj), ns);
      }
    }
  }
  if (found < 0) return direct(from, to);
  const cells: Point[] = [];
  for (let st = found; st >= 0; st = from_[st]!) {
    const cell = (st - (st % 4)) / 4;
    cells.push({ x: xs[cell % X]!, y: ys[Math.floor(cell / X)]! });
  }
  cells.reverse();
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  const start = starts.find((s) => Math.abs(s.stub.x - first.x) < 0.5 && Math.abs(s.stub.y - first.y) < 0.5);
  const end = goals.find((g) => Math.abs(g.stub.x - last.x) < 0.5 && Math.abs(g.stub.y - last.y) < 0.5);
  if (!start || !end) return direct(from, to);
  return simplify([start.side, ...cells, end.side]);
}

/**
 * Where a label of the given size sits on the route: the middle of the longest segment whose
 * label box touches no obstacle (and stays inside `bounds`), else the first clear place along any
 * segment, else the middle of the longest segment.
 */
export function placeLabel(
  points: readonly Point[],
  size: { w: number; h: number },
  obstacles: readonly Box[],
  bounds?: Box,
): Point {
  return findLabelPlace(points, size, obstacles, bounds) ?? fallbackPlace(points);
}

function segmentsOf(points: readonly Point[]) {
  return points
    .slice(1)
    .map((b, i) => ({
      a: points[i]!,
      b,
      length: Math.abs(b.x - points[i]!.x) + Math.abs(b.y - points[i]!.y),
    }))
    .sort((p, q) => q.length - p.length);
}

/** The middle of the longest segment. */
function fallbackPlace(points: readonly Point[]): Point {
  const s = segmentsOf(points)[0];
  return s ? { x: (s.a.x + s.b.x) / 2, y: (s.a.y + s.b.y) / 2 } : (points[0] ?? { x: 0, y: 0 });
}

/** A clear place for a label of this size on the route, or null when there is none. */
export function findLabelPlace(
  points: readonly Point[],
  size: { w: number; h: number },
  obstacles: readonly Box[],
  bounds?: Box,
): Point | null {
  const clear = (c: Point) => {
    const box = { x: c.x - size.w / 2, y: c.y - size.h / 2, w: size.w, h: size.h };
    if (
      bounds &&
      (box.x < bounds.x ||
        box.y < bounds.y ||
        box.x + box.w > bounds.x + bounds.w ||
        box.y + box.h > bounds.y + bounds.h)
    )
      return false;
    return !obstacles.some(
      (o) => box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h,
    );
  };
  const segments = segmentsOf(points);
  const at = (s: (typeof segments)[number], t: number) => ({
    x: s.a.x + (s.b.x - s.a.x) * t,
    y: s.a.y + (s.b.y - s.a.y) * t,
  });
  for (const s of segments) if (clear(at(s, 0.5))) return at(s, 0.5);
  for (const s of segments) {
    const steps = Math.max(1, Math.floor(s.length / 12));
    for (let k = 1; k < steps; k++) if (clear(at(s, k / steps))) return at(s, k / steps);
  }
  return null;
}

/** An SVG path through the points with rounded corners. */
export function svgPath(points: readonly Point[], radius = 8): string {
  if (!points.length) return '';
  let d = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let k = 1; k < points.length - 1; k++) {
    const p = points[k - 1]!;
    const c = points[k]!;
    const n = points[k + 1]!;
    const r = Math.min(
      radius,
      (Math.abs(c.x - p.x) + Math.abs(c.y - p.y)) / 2,
      (Math.abs(n.x - c.x) + Math.abs(n.y - c.y)) / 2,
    );
    const inX = c.x - Math.sign(c.x - p.x) * r;
    const inY = c.y - Math.sign(c.y - p.y) * r;
    const outX = c.x + Math.sign(n.x - c.x) * r;
    const outY = c.y + Math.sign(n.y - c.y) * r;
    d += ` L ${inX} ${inY} Q ${c.x} ${c.y} ${outX} ${outY}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L ${last.x} ${last.y}`;
}
