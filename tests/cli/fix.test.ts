// `fix FILE [--write]` as a user runs it: a real process, real files, exit codes and streams.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pnd as cli } from './run';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'pnd-fix-'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON edited the way a user would
function brokenExample(name: string, change: (d: any) => void): string {
  const d = JSON.parse(readFileSync(join(root, 'examples/example-1-ec2-backup.json'), 'utf8'));
  change(d);
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(d, null, 2));
  return path;
}

describe('fix', () => {
  it('prints the fixed design on stdout and what changed on stderr, leaving the file alone', () => {
    const path = brokenExample('routes.json', (d) => {
      d.vpcs[2].routeTables[0].routes = [];
      d.peerings[1].status = 'pending-acceptance';
    });
    const before = readFileSync(path, 'utf8');
    const r = cli('fix', path);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Added route 10.0.0.0/16 → peering "workers ↔ repository" to route table "repository routes"',
    );
    expect(r.stderr).toContain('Accepted peering "appliance ↔ repository"');
    expect(r.stderr).toContain('remaining: 0 errors, 0 warnings');
    const fixed = JSON.parse(r.stdout);
    expect(fixed.vpcs[2].routeTables[0].routes).toEqual([
      { destination: '10.0.0.0/16', peering: 'pcx-worker-repo' },
      { destination: '172.16.1.10/32', peering: 'pcx-appliance-repo' },
    ]);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('--write writes the design back (keeping unknown fields) and then it validates clean', () => {
    const path = brokenExample('endpoint.json', (d) => {
      d.vpcs[1].endpoints = d.vpcs[1].endpoints.filter((e: { service: string }) => e.service !== 'ebs');
      d.x_team_note = 'keep me';
    });
    const r = cli('fix', path, '--write');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added ebs interface endpoint to VPC "Worker VPC"');
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.x_team_note).toBe('keep me');
    expect(cli('validate', path).code).toBe(0);
  });

  it('exits 1 and explains what it cannot fix', () => {
    const path = brokenExample('gateway.json', (d) => {
      Object.assign(d.vpcs[2].endpoints[0], { type: 'Gateway', subnets: [], routeTables: ['rt-repo'] });
    });
    const r = cli('fix', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('endpoint/gateway-unsupported');
  });

  it('exits 2 on a file that is not a design', () => {
    const path = join(tmp, 'not-json.json');
    writeFileSync(path, '{ nope');
    const r = cli('fix', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not-json.json');
  });
});
