// Example 1 built from an empty canvas through the UI alone (palette drags, canvas connections,
// inspector fields, the Problems tab's fixes) until the Problems tab shows no errors.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { connect, dropFromPalette, fill, openTemplate, pane, pick } from './helpers';

/** Matches a node's name exactly (names may contain regex characters such as parentheses). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const node = (page: Page, type: string, name: string) =>
  page
    .locator(`.react-flow__node-${type}`)
    .filter({ has: page.locator('.pnd-name', { hasText: exactly(name) }) });

async function addAccount(page: Page, at: { x: number; y: number }, name: string, accountId: string) {
  await dropFromPalette(page, 'account', pane(page), at);
  await expect(page.getByTestId('inspector-title')).toHaveText(/^Account \d$/);
  await fill(page, 'Name', name);
  await fill(page, 'AWS account id', accountId);
  await expect(node(page, 'account', name)).toContainText(accountId);
}

async function addVpc(page: Page, account: string, name: string, region: string, cidr: string) {
  await dropFromPalette(page, 'vpc', node(page, 'account', account), { x: 30, y: 64 });
  await expect(page.getByTestId('inspector-title')).toHaveText(/^VPC \d$/);
  await fill(page, 'Name', name);
  await pick(page, 'Region', region);
  await fill(page, 'IPv4 CIDR', cidr);
  await expect(node(page, 'vpc', name)).toContainText(cidr);
  await expect(node(page, 'vpc', name)).toContainText(region);
}

async function addSubnet(page: Page, vpc: string, name: string, cidr: string) {
  await dropFromPalette(page, 'subnet', node(page, 'vpc', vpc), { x: 20, y: 50 });
  await expect(page.getByTestId('inspector-title')).toHaveText(/^subnet \d$/);
  await fill(page, 'Name', name);
  await fill(page, 'IPv4 CIDR', cidr);
  await expect(node(page, 'subnet', name)).toContainText(cidr);
}

async function addEndpoints(page: Page, subnet: string, services: string[]) {
  await dropFromPalette(page, 'endpoint', node(page, 'subnet', subnet), { x: 20, y: 20 });
  const dialog = page.getByRole('dialog', { name: 'Interface endpoints' });
  for (const s of services) await dialog.getByTestId(`service-${s}`).check();
  await dialog.getByTestId('add-endpoints').click();
  for (const s of services) await expect(node(page, 'subnet', subnet)).toContainText(s);
}

test('build Example 1 from an empty canvas with the UI only, until no errors remain', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await openTemplate(page, 'empty');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  await addAccount(page, { x: 20, y: 20 }, 'Appliance account', '111111111111');
  await addAccount(page, { x: 360, y: 20 }, 'Backup account', '222222222222');
  await addAccount(page, { x: 20, y: 300 }, 'Repository account', '444444444444');
  await addAccount(page, { x: 600, y: 560 }, 'Production account', '333333333333');

  await addVpc(page, 'Appliance account', 'Appliance VPC', 'eu-central-1', '172.16.0.0/16');
  await addVpc(page, 'Backup account', 'Worker VPC', 'us-east-1', '10.0.0.0/16');
  await addVpc(page, 'Repository account', 'Repository VPC', 'us-west-2', '11.0.0.0/16');

  await addSubnet(page, 'Appliance VPC', 'appliance', '172.16.1.0/24');
  await addSubnet(page, 'Worker VPC', 'workers (private)', '10.0.1.0/24');
  await addSubnet(page, 'Repository VPC', 'S3 endpoint (private)', '11.0.1.0/24');
  await expect(node(page, 'subnet', 'workers (private)')).toContainText('us-east-1a');

  await dropFromPalette(page, 'appliance', node(page, 'subnet', 'appliance'), { x: 20, y: 20 });
  await expect(page.getByTestId('inspector-title')).toHaveText('Veeam Backup for AWS');
  await fill(page, 'Private IPv4 address', '172.16.1.10');

  await addEndpoints(page, 'workers (private)', ['ec2messages', 'ssm', 'sqs', 'ebs']);
  await dropFromPalette(page, 'worker', node(page, 'subnet', 'workers (private)'), { x: 20, y: 20 });
  await expect(node(page, 'subnet', 'workers (private)')).toContainText('workers');
  await addEndpoints(page, 'S3 endpoint (private)', ['s3']);

  // Keyboard-style placement: select the account, then press the palette item.
  await node(page, 'account', 'Repository account').click({ position: { x: 12, y: 8 } });
  await expect(page.getByTestId('inspector-title')).toHaveText('Repository account');
  await page.getByTestId('palette-repository').click();
  await expect(page.getByTestId('inspector-title')).toHaveText(/^Repository \d$/);
  await fill(page, 'Name', 'Standard repository');
  await fill(page, 'Bucket', 'vbaws-backups-std');
  await expect(node(page, 'repository', 'Standard repository')).toContainText('us-west-2');

  const workerVpc = await node(page, 'vpc', 'Worker VPC').getAttribute('data-id');
  const repoVpc = await node(page, 'vpc', 'Repository VPC').getAttribute('data-id');
  const applianceVpc = await node(page, 'vpc', 'Appliance VPC').getAttribute('data-id');
  await connect(page, workerVpc!, repoVpc!);
  await connect(page, applianceVpc!, repoVpc!);
  await expect(page.locator('.react-flow__edge-peering')).toHaveCount(2);

  // The design itself: the backup account and the EC2 backup operation.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector-title')).toHaveText('Untitled design');
  await pick(page, 'Backup account (worker deployment role)', 'Backup account');
  await pick(page, 'Add operation', 'EC2 backup');
  await expect(page.getByTestId('inspector')).toContainText('Production account');
  await pick(page, 'Production account', 'Production account');
  await pick(page, 'Region', 'us-east-1');
  await expect(
    page.getByTestId('inspector').getByRole('combobox', { name: 'Repository', exact: true }),
  ).toHaveValue(/Standard repository/);

  // The Problems tab guides the rest: routes and security-group rules come from its fixes.
  await page.getByTestId('tab-problems').click();
  await expect(page.locator('[data-testid="finding"][data-rule="route/missing"]').first()).toBeVisible();
  await page.getByTestId('fix-all').click();
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await expect(page.locator('[data-testid="problems-error"]')).toHaveCount(0);

  // All required flows pass.
  await page.getByTestId('toggle-flows').click({ force: true });
  await expect(page.getByTestId('flow-item').first()).toBeVisible();
  await expect(page.locator('[data-testid="flow-item"].is-failing')).toHaveCount(0);
});
