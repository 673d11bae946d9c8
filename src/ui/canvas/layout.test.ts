// The packed layout: the same design always lays out the same way, no element covers a sibling
// (also when stored boxes collide), children stay inside their parents, and a large design fills
// the screen's shape as a grid of accounts rather than one tall column.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../app/examples';
import { applyCommands } from '../../model/command';
import { setFields } from '../../model/commands/element';
import { setLayout } from '../../model/commands/layout';
import { tidyLayout } from '../../model/commands/layout';
import { generateDesign } from '../../model/generate';
import type { Design } from '../../model/schema';
import { deriveNodes } from './derive';
import { isOpened } from './fit';
import { intersects, LayoutCache, layoutDesign, packToAspect, settle, type Box } from './layout';
import { absoluteBoxes } from './obstacles';

/** Pairs of nodes whose boxes intersect although neither contains the other as an ancestor. */
function overlaps(design: Design, aspect?: number): string[] {
  const nodes = deriveNodes(design);
  const cache = new LayoutCache(aspect);
  const boxes = absoluteBoxes(aspect ? layoutNodes(design, cache) : nodes);
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    for (let p = parent.get(id); p; p = parent.get(p)) out.add(p);
    return out;
  };
  const list = [...boxes];
  const out: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, { box: ba }] = list[i]!;
      const [b, { box: bb }] = list[j]!;
      if (ancestors(a).has(b) || ancestors(b).has(a)) continue;
      if (intersects(ba, bb)) out.push(`${a} × ${b}`);
    }
  return out;
}

function layoutNodes(design: Design, cache: LayoutCache) {
  const boxes = layoutDesign(design, cache);
  return deriveNodes(design).map((n) => {
    const b = boxes.get(n.id)!;
    return { ...n, position: { x: b.x, y: b.y }, width: b.w, height: b.h };
  });
}

/** Children that reach outside their parent's box. */
function outside(design: Design): string[] {
  const nodes = deriveNodes(design);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes.flatMap((n) => {
    const p = n.parentId ? byId.get(n.parentId) : undefined;
    if (!p) return [];
    const inside =
      n.position.x >= 0 &&
      n.position.y >= 0 &&
      n.position.x + n.width! <= p.width! &&
      n.position.y + n.height! <= p.height!;
    return inside ? [] : [n.id];
  });
}

const examples = [EXAMPLES['example-1'].design(), EXAMPLES['example-2'].design()];

