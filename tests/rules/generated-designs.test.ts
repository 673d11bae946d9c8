import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../src/model/generate';
import { loadDesignValue } from '../../src/model/parse';
import { validate } from '../../src/rules/registry';

describe('generateDesign', () => {
  it.each([3, 10, 101, 1000])('produces exactly %i VPCs that load through the schema unchanged', (vpcs) => {
    const design = generateDesign({ vpcs, seed: 7 });
    expect(design.vpcs).toHaveLength(vpcs);
    const loaded = loadDesignValue(JSON.parse(JSON.stringify(design)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 5)));
    expect(loaded.design).toEqual(design);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateDesign({ vpcs: 50, seed: 3 }));
    expect(JSON.stringify(generateDesign({ vpcs: 50, seed: 3 }))).toBe(a);
    expect(JSON.stringify(generateDesign({ vpcs: 50, seed: 4 }))).not.toBe(a);
  });

  it('spans several accounts and the requested number of regions', () => {
    const design = generateDesign({ vpcs: 200, seed: 1, regions: 6 });
    expect(new Set(design.vpcs.map((v) => v.region)).size).toBe(6);
    expect(new Set(design.vpcs.map((v) => v.account)).size).toBeGreaterThan(10);
  });

  it.each([10, 100, 1000])('a %i-VPC design has no error or warning findings', (vpcs) => {
    const findings = validate(generateDesign({ vpcs, seed: 11, regions: 5 }));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
