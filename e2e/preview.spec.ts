// A received link with a large design is painted at once by the page's first chunk, as a picture
// of the zoomed-out canvas (app/preview.ts), and the app's own canvas takes its place without a
// jump: same boxes in the same places on screen. A damaged link shows no picture and the same
// message as ever; a reload of the tab's own link leaves no picture behind.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { generateDesign } from '../src/model/generate';
import { decode, shareLink } from '../src/share/codec';

const design = generateDesign({ vpcs: 300, seed: 7 });

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PreviewRecord {
  seen: null | {
    ariaHidden: string | null;
    pointerEvents: string;
    vpcs: string | undefined;
    viewport: string | undefined;
    boxes: { flow: Box; screen: Box }[];
  };
  removed: null | { viewport: string | null; overview: boolean };
}

declare global {
  interface Window {
    __preview: PreviewRecord;
  }
}

/**
 * Notes the preview the moment it is added (its first VPC boxes in flow and screen coordinates, as
 * the browser places them) and, when it is removed, what React Flow's canvas showed then. Plain
 * text, so nothing from the test's compiler ends up in the page.
 */
const RECORD = `
  window.__preview = { seen: null, removed: null };
  const boxesOf = (d) =>
    [...d.matchAll(/M(-?[\\d.]+) (-?[\\d.]+)h(-?[\\d.]+)v(-?[\\d.]+)/g)].map((m) => ({
      x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]),
    }));
  window.__screenBoxes = (path, flows) => {
    const m = path.getScreenCTM();
    return flows.map((b) => {
      const a = new DOMPoint(b.x, b.y).matrixTransform(m);
      const c = new DOMPoint(b.x + b.w, b.y + b.h).matrixTransform(m);
      return { x: a.x, y: a.y, w: c.x - a.x, h: c.y - a.y };
    });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes)
        if (n instanceof HTMLElement && n.classList.contains('pnd-preview')) {
          const path = n.querySelector('.pnd-overview-vpc');
          const flows = boxesOf(path.getAttribute('d')).filter((_, i) => i % 37 === 0);
          const screens = window.__screenBoxes(path, flows);
          window.__preview.seen = {
            ariaHidden: n.getAttribute('aria-hidden'),
            pointerEvents: getComputedStyle(path).pointerEvents,
            vpcs: n.dataset.vpcs,
            viewport: n.dataset.viewport,
            boxes: flows.map((flow, i) => ({ flow, screen: screens[i] })),
          };
        }
      for (const n of r.removedNodes)
        if (n instanceof HTMLElement && n.classList.contains('pnd-preview'))
          window.__preview.removed = {
            viewport: document.querySelector('.react-flow__viewport')?.style.transform ?? null,
            overview: document.querySelector('.react-flow__viewport .pnd-overview-vpc') !== null,
          };
    }
  }).observe(document, { childList: true, subtree: true });
`;

const numbers = (transform: string | null | undefined) =>
  [...(transform ?? '').matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) => Number(m[0]));

async function record(page: Page): Promise<PreviewRecord> {
  return page.evaluate(() => window.__preview);
}

/**
 * Once the app has drawn the design: the preview is gone, and when it went React Flow's viewport
 * had the fit the (last) preview was drawn at, with the same VPCs in the same places on screen.
 */
