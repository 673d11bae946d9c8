// The `pnd` command as a user starts it: the whole process of `pnd validate` on Example 1, beside
// a bare `node -e 0` measured in the same rounds (taking turns, so a busy spell of the machine falls
// on both). Goal (issue 14): at most 4× `node -e 0`. For comparison, the same command run from the
// TypeScript sources through tsx, as `npm run cli` does while developing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli';
import { reportGoal } from './goals';
import { median } from './timing';

const root = join(import.meta.dirname, '..');
const example = join(root, 'examples', 'example-1-ec2-backup.json');
const bin = await buildCli();

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const ROUNDS = 21;
const bare: number[] = [];
const command: number[] = [];
for (let i = 0; i < ROUNDS + 2; i++) {
  const b = wallMs(['-e', '0']);
  const c = wallMs([bin, 'validate', example]);
  // The first rounds warm the file cache.
  if (i >= 2) {
    bare.push(b);
    command.push(c);
  }
}
const tsx: number[] = [];
for (let i = 0; i < 3; i++)
  tsx.push(wallMs(['--import', 'tsx', join(root, 'src/cli/main.ts'), 'validate', example]));

const bareMs = median(bare);
const commandMs = median(command);
console.log('| process | median ms |');
console.log('|---|---:|');
console.log(`| node -e 0 | ${bareMs.toFixed(0)} |`);
console.log(`| pnd validate example-1 (built bundle) | ${commandMs.toFixed(0)} |`);
console.log(`| same from sources through tsx | ${median(tsx).toFixed(0)} |`);
const ratio = commandMs / bareMs;
reportGoal({
  row: '`pnd validate` of Example 1, whole process',
  measured: `${commandMs.toFixed(0)} ms = ${ratio.toFixed(2)}× node -e 0 (${bareMs.toFixed(0)} ms)`,
  goal: '≤ 4× node -e 0',
  met: ratio <= 4,
});
