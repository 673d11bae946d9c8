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

test('zoomed out until subnet text is unreadable, VPCs are drawn as plain boxes of the overview; zooming in brings the detail back', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  const vpc = page.getByTestId(`vpc-${example1.vpcs[0]!.id}`);
  const subnets = page.locator('.react-flow__node-subnet');
  // At the fitted zoom of an example every subnet and VPC header can be read.
  await expect(subnets).toHaveCount(example1.vpcs.reduce((n, v) => n + v.subnets.length, 0));
  await expect(vpc).toContainText(example1.vpcs[0]!.cidr);
  for (let i = 0; i < 6; i++) await page.locator('.react-flow__controls-zoomout').click();
  await expect(subnets).toHaveCount(0);
  await expect(vpc).toHaveCount(0);
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(example1.vpcs.length));
  for (let i = 0; i < 6; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(vpc).toContainText(example1.vpcs[0]!.cidr);
  await expect(subnets).not.toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
