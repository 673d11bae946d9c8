import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import { deleteElements } from '../../src/model/commands/element';
import { loadDesign } from '../../src/model/parse';
import type { Design, Operation } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';

function example(file: string): Design {
  const r = loadDesign(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.design;
}
const ex1 = () => example('example-1-ec2-backup.json');
const incomplete = (d: Design) => validate(d).filter((f) => f.rule === 'operation/incomplete');
const withOperations = (d: Design, operations: Operation[]): Design => ({ ...d, operations });

describe('operation/incomplete', () => {
  it('fires when an EC2 backup has no repository, naming the operation and the field', () => {
    const d = ex1();
    const { repository: _gone, ...op } = d.operations[0]!;
    const [finding, ...rest] = incomplete(withOperations(d, [op as Operation]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', elements: ['op-ec2-backup'] });
    expect(finding!.message).toContain('"Back up production EC2 instances"');
    expect(finding!.message).toContain('has no repository');
  });

  it('lists every missing field an RDS backup reads', () => {
    const d = ex1();
    const op = {
      id: 'op-rds',
      kind: 'rds-backup',
      workersIn: 'backup-account',
      restoreToOriginal: false,
    } as Operation;
    const [finding] = incomplete(withOperations(d, [...d.operations, op]));
    expect(finding!.message).toContain('has no production account, region, VPC, repository,');
  });

  it('stays quiet on complete operations and on fields a kind does not read', () => {
    const d = ex1();
    expect(incomplete(d)).toEqual([]);
    // Retention reads only the repository: no account, region or VPC is needed.
    const retention = { id: 'op-ret', kind: 'retention', repository: 'repo-std' } as Operation;
    expect(incomplete(withOperations(d, [...d.operations, retention]))).toEqual([]);
  });

  it('tells the user when deleting a repository left an operation without one', () => {
    const after = applyCommands(ex1(), [deleteElements({ ids: ['repo-std'] })]);
    expect(after.operations.map((o) => o.id)).toEqual(['op-ec2-backup']);
    expect(incomplete(after).map((f) => f.elements)).toEqual([['op-ec2-backup']]);
  });
});
