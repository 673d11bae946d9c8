import { test, expect } from './fixtures';
import example1 from '../examples/example-1-ec2-backup.json' with { type: 'json' };

test('opens on Example 1 with its VPCs on the canvas and no console errors', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  for (const vpc of example1.vpcs) {
    await expect(page.getByTestId(`vpc-${vpc.id}`)).toContainText(vpc.name);
    await expect(page.getByTestId(`vpc-${vpc.id}`)).toContainText(vpc.cidr);
  }
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  // The README's picture is refreshed on request (UPDATE_SCREENSHOT=1), so a test run leaves the
  // working tree as it found it.
  await page.screenshot({
    path: process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : 'test-results/screenshot.png',
  });
  expect(consoleErrors).toEqual([]);
});
