// `export FILE --target … --out DIR` as a user runs it: a real process, files on disk, exit codes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pnd as cli } from '../cli/run';
import { exportCloudFormation, exportTerraform } from '../../src/export/index';
import { validate } from '../../src/rules/registry';
import { loadExample } from './fixtures/designs';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'pnd-cli-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('export command', () => {
  it('writes the Terraform files, lists them, and they are the exporter output', () => {
    const out = join(tmp, 'tf');
    const r = cli('export', 'examples/example-2-ec2-archive.json', '--target', 'terraform', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const design = loadExample('example-2-ec2-archive.json');
    const expected = exportTerraform(design, validate(design));
    expect(readdirSync(out).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) {
      expect(r.stdout).toContain(join(out, f.path));
      expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    }
  });

  it('writes one template per account and region plus DEPLOY.md for CloudFormation', () => {
    const out = join(tmp, 'cfn');
    const r = cli('export', 'examples/example-1-ec2-backup.json', '--target', 'cloudformation', '--out', out);
    expect(r.code).toBe(0);
    const design = loadExample('example-1-ec2-backup.json');
    expect(readdirSync(out).sort()).toEqual(
      exportCloudFormation(design, [])
        .map((f) => f.path)
        .sort(),
    );
  });

  it('still exports with open error findings, and says so', () => {
    const design = loadExample('example-1-ec2-backup.json');
    design.peerings[0]!.accepter = 'vpc-gone';
    const path = join(tmp, 'broken.json');
    writeFileSync(path, JSON.stringify(design));
    const out = join(tmp, 'broken');
    const r = cli('export', path, '--target', 'terraform', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: \d+ error findings? (is|are) open/);
    expect(readFileSync(join(out, 'versions.tf'), 'utf8')).toContain('vpc-gone');
  });

  it('exits 2 with a message for unreadable input, a bad target or no --out', () => {
    const missing = cli('export', join(tmp, 'nope.json'), '--target', 'terraform', '--out', join(tmp, 'x'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file/);
    const notJson = join(tmp, 'bad.json');
    writeFileSync(notJson, '{ "format": ');
    const bad = cli('export', notJson, '--target', 'terraform', '--out', join(tmp, 'y'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json');
    const target = cli(
      'export',
      'examples/example-1-ec2-backup.json',
      '--target',
      'pulumi',
      '--out',
      join(tmp, 'z'),
    );
    expect(target.code).toBe(2);
    expect(target.stderr).toMatch(/--target must be one of terraform, cloudformation/);
    const noOut = cli('export', 'examples/example-1-ec2-backup.json', '--target', 'terraform');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out DIR is required/);
  });
});

describe('generator version', () => {
  it('the headers name the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const design = loadExample('example-1-ec2-backup.json');
    expect(exportTerraform(design, [])[0]!.content).toContain(`Private Network Designer ${pkg.version}`);
  });
});
