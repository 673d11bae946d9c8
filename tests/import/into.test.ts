// --into: the Veeam side stays; the collected accounts and regions take the real network.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { importInto } from '../../src/import/into';
import { validate } from '../../src/rules/registry';
import { edit, example } from '../rules/helpers';
import { describeAsCli } from './describe';

const drawn = example(1);

describe('import --into', () => {
  it('a drawn VPC missing from a collected account and region is removed; its dangling references become findings', () => {
    // The real worker account has no worker VPC in us-east-1: only an empty folder was collected.
    const folder = new Map([...describeAsCli(drawn)].filter(([p]) => !p.startsWith('222222222222/')));
    folder.set('222222222222/us-east-1/describe-vpcs.json', '{"Vpcs": []}');
    const result = importAws(folder);
    const merged = importInto(drawn, result.design, result.summary.places);
    expect(merged.design.vpcs.map((v) => v.id)).not.toContain('vpc-worker');
    expect(merged.findings).toContainEqual(
      expect.objectContaining({ rule: 'import/not-found', elements: ['vpc-worker'] }),
    );
    const dangling = validate(merged.design).filter((f) => f.rule === 'design/invalid-reference');
    expect(dangling.some((f) => f.elements.includes('wc-backup-use1'))).toBe(true);
  });

  it('a drawn VPC whose account and region were not collected is kept as drawn', () => {
    const folder = new Map([...describeAsCli(drawn)].filter(([p]) => !p.startsWith('111111111111/')));
    const result = importAws(folder);
    const merged = importInto(drawn, result.design, result.summary.places);
    expect(merged.design.vpcs.find((v) => v.id === 'vpc-appliance')).toEqual(
      drawn.vpcs.find((v) => v.id === 'vpc-appliance'),
    );
    expect(merged.findings).toContainEqual(
      expect.objectContaining({ rule: 'import/kept-drawn', elements: ['vpc-appliance'] }),
    );
  });

  it('accounts match by number and keep the design ids; names of the design stay', () => {
    const renamed = edit(drawn, (d) => {
      d.accounts[1]!.name = 'Backups (prod)';
    });
    const merged = importInto(renamed, importAws(describeAsCli(drawn)).design);
    expect(merged.design.accounts).toEqual(renamed.accounts);
    expect(merged.design.vpcs.find((v) => v.id === 'vpc-worker')!.account).toBe('acct-backup');
  });
});
