// A guided first session: from an empty design to Example 2's network (four accounts: appliance,
// workers, standard repository, archive repository) by the shortest path — boxes, one operation,
// Fix all — counting every user action (clicks, palette drags or presses, typed values, keys).
// The goal is under 60 actions; the count is printed for the closing note.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openTemplate } from './helpers';

class Counter {
  n = 0;
  constructor(private readonly page: Page) {}
  async palette(kind: string) {
    this.n++;
    await this.page.getByTestId(`palette-${kind}`).click();
  }
  async click(target: ReturnType<Page['getByTestId']>) {
    this.n++;
    await target.click();
  }
  async type(label: string, value: string) {
    this.n++;
    const field = this.page.getByTestId('inspector').getByLabel(label, { exact: true }).first();
    await field.fill(value);
    await field.press('Enter');
  }
  async key(key: string) {
    this.n++;
    await this.page.keyboard.press(key);
  }
}

const title = (page: Page) => page.getByTestId('inspector-title');

async function account(page: Page, count: Counter, accountId: string) {
  await count.palette('account');
  await expect(title(page)).toHaveText(/^Account \d$/);
  await count.type('AWS account id', accountId);
  await expect(page.getByTestId('inspector').getByTestId('field-accountId')).toHaveValue(accountId);
}

async function vpcWithSubnet(page: Page, count: Counter) {
  await count.palette('vpc');
  await expect(title(page)).toHaveText(/^VPC \d$/);
  await count.palette('subnet');
  await expect(title(page)).toHaveText(/^subnet \d$/);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('build Example 2 from an empty design: boxes, one operation, Fix all', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto('/');
      const count = new Counter(page);
      count.n += 2;
      await openTemplate(page, 'empty');

      // The empty design guides: a checklist on the canvas, and no green "0 errors".
      const checklist = page.getByTestId('checklist');
      await expect(checklist).toBeVisible();
      await expect(checklist).toContainText('Nothing is validated until the design has an operation');
      await expect(page.getByTestId('summary-errors')).toHaveText('not checked');
      await expect(page.getByTestId('checklist-accounts')).toHaveAttribute('data-done', 'false');

      // Appliance account: account, VPC, subnet, appliance.
      await account(page, count, '111111111111');
      await vpcWithSubnet(page, count);
      await count.palette('appliance');
      await expect(title(page)).toHaveText('Veeam Backup for AWS');
      await expect(page.getByTestId('checklist-appliance')).toHaveAttribute('data-done', 'true');

      // Backup account: the workers run here.
      await count.key('Escape');
      await account(page, count, '222222222222');
      await vpcWithSubnet(page, count);
      await count.palette('worker');
      await expect(page.getByTestId('inspector')).toContainText('Worker configuration');

      // Two repository accounts, each with a VPC for its S3 endpoint; the second is the archive.
      for (const [id, tier] of [
        ['444444444444', 'standard'],
        ['555555555555', 'archive'],
      ] as const) {
        await count.key('Escape');
        await account(page, count, id);
        await vpcWithSubnet(page, count);
        // Back to the account through the Inspector's path (the account may be out of view).
        await count.click(page.getByTestId('inspector-path').getByRole('button').first());
        await expect(title(page)).toHaveText(/^Account \d$/);
        await count.palette('repository');
        await expect(title(page)).toHaveText(/^Repository \d$/);
        if (tier === 'archive') {
          count.n++;
          await page.getByTestId('inspector').getByText('Archive', { exact: true }).click();
        }
      }
      await expect(page.getByTestId('summary-errors')).toHaveText('not checked');

      // One operation, from the checklist: the defaults say what they picked.
      await count.click(page.getByTestId('checklist-add-operation'));
      const add = page.getByTestId('inspector').getByRole('combobox', { name: 'Add operation', exact: true });
      await count.click(add);
      await count.click(page.getByRole('option', { name: 'EC2 archiving' }));
      await expect(page.getByTestId('notice')).toContainText('archive repository “Repository 2”');
      await expect(page.getByTestId('notice')).toContainText('backup account “Account 2”');
      await expect(checklist).toHaveCount(0);
      await expect(page.getByTestId('summary-errors')).not.toHaveText('not checked');
      await expect(page.getByTestId('summary-errors')).not.toHaveText('0 errors');

      // Fix all goes the whole way: peerings, routes, endpoints, rules.
      await count.click(page.getByTestId('tab-problems'));
      await expect(
        page.locator('[data-testid="finding"][data-rule="repository/no-endpoint"]').first(),
      ).toBeVisible();
      await count.click(page.getByTestId('fix-all'));
      await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
      await expect(page.getByTestId('summary-warnings')).toHaveText('0 warnings');
      // Checking, not building: fit the view so every peering line is drawn, then count them.
      await page.locator('.react-flow__controls-fitview').click();
      await expect(page.locator('.react-flow__edge-peering')).toHaveCount(5);
      await page.getByTestId('toggle-flows').click({ force: true });
      await expect(page.getByTestId('flow-item').first()).toBeVisible();
      await expect(page.locator('[data-testid="flow-item"].is-failing')).toHaveCount(0);

      console.log(
        `Example 2 from an empty design at ${viewport.width}×${viewport.height}: ${count.n} actions`,
      );
      expect(count.n).toBeLessThan(60);
    });
  });
}
