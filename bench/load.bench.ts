// Loading as fast as judging (issue 14): text → checked Design → findings for a generated
// 2,000-VPC design, against JSON.parse of the same text, in Node and in Chromium under the app's
// Content-Security-Policy (a small page built with the app's own CSP plugin). Goals: load +
// validate ≤ 3× JSON.parse in Node, ≤ 4× in Chromium. VPCS=… measures other sizes in Node.
import { chromium } from '@playwright/test';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { build, preview, type PluginOption } from 'vite';
import appConfig from '../vite.config';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { generateDesign } from '../src/model/generate';
import { reportGoal } from './goals';
import { loadTable, measureLoad, type LoadTimes } from './load-measure';
import { median } from './timing';

const GOAL_VPCS = 2000;
const SIZES = process.env.VPCS ? process.env.VPCS.split(',').map(Number) : [100, GOAL_VPCS];
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const root = join(import.meta.dirname, '..');

/**
 * The median time a load + validate sample spent in garbage collection (Node reports each pause):
 * printed beside the goal, it shows how much of the ratio is the collector copying the design just
 * parsed, which no change to the code's own work removes.
 */
async function collectionPerSample(spans: [number, number][], pauses: [number, number][]): Promise<number> {
  // Pauses are reported after the fact, in batches: wait until a batch brings nothing new.
  for (let seen = -1; seen !== pauses.length;) {
    seen = pauses.length;
    await new Promise((done) => setTimeout(done, 100));
  }
  return median(
    spans.map(([start, end]) => {
      let inside = 0;
      for (const [at, duration] of pauses)
        inside += Math.max(0, Math.min(end, at + duration) - Math.max(start, at));
      return inside;
    }),
  );
}

const rows: { where: string; vpcs: number; times: LoadTimes }[] = [];
let goalCollection: number | undefined;
for (const vpcs of SIZES) {
  const text = JSON.stringify(generateDesign({ vpcs, seed: 42, regions: 6 }));
  const spans: [number, number][] = [];
  const pauses: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  rows.push({ where: 'Node', vpcs, times: measureLoad(text, vpcs >= 1000 ? 21 : 41, spans) });
  const collection = await collectionPerSample(spans, pauses);
  observer.disconnect();
  if (vpcs === GOAL_VPCS) goalCollection = collection;
}

async function inChromium(vpcs: number): Promise<LoadTimes> {
  const pageRoot = join(root, 'bench', 'load-page');
  const outDir = join(root, '.tmp', 'load-page');
  const csp = (appConfig.plugins ?? [])
    .flat()
    .filter((p): p is PluginOption & { name: string } =>
      Boolean(p && typeof p === 'object' && 'name' in p && p.name === 'pnd-csp'),
    );
  if (csp.length !== 1) throw new Error('vite.config.ts no longer has the pnd-csp plugin this page needs');
  await build({
    root: pageRoot,
    configFile: false,
    plugins: csp,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    logLevel: 'error',
  });
  const server = await preview({
    root: pageRoot,
    configFile: false,
    build: { outDir },
    preview: { port: PORT, host: '127.0.0.1', strictPort: true },
    logLevel: 'error',
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?vpcs=${vpcs}&rounds=15`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').count();
    if (csp !== 1) throw new Error('the bench page carries no Content-Security-Policy');
    await page.waitForFunction(() => window.__loadBench !== undefined, null, { timeout: 600_000 });
    const result = await page.evaluate(() => window.__loadBench!);
    if (result.error || !result.times) throw new Error(`load bench in Chromium failed: ${result.error}`);
    if (result.cspViolations) throw new Error(`${result.cspViolations} CSP violations while loading`);
    return result.times;
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

rows.push({ where: 'Chromium', vpcs: GOAL_VPCS, times: await inChromium(GOAL_VPCS) });
console.log(loadTable(rows));

for (const { where, vpcs, times } of rows) {
  if (vpcs !== GOAL_VPCS) continue;
  const ratio = times.loadValidate / times.parse;
  const limit = where === 'Node' ? 3 : 4;
  const collection =
    where === 'Node' && goalCollection !== undefined
      ? `; garbage collection ${goalCollection.toFixed(0)} ms of it (median per sample), ${((times.loadValidate - goalCollection) / times.parse).toFixed(2)}× without`
      : '';
  reportGoal({
    row: `load + validate of ${vpcs} VPCs in ${where}`,
    measured: `${ratio.toFixed(2)}× JSON.parse (${times.loadValidate.toFixed(0)} ms vs ${times.parse.toFixed(1)} ms, fastest parse ${times.parseFloor.toFixed(1)} ms; load alone ${(times.load / times.parse).toFixed(2)}×, zod alone was ${(times.zodOnly / times.parse).toFixed(2)}×; handing the design to the worker adds ${(times.handoff / times.parse).toFixed(2)}×, a structured clone would add ${(times.clone / times.parse).toFixed(2)}×${collection})`,
    goal: `≤ ${limit}× JSON.parse`,
    met: ratio <= limit,
  });
}
