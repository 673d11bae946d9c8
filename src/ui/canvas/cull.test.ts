// Culling hands React Flow a region of a large design: what is drawn there must be complete (its
// containers, both ends of its lines, the selection) and what is far away must be left out.
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../model/generate';
import { cullNodes } from './cull';
import { deriveEdges, deriveNodes } from './derive';
import { intersects } from './layout';
import { absoluteBoxes } from './obstacles';

const design = generateDesign({ vpcs: 300, seed: 7 });
const nodes = deriveNodes(design);
const edges = deriveEdges(design);
const boxes = absoluteBoxes(nodes);

describe('cullNodes', () => {
  const target = design.vpcs[150]!;
  const box = boxes.get(target.id)!.box;
  const region = { x: box.x, y: box.y, w: box.w, h: box.h };
  const kept = cullNodes(nodes, edges, region, new Set([design.vpcs[0]!.id]));
  const ids = new Set(kept.map((n) => n.id));

  it('keeps everything in the region, with its account, and a small part of the whole', () => {
    for (const [id, b] of boxes) if (intersects(b.box, region)) expect(ids.has(id), id).toBe(true);
    expect(ids.has(target.account)).toBe(true);
    for (const s of target.subnets) expect(ids.has(s.id)).toBe(true);
    expect(kept.length).toBeLessThan(nodes.length / 4);
  });

  it('keeps both ends of every line that reaches the region, and the selection', () => {
    for (const e of edges)
      if (e.source === target.id || e.target === target.id) {
        expect(ids.has(e.source)).toBe(true);
        expect(ids.has(e.target)).toBe(true);
      }
    expect(ids.has(design.vpcs[0]!.id)).toBe(true);
  });

  it('gives every kept node its parent, in the original order', () => {
    for (const n of kept) if (n.parentId) expect(ids.has(n.parentId), n.id).toBe(true);
    const order = nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
    expect(kept.map((n) => n.id)).toEqual(order);
  });
});
