// Example 1 and Example 2 collected from their accounts (the AWS CLI's JSON), imported, and given
// their Veeam side back through --into: they judge exactly like the drawn examples.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { importInto } from '../../src/import/into';
import { example } from '../rules/helpers';
import { describeAsCli } from './describe';
import { judged } from './helpers';

describe.each([1, 2] as const)('Example %i as collected from AWS', (n) => {
  const drawn = example(n);
  const result = importAws(describeAsCli(drawn, { paginate: true }));

  it('imports without an error, one design element per AWS element', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.design.vpcs.map((v) => v.id).sort()).toEqual(drawn.vpcs.map((v) => v.id).sort());
    expect(result.design.peerings.map((p) => p.id).sort()).toEqual(drawn.peerings.map((p) => p.id).sort());
    expect(result.summary.subnets).toBe(drawn.vpcs.reduce((k, v) => k + v.subnets.length, 0));
  });

  it('names from Name tags, accounts from folder names, and a computed layout', () => {
    const worker = result.design.vpcs.find((v) => v.id === 'vpc-worker')!;
    expect(worker.name).toBe(drawn.vpcs.find((v) => v.id === 'vpc-worker')!.name);
    expect(result.design.accounts.map((a) => a.accountId).sort()).toEqual(
      [...new Set(drawn.vpcs.map((v) => drawn.accounts.find((a) => a.id === v.account)!.accountId))].sort(),
    );
    for (const v of result.design.vpcs) expect(result.design.layout?.[v.id]).toBeDefined();
  });

  it('with the Veeam side added through --into, judges exactly like the example', () => {
    const merged = importInto(drawn, result.design);
    expect(judged(merged.design)).toEqual(judged(drawn));
    expect(merged.design.appliance).toEqual(drawn.appliance);
    expect(merged.design.operations).toEqual(drawn.operations);
  });
});
