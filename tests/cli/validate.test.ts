// The command line as a user runs it: a real process, real files, exit codes and streams.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pnd as cli } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'pnd-cli-'));

function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('validate', () => {
  it('exits 0 on both examples', () => {
    for (const f of ['examples/example-1-ec2-backup.json', 'examples/example-2-ec2-archive.json']) {
      const r = cli('validate', f);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('--json prints the findings shaped as the rule catalog says', () => {
    const broken = file(
      'dangling.json',
      JSON.stringify({
        format: 'vbaws-network-design',
        version: 1,
        vpcs: [{ id: 'vpc-a', name: 'A', account: 'acct-missing', region: 'us-east-1', cidr: '10.0.0.0/16' }],
      }),
    );
    const r = cli('validate', broken, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    const finding = out.findings.find((f) => f.rule === 'design/invalid-reference');
    expect(finding).toMatchObject({ severity: 'error', elements: ['vpc-a'] });
    expect(finding!.message).toContain('acct-missing');
  });

  it('reports duplicate ids as findings, text output grouped by severity with rule ids', () => {
    const dup = file(
      'dup.json',
      JSON.stringify({
        format: 'vbaws-network-design',
        version: 1,
        accounts: [
          { id: 'same', accountId: '111111111111' },
          { id: 'same', accountId: '222222222222' },
        ],
      }),
    );
    const r = cli('validate', dup);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Errors \(\d+\)$/m);
    expect(r.stdout).toContain('design/duplicate-id');
  });

  it('exits 2 naming the file and JSON path when the file is not a design', () => {
    const bad = file('bad.json', JSON.stringify({ format: 'vbaws-network-design', version: 1, vpcs: {} }));
    const r = cli('validate', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: $.vpcs: expected array, got an object`);
  });

  it('exits 2 when the file cannot be read or is not JSON', () => {
    expect(cli('validate', join(tmp, 'nope.json'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read'),
    });
    const r = cli('validate', file('text.json', 'hello'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$: not valid JSON');
  });

  it('exits 2 on a missing argument or unknown command', () => {
    expect(cli('validate').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
  });
});
