// Canvas opening and responsiveness on generated designs, in real Chromium driven by Playwright.
//
// Opening: from navigation (a share link) or from choosing a file, to the first frame in which the
// fitted design is painted — by the canvas, or by a large link's preview (app/preview.ts), which is
// recognised by its own element — and, printed beside it, to the first frame of React Flow's own
// fitted canvas, for 300 and 1,000 VPCs; beside them a bare React Flow page (bench/bare)
// with the same nodes and edges and trivial node components, opened in the same run, so the ratio
// to the library's own floor is printed, not guessed. Every main-thread task over 50 ms
// (PerformanceObserver "longtask") is collected while a design opens and settles, while the
// 1,000-VPC canvas is zoomed and panned, and (300 VPCs) while a VPC is dragged and a CIDR typed;
// plus how long after an edit the Problems panel shows the new findings.
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { deriveEdges, deriveNodes } from '../src/ui/canvas/derive';
import { generateDesign } from '../src/model/generate';
import { serializeDesign } from '../src/model/parse';
import type { Design } from '../src/model/schema';
import { shareLink } from '../src/share/codec';
import type { BareGraph } from './bare/main';
import { reportGoal } from './goals';
import { median } from './timing';

/** BENCH_VPCS=1000 measures one size only (while iterating); `npm run bench` measures both. */
const SIZES = (process.env.BENCH_VPCS ?? '300,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const root = join(import.meta.dirname, '..');
const origin = `http://127.0.0.1:${PORT}`;
/** Quiet time after the canvas is painted in which late work (validation, autosave) still counts. */
const SETTLE_MS = 2000;

interface LongTask {
  start: number;
  duration: number;
}

interface Watch {
  selector: string;
  from: string;
  /** The first frame with the design fitted and VPCs drawn: by the canvas, or by the link's preview. */
  painted: number | null;
  /** The first frame in which React Flow's own canvas is fitted with VPCs drawn (interactive). */
  interactive: number | null;
}

declare global {
  interface Window {
    __longTasks: LongTask[];
    __watch: Watch;
    /** The design file openByFile opens, made before the clock starts. */
    __file?: File;
  }
}

/** VPCs on screen in a React Flow canvas: the app's nodes or its zoomed-out overview's boxes (in
 * React Flow's viewport), the bare page's nodes. */
const VPCS_DRAWN = '.react-flow__node-vpc, .react-flow__viewport .pnd-overview-vpc, .react-flow__node-box';
/** The app's preview of a received link (app/preview.ts), painted before React Flow runs: its own
 * element, marked with the fitted transform it was drawn at, with VPC boxes in it. */
const PREVIEW_DRAWN = '.pnd-preview[data-viewport] .pnd-overview-vpc';

/**
 * In every page: long tasks, and a frame watcher that notes the first frame in which an element
 * matching `__watch.selector` is in the page and React Flow's viewport transform differs from
 * `__watch.from` (the canvas has been fitted) — `interactive` — and the first frame in which either
 * that or the link's preview is painted — `painted`. The initial watch is the first fit with VPCs
 * drawn. Plain text, not a function: tsx would wrap a function's inner names in a helper the page
 * does not have.
 */
const INSTRUMENT = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__watch = { selector: '${VPCS_DRAWN}', from: 'translate(0px, 0px) scale(1)', painted: null, interactive: null };
  const tick = () => {
    const w = window.__watch;
    const now = performance.now();
    if (w.interactive === null) {
      const transform = document.querySelector('.react-flow__viewport')?.style.transform;
      if (transform && transform !== w.from && document.querySelector(w.selector)) w.interactive = now;
    }
    if (w.painted === null && (w.interactive !== null || document.querySelector('${PREVIEW_DRAWN}')))
      w.painted = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** When the design was first painted, and when React Flow's own canvas was (ms since navigation). */
async function paintedAt(page: Page): Promise<{ painted: number; interactive: number }> {
  await page.waitForFunction(() => window.__watch.interactive !== null, null, { timeout: 120_000 });
  return page.evaluate(() => ({
    painted: window.__watch.painted!,
    interactive: window.__watch.interactive!,
  }));
}

const longest = (tasks: readonly LongTask[]) => Math.max(0, ...tasks.map((t) => t.duration));
const takeLongTasks = (page: Page): Promise<LongTask[]> => page.evaluate(() => window.__longTasks.splice(0));

async function newPage(browser: Browser, graph?: BareGraph): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  if (graph)
    await page.addInitScript((g) => {
      window.__bareGraph = g;
    }, graph);
  return page;
}

/** The app's canvas nodes and edges with their data replaced by a label. */
function bareGraph(design: Design): BareGraph {
  return {
    nodes: deriveNodes(design).map((n) => ({
      id: n.id,
      type: 'box',
      position: n.position,
      width: n.width,
      height: n.height,
      ...(n.parentId ? { parentId: n.parentId, extent: 'parent' as const } : {}),
      data: { label: n.id },
    })),
    edges: deriveEdges(design).map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

interface Opening {
  /** To the fitted design painted. */
  ms: number;
  /** To React Flow's own fitted canvas painted (the same as `ms` but for a link's preview). */
  interactive: number;
  longest: number;
}

async function openBare(browser: Browser, graph: BareGraph): Promise<Opening> {
  const page = await newPage(browser, graph);
  await page.goto(`${origin}/__bare/`);
  const { painted, interactive } = await paintedAt(page);
  await page.waitForTimeout(SETTLE_MS);
  const result = { ms: painted, interactive, longest: longest(await takeLongTasks(page)) };
  await page.context().close();
  return result;
}

async function settleApp(page: Page): Promise<void> {
  await page.getByTestId('summary-errors').waitFor();
  await page.waitForTimeout(SETTLE_MS);
}

async function openByLink(
  browser: Browser,
  design: Design,
  keep = false,
): Promise<Opening & { page?: Page }> {
  const page = await newPage(browser);
  await page.goto(shareLink(design, `${origin}/`));
  const { painted, interactive } = await paintedAt(page);
  await settleApp(page);
  const result = { ms: painted, interactive, longest: longest(await takeLongTasks(page)) };
  if (keep) return { ...result, page };
  await page.context().close();
  return result;
}

async function openByFile(browser: Browser, design: Design): Promise<Opening> {
  const page = await newPage(browser);
  await page.goto(`${origin}/`);
  await paintedAt(page);
  await settleApp(page);
  // The file is made in the page before the clock starts, as the system's file picker hands the
  // page a file it has read: Playwright's setInputFiles would build it from base64 in the page's
  // main thread (about 0.3 s for 1,000 VPCs), which no user waits for.
  await page.evaluate((text) => {
    window.__file = new File([text], 'big.json', { type: 'application/json' });
  }, serializeDesign(design));
  // The app fits the view once the opened design's nodes are in React Flow: the first frame with
  // the new transform shows them.
  const start = await page.evaluate((selector) => {
    const from = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    window.__longTasks.splice(0);
    window.__watch = { selector, from, painted: null, interactive: null };
    const input = document.querySelector<HTMLInputElement>('[data-testid="open-file-input"]')!;
    const files = new DataTransfer();
    files.items.add(window.__file!);
    const at = performance.now();
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return at;
  }, VPCS_DRAWN);
  const { painted, interactive } = await paintedAt(page);
  await settleApp(page);
  const result = {
    ms: painted - start,
    interactive: interactive - start,
    // Tasks still running when the file was handed over (making it ended before).
    longest: longest((await takeLongTasks(page)).filter((t) => t.start + t.duration > start)),
  };
  await page.context().close();
  return result;
}

/** Zooms in and out with the wheel and pans with Space+drag; the longest task meanwhile. */
async function panAndZoom(page: Page): Promise<number> {
  await takeLongTasks(page);
  await page.mouse.move(700, 450);
  for (const dy of [-300, -300, -300, -300, 300, 300, -300, -300]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(150);
  }
  await page.keyboard.down('Space');
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(700 - i * 12, 450 - i * 6);
  await page.mouse.up();
  await page.keyboard.up('Space');
  await page.waitForTimeout(800);
  return longest(await takeLongTasks(page));
}

/** Drag, type and edit-to-findings on the 300-VPC design, in the page it was opened in. */
async function editing(page: Page, rows: string[]): Promise<void> {
  const summary = (tasks: LongTask[]) => `${tasks.length} | ${longest(tasks).toFixed(0)}`;
  // Zoom in, as a user would, until VPCs can be grabbed by their headers; take one fully on screen.
  await page.mouse.move(600, 450);
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(800);
  let id: string | null = null;
  let box = { x: 0, y: 0, width: 0, height: 0 };
  for (const candidate of await page.locator('.react-flow__node-vpc').all()) {
    const b = await candidate.boundingBox();
    if (b && b.x > 220 && b.y > 180 && b.x + 200 < 1000 && b.y + 100 < 850) {
      id = await candidate.getAttribute('data-id');
      box = b;
      break;
    }
  }
  if (!id) throw new Error('no VPC fully on screen after zooming in');
  await takeLongTasks(page);

  await page.mouse.move(box.x + 12, box.y + 6);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + 12 + i * 3, box.y + 6 + i * 2);
  await page.mouse.up();
  await page.waitForTimeout(800);
  rows.push(`| drag a VPC (40 moves, then drop) | ${summary(await takeLongTasks(page))} |`);

  box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + 6);
  await page.screenshot({ path: join(root, 'test-results', 'canvas-bench.png') });
  const cidr = page.getByTestId('inspector').getByLabel('IPv4 CIDR', { exact: true });
  await cidr.waitFor();
  await page.waitForTimeout(500);
  await takeLongTasks(page);
  await cidr.click();
  await cidr.press('Control+a');
  await page.keyboard.type('10.250.0.0/16', { delay: 60 });
  await page.waitForTimeout(1000);
  rows.push(`| type a CIDR (13 keys, 60 ms apart) | ${summary(await takeLongTasks(page))} |`);

  // Edit-to-findings latency: break a route (the error count changes once the findings are in),
  // then undo it (it changes back); five rounds, from the click to the frame that shows the count.
  await page.getByTestId('tab-problems').click();
  await page.waitForTimeout(300);
  await page.getByTestId('tab-inspector').click();
  const removeRoute = page.getByRole('button', { name: /^Remove route/ }).first();
  await removeRoute.waitFor();
  await takeLongTasks(page);
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const button of ['button[aria-label^="Remove route"]', 'button[aria-label="Undo"]']) {
      await page.locator(button).first().waitFor();
      latencies.push(
        await page.evaluate(async (selector) => {
          const badge = document.querySelector('[data-testid="summary-errors"]')!;
          const before = badge.textContent;
          const start = performance.now();
          document.querySelector<HTMLButtonElement>(selector)!.click();
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            if (badge.textContent !== before) return performance.now() - start;
          }
        }, button),
      );
      await page.waitForTimeout(400);
    }
  }
  latencies.sort((a, b) => a - b);
  rows.push(
    `| remove a route / undo it (×5) → findings shown in ${median(latencies).toFixed(0)} ms median, ` +
      `${latencies[latencies.length - 1]!.toFixed(0)} ms max | ${summary(await takeLongTasks(page))} |`,
  );
}

