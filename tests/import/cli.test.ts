// `import aws DIR [--into DESIGN] --out FILE` and `fix FILE --aws-cli` as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDesign, serializeDesign } from '../../src/model/parse';
import { edit, example } from '../rules/helpers';
import { withAwsIds } from './aws-ids';
import { describeAsCli, type Folder } from './describe';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'pnd-import-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeFolder(name: string, folder: Folder): string {
  const dir = join(tmp, name);
  for (const [path, text] of folder) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const drawn = withAwsIds(example(1)).design;

describe('pnd import aws', () => {
  it('writes a design from the folder and says what it read', () => {
    const dir = writeFolder('ex1', describeAsCli(drawn));
    const out = join(tmp, 'ex1.json');
    const r = cli('import', 'aws', dir, '--out', out);
    expect(r.stderr).toContain('imported 3 account(s) in eu-central-1, us-east-1, us-west-2: 3 VPCs');
    expect(r.code).toBe(0);
    const loaded = loadDesign(readFileSync(out, 'utf8'));
    expect(loaded.ok && loaded.design.vpcs.map((v) => v.id).sort()).toEqual(
      drawn.vpcs.map((v) => v.id).sort(),
    );
  });

  it('--into keeps the Veeam side; the result validates like the drawn design', () => {
    const dir = writeFolder('ex1-into', describeAsCli(drawn));
    const into = join(tmp, 'veeam-side.json');
    writeFileSync(into, serializeDesign(drawn));
    const out = join(tmp, 'merged.json');
    expect(cli('import', 'aws', dir, '--into', into, '--out', out).code).toBe(0);
    const a = cli('validate', out, '--json');
    const b = cli('validate', into, '--json');
    expect(a.code).toBe(b.code);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('reads a zip of the folder too', () => {
    const folder = describeAsCli(drawn);
    const zip = zipSync(Object.fromEntries([...folder].map(([p, t]) => [`collection/${p}`, strToU8(t)])));
    const file = join(tmp, 'collection.zip');
    writeFileSync(file, zip);
    const r = cli('import', 'aws', file, '--out', join(tmp, 'zip.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 VPCs');
  });

  it('a broken file exits 1 naming it; the rest is written', () => {
    const folder = describeAsCli(drawn);
    folder.set('222222222222/us-east-1/describe-route-tables.json', '{"RouteTables": [');
    const dir = writeFolder('broken', folder);
    const r = cli('import', 'aws', dir, '--out', join(tmp, 'broken.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error\s+import\/unreadable\s+222222222222\/us-east-1\/describe-route-tables\.json: \$: not valid JSON/,
    );
    expect(readFileSync(join(tmp, 'broken.json'), 'utf8')).toContain('"vpcs"');
  });

  it('a folder without ACCOUNT_ID/REGION exits 2 and writes nothing', () => {
    const dir = join(tmp, 'empty');
    mkdirSync(dir);
    const r = cli('import', 'aws', dir, '--out', join(tmp, 'never.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no ACCOUNT_ID/REGION folder');
  });
});

describe('pnd fix --aws-cli', () => {
  it('prints one script for Fix all, with the peering route for the real route table', () => {
    const broken = edit(drawn, (d) => {
      d.vpcs.find((v) => v.name === 'Worker VPC')!.routeTables[0]!.routes = [];
    });
    const file = join(tmp, 'broken-design.json');
    writeFileSync(file, serializeDesign(broken));
    const r = cli('fix', file, '--aws-cli');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#!\/usr\/bin\/env bash/);
    expect(r.stdout).toMatch(
      /aws ec2 create-route --route-table-id rtb-[0-9a-f]{8} --destination-cidr-block 11\.0\.0\.0\/16 --vpc-peering-connection-id pcx-[0-9a-f]{8} --profile "\$PROFILE_222222222222" --region us-east-1/,
    );
    expect(r.stderr).toContain('applied 1 change');
    const check = spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' });
    expect(check.status).toBe(0);
  });
});
