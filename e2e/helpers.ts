// Steps a user takes in the editor, shared by the e2e specs: drag from the palette, select on the
// canvas, pick from Mantine selects, type into inspector fields.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function openTemplate(page: Page, id: 'example-1' | 'example-2' | 'empty') {
  await page.getByTestId('new-design').click();
  await page.getByTestId(`template-${id}`).click();
}

/** Drags a palette item onto a target (a node, or the empty pane) at a point inside it. */
export async function dropFromPalette(
  page: Page,
  kind: string,
  target: Locator,
  position?: { x: number; y: number },
) {
  await page.getByTestId(`palette-${kind}`).dragTo(target, { targetPosition: position, timeout: 10_000 });
}

export const pane = (page: Page) => page.locator('.react-flow__pane');

/** Clicks a node by its header (the top-left corner is always the node itself, never a child). */
export async function selectNode(page: Page, testId: string) {
  await page.getByTestId(testId).click({ position: { x: 12, y: 8 } });
}

export async function fill(page: Page, label: string, value: string, scope?: Locator) {
  const field = (scope ?? page.getByTestId('inspector')).getByLabel(label, { exact: true }).first();
  await field.fill(value);
  await field.press('Enter');
}

/** Picks an option of a Mantine Select by its label. */
export async function pick(page: Page, label: string, option: string | RegExp, scope?: Locator) {
  const field = (scope ?? page.getByTestId('inspector'))
    .getByRole('combobox', { name: label, exact: true })
    .first();
  await field.click();
  if (typeof option === 'string') await field.fill(option);
  await page.getByRole('option', { name: option }).first().click();
}

export async function expectNotice(page: Page, text: string | RegExp) {
  await expect(page.getByTestId('notice')).toContainText(text);
}

/** Drags from a VPC's peering handle to a point on another (or the same) VPC. */
export async function connect(page: Page, fromVpc: string, toVpc: string) {
  const handle = page.getByTestId(`vpc-${fromVpc}`).locator('.react-flow__handle[data-handleid="connect"]');
  const from = await handle.boundingBox();
  const target = await page.getByTestId(`vpc-${toVpc}`).locator('.pnd-node-header').boundingBox();
  if (!from || !target) throw new Error('VPC not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 20, target.y + target.height / 2, { steps: 8 });
  await page.mouse.move(target.x + 24, target.y + target.height / 2, { steps: 2 });
  await page.mouse.up();
}

/** A box on screen, as getBoundingClientRect gives it. */
export type Rect = { x: number; y: number; width: number; height: number };

/** Whether two boxes overlap by more than half a pixel (touching edges do not count). */
export const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Whether `inner` lies inside `outer`, within half a pixel. */
export const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