await build({ root, logLevel: 'error' });
await build({
  root: join(root, 'bench', 'bare'),
  base: '/__bare/',
  configFile: false,
  plugins: [react()],
  logLevel: 'error',
  build: { outDir: join(root, 'dist', '__bare'), emptyOutDir: true },
});
const server = await preview({
  root,
  preview: { port: PORT, host: '127.0.0.1', strictPort: true },
  logLevel: 'error',
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  // One discarded opening of each page first: the server's and the browser's first requests are
  // slow, and whichever page happened to come first would carry that cost alone.
  {
    const design = generateDesign({ vpcs: SIZES[0]!, seed: 7 });
    await openBare(browser, bareGraph(design));
    await openByLink(browser, design);
  }
  const openRows: string[] = [];
  const editRows: string[] = [];
  for (const vpcs of SIZES) {
    const design = generateDesign({ vpcs, seed: 7 });
    const graph = bareGraph(design);
    const bare: Opening[] = [];
    const link: Opening[] = [];
    const file: Opening[] = [];
    // Same server, browser and flags for both pages; the order alternates between runs so that
    // neither page is always the one opened first (or right after the other) on a busy machine.
    for (let run = 0; run < RUNS; run++) {
      if (run % 2 === 0) bare.push(await openBare(browser, graph));
      link.push(await openByLink(browser, design));
      file.push(await openByFile(browser, design));
      if (run % 2 === 1) bare.push(await openBare(browser, graph));
    }
    const m = (xs: Opening[]) => ({
      ms: median(xs.map((x) => x.ms)),
      interactive: median(xs.map((x) => x.interactive)),
      longest: Math.max(...xs.map((x) => x.longest)),
    });
    const b = m(bare);
    const l = m(link);
    const f = m(file);
    const label = `${vpcs} VPCs (${design.accounts.length} accounts, ${graph.nodes.length} nodes, ${graph.edges.length} edges)`;
    const row = (how: string, o: Opening) =>
      `| ${label}: ${how} | ${o.ms.toFixed(0)} | ${(o.ms / b.ms).toFixed(2)} | ` +
      `${o.interactive.toFixed(0)} | ${(o.interactive / b.interactive).toFixed(2)} | ${o.longest.toFixed(0)} |`;
    openRows.push(row('bare React Flow', b), row('app, by link', l), row('app, by file', f));

    const limit = vpcs === 300 ? 1000 : 1600;
    reportGoal({
      row: `open a ${vpcs}-VPC design by link, to the fitted canvas painted`,
      measured:
        `${l.ms.toFixed(0)} ms, ${(l.ms / b.ms).toFixed(2)}× bare React Flow (${b.ms.toFixed(0)} ms), ` +
        `longest task ${l.longest.toFixed(0)} ms; React Flow's own canvas at ${l.interactive.toFixed(0)} ms ` +
        `(${(l.interactive / b.interactive).toFixed(2)}× bare)`,
      goal: `≤ ${limit} ms, ≤ 0.5× bare${vpcs === 300 ? ', no task over 200 ms' : ''}`,
      met: l.ms <= limit && l.ms <= 0.5 * b.ms && (vpcs !== 300 || l.longest <= 200),
    });

    const kept = await openByLink(browser, design, true);
    const page = kept.page!;
    if (vpcs === 1000) {
      const panZoom = await panAndZoom(page);
      editRows.push(`| ${vpcs} VPCs: zoom in and out, pan | – | ${panZoom.toFixed(0)} |`);
      reportGoal({
        row: 'pan and zoom a 1,000-VPC design',
        measured: `longest task ${panZoom.toFixed(0)} ms`,
        goal: 'no task over 50 ms',
        met: panZoom <= 50,
      });
    } else await editing(page, editRows);
    await page.context().close();
  }
  console.log(
    `Opening, median of ${RUNS} runs. Painted: the fitted design on screen, by React Flow or by a ` +
      `link's preview (app/preview.ts); interactive: React Flow's own fitted canvas on screen. ` +
      `Longest task: the longest over all runs, until settled.`,
  );
  console.log('| design: how | painted ms | × bare | interactive ms | × bare | longest task ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of openRows) console.log(r);
  console.log('\n| phase | long tasks (> 50 ms) | longest ms |');
  console.log('| --- | ---: | ---: |');
  for (const r of editRows) console.log(r);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
