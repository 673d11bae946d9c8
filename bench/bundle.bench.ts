// Initial JavaScript: what the browser downloads before the first paint, gzip-compressed — every
// script and modulepreload that dist/index.html names, and the chunks the first script loads at once
// (the app, boot.tsx, with its imports: the list Vite writes into that script to preload them).
// Lazily loaded chunks (the export panel, code views, diagram image export) are listed apart.
// Goal: initial ≤ 300 KiB gzip.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { reportGoal } from './goals';

const BUDGET_KIB = 300;
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

await build({ root, logLevel: 'error' });
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const named = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
].map((m) => m[1]!);
/** The chunks a script preloads with its dynamic imports (Vite's `__vite__mapDeps` list). */
const preloadedBy = (file: string) =>
  [
    ...(/m\.f=\[([^\]]*)\]/.exec(readFileSync(join(dist, file), 'utf8'))?.[1] ?? '').matchAll(
      /"([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]!);
const initial = new Set([...named, ...named.flatMap(preloadedBy)]);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
let initialKiB = 0;
console.log('| chunk | loaded | gzip KiB |');
console.log('| --- | --- | ---: |');
for (const file of all.sort((a, b) => gz(b) - gz(a))) {
  const isInitial = initial.has(file);
  if (isInitial) initialKiB += gz(file);
  console.log(
    `| ${file} | ${isInitial ? 'initial' : file.includes('worker') ? 'worker' : 'lazy'} | ${gz(file).toFixed(1)} |`,
  );
}
console.log(
  `\nInitial JavaScript: ${initialKiB.toFixed(1)} KiB gzip (budget ${BUDGET_KIB} KiB) — ${initialKiB <= BUDGET_KIB ? 'within' : 'OVER'} budget`,
);
reportGoal({
  row: 'initial JavaScript (gzip)',
  measured: `${initialKiB.toFixed(1)} KiB`,
  goal: `≤ ${BUDGET_KIB} KiB`,
  met: initialKiB <= BUDGET_KIB,
});
