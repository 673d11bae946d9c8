// Validation judges every flow by verdict and traces only the failing ones; the canvas reads all
// flows through analyze(). Both views must agree: a flow is ok exactly when it has traces and
// every trace passes, and validate() reports what analyze() reports.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { generateDesign } from '../../src/model/generate';
import { analyze, validate } from '../../src/rules/registry';
import { edit, example, group, table, vpc } from './helpers';

const designs: [string, Design][] = [
  ['example 1', example(1)],
  ['example 2', example(2)],
  ['example 1 without worker routes', edit(example(1), (d) => (table(d, 'rt-worker').routes = []))],
  [
    'example 2, peerings pending',
    edit(example(2), (d) => d.peerings.forEach((p) => (p.status = 'pending-acceptance'))),
  ],
  [
    'example 1, endpoint group admits nothing',
    edit(example(1), (d) => (group(d, 'sg-endpoints').ingress = [])),
  ],
  [
    'example 2, one repository subnet unroutable',
    edit(example(2), (d) => {
      const v = vpc(d, 'vpc-repo-std');
      v.subnets.push({ ...v.subnets[0]!, id: 'sn-extra', cidr: '11.0.200.0/24', routeTable: undefined });
      for (const e of v.endpoints) e.subnets.push('sn-extra');
      v.routeTables = v.routeTables.map((t) => ({ ...t, main: false }));
    }),
  ],
  ['generated, 60 VPCs', generateDesign({ vpcs: 60, seed: 5, regions: 3 })],
];

describe('flow results', () => {
  it.each(designs)('%s: ok exactly when every trace passes', (_, d) => {
    const { flows } = analyze(d);
    expect(flows.length).toBeGreaterThan(0);
    for (const f of flows)
      expect(f.ok, f.flow.id).toBe(f.traces.length > 0 && f.traces.every((t) => t.trace.ok));
  });

  it.each(designs)('%s: validate and analyze report the same findings', (_, d) => {
    expect(analyze(d).findings).toEqual(validate(d));
  });

  it('the failing examples do fail somewhere (the cases above are not all green)', () => {
    const failing = designs.slice(2, 6).map(([, d]) => analyze(d).flows.filter((f) => !f.ok).length);
    for (const n of failing) expect(n).toBeGreaterThan(0);
  });
});
