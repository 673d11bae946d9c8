// Import from AWS in the browser: drop the Example 1 collection (as scripts/collect-aws.sh writes
// it), read the summary, see its VPCs on the canvas; pick the folder instead; and copy a fix as
// AWS CLI commands for a design that carries AWS ids.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { loadDesign, serializeDesign } from '../src/model/parse';
import type { Design } from '../src/model/schema';
import { withAwsIds } from '../tests/import/aws-ids';
import { describeAsCli } from '../tests/import/describe';
import { expect, test } from './fixtures';

function example1(): Design {
  const r = loadDesign(
    readFileSync(new URL('../examples/example-1-ec2-backup.json', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('example 1 does not load');
  return r.design;
}

test('dropping the Example 1 collection (zipped) puts its VPCs on the canvas, one undo step', async ({
  page,
  consoleErrors: _,
}) => {
  const { design, ids } = withAwsIds(example1());
  const folder = describeAsCli(design);
  const zip = zipSync(Object.fromEntries([...folder].map(([p, t]) => [`aws-collection/${p}`, strToU8(t)])));
  await page.goto('/');
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await page.getByTestId('import-aws').click();
  const drop = page.getByTestId('import-aws-drop');
  const data = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'aws-collection.zip', { type: 'application/zip' }));
    return dt;
  }, Array.from(zip));
  await drop.dispatchEvent('drop', { dataTransfer: data });
  await expect(page.getByTestId('import-aws-summary')).toContainText('3 accounts');
  await expect(page.getByTestId('import-count-VPCs')).toHaveText('3 VPCs');
  await expect(page.getByTestId('import-count-peerings')).toHaveText('2 peerings');
  await page.getByTestId('import-aws-open').click();
  for (const vpc of ['vpc-appliance', 'vpc-worker', 'vpc-repo'])
    await expect(page.getByTestId(`vpc-${ids.get(vpc)}`)).toBeVisible();
  await expect(page.getByTestId(`vpc-${ids.get('vpc-worker')}`)).toContainText('Worker VPC');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId(`vpc-${ids.get('vpc-worker')}`)).toHaveCount(0);
});

test('the folder picker imports the collection into the open design, keeping its Veeam side', async ({
  page,
  consoleErrors: _,
}, testInfo) => {
  const dir = testInfo.outputPath('collection');
  for (const [p, text] of describeAsCli(example1())) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  await page.goto('/');
  await page.getByTestId('new-design').click();
  await page.getByTestId('template-example-1').click();
  await page.getByTestId('import-aws').click();
  await page.getByTestId('import-aws-folder-input').setInputFiles(dir);
  await expect(page.getByTestId('import-count-subnets')).toHaveText('3 subnets');
  await page.getByTestId('import-aws-into').click();
  await expect(page.getByTestId('vpc-vpc-worker')).toBeVisible();
  await expect(page.getByTestId('repository-repo-std')).toBeVisible();
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
});

test('a broken collection says what was not read; the open design stays', async ({
  page,
  consoleErrors: _,
}) => {
  const folder = describeAsCli(example1());
  folder.set(
    '222222222222/us-east-1/describe-security-groups.json',
    'An error occurred (UnauthorizedOperation)',
  );
  const zip = zipSync(Object.fromEntries([...folder].map(([p, t]) => [p, strToU8(t)])));
  await page.goto('/');
  const name = await page.getByTestId('design-name').textContent();
  await page.getByTestId('import-aws').click();
  await page
    .getByTestId('import-aws-zip-input')
    .setInputFiles({ name: 'c.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByTestId('import-aws-summary')).toContainText('Could not be read');
  await expect(page.getByTestId('import-aws-summary')).toContainText(
    '222222222222/us-east-1/describe-security-groups.json',
  );
  const axe = await new AxeBuilder({ page }).include('[data-testid="import-aws-summary"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('design-name')).toHaveText(name!);
});

test('a fix for an element with an AWS id offers the AWS CLI commands', async ({
  page,
  consoleErrors: _,
}) => {
  const { design, ids } = withAwsIds(example1());
  const worker = design.vpcs.find((v) => v.id === ids.get('vpc-worker'))!;
  worker.routeTables[0]!.routes = [];
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'imported.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeDesign(design)),
  });
  await expect(page.getByTestId(`vpc-${ids.get('vpc-worker')}`)).toBeVisible();
  await page.getByTestId('tab-problems').click();
  const row = page.getByTestId('finding').filter({ hasText: 'has no route' }).first();
  await row.getByTestId('aws-cli-open').click();
  await expect(page.getByTestId('aws-cli-script')).toContainText(
    `aws ec2 create-route --route-table-id ${ids.get('rt-worker')} --destination-cidr-block 11.0.0.0/16 --vpc-peering-connection-id ${ids.get('pcx-worker-repo')} --profile "$PROFILE_222222222222" --region us-east-1`,
  );
});

test('a selected element offers its own resources as Terraform and CloudFormation', async ({
  page,
  consoleErrors: _,
}) => {
  await page.goto('/');
  await page.getByTestId('new-design').click();
  await page.getByTestId('template-example-1').click();
  await page.getByTestId('subnet-sn-worker-a').click({ position: { x: 12, y: 8 } });
  await page.getByTestId('copy-as-terraform').click();
  const text = page.getByTestId('aws-cli-script');
  await expect(text).toContainText('resource "aws_subnet" "sn_worker_a"');
  await expect(text).not.toContainText('resource "aws_vpc"');
  // Escape would also clear the selection (a canvas shortcut): close the dialog by its button.
  await page.locator('.mantine-Modal-close').click();
  await page.getByTestId('copy-as-cloudformation').click();
  await expect(page.getByTestId('aws-cli-script')).toContainText('AWS::EC2::Subnet');
});
