// Share links, autosave, files and undo in real Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import example1 from '../examples/example-1-ec2-backup.json' with { type: 'json' };
import example2 from '../examples/example-2-ec2-archive.json' with { type: 'json' };
import { loadDesignValue } from '../src/model/parse';
import type { Design } from '../src/model/schema';
import { decode, encode } from '../src/share';

const EXAMPLE_2_FILE = 'examples/example-2-ec2-archive.json';

function design(raw: unknown): Design {
  const loaded = loadDesignValue(raw);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.design;
}

/** The fixture watches only `page`; other tabs report into the same list. */
function watchErrors(tab: Page, errors: string[]): Page {
  tab.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  tab.on('pageerror', (err) => errors.push(err.message));
  return tab;
}

/** Every VPC of the design is on the canvas with its name. */
async function expectVpcs(page: Page, raw: { vpcs: { id: string; name: string }[] }) {
  for (const vpc of raw.vpcs) await expect(page.getByTestId(`vpc-${vpc.id}`)).toContainText(vpc.name);
}

/** An edit through the UI: open a design file with the file picker (one undoable step). */
async function openFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles(path);
}

test('a link from the Share dialog opens its design in a fresh browser context', async ({
  page,
  browser,
  consoleErrors,
}) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  await openFile(page, EXAMPLE_2_FILE);
  await expectVpcs(page, example2);

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link).toMatch(
    new RegExp(`^${new URL(page.url()).origin.replace(/[.]/g, '\\.')}/#d=1[A-Za-z0-9_-]+$`),
  );
  await expect(dialog.getByTestId('share-link-length')).toHaveText(
    `${link.length.toLocaleString('en-US')} characters`,
  );
  const decoded = decode(link);
  expect(decoded.ok && decoded.design).toEqual(design(example2));

  const fresh = await browser.newContext();
  const other = watchErrors(await fresh.newPage(), consoleErrors);
  await other.goto(link);
  await expectVpcs(other, example2);
  await expect(other.getByTestId('vpc-vpc-repo')).toHaveCount(0);
  // Nothing was saved in the fresh context, so there is no previous design to offer.
  await expect(other.getByText('Opened the design from the link')).toBeVisible();
  await expect(other.getByRole('button', { name: 'Restore previous design' })).toHaveCount(0);
  await fresh.close();
  expect(consoleErrors).toEqual([]);
});

test('a link past 2,000 characters is shown with its length and the advice to send a file', async ({
  page,
  consoleErrors,
}) => {
  const big = design({
    ...example1,
    name: 'Many notes',
    // Random text does not compress: the link grows past the advice threshold.
    accounts: example1.accounts.map((a, i) => ({ ...a, name: `${a.name} ${rand(600, i)}` })),
  });
  await page.goto(`/#${encode(big)}`);
  await expect(page.getByTestId('design-name')).toHaveText('Many notes');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog.getByTestId('share-long-link')).toContainText('Save the design as a file');
  expect(consoleErrors).toEqual([]);
});

function rand(length: number, seed: number): string {
  let x = seed + 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(33 + (x % 90));
  }
  return out;
}

