// A canvas that organises itself, checked on the rendered page at 1440×900 and 1280×720: no node
// covers another (except its own parent), no peering label covers a node, opened designs are fitted,
// Tidy lays out the whole design as one undo step, elements find room where they are dropped or
// dragged, a VPC can be dragged into another account, account backgrounds pan, the header keeps its
// buttons whole, canvas text stays readable, and the overlays stay small and fold away.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { contains, dropFromPalette, intersects, openTemplate, selectNode, type Rect } from './helpers';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

const EXAMPLE_2_FILE = 'examples/example-2-ec2-archive.json';

/** Boxes on screen: every node (with its kind), every peering label, every account header. */
async function geometry(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      nodes: [...document.querySelectorAll('.react-flow__node')].map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        kind: [...el.classList]
          .find((c) => c.startsWith('react-flow__node-'))!
          .slice('react-flow__node-'.length),
        box: rect(el),
      })),
      labels: [...document.querySelectorAll('.pnd-edge-label')].map((el) => ({
        text: el.textContent ?? '',
        box: rect(el),
      })),
      headers: [...document.querySelectorAll('.pnd-account-header')].map(rect),
      canvas: rect(document.querySelector('.react-flow')!),
    };
  });
}

/** Nodes that overlap without one holding the other, and labels over a node or an account header. */
async function overlaps(page: Page): Promise<string[]> {
  const { nodes, labels, headers } = await geometry(page);
  const problems: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i]!, nodes[j]!];
      if (contains(a.box, b.box) || contains(b.box, a.box)) continue;
      if (intersects(a.box, b.box)) problems.push(`node ${a.id} × node ${b.id}`);
    }
  for (const label of labels) {
    for (const n of nodes)
      if (n.kind !== 'account' && intersects(label.box, n.box))
        problems.push(`label ${label.text} × ${n.id}`);
    for (const h of headers)
      if (intersects(label.box, h)) problems.push(`label ${label.text} × account header`);
  }
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (intersects(labels[i]!.box, labels[j]!.box))
        problems.push(`label ${labels[i]!.text} × label ${labels[j]!.text}`);
  return problems;
}

/** Every node lies inside the canvas (the design is fitted to the view). */
async function allInView(page: Page): Promise<boolean> {
  const { nodes, canvas } = await geometry(page);
  return nodes.length > 0 && nodes.every((n) => contains(canvas, n.box));
}

async function zoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
    return new DOMMatrixReadOnly(t).a;
  });
}

