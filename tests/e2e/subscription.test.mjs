// A subscription: lifetime value, steady-state subscribers and recurring revenue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

/** A $10 membership on Stripe, 20 new members a month at 5 % churn. */
async function membership() {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.page.getByLabel('Subscription').check();
  await pricing.choosePlatform('Stripe');
  await pricing.type('Monthly price', '10');
  await pricing.type('New subscribers per month', '20');
  await pricing.type('Churn per month', '5');
  return pricing;
}

test('a $10 membership on Stripe with 20 new members a month at 5 % churn', async () => {
  const pricing = await membership();
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

test('the headline says when: month 12 beside the steady state, and extreme churn gets a sentence', async () => {
  const pricing = await membership();
  let text = await pricing.resultsText();
  // 20 x (1 - 0.95^12) / 0.05 = 183.86 subscribers a year in; 400 only in the long run.
  assert.match(text, /in month 12, at 183\.9 subscribers \(steady state 400, 90 % of it by month 45\)/);
  await pricing.type('Churn per month', '0.01');
  text = await pricing.resultsText();
  assert.match(text, /Average stay\s*about 833 years/);
  assert.match(text, /read them as ceilings, not forecasts/);
  assert.doesNotMatch(text, /10,000 months|10000 months/);
  await pricing.type('Churn per month', '100');
  text = await pricing.resultsText();
  assert.match(text, /Average stay\s*1 month\b/);
  assert.doesNotMatch(text, /1 months/);
  await pricing.close();
});
