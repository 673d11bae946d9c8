// Runs the built `pnd` command (package.json "bin") as a user would: a real process, real files,
// exit codes and streams. The test setup (tests/cli/build-bin.ts) rebuilds it before every run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  version: string;
};
export const BIN = join(root, packageJson.bin.pnd!);
export const VERSION = packageJson.version;

export function pnd(...args: string[]) {
  const r = spawnSync(BIN, args, { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
