// `pnd` is a real command: package.json's bin is one prebuilt ES module that runs with plain Node,
// answers --help and --version for every subcommand, and is what `npm pack` ships.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BIN, pnd, root, VERSION } from './run';

const COMMANDS = ['validate', 'fix', 'export', 'share'];

describe('the pnd command', () => {
  it('is a self-contained script: a node shebang, no TypeScript loader, imports of Node built-ins only', () => {
    const text = readFileSync(BIN, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const bare = [...text.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(bare.filter((specifier) => !isBuiltin(specifier!))).toEqual([]);
    // Run from a folder with no node_modules: nothing is resolved at run time.
    const r = spawnSync(process.execPath, [BIN, 'validate', `${root}examples/example-1-ec2-backup.json`], {
      cwd: '/',
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('0 errors');
    expect(r.status).toBe(0);
  });

  it('--version prints the package version, with or without a subcommand', () => {
    for (const args of [['--version'], ...COMMANDS.map((c) => [c, '--version'])]) {
      const r = pnd(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^pnd/${VERSION.replace(/\./g, '\\.')} `));
    }
  });

  it('--help lists every subcommand; each subcommand has its own help with its options', () => {
    const top = pnd('--help');
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`pnd ${c} --help`);
    const expectedOptions: Record<string, string[]> = {
      validate: ['--json'],
      fix: ['--write'],
      export: ['--target', '--out'],
      share: ['--base-url'],
    };
    for (const c of COMMANDS) {
      const r = pnd(c, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`$ pnd ${c} <`);
      for (const option of expectedOptions[c]!) expect(r.stdout).toContain(option);
    }
  });

  it('npm pack ships the bundle the bin names, so a global install has the command', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string; mode: number }[] }[];
    const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
      bin: Record<string, string>;
    };
    const shipped = pack!.files.find((f) => f.path === packageJson.bin.pnd);
    expect(shipped).toBeDefined();
    expect(pack!.files.some((f) => f.path.startsWith('src/'))).toBe(false);
  });
});
