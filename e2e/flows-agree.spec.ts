// The Required-flows overlay and the Problems tab tell the same story: after a required endpoint
// is deleted, the flow that needed it is counted failing in the overlay, its trace says why, the
// error in Problems names it, and the fix offered in the trace makes both green again.
import { test, expect } from './fixtures';
import { selectNode } from './helpers';

test('deleting a required endpoint: overlay and Problems agree, and the trace carries the fix', async ({
  page,
}) => {
  await page.goto('/');
  const toggle = page.getByTestId('toggle-flows');
  const failing = page.locator('[data-testid="flow-item"].is-failing');
  await toggle.click({ force: true });
  await expect(page.getByTestId('flow-item').first()).toBeVisible();
  await expect(failing).toHaveCount(0);

  await selectNode(page, 'chip-vpce-ssm');
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByTestId('confirm-delete').click();
  await expect(page.getByTestId('chip-vpce-ssm')).toHaveCount(0);

  await page.getByTestId('tab-problems').click();
  const errors = page.getByTestId('problems-error');
  await expect(errors).toContainText('has no ssm interface endpoint');

  // The overlay counts the flow that needed the endpoint as failing, and says which one it is.
  await expect(failing).toHaveCount(1);
  await expect(failing).toContainText('ssm endpoint (none in VPC');
  await expect(page.locator('label', { hasText: 'Required flows' })).toContainText('1 ✕');

  await failing.click();
  const trace = page.getByTestId('trace-view');
  await expect(trace).toContainText('fails');
  await expect(trace.locator('.pnd-hop.is-fail')).toContainText('no such interface endpoint');
  await trace.getByTestId('trace-fix').click();
  // The flow to a missing endpoint gives way to the flow to the new one.
  await expect(page.getByRole('dialog')).toContainText('This flow is no longer required');
  await page.keyboard.press('Escape');

  await expect(failing).toHaveCount(0);
  await expect(page.getByTestId('problems-error')).toHaveCount(0);
});