describe('layout', () => {
  it('is deterministic', () => {
    const design = generateDesign({ vpcs: 120, seed: 5 });
    expect(layoutDesign(design)).toEqual(layoutDesign(structuredClone(design)));
    expect(layoutDesign(design, new LayoutCache(2))).toEqual(layoutDesign(design, new LayoutCache(2)));
  });

  it('places no node on another (examples and generated designs)', () => {
    for (const design of [...examples, generateDesign({ vpcs: 60, seed: 2 })]) {
      expect(overlaps(design)).toEqual([]);
      expect(outside(design)).toEqual([]);
    }
  });

  it('moves an element whose stored box lands on a sibling to free space, and grows the parent', () => {
    const design = EXAMPLES['example-2'].design();
    const boxes = layoutDesign(design);
    const [std, archive] = ['vpc-repo-std', 'repo-std'];
    // The repository dropped right on top of its account's VPC, and two accounts on one spot.
    const [a, b] = design.accounts;
    const piled = applyCommands(design, [
      setLayout({
        boxes: {
          [archive]: { x: boxes.get(std)!.x + 10, y: boxes.get(std)!.y + 10 },
          [b!.id]: { x: boxes.get(a!.id)!.x + 5, y: boxes.get(a!.id)!.y + 5 },
          // Far to the right inside its account: the account must grow to hold it.
          [std]: { x: 900, y: 80 },
        },
      }),
    ]);
    expect(overlaps(piled)).toEqual([]);
    expect(outside(piled)).toEqual([]);
    const after = layoutDesign(piled);
    expect(after.get(std)).toMatchObject({ x: 900, y: 80 });
    expect(after.get('acct-repo-std')!.w).toBeGreaterThanOrEqual(900 + after.get(std)!.w);
  });

  it('keeps a stored box that is free', () => {
    const design = EXAMPLES['example-1'].design();
    const account = design.accounts[0]!.id;
    const moved = applyCommands(design, [setLayout({ boxes: { [account]: { x: -2000, y: -1500 } } })]);
    expect(layoutDesign(moved).get(account)).toMatchObject({ x: -2000, y: -1500 });
  });

  it('lays a large design out as a grid near the screen aspect, not one column', () => {
    const design = generateDesign({ vpcs: 300, seed: 7 });
    for (const aspect of [1, 16 / 9]) {
      const boxes = layoutDesign(design, new LayoutCache(aspect));
      const accounts = design.accounts.map((a) => boxes.get(a.id)!);
      const w = Math.max(...accounts.map((b) => b.x + b.w)) - Math.min(...accounts.map((b) => b.x));
      const h = Math.max(...accounts.map((b) => b.y + b.h)) - Math.min(...accounts.map((b) => b.y));
      expect(new Set(accounts.map((b) => b.x)).size).toBeGreaterThan(1);
      expect(w / h).toBeGreaterThan(aspect / 2);
      expect(w / h).toBeLessThan(aspect * 2);
    }
    expect(overlaps(design, 16 / 9)).toEqual([]);
  });

  it('packs rows for the aspect asked for', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, w: 100, h: 100 }));
    expect(packToAspect(items(12), 3, 0)).toMatchObject({ w: 600, h: 200 });
    expect(packToAspect(items(9), 1, 0)).toMatchObject({ w: 300, h: 300 });
    expect(packToAspect(items(8), 0.5, 0)).toMatchObject({ w: 200, h: 400 });
  });

  it('settles wanted boxes so none overlaps, each as near as it can be', () => {
    const box = (x: number, y: number): Box => ({ x, y, w: 100, h: 50 });
    const placed = settle(
      [
        { id: 'a', box: box(0, 0) },
        { id: 'b', box: box(10, 10) },
        { id: 'c', box: box(400, 0) },
      ],
      16,
    );
    expect(placed.get('a')).toEqual(box(0, 0));
    expect(placed.get('c')).toEqual(box(400, 0));
    const b = placed.get('b')!;
    expect(intersects(b, placed.get('a')!, 15)).toBe(false);
    expect(intersects(b, placed.get('c')!, 15)).toBe(false);
    expect(Math.abs(b.x - 10) + Math.abs(b.y - 10)).toBeLessThanOrEqual(60);
  });

  it('Tidy forgets every stored box in one command, so the packer lays the design out again', () => {
    const design = EXAMPLES['example-1'].design();
    const moved = applyCommands(design, [
      setLayout({
        boxes: { [design.accounts[0]!.id]: { x: 3000, y: 0 }, [design.vpcs[0]!.id]: { x: 500, y: 400 } },
      }),
    ]);
    const tidied = applyCommands(moved, [tidyLayout({})]);
    expect(tidied.layout).toBeUndefined();
    expect(layoutDesign(tidied)).toEqual(layoutDesign(design));
    expect(applyCommands(design, [tidyLayout({})])).toBe(design);
  });
});

describe('opening a design', () => {
  it('tells an opened design from an edit of the current one', () => {
    const one = EXAMPLES['example-1'].design();
    const edited = applyCommands(one, [setLayout({ boxes: { [one.vpcs[0]!.id]: { x: 1, y: 1 } } })]);
    expect(isOpened(one, edited)).toBe(false);
    expect(isOpened(one, EXAMPLES['example-2'].design())).toBe(true);
    expect(isOpened(one, EXAMPLES['example-1'].design())).toBe(true);
    expect(isOpened(one, JSON.parse(JSON.stringify(one)))).toBe(true);
    // Renaming the only account of a design is an edit.
    const single: Design = { ...one, vpcs: [], repositories: [], accounts: one.accounts.slice(0, 1) };
    const renamed = applyCommands(single, [setFields({ id: single.accounts[0]!.id, fields: { name: 'X' } })]);
    expect(isOpened(single, renamed)).toBe(false);
    expect(isOpened({ ...single, accounts: [] }, single)).toBe(false);
  });
});
