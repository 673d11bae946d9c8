// Diagram export from the Export drawer: a real PNG and a real SVG of the whole design, even when
// the canvas is zoomed in (off-screen nodes are not in the DOM while onlyRenderVisibleElements is on).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import example1 from '../examples/example-1-ec2-backup.json' with { type: 'json' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function download(page: Page, button: 'export-png' | 'export-svg') {
  const started = page.waitForEvent('download');
  await page.getByTestId(button).click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function openDiagramTab(page: Page) {
  await page.getByTestId('open-export').click();
  await page.getByRole('tab', { name: 'Diagram' }).click();
}

test('the diagram downloads as a PNG image of the canvas', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page.getByTestId(`vpc-${example1.vpcs[0]!.id}`)).toBeVisible();
  await openDiagramTab(page);
  const { name, bytes } = await download(page, 'export-png');
  expect(name).toBe('Example-1-EC2-backup-through-private-endpoints.png');
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // IHDR: width and height (big-endian) of a diagram, not of an empty placeholder.
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(320);
  expect(bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(240);
  // A blank image compresses to almost nothing; a drawn diagram does not.
  expect(bytes.length).toBeGreaterThan(20_000);
  expect(consoleErrors).toEqual([]);
});

test('the SVG holds every VPC, also those scrolled off screen', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page.getByTestId(`vpc-${example1.vpcs[0]!.id}`)).toBeVisible();
  // Zoom far into one corner so that most nodes leave the viewport (and the DOM).
  await page.mouse.move(300, 150);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -500);
  await expect
    .poll(async () => page.locator('.react-flow__node-vpc').count())
    .toBeLessThan(example1.vpcs.length);
  const viewport = await page.locator('.react-flow__viewport').getAttribute('style');

  await openDiagramTab(page);
  const { name, bytes } = await download(page, 'export-svg');
  expect(name).toBe('Example-1-EC2-backup-through-private-endpoints.svg');
  const svg = bytes.toString('utf8');
  expect(svg).toMatch(/^<svg[\s>]/);
  for (const vpc of example1.vpcs) expect(svg).toContain(vpc.name);
  for (const account of example1.accounts) expect(svg).toContain(account.name);
  // Every peering is drawn as a stroked line, not an invisible path.
  const peeringPaths = [
    ...svg.matchAll(/<path id="([^"]+)" class="react-flow__edge-path[^"]*"[^>]*style="([^"]*)"/g),
  ];
  expect(peeringPaths.map((m) => m[1]).sort()).toEqual(example1.peerings.map((p) => p.id).sort());
  for (const [, , style] of peeringPaths) expect(style).toMatch(/stroke: rgb\(/);
  // The user's view is given back after the export.
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', viewport!);
  expect(consoleErrors).toEqual([]);
});
