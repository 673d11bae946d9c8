import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Serious and critical axe violations, one readable line each (rule, help, first offending nodes). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screen has no serious or critical accessibility violation (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByTestId('vpc-vpc-worker')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    // The Problems tab and a selected VPC show the most controls at once.
    await page.getByTestId('vpc-vpc-worker').click({ position: { x: 12, y: 8 } });
    await expect(page.getByTestId('inspector-title')).toHaveText('Worker VPC');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('tab-problems').click();
    await page.getByTestId('toggle-flows').click({ force: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
}
