// A page fixture that fails the test on any console error, page error, or request to another origin.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page, baseURL }, use) => {
    const errors: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => {
      const url = req.url();
      if (/^https?:/.test(url) && !url.startsWith(origin)) errors.push(`request to another origin: ${url}`);
    });
    await use(errors);
    expect(errors, 'console errors, page errors or foreign requests').toEqual([]);
  },
});

export { expect };
