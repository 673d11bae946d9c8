// Editing you can trust: Undo right after typing (no Enter, no pause) reverts the field and the
// canvas together, a burst of typing is one undo step, and the same holds with the CPU throttled.
// Selection: chips show as selected, a plain click replaces the selection, the empty canvas clears it.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openTemplate, pane, selectNode } from './helpers';

const inspector = (page: Page) => page.getByTestId('inspector');

async function throttle(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A point where the canvas shows nothing but its background. */
async function emptyCanvasPoint(page: Page) {
  const box = (await pane(page).boundingBox())!;
  const point = await page.evaluate((b) => {
    for (let y = b.y + 20; y < b.y + b.height - 20; y += 20)
      for (let x = b.x + 20; x < b.x + b.width - 20; x += 20)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  }, box);
  if (!point) throw new Error('no empty canvas in view');
  return point;
}

async function undoRevertsTypedCidr(page: Page) {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  const cidr = inspector(page).getByTestId('field-cidr');
  await expect(cidr).toHaveValue('10.0.0.0/16');

  // Ctrl+Z straight after typing, focus still in the field.
  await cidr.fill('10.9.0.0/16');
  await page.keyboard.press('Control+z');
  await expect(cidr).toHaveValue('10.0.0.0/16');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');
  // Leaving the field must not bring the undone text back.
  await cidr.blur();
  await expect(cidr).toHaveValue('10.0.0.0/16');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');
  // The typed value was one step of its own: Redo brings exactly it back.
  await page.keyboard.press('Control+Shift+z');
  await expect(cidr).toHaveValue('10.9.0.0/16');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.9.0.0/16');

  // The header's Undo button straight after typing.
  await cidr.fill('10.7.0.0/16');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cidr).toHaveValue('10.9.0.0/16');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.9.0.0/16');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cidr).toHaveValue('10.0.0.0/16');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('10.0.0.0/16');
}

async function portTypingIsOneStep(page: Page) {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  const rule = inspector(page).getByTestId('security-group-sg-endpoints').getByTestId('ingress-rule');
  const from = rule.getByLabel('From port', { exact: true });
  await expect(from).toHaveValue('443');
  // Key by key, as a person types: select the old value, then 8, 4, 4, 3.
  await from.click();
  await from.press('Control+a');
  await from.pressSequentially('8443');
  await from.press('Tab');
  await expect(from).toHaveValue('8443');
  await page.keyboard.press('Control+z');
  await expect(from).toHaveValue('443');
  await page.keyboard.press('Control+Shift+z');
  await expect(from).toHaveValue('8443');
}

test('undo straight after typing reverts field and canvas, and blur never re-applies it', async ({
  page,
}) => {
  await undoRevertsTypedCidr(page);
});

test('typing a port is one undo step', async ({ page }) => {
  await portTypingIsOneStep(page);
});

test('under CPU load (6× throttle): undo after typing and one step per burst still hold', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await throttle(page, 6);
  await undoRevertsTypedCidr(page);
  await portTypingIsOneStep(page);
});

test('a selected chip shows as selected; a click on a VPC replaces it; the empty canvas clears it', async ({
  page,
}) => {
  await page.goto('/');
  const chip = page.getByTestId('chip-appliance');
  await chip.click();
  await expect(chip).toHaveClass(/is-selected/);
  await expect(inspector(page)).toContainText('Backup appliance');

  // A plain click on a VPC replaces the chip selection: Delete offers only the VPC.
  await selectNode(page, 'vpc-vpc-repo');
  await expect(chip).not.toHaveClass(/is-selected/);
  await expect(page.getByTestId('vpc-vpc-repo')).toHaveClass(/is-selected/);
  await page.keyboard.press('Delete');
  const removed = page.getByRole('dialog').getByTestId('delete-removed');
  await expect(removed).toContainText('VPC');
  await expect(removed).not.toContainText('Veeam Backup for AWS');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  // The dialog's closing overlay would take the next click: wait until it is gone.
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Shift adds: the chip, then Shift+click on a VPC keeps both.
  await chip.click();
  await expect(chip).toHaveClass(/is-selected/);
  await page.getByTestId('vpc-vpc-repo').click({ position: { x: 12, y: 8 }, modifiers: ['Shift'] });
  await expect(chip).toHaveClass(/is-selected/);
  await expect(page.getByTestId('vpc-vpc-repo')).toHaveClass(/is-selected/);
  await expect(inspector(page)).toContainText('2 elements selected');

  // Ctrl adds: chip then Ctrl+click on the worker chip keeps both.
  await chip.click();
  await expect(chip).toHaveClass(/is-selected/);
  await page.getByTestId('chip-wc-backup-use1').click({ modifiers: ['Control'] });
  await expect(chip).toHaveClass(/is-selected/);
  await expect(page.getByTestId('chip-wc-backup-use1')).toHaveClass(/is-selected/);

  // A click on the empty canvas clears everything: the Inspector shows the design again.
  const empty = await emptyCanvasPoint(page);
  await page.mouse.click(empty.x, empty.y);
  await expect(chip).not.toHaveClass(/is-selected/);
  await expect(page.getByTestId('chip-wc-backup-use1')).not.toHaveClass(/is-selected/);
  await expect(page.locator('.pnd-node.is-selected')).toHaveCount(0);
  await expect(inspector(page).getByTestId('field-design-name')).toBeVisible();
});

test('a searchable select replaces its text when focused', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  const region = inspector(page).getByRole('combobox', { name: 'Region', exact: true });
  await region.click();
  await page.keyboard.type('us-west-2');
  await expect(region).toHaveValue('us-west-2');
  await page.getByRole('option', { name: /^us-west-2 / }).click();
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('us-west-2');
});

test('New → Empty over an edited design offers Undo in its notice', async ({ page }) => {
  await page.goto('/');
  await selectNode(page, 'vpc-vpc-worker');
  await inspector(page).getByTestId('field-name').fill('Edited workers');
  await inspector(page).getByTestId('field-name').press('Enter');
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('Edited workers');
  await openTemplate(page, 'empty');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('one Undo away');
  await page.getByTestId('notice-action').click();
  await expect(page.getByTestId('vpc-vpc-worker')).toContainText('Edited workers');
});
