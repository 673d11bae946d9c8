// The zoomed-out overview draws every VPC React Flow does not mount, in the look of its findings,
// and every line with an end among them; a point on a box finds that VPC.
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../model/generate';
import { deriveEdges, deriveNodes } from './derive';
import { absoluteBoxes } from './obstacles';
import { overviewOf, vpcAt } from './overview-paths';

const design = generateDesign({ vpcs: 40, seed: 3 });
const nodes = deriveNodes(design).filter((n) => n.type !== 'subnet');
const edges = deriveEdges(design);
const [first, second] = design.vpcs;

describe('overviewOf', () => {
  const mounted = new Set([first!.id]);
  const issues = new Map([[second!.id, { severity: 'error' as const, count: 2 }]]);
  const overview = overviewOf(nodes, edges, mounted, issues);

  it('draws each VPC not mounted once, the ones with findings in their own path', () => {
    expect(overview.vpcs.map((v) => v.id).sort()).toEqual(
      design.vpcs
        .map((v) => v.id)
        .filter((id) => id !== first!.id)
        .sort(),
    );
    const boxesIn = (d: string | undefined) => (d?.match(/z/g) ?? []).length;
    expect(boxesIn(overview.boxPaths.get('pnd-overview-vpc has-error'))).toBe(1);
    expect(boxesIn(overview.boxPaths.get('pnd-overview-vpc'))).toBe(design.vpcs.length - 2);
  });

  it('draws every line with an end in the overview, and none between two mounted nodes', () => {
    const lines = [...overview.linePaths.values()].join('').match(/M/g)?.length ?? 0;
    expect(lines).toBe(edges.length);
    const all = overviewOf(nodes, edges, new Set(design.vpcs.map((v) => v.id)), new Map());
    expect(all.vpcs).toEqual([]);
    expect(all.linePaths.size).toBe(0);
  });

  it('finds the VPC under a point, and none between boxes', () => {
    const box = absoluteBoxes(nodes).get(second!.id)!.box;
    expect(vpcAt(overview.vpcs, { x: box.x + box.w / 2, y: box.y + box.h / 2 })?.id).toBe(second!.id);
    expect(vpcAt(overview.vpcs, { x: box.x - 100_000, y: box.y })).toBeUndefined();
  });
});
