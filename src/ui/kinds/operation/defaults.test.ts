import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../../model/command';
import { EXAMPLES } from '../../../app/examples';
import { newOperation } from './defaults';

describe('a new operation says what it picked', () => {
  it('archiving picks the standard and the archive repository, and names them', () => {
    const design = { ...EXAMPLES['example-2'].design(), operations: [] };
    const { operation, notice } = newOperation(design, 'ec2-archive');
    expect(operation.repository).toBe('repo-std');
    expect(operation.archiveRepository).toBe('repo-archive');
    expect(operation.account).toBeUndefined();
    expect(notice).toContain('archive repository “Archive repository”');
  });

  it('names the account holding the worker configuration as backup account when none is set', () => {
    const base = EXAMPLES['example-2'].design();
    const design = { ...base, backupAccount: undefined, operations: [] };
    const { commands, notice } = newOperation(design, 'ec2-backup');
    expect(applyCommands(design, commands).backupAccount).toBe('acct-backup');
    expect(notice).toContain('backup account “Backup account”');
    // Already named: left alone and not mentioned.
    const named = newOperation({ ...base, operations: [] }, 'ec2-backup');
    expect(named.notice).not.toContain('backup account');
  });

  it('an EC2 backup picks a production account that plays no other role', () => {
    const design = { ...EXAMPLES['example-1'].design(), operations: [] };
    const { operation, notice } = newOperation(design, 'ec2-backup');
    expect(operation.account).toBe('acct-prod');
    expect(notice).toMatch(/production account “.+”/);
  });
});
