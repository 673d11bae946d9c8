// Export file names are read by people (in the Export panel, the zip, a repository): they come from
// the account's name, made safe for any file system, and never collide with each other or with the
// module's own files. Stack names stay id-based, so renaming an account never creates a new stack.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation, exportTerraform } from '../../src/export/index';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { loadExample } from './fixtures/designs';

const paths = (files: { path: string }[]) => files.map((f) => f.path);

function renamed(design: Design, names: Record<string, string>): Design {
  return { ...design, accounts: design.accounts.map((a) => ({ ...a, name: names[a.id] ?? a.name })) };
}

describe('export file names', () => {
  const example = loadExample('example-1-ec2-backup.json');

  it('come from account names, in lower case with dashes', () => {
    expect(paths(exportCloudFormation(example, validate(example)))).toContain(
      'backup-account-us-east-1.yaml',
    );
    expect(paths(exportTerraform(example, validate(example)))).toContain('backup-account.tf');
  });

  it('are safe and unique whatever the names: slashes, dots, quotes, the same name twice, no letters at all', () => {
    const design = renamed(example, {
      'acct-appliance': '../../etc/passwd "x"',
      'acct-backup': 'Prod / EU',
      'acct-prod': 'Prod / EU',
      'acct-repo': '日本',
    });
    for (const files of [exportCloudFormation(design, []), exportTerraform(design, [])]) {
      const names = paths(files);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*$|^DEPLOY\.md$/);
    }
    const cfn = paths(exportCloudFormation(design, []));
    expect(cfn).toContain('etc-passwd-x-eu-central-1.yaml');
    // A name with nothing to spell falls back to the account's id.
    expect(cfn).toContain('acct-repo-us-west-2.yaml');
  });

  it('an account named like a module file does not replace that file', () => {
    const design = renamed(example, { 'acct-backup': 'Outputs' });
    const tf = exportTerraform(design, []);
    const outputs = tf.filter((f) => f.path === 'outputs.tf');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toMatch(/^output /m);
    expect(paths(tf)).toContain('outputs-2.tf');
  });

  it('renaming an account renames its file but keeps its stack name', () => {
    const before = exportCloudFormation(example, []);
    const after = exportCloudFormation(renamed(example, { 'acct-backup': 'Workers' }), []);
    expect(paths(after)).toContain('workers-us-east-1.yaml');
    const deploy = (files: typeof before) => files.find((f) => f.path === 'DEPLOY.md')!.content;
    const stacks = (text: string) => [...text.matchAll(/--stack-name (\S+)/g)].map((m) => m[1]).sort();
    expect(stacks(deploy(after))).toEqual(stacks(deploy(before)));
    expect(stacks(deploy(before)).length).toBeGreaterThan(0);
    // The template itself is unchanged but for the account's display name.
    const body = (files: typeof before, path: string) => parse(files.find((f) => f.path === path)!.content);
    expect(Object.keys(body(after, 'workers-us-east-1.yaml').Resources)).toEqual(
      Object.keys(body(before, 'backup-account-us-east-1.yaml').Resources),
    );
  });
});
