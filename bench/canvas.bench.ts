// Canvas responsiveness on a generated 300-VPC design, in real Chromium driven by Playwright:
// every main-thread task over 50 ms (PerformanceObserver "longtask") while the design opens, while
// a VPC is dragged, and while a CIDR is typed into the Inspector; plus how long after an edit the
// Problems panel shows the new findings. Goal: no long task while dragging or typing.
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { generateDesign } from '../src/model/generate';
import { shareLink } from '../src/share/codec';

const VPCS = 300;
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const root = join(import.meta.dirname, '..');

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks: LongTask[];
  }
}

async function takeLongTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => window.__longTasks.splice(0));
}

const summary = (tasks: LongTask[]) =>
  `${tasks.length} | ${tasks.length ? Math.max(...tasks.map((t) => t.duration)).toFixed(0) : '0'}`;

await build({ root, logLevel: 'error' });
const server = await preview({
  root,
  preview: { port: PORT, host: '127.0.0.1', strictPort: true },
  logLevel: 'error',
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const design = generateDesign({ vpcs: VPCS, seed: 7 });
  const rows: string[] = [];

  const t0 = Date.now();
  await page.goto(shareLink(design, `http://127.0.0.1:${PORT}/`));
  await page.locator('.react-flow__node-vpc').first().waitFor();
  await page.getByTestId('problems-summary').or(page.getByTestId('summary-errors')).first().waitFor();
  await page.waitForTimeout(1500);
  const openMs = Date.now() - t0;
  rows.push(`| open (${openMs} ms to settle) | ${summary(await takeLongTasks(page))} |`);

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
  const median = (latencies[4]! + latencies[5]!) / 2;
  rows.push(
    `| remove a route / undo it (×5) → findings shown in ${median.toFixed(0)} ms median, ` +
      `${latencies[latencies.length - 1]!.toFixed(0)} ms max | ${summary(await takeLongTasks(page))} |`,
  );

  console.log(
    `Generated design: ${VPCS} VPCs, ${design.accounts.length} accounts, ${design.peerings.length} peerings`,
  );
  console.log('| phase | long tasks (> 50 ms) | longest ms |');
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(r);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
