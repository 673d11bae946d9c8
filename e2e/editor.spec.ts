import { test, expect } from './fixtures';
import { connect, dropFromPalette, expectNotice, openTemplate, pane, selectNode } from './helpers';

test('refused drops say why and change nothing', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, 'empty');
  await expect(page.getByTestId('design-name')).toHaveText('Untitled design');

  await dropFromPalette(page, 'vpc', pane(page), { x: 300, y: 300 });
  await expectNotice(page, 'Drop a VPC into an account.');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await dropFromPalette(page, 'account', pane(page), { x: 200, y: 200 });
  await expect(page.locator('.react-flow__node-account')).toHaveCount(1);

  const account = page.locator('.react-flow__node-account').first();
  await dropFromPalette(page, 'subnet', account, { x: 60, y: 60 });
  await expectNotice(page, /A subnet goes into a VPC, not into Account 1/);
  await dropFromPalette(page, 'account', account, { x: 60, y: 60 });
  await expectNotice(page, /Accounts go on the canvas itself/);
  await dropFromPalette(page, 'appliance', account, { x: 60, y: 60 });
  await expectNotice(page, 'Drop the backup appliance onto a subnet.');
  await expect(page.locator('.react-flow__node')).toHaveCount(1);

  // Legal drops: a VPC into the account, a subnet into the VPC, the appliance onto the subnet.
  await dropFromPalette(page, 'vpc', account, { x: 40, y: 80 });
  await expect(page.locator('.react-flow__node-vpc')).toHaveCount(1);
  const vpc = page.locator('.react-flow__node-vpc').first();
  await dropFromPalette(page, 'subnet', vpc, { x: 30, y: 60 });
  await expect(page.locator('.react-flow__node-subnet')).toContainText('10.0.0.0/24');
  const subnet = page.locator('.react-flow__node-subnet').first();
  await dropFromPalette(page, 'appliance', subnet, { x: 40, y: 40 });
  await expect(subnet).toContainText('appliance');
  await dropFromPalette(page, 'appliance', subnet, { x: 40, y: 40 });
  await expectNotice(page, /already has a backup appliance/);
});

test('refused peerings: self and duplicate, with their messages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('vpc-vpc-worker')).toBeVisible();
  const edges = page.locator('.react-flow__edge-peering');
  await expect(edges).toHaveCount(2);

  await connect(page, 'vpc-worker', 'vpc-worker');
  await expectNotice(page, 'A VPC cannot be peered with itself.');
  await connect(page, 'vpc-worker', 'vpc-repo');
  await expectNotice(page, /Worker VPC and Repository VPC are already peered/);
  await expect(edges).toHaveCount(2);

  // A new pair is accepted and drawn.
  await connect(page, 'vpc-worker', 'vpc-appliance');
  await expect(edges).toHaveCount(3);
  await expect(page.getByTestId('inspector-title')).toHaveText('Worker VPC ↔ Appliance VPC');
});

test('an invalid CIDR shows its message and never reaches the design', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  const cidr = page.getByTestId('inspector').getByLabel('IPv4 CIDR', { exact: true });
  await expect(cidr).toHaveValue('10.0.0.0/16');

  await cidr.fill('10.0.0.1/16');
  await expect(page.getByTestId('inspector')).toContainText('Host bits are set');
  await cidr.press('Enter');
  await cidr.blur();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');

  await cidr.fill('10.0.0.0/8');
  await expect(page.getByTestId('inspector')).toContainText('between /16 and /28');
  await cidr.fill('not a cidr');
  await expect(page.getByTestId('inspector')).toContainText('Not an IPv4 CIDR');
  await cidr.blur();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');

  // Undo has nothing of it: the first undo step is not a half-typed CIDR.
  await cidr.fill('10.2.0.0/16');
  await cidr.press('Enter');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.2.0.0/16');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');
});

test('delete a route: route/missing with the VPC highlighted, Fix removes it, undo brings it back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await selectNode(page, 'vpc-vpc-worker');
  const table = page.getByTestId('route-table-rt-worker');
  await table.getByRole('button', { name: 'Remove route 11.0.0.0/16' }).click();

  await page.getByTestId('tab-problems').click();
  const finding = page.locator('[data-testid="finding"][data-rule="route/missing"]');
  await expect(finding.first()).toBeVisible();
  await expect(page.getByTestId('summary-errors')).not.toHaveText('0 errors');
  await expect(page.getByTestId('vpc-vpc-worker')).toHaveClass(/has-error/);
  await expect(page.getByTestId('vpc-vpc-worker').getByTestId('issue-badge')).toBeVisible();

  await finding.first().getByTestId('finding-fix').click();
  await expect(finding).toHaveCount(0);
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await expect(page.getByTestId('vpc-vpc-worker')).not.toHaveClass(/has-error/);

  await page.keyboard.press('Control+z');
  await expect(finding.first()).toBeVisible();
  await expect(page.getByTestId('vpc-vpc-worker')).toHaveClass(/has-error/);
});

test('clicking a finding selects and zooms to its elements', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  await page.getByRole('switch', { name: 'DNS hostnames (enableDnsHostnames)' }).click();
  await page.getByTestId('tab-problems').click();
  const finding = page.locator('[data-testid="finding"][data-rule="endpoint/dns-attributes"]');
  await expect(finding).toBeVisible();
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await finding.getByRole('button', { name: /Show on canvas/ }).click();
  await expect(page.getByTestId('vpc-vpc-worker')).toHaveClass(/is-selected/);
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);
});

test('a node drag is one undo step and delete removes what depends on it', async ({ page }) => {
  await page.goto('/');
  const repo = page.getByTestId('repository-repo-std');
  const box = (await repo.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20, box.y + 10 + i * 6);
  await page.mouse.up();
  const moved = (await repo.boundingBox())!;
  expect(moved.y).toBeGreaterThan(box.y + 20);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await repo.boundingBox())!.y).toBeCloseTo(box.y, 0);

  // Delete the repository VPC: the dialog lists what goes and what is cleared; undo restores all.
  await selectNode(page, 'vpc-vpc-repo');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('delete-removed')).toContainText('peering workers ↔ repository');
  await expect(dialog.getByTestId('delete-cleared')).toContainText('no S3 endpoint selected');
  await dialog.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('vpc-vpc-repo')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge-peering')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('vpc-vpc-repo')).toBeVisible();
  await expect(page.locator('.react-flow__edge-peering')).toHaveCount(2);
});

test('flow overlay: a failing flow opens its trace with the blocking hop and a fix', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-repo');
  await page
    .getByTestId('route-table-rt-repo')
    .getByRole('button', { name: 'Remove route 10.0.0.0/16' })
    .click();
  await page.getByTestId('toggle-flows').click({ force: true });
  // A straight path has no height, so Playwright calls it hidden: count the drawn paths instead.
  await expect(page.locator('.pnd-flow.is-failing').first()).toBeAttached();
  await expect(page.locator('.pnd-flow.is-ok').first()).toBeAttached();
  await expect(page.getByRole('button', { name: /Why does this flow fail/ }).first()).toBeVisible();
  await page.locator('[data-testid="flow-item"].is-failing').first().click();
  const trace = page.getByTestId('trace-view');
  await expect(trace).toContainText('fails');
  await expect(trace.locator('.pnd-hop.is-fail').first()).toBeVisible();
  await trace.getByTestId('trace-fix').first().click();
  await expect(trace).toContainText('passes');
});
