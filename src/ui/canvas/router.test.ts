// Peering lines: orthogonal, from a side of one VPC to a side of the other, through no other box;
// labels on their line, clear of every box, account header and each other; the same every time.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../app/examples';
import { generateDesign } from '../../model/generate';
import type { Design } from '../../model/schema';
import { deriveEdges, deriveNodes } from './derive';
import { intersects, LayoutCache, layoutDesign, type Box } from './layout';
import { obstaclesOf } from './obstacles';
import { MAX_ROUTED_PEERINGS, routeAll, RouteMemo } from './routes';
import { direct, placeLabel, routeBetween, svgPath, type Point } from './router';

/** Whether an axis-parallel segment passes through the inside of a box. */
function crosses(a: Point, b: Point, box: Box): boolean {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 > box.x && x0 < box.x + box.w && y1 > box.y && y0 < box.y + box.h;
}

function onSide(p: Point, b: Box): boolean {
  const onX = Math.abs(p.x - b.x) < 0.01 || Math.abs(p.x - b.x - b.w) < 0.01;
  const onY = Math.abs(p.y - b.y) < 0.01 || Math.abs(p.y - b.y - b.h) < 0.01;
  return (onX && p.y >= b.y && p.y <= b.y + b.h) || (onY && p.x >= b.x && p.x <= b.x + b.w);
}

function checkRoute(points: Point[], from: Box, to: Box, obstacles: readonly Box[]) {
  expect(onSide(points[0]!, from)).toBe(true);
  expect(onSide(points[points.length - 1]!, to)).toBe(true);
  for (let k = 1; k < points.length; k++) {
    const [a, b] = [points[k - 1]!, points[k]!];
    expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01).toBe(true);
    for (const o of obstacles)
      expect(crosses(a, b, o), `segment ${k} crosses ${JSON.stringify(o)}`).toBe(false);
    // The first and last segments leave and enter their boxes from outside.
    if (k > 1) expect(crosses(a, b, from)).toBe(false);
    if (k < points.length - 1) expect(crosses(a, b, to)).toBe(false);
  }
}

describe('router', () => {
  const box = (x: number, y: number, w = 120, h = 80): Box => ({ x, y, w, h });

  it('goes straight between facing boxes with nothing between', () => {
    const points = routeBetween(box(0, 0), box(400, 0), []);
    expect(points).toEqual([
      { x: 120, y: 40 },
      { x: 400, y: 40 },
    ]);
    expect(svgPath(points)).toBe('M 120 40 L 400 40');
  });

  it('goes around a box in the way', () => {
    const from = box(0, 100);
    const to = box(500, 100);
    const wall = box(200, 0, 100, 300);
    const points = routeBetween(from, to, [wall]);
    checkRoute(points, from, to, [wall]);
    expect(points.length).toBeGreaterThan(2);
  });

  it('finds its way through a field of boxes, the same way every time', () => {
    const field: Box[] = [];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 5; j++) field.push(box(i * 200, j * 150));
    const from = field[0]!;
    const to = field[field.length - 1]!;
    const others = field.filter((b) => b !== from && b !== to);
    const points = routeBetween(from, to, others);
    checkRoute(points, from, to, others);
    expect(routeBetween(from, to, others)).toEqual(points);
  });

  it('puts a label on a clear stretch of its line', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 0, y: 300 },
      { x: 400, y: 300 },
    ];
    const blocker = { x: 150, y: 280, w: 100, h: 40 };
    const at = placeLabel(points, { w: 80, h: 20 }, [blocker]);
    expect(intersects({ x: at.x - 40, y: at.y - 10, w: 80, h: 20 }, blocker)).toBe(false);
    expect(at.x === 0 || at.y === 300).toBe(true);
  });
});

/** Every peering of the design routed as the canvas routes them, checked against every box. */
function checkDesign(design: Design, aspect: number) {
  const cache = new LayoutCache(aspect);
  const boxes = layoutDesign(design, cache);
  const nodes = deriveNodes(design).map((n) => {
    const b = boxes.get(n.id)!;
    return { ...n, position: { x: b.x, y: b.y }, width: b.w, height: b.h };
  });
  const obstacles = obstaclesOf(nodes);
  const edges = deriveEdges(design);
  const routes = routeAll(edges, obstacles);
  const byId = new Map(obstacles.boxes.map((o) => [o.id, o.box]));
  const labels: Box[] = [];
  for (const edge of edges) {
    const route = routes.get(edge.id)!;
    const others = obstacles.boxes
      .filter((o) => o.id !== edge.source && o.id !== edge.target)
      .map((o) => o.box);
    checkRoute(route.points, byId.get(edge.source)!, byId.get(edge.target)!, others);
    const label = {
      x: route.label.x - route.labelWidth / 2,
      y: route.label.y - 11,
      w: route.labelWidth,
      h: 22,
    };
    for (const o of [...obstacles.boxes.map((x) => x.box), ...obstacles.labelBlockers, ...labels])
      expect(intersects(label, o), `${edge.id} label over ${JSON.stringify(o)}`).toBe(false);
    labels.push(label);
  }
  return routes;
}

describe('peering routes of whole designs', () => {
  it('pass no box and put no label on a box, a header or another label (both examples)', () => {
    for (const aspect of [1.07, 1.03, 1.6])
      for (const id of ['example-1', 'example-2'] as const) checkDesign(EXAMPLES[id].design(), aspect);
  });

  it('hold on a generated design with peerings across accounts', () => {
    const design = generateDesign({ vpcs: 24, seed: 4 });
    expect(design.peerings.length).toBeGreaterThan(3);
    const routes = checkDesign(design, 1.3);
    expect(routes.size).toBe(design.peerings.length);
  });
});

describe('re-routing after a move', () => {
  it('keeps the lines far from what moved and routes those near it again, as a fresh routing would', () => {
    const design = generateDesign({ vpcs: 24, seed: 4 });
    const nodes = deriveNodes(design);
    const edges = deriveEdges(design);
    const memo = new RouteMemo();
    const before = memo.of(edges, obstaclesOf(nodes));
    // Nudge one VPC a little inside its account.
    const moved = edges[0]!.source;
    const after = obstaclesOf(
      nodes.map((n) => (n.id === moved ? { ...n, position: { x: n.position.x, y: n.position.y + 30 } } : n)),
    );
    const routes = memo.of(edges, after);
    const touching = edges.filter((e) => e.source === moved || e.target === moved);
    expect(touching.length).toBeGreaterThan(0);
    for (const e of touching) expect(routes.get(e.id)!.points).not.toEqual(before.get(e.id)!.points);
    for (const e of touching)
      expect(routes.get(e.id)!.points).toEqual(routeAll(edges, after).get(e.id)!.points);
    const kept = edges.filter((e) => routes.get(e.id)!.points === before.get(e.id)!.points);
    expect(kept.length).toBeGreaterThan(0);
  });
});

describe('very large designs', () => {
  it('draw their lines direct past MAX_ROUTED_PEERINGS', () => {
    const design = generateDesign({ vpcs: 300, seed: 7 });
    expect(design.peerings.length).toBeGreaterThan(MAX_ROUTED_PEERINGS);
    const nodes = deriveNodes(design);
    const obstacles = obstaclesOf(nodes);
    const routes = routeAll(deriveEdges(design), obstacles);
    const byId = new Map(obstacles.boxes.map((o) => [o.id, o.box]));
    for (const p of design.peerings.slice(0, 20)) {
      const route = routes.get(p.id)!;
      expect(route.points).toEqual(direct(byId.get(p.requester)!, byId.get(p.accepter)!));
    }
  });
});
