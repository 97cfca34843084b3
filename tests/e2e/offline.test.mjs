// After the first visit the app keeps working offline (service worker), on every calculator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('a second visit without a network still calculates', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await pricing.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  await pricing.type('Price', '40');
  assert.equal(await pricing.stat('Net per sale'), '$35.50');
  await page.goto(`${app.url}?page=delayed-income`);
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  assert.match(await page.getByTestId('milestones').innerText(), /First income: month 4/);
  await pricing.context.setOffline(false);
  await pricing.close();
});
