// Printing a plan: a clean report without navigation or buttons, with the whole month table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('a plan prints as a report: no navigation, plan bar or buttons, every month of the table', async () => {
  const { page, context, errors } = await openPage(app.browser, `${app.url}?page=delayed-income`);
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  await page.getByLabel('Horizon in months').fill('36');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['navigation', 'button']) {
    const shown = await page.getByRole(hidden).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
    assert.equal(shown, 0, `no ${hidden} in print`);
  }
  assert.equal(await page.locator('.scenario-bar').isVisible(), false, 'no plan bar');
  // All 36 months, none hidden behind the screen's scrolling box.
  const table = page.getByRole('region', { name: 'Month by month table' });
  const clipped = await table.evaluate((box) => box.scrollHeight - box.clientHeight);
  assert.ok(clipped <= 1, `the month table is whole (${clipped}px hidden)`);
  assert.equal(await table.locator('tbody tr').count(), 36);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 12, `${format}: ${pages} pages`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
