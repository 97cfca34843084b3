// A subscription: lifetime value, steady-state subscribers and recurring revenue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('a $10 membership on Stripe with 20 new members a month at 5 % churn', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.page.getByLabel('Subscription').check();
  await pricing.choosePlatform('Stripe');
  await pricing.type('Monthly price', '10');
  await pricing.type('New subscribers per month', '20');
  await pricing.type('Churn per month', '5');
  await pricing.type('Refund rate', '0');
  // Stripe 2.9 % + $0.30, plus 0.7 % Stripe Billing on recurring charges.
  assert.equal(await pricing.stat('Net per subscriber per month'), '$9.34');
  const text = await pricing.resultsText();
  assert.match(text, /Net lifetime value\s*\$186\.80/);
  assert.match(text, /Subscribers at steady state\s*400/);
  assert.match(text, /Monthly recurring revenue then\s*\$4,000\.00/);
  assert.match(text, /Time to reach 90 % of it\s*45 months/);
  assert.match(text, /paying subscribers: about [\d.]+ new ones a month at this churn/);
  await pricing.close();
});