async function boxOf(page: Page, testId: string): Promise<Rect> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} not on screen`);
  return box;
}

/** Drags with the mouse from one point to another in small steps. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('both examples open fitted, with no node on another and no label on a node', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/');
      for (const id of ['example-1', 'example-2'] as const) {
        await openTemplate(page, id);
        await expect(
          page.getByTestId(id === 'example-1' ? 'vpc-vpc-appliance' : 'vpc-vpc-repo-archive'),
        ).toBeVisible();
        await expect.poll(() => allInView(page)).toBe(true);
        await expect.poll(() => overlaps(page)).toEqual([]);
        // Short labels: the peering's name only; the status and the rest are in the tooltip.
        const label = page.locator('.pnd-edge-label').first();
        await expect(label).not.toContainText('active');
        await expect(label).toHaveAttribute('title', /^Peering .+ · active/);
      }
      expect(consoleErrors).toEqual([]);
    });

    test('an opened file is fitted to the view, wherever the view was', async ({ page, consoleErrors }) => {
      await page.goto('/');
      await expect(page.getByTestId('vpc-vpc-appliance')).toBeVisible();
      // Pan far away (dragging an account's background pans), then open a file.
      const body = await boxOf(page, 'account-acct-prod');
      const from = { x: body.x + body.width - 10, y: body.y + body.height - 8 };
      await drag(page, from, { x: from.x - 500, y: from.y - 400 });
      await expect.poll(() => allInView(page)).toBe(false);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await (await chooser).setFiles(EXAMPLE_2_FILE);
      await expect(page.getByTestId('vpc-vpc-repo-archive')).toBeVisible();
      await expect.poll(() => allInView(page)).toBe(true);
      expect(consoleErrors).toEqual([]);
    });

    test('Tidy lays the whole design out again as one undo step', async ({ page, consoleErrors }) => {
      await page.goto('/');
      const vpc = 'vpc-vpc-worker';
      await expect(page.getByTestId(vpc)).toBeVisible();
      const packed = await boxOf(page, vpc);
      // Move the VPC by its header, a little down and right inside its account.
      await drag(page, { x: packed.x + 40, y: packed.y + 10 }, { x: packed.x + 100, y: packed.y + 50 });
      await expect.poll(async () => (await boxOf(page, vpc)).x).toBeGreaterThan(packed.x + 30);
      const moved = await boxOf(page, vpc);
      await expect.poll(() => overlaps(page)).toEqual([]);

      await page.getByTestId('tidy').click();
      await expect.poll(async () => overlaps(page)).toEqual([]);
      await expect.poll(() => allInView(page)).toBe(true);
      // Tidied: the VPC is back where the packer puts it (the view is fitted as on opening).
      await expect.poll(async () => Math.round((await boxOf(page, vpc)).x)).toBe(Math.round(packed.x));
      await expect.poll(async () => Math.round((await boxOf(page, vpc)).y)).toBe(Math.round(packed.y));

      await page.keyboard.press('Control+z');
      await expect.poll(async () => Math.round((await boxOf(page, vpc)).x)).toBe(Math.round(moved.x));
      expect(consoleErrors).toEqual([]);
    });

    test('a VPC dropped where it would cover another finds room beside it; its account grows', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/');
      const account = 'account-acct-appliance';
      await expect(page.getByTestId(account)).toBeVisible();
      const before = await boxOf(page, account);
      // Let go in the account's header, so the new VPC's box would lie over the VPC below it.
      await dropFromPalette(page, 'vpc', page.getByTestId(account), { x: before.width / 2, y: 30 });
      await expect(page.locator('.react-flow__node-vpc')).toHaveCount(4);
      await expect.poll(() => overlaps(page)).toEqual([]);
      const after = await boxOf(page, account);
      expect(after.width * after.height).toBeGreaterThan(before.width * before.height);
      expect(consoleErrors).toEqual([]);
    });

    test('a VPC dragged out of its account moves into the account it is let go in', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/');
      const vpc = 'vpc-vpc-appliance';
      await expect(page.getByTestId(vpc)).toBeVisible();
      const production = await boxOf(page, 'account-acct-prod');
      const start = await boxOf(page, vpc);
      // Into the production account (empty, so there is room), by the VPC's header.
      await drag(page, { x: start.x + 30, y: start.y + 10 }, { x: production.x + 40, y: production.y + 20 });
      await expect
        .poll(async () => contains(await boxOf(page, 'account-acct-prod'), await boxOf(page, vpc)))
        .toBe(true);
      await selectNode(page, vpc);
      await expect(
        page.getByTestId('inspector').getByRole('combobox', { name: 'Account', exact: true }),
      ).toHaveValue('Production account');
      await expect.poll(() => overlaps(page)).toEqual([]);

      // Let go on the empty canvas: refused with the reason, and the VPC stays in its account.
      const inProduction = await boxOf(page, vpc);
      const canvas = (await geometry(page)).canvas;
      await drag(
        page,
        { x: inProduction.x + 30, y: inProduction.y + 10 },
        { x: canvas.x + canvas.width - 60, y: canvas.y + canvas.height - 60 },
      );
      await expect(page.getByTestId('notice')).toContainText('lives in an account');
      await expect
        .poll(async () => contains(await boxOf(page, 'account-acct-prod'), await boxOf(page, vpc)))
        .toBe(true);
      expect(consoleErrors).toEqual([]);
    });

    test('dragging an account background pans; its header (or a modifier) moves it', async ({
      page,
      consoleErrors,
    }) => {
      await page.goto('/');
      const account = 'account-acct-prod';
      await expect(page.getByTestId(account)).toBeVisible();
      const body = await boxOf(page, account);
      const zoomBefore = await zoom(page);
      const relative = async () => {
        const a = await boxOf(page, account);
        const b = await boxOf(page, 'account-acct-appliance');
        return { dx: Math.round(a.x - b.x), dy: Math.round(a.y - b.y) };
      };
      const layoutBefore = await relative();
      // The background, below the header: the whole view moves, the account keeps its place.
      await drag(
        page,
        { x: body.x + body.width - 20, y: body.y + body.height - 12 },
        { x: body.x + body.width - 80, y: body.y + body.height - 52 },
      );
      await expect.poll(async () => Math.round((await boxOf(page, account)).x)).toBe(Math.round(body.x - 60));
      expect(await relative()).toEqual(layoutBefore);
      expect(await zoom(page)).toBe(zoomBefore);

      // With Alt held the background moves the account itself.
      const panned = await boxOf(page, account);
      await page.keyboard.down('Alt');
      await drag(
        page,
        { x: panned.x + panned.width - 20, y: panned.y + panned.height - 12 },
        { x: panned.x + panned.width + 20, y: panned.y + panned.height + 28 },
      );
      await page.keyboard.up('Alt');
      await expect.poll(relative).not.toEqual(layoutBefore);
      expect(consoleErrors).toEqual([]);
    });
  });
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the header keeps every button whole; a long design name is cut with a tooltip', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    const name = 'A very long design name for the backup network of every production account we run';
    const field = page.getByTestId('inspector').getByLabel('Design name', { exact: true });
    await field.fill(name);
    await field.press('Enter');
    await expect(page.getByTestId('design-name')).toHaveText(name);
    const header = await page.locator('header').boundingBox();
    const clipped = await page.getByTestId('header-actions').evaluate((group) =>
      [...group.querySelectorAll('button')].flatMap((b) => {
        const r = b.getBoundingClientRect();
        const whole = b.scrollWidth <= b.clientWidth + 1 && r.right <= window.innerWidth && r.width > 0;
        return whole ? [] : [b.textContent || b.getAttribute('aria-label')];
      }),
    );
    expect(clipped).toEqual([]);
    const actions = await boxOf(page, 'header-actions');
    expect(actions.x + actions.width).toBeLessThanOrEqual(header!.x + header!.width);
    expect(actions.height).toBeLessThanOrEqual(header!.height);
    // The name is cut, and the whole of it shows on hover.
    expect(await page.getByTestId('design-name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(
      true,
    );
    await page.getByTestId('design-name').hover();
    await expect(page.getByRole('tooltip')).toHaveText(name);
    expect(consoleErrors).toEqual([]);
  });

  test('canvas text is at least 11 px on screen at the fitted zoom of Example 1', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('vpc-vpc-appliance')).toBeVisible();
    await expect.poll(() => allInView(page)).toBe(true);
    const smallest = await page.evaluate(() => {
      const z = new DOMMatrixReadOnly(
        getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
      ).a;
      let least = Infinity;
      let where = '';
      for (const el of document.querySelectorAll('.react-flow__node *, .pnd-edge-label, .pnd-edge-label *')) {
        const text = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim());
        if (!text) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * z;
        if (px < least) [least, where] = [px, el.textContent ?? ''];
      }
      return { px: least, where, zoom: z };
    });
    expect(smallest.zoom).toBeLessThan(1.01);
    expect(smallest.px, `smallest text: "${smallest.where}" at zoom ${smallest.zoom}`).toBeGreaterThanOrEqual(
      11,
    );
    expect(consoleErrors).toEqual([]);
  });

  test('the overview map and the flows panel fold away and together take at most a fifth of the canvas', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await page.getByTestId('toggle-flows').check({ force: true });
    await expect(page.getByTestId('flow-item').first()).toBeVisible();
    const area = (r: Rect | null) => (r ? r.width * r.height : 0);
    const canvas = (await geometry(page)).canvas;
    const map = await page.locator('.react-flow__minimap').boundingBox();
    const flows = await page.getByTestId('flows-panel').boundingBox();
    expect(area(map) + area(flows)).toBeLessThanOrEqual(area(canvas) / 5);

    await page.getByTestId('toggle-flow-list').click();
    await expect(page.getByTestId('flow-item')).toHaveCount(0);
    await page.getByTestId('toggle-minimap').click();
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.getByTestId('toggle-minimap').click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('screenshot at 1280×720 for the README', async ({ page, consoleErrors }) => {
    await page.goto('/');
    await openTemplate(page, 'example-2');
    await expect(page.getByTestId('vpc-vpc-repo-archive')).toBeVisible();
    await expect.poll(() => allInView(page)).toBe(true);
    await page.screenshot({
      path: process.env.UPDATE_SCREENSHOT
        ? 'docs/screenshot-1280x720.png'
        : 'test-results/screenshot-1280x720.png',
    });
    expect(consoleErrors).toEqual([]);
  });
});
