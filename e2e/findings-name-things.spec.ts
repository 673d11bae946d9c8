// Findings speak in names and point at the rule they blame: a group rule narrowed to port 80 is
// marked in the Inspector, its Fix edits that rule (no second rule beside it), and a trace says
// "Blocked by: route table “…”" rather than an id. Counts read "1 error".
import { test, expect } from './fixtures';
import { selectNode } from './helpers';

test('narrowing a group rule to port 80: the Inspector marks it and Fix edits it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await selectNode(page, 'vpc-vpc-worker');
  const group = page.getByTestId('inspector').getByTestId('security-group-sg-endpoints');
  const rule = group.getByTestId('ingress-rule');
  await expect(rule).toHaveCount(1);
  for (const label of ['From port', 'To port']) {
    const field = rule.getByLabel(label, { exact: true });
    await field.fill('80');
    await field.press('Enter');
  }
  await expect(rule).toHaveAttribute('data-blamed', 'true');
  await expect(rule.getByTestId('blamed-note')).toContainText('Change ingress rule tcp/80');
  await expect(page.getByTestId('summary-errors')).toHaveText(/^\d+ errors?$/);

  await page.getByTestId('tab-problems').click();
  const fix = page
    .locator('[data-testid="finding"][data-rule="sg/ingress-443"]')
    .first()
    .getByTestId('finding-fix');
  await expect(fix).toContainText('Change ingress rule tcp/80 from 10.0.0.0/16');
  await page.getByTestId('fix-all').click();
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');

  await page.getByTestId('tab-inspector').click();
  await selectNode(page, 'vpc-vpc-worker');
  await expect(rule).toHaveCount(1);
  await expect(rule.getByLabel('From port', { exact: true })).toHaveValue('443');
  await expect(rule).not.toHaveAttribute('data-blamed', 'true');
});

test('a trace names what blocks it, and one error reads "1 error"', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-repo');
  await page
    .getByTestId('route-table-rt-repo')
    .getByRole('button', { name: 'Remove route 10.0.0.0/16' })
    .click();
  await expect(page.getByTestId('summary-errors')).toHaveText('1 error');
  await page.getByTestId('toggle-flows').click({ force: true });
  await page.locator('[data-testid="flow-item"].is-failing').first().click();
  const trace = page.getByTestId('trace-view');
  await expect(trace).toContainText('Blocked by: route table “repository routes”');
  await expect(trace).toContainText(/needed by .*EC2 backup/);
  await expect(trace).not.toContainText('Blocked by: rt-repo');
});

test("an account's backup role is editable from its badges", async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'account-acct-prod');
  await expect(page.getByTestId('inspector').getByRole('checkbox', { name: 'backup' })).not.toBeChecked();
  await page.getByTestId('inspector').getByText('backup', { exact: true }).click();
  await expect(page.getByTestId('inspector').getByRole('checkbox', { name: 'backup' })).toBeChecked();
  // The design names one backup account: the one it was is no longer it.
  await selectNode(page, 'account-acct-backup');
  await expect(page.getByTestId('inspector-title')).toHaveText('Backup account');
  await expect(page.getByTestId('inspector').getByRole('checkbox', { name: 'backup' })).not.toBeChecked();
});
