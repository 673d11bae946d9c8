// The Export panel in a real browser: a tab per registered export target, a tab per file, and the
// CloudFormation DEPLOY.md that tells how the stacks are created.
import { test, expect } from './fixtures';
import example1 from '../examples/example-1-ec2-backup.json' with { type: 'json' };

test('export targets are tabs; CloudFormation shows a template per account and region and DEPLOY.md', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page.getByTestId(`vpc-${example1.vpcs[0]!.id}`)).toBeVisible();
  await page.getByTestId('open-export').click();
  const formats = page.getByRole('tablist', { name: 'Export format' });
  await expect(formats.getByRole('tab')).toHaveText(['Terraform', 'CloudFormation', 'JSON']);
  const tfFiles = page.getByRole('tablist', { name: 'Terraform files' });
  await expect(tfFiles.getByRole('tab', { name: 'versions.tf' })).toBeVisible();
  await tfFiles.getByRole('tab', { name: 'versions.tf' }).click();
  await expect(page.getByLabel('Contents of versions.tf')).toContainText('"~> 5.100"');

  await formats.getByRole('tab', { name: 'CloudFormation' }).click();
  const cfnFiles = page.getByRole('tablist', { name: 'CloudFormation files' });
  await expect(cfnFiles.getByRole('tab', { name: 'repository-account-us-west-2.yaml' })).toBeVisible();
  await cfnFiles.getByRole('tab', { name: 'DEPLOY.md' }).click();
  await expect(page.getByLabel('Contents of DEPLOY.md')).toContainText('Round 1: create every stack');
  expect(consoleErrors).toEqual([]);
});
