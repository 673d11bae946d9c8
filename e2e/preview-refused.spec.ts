// The page paints a large link's preview from the link's data before the worker has checked it
// (app/link-preview.ts). A link whose data inflates and unpacks but is not a valid design must end
// the same as ever: the message naming what is wrong, Example 1 in its place, and no picture of
// the refused design left on screen.
import { test, expect } from './fixtures';
import { generateDesign } from '../src/model/generate';
import { decode, encodePackedJson } from '../src/share/codec';
import { packDesign } from '../src/share/pack';

test('a large link that is not a valid design shows its error and leaves no preview', async ({
  page,
  consoleErrors,
}) => {
  const design = generateDesign({ vpcs: 300, seed: 7 });
  // A number where a VPC's CIDR goes: the check refuses it, the preview has all it needs.
  (design.vpcs[5] as unknown as { cidr: unknown }).cidr = 42;
  const fragment = encodePackedJson(JSON.stringify(packDesign(design)));
  expect(fragment.length).toBeGreaterThan(16_000);
  const expected = decode(fragment);
  if (expected.ok) throw new Error('expected the link to be refused');
  expect(expected.error.kind).toBe('not-a-design');

  await page.goto(`/#${fragment}`);
  const message = page.getByTestId('link-error');
  await expect(message).toBeVisible();
  await expect(message).toContainText('$.vpcs[5].cidr');
  // Example 1 stands in, drawn by the canvas, and no picture of the refused design remains.
  await expect(page.locator('.react-flow__node-vpc').first()).toBeVisible();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