async function expectCanvasInPreviewsPlace(page: Page): Promise<void> {
  await expect(page.getByTestId('preview')).toHaveCount(0);
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(design.vpcs.length));
  const { seen, removed } = await record(page);

  expect(seen!.ariaHidden).toBe('true');
  expect(seen!.pointerEvents).toBe('none');
  expect(seen!.vpcs).toBe(String(design.vpcs.length));
  expect(seen!.boxes.length).toBeGreaterThanOrEqual(5);
  expect(removed!.overview).toBe(true);
  const [tx, ty, zoom] = numbers(removed!.viewport);
  const [px, py, pzoom] = numbers(seen!.viewport);
  expect(Math.abs(tx! - px!)).toBeLessThan(0.5);
  expect(Math.abs(ty! - py!)).toBeLessThan(0.5);
  expect(Math.abs(zoom! - pzoom!)).toBeLessThan(1e-3);

  // The same VPCs are drawn by the app's overview, in the same places on screen.
  const app = await page.evaluate(
    (flows) => {
      const paths = [...document.querySelectorAll<SVGPathElement>('.react-flow__viewport .pnd-overview-vpc')];
      const d = paths.map((p) => p.getAttribute('d')).join('');
      const path = paths[0]!;
      return {
        drawn: flows.map((b) => d.includes(`M${b.x} ${b.y}h${b.w}v${b.h}`)),
        screen: (
          window as unknown as { __screenBoxes: (p: SVGPathElement, f: Box[]) => Box[] }
        ).__screenBoxes(path, flows),
      };
    },
    seen!.boxes.map((b) => b.flow),
  );
  expect(app.drawn.every(Boolean)).toBe(true);
  seen!.boxes.forEach(({ screen }, i) => {
    const drawn = app.screen[i]!;
    for (const key of ['x', 'y', 'w', 'h'] as const)
      expect(Math.abs(drawn[key] - screen[key])).toBeLessThan(1);
  });
  // The design is the link's, judged as usual.
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
}

test('a 300-VPC link is painted as a preview first, then the canvas takes its place in the same spot', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript({ content: RECORD });
  await page.goto(shareLink(design, '/'));
  await page.waitForFunction(() => window.__preview.seen !== null);
  await expectCanvasInPreviewsPlace(page);
  expect(consoleErrors).toEqual([]);
});

test('a preview follows a resized window until the canvas takes its place', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript({ content: RECORD });
  // The app's script is held back, so the picture is still up while the window changes size.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/boot-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(shareLink(design, '/'));
  await page.waitForFunction(() => window.__preview.seen !== null);
  const first = (await record(page)).seen!.viewport;
  await page.setViewportSize({ width: 1100, height: 720 });
  // Drawn again for the smaller canvas, and still only the one picture.
  await page.waitForFunction((viewport) => window.__preview.seen!.viewport !== viewport, first);
  await expect(page.getByTestId('preview')).toHaveCount(1);
  release();
  await expectCanvasInPreviewsPlace(page);
  expect(consoleErrors).toEqual([]);
});

test('a damaged link shows no preview and says what is wrong, as before', async ({ page, consoleErrors }) => {
  await page.addInitScript({ content: RECORD });
  const link = shareLink(design, '/');
  const at = Math.floor(link.length / 2);
  // One character of the compressed design changed: the checksum no longer matches.
  const damaged = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  const expected = decode(damaged);
  expect(expected.ok).toBe(false);
  await page.goto(damaged);
  const message = page.getByTestId('link-error');
  await expect(message).toBeVisible();
  await expect(message).toContainText(expected.ok ? '' : expected.error.message.split('\n')[0]!);
  // Example 1 stands in, drawn by the canvas; no picture of the damaged design ever appeared.
  await expect(page.locator('.react-flow__node-vpc').first()).toBeVisible();
  expect((await record(page)).seen).toBeNull();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("reloading the tab's own link paints no preview of it", async ({ page, consoleErrors }) => {
  await page.goto(shareLink(design, '/'));
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(design.vpcs.length));
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  // Autosave has the design once the tab remembers the link as its own.
  await page.waitForFunction(() => sessionStorage.getItem('pnd:design') !== null);
  await page.addInitScript({ content: RECORD });
  await page.reload();
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(design.vpcs.length));
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  // Reopened from the tab's own autosave, not as a received link, and never pictured as one.
  await expect(page.getByText('Opened the design from the link')).toHaveCount(0);
  expect((await record(page)).seen).toBeNull();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