test('a truncated link shows what is wrong and keeps the previous design in a working editor', async ({
  page,
  context,
  consoleErrors,
}) => {
  // The user's own work: Example 2, autosaved in this browser.
  await page.goto('/');
  await openFile(page, EXAMPLE_2_FILE);
  await expectVpcs(page, example2);

  const received = `${new URL(page.url()).origin}/#${encode(design({ ...example1, name: 'From a colleague' }))}`;
  const truncated = received.slice(0, 400);
  const tab = watchErrors(await context.newPage(), consoleErrors);
  await tab.goto(truncated);
  const message = tab.getByTestId('link-error');
  await expect(message).toContainText('incomplete');
  await expect(message).toContainText('copy it again');
  await expect(tab.getByText('Your own design is open, unchanged.')).toBeVisible();
  await expectVpcs(tab, example2);

  // The editor works: an edit (opening a file) and its undo.
  await openFile(tab, 'examples/example-1-ec2-backup.json');
  await expectVpcs(tab, example1);
  await tab.keyboard.press('ControlOrMeta+z');
  await expectVpcs(tab, example2);
  await expect(tab.getByTestId('vpc-vpc-repo')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('opening a link over a local design offers "Restore previous design"', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/');
  await openFile(page, EXAMPLE_2_FILE);
  await expectVpcs(page, example2);

  const tab = watchErrors(await context.newPage(), consoleErrors);
  await tab.goto(`/#${encode(design({ ...example1, name: 'From a colleague' }))}`);
  await expect(tab.getByTestId('design-name')).toHaveText('From a colleague');
  await tab.getByRole('button', { name: 'Restore previous design' }).click();
  await expectVpcs(tab, example2);
  await expect(tab.getByTestId('design-name')).toHaveText(example2.name);
  // Restoring is an edit like any other: undo brings the link's design back.
  await tab.keyboard.press('ControlOrMeta+z');
  await expect(tab.getByTestId('design-name')).toHaveText('From a colleague');
  expect(consoleErrors).toEqual([]);
});

test('an edit survives a reload, and the reload is not an undo step', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  await openFile(page, EXAMPLE_2_FILE);
  await expectVpcs(page, example2);
  // The address bar follows the design (replaceState after a short pause).
  await expect.poll(() => decodeUrl(page.url())).toBe(example2.name);

  await page.reload();
  await expectVpcs(page, example2);
  await expect(page.getByTestId('vpc-vpc-repo')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('design-name')).toHaveText(example2.name);
  await expect(page.getByText('Opened the design from the link')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

function decodeUrl(url: string): string | null {
  const result = decode(url);
  return result.ok ? result.design.name : null;
}

test('undo and redo by keyboard and by the header buttons', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  await openFile(page, EXAMPLE_2_FILE);
  await expectVpcs(page, example2);

  await page.keyboard.press('ControlOrMeta+z');
  await expectVpcs(page, example1);
  await expect(page.getByTestId('vpc-vpc-repo-archive')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expectVpcs(page, example2);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('design-name')).toHaveText(example1.name);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('design-name')).toHaveText(example2.name);
  expect(consoleErrors).toEqual([]);
});

test('a file that is not a design lists its errors by JSON path and changes nothing', async ({
  page,
  consoleErrors,
}, testInfo) => {
  const bad = testInfo.outputPath('broken.json');
  const raw = JSON.parse(readFileSync(EXAMPLE_2_FILE, 'utf8')) as typeof example2;
  writeFileSync(bad, JSON.stringify({ ...raw, vpcs: [{ ...raw.vpcs[0], cidr: 42 }] }));
  await page.goto('/');
  await expectVpcs(page, example1);
  await openFile(page, bad);
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('$.vpcs[0].cidr');
  await expect(error).toContainText('unchanged');
  await expectVpcs(page, example1);
  expect(consoleErrors).toEqual([]);
});

test('dropping a design file on the canvas opens it', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  const text = readFileSync(EXAMPLE_2_FILE, 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'example-2.json', { type: 'application/json' }));
    return transfer;
  }, text);
  const canvas = page.locator('.react-flow__pane');
  await canvas.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop a design file (.json) to open it')).toBeVisible();
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
  await expectVpcs(page, example2);
  await expect(page.getByText('Drop a design file (.json) to open it')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a link pasted into the address bar of an open tab opens as one undoable step', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  // Same path, new fragment: the browser does not reload, the app hears a hashchange.
  await page.goto(`/#${encode(design(example2))}`);
  await expectVpcs(page, example2);
  await expect(page.getByRole('button', { name: 'Restore previous design' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expectVpcs(page, example1);
  await expect(page.getByTestId('vpc-vpc-repo-archive')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('two tabs keep their own designs across a reload', async ({ page, context, consoleErrors }) => {
  await page.goto('/');
  await expectVpcs(page, example1);
  const second = watchErrors(await context.newPage(), consoleErrors);
  await second.goto('/');
  await openFile(second, EXAMPLE_2_FILE);
  await expectVpcs(second, example2);
  await expect.poll(() => decodeUrl(second.url())).toBe(example2.name);

  // The first tab was not touched since; the latest autosave is the second tab's design.
  await page.reload();
  await expect(page.getByTestId('design-name')).toHaveText(example1.name);
  await second.reload();
  await expect(second.getByTestId('design-name')).toHaveText(example2.name);
  expect(consoleErrors).toEqual([]);
});

test('an edit made just before the tab closes opens in the next tab', async ({ context, consoleErrors }) => {
  const first = watchErrors(await context.newPage(), consoleErrors);
  await first.goto('/');
  await expectVpcs(first, example1);
  // The edit and the close in one go: no time for the background save after the pause in editing.
  await first.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="field-design-name"]')!;
    input.focus();
  });
  await first.keyboard.type(' (closing)');
  await first.keyboard.press('Enter');
  await first.close({ runBeforeUnload: true });

  const next = watchErrors(await context.newPage(), consoleErrors);
  await next.goto('/');
  await expect(next.getByTestId('design-name')).toHaveText(`${example1.name} (closing)`);
  expect(consoleErrors).toEqual([]);
});
