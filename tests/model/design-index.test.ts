// The design index: lookups by kind, and the JSON path each located element reports (spelled from
// positions in `all`, looked for in the design when a Located is asked for it).
import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../src/model/design-index';
import { edit, example } from '../rules/helpers';

describe('indexDesign', () => {
  const design = example(3);
  const index = indexDesign(design);

  it('locates elements of every place with their JSON path', () => {
    const v = design.vpcs.length - 1;
    const vpc = design.vpcs[v]!;
    const s = vpc.subnets.length - 1;
    expect(index.vpcs.get(vpc.id)?.path).toBe(`$.vpcs[${v}]`);
    expect(index.subnets.get(vpc.subnets[s]!.id)?.path).toBe(`$.vpcs[${v}].subnets[${s}]`);
    expect(index.subnets.get(vpc.subnets[s]!.id)?.vpc).toBe(vpc);
    const t = design.transitGateways.length - 1;
    const table = design.transitGateways[t]!.routeTables[0]!;
    expect(index.tgwRouteTables.get(table.id)?.path).toBe(`$.transitGateways[${t}].routeTables[0]`);
    expect(index.tgwRouteTables.get(table.id)?.vpc).toBeUndefined();
    expect(index.operations.get(design.operations[0]!.id)?.path).toBe('$.operations[0]');
    expect(index.appliance?.path).toBe('$.appliance');
  });

  it('answers only for the kind asked', () => {
    const subnet = design.vpcs[0]!.subnets[0]!.id;
    expect(index.subnets.has(subnet)).toBe(true);
    expect(index.vpcs.get(subnet)).toBeUndefined();
    expect(index.kindOf(subnet)).toBe('subnet');
  });

  it('lists every holder of a repeated id with its path, and keeps the first per kind', () => {
    const d = edit(design, (x) => {
      x.vpcs[1]!.subnets[0]!.id = x.vpcs[0]!.id;
    });
    const i = indexDesign(d);
    expect(i.hasDuplicateIds).toBe(true);
    expect(i.all.get(d.vpcs[0]!.id)).toEqual([
      { kind: 'vpc', path: '$.vpcs[0]' },
      { kind: 'subnet', path: '$.vpcs[1].subnets[0]' },
    ]);
    expect(i.vpcs.get(d.vpcs[0]!.id)?.element).toBe(d.vpcs[0]);
    expect(i.subnets.get(d.vpcs[0]!.id)?.path).toBe('$.vpcs[1].subnets[0]');
  });
});
