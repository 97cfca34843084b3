// Products are first-class: Pricing edits one product at a time, and Break-even and the
// Delayed-income streams take their net from a product by name; one number on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';
import { BreakEvenPage, DelayedIncomePage } from './calculator-pages.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('the default plan shows one net per sale after fees and refunds on all three pages', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  assert.equal(await pricing.row('Net per sale after fees and refunds'), '$22.99');
  const be = await pricing.goTo(BreakEvenPage);
  assert.equal(await be.hintFor('Net per sale from'), 'Workshop nets $22.99 per sale after fees and refunds (from Pricing).');
  const d = await be.goTo(DelayedIncomePage);
  // The workshop stream sells on Break-even's plan, so it takes the same net.
  assert.match(await d.hintFor("Sell on Break-even's plan"), /^Sells as Break-even plans it: \$22\.99 a sale after fees, refunds and variable cost;/);
  await d.field("Sell on Break-even's plan").uncheck();
  assert.equal(await d.hintFor('Net per sale from'), 'Workshop nets $22.99 per sale after fees and refunds (from Pricing).');
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('on a phone, the summary bars never name two numbers with the same words', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 390, height: 844 } });
  const bar = () => pricing.page.locator('.phone-summary').innerText();
  // Pricing's bar gives its headline, the net before refunds; the other pages give it after.
  assert.match(await bar(), /Net per sale, before refunds\s+\$23\.80/);
  const be = await pricing.goTo(BreakEvenPage);
  const after = await be.page.locator('.phone-summary').innerText();
  assert.doesNotMatch(after, /\$23\.80/);
  assert.doesNotMatch(after, /Net per sale\s+\$/, 'no bare "Net per sale" beside a different number');
  const overflow = await be.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0);
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('a workshop and a newsletter are priced in one plan, and a new price shows everywhere', async () => {
  let pricing = await PricingPage.open(app.browser, app.url);
  const { page } = pricing;
  await pricing.button('Add a subscription').click();
  assert.equal(await pricing.field('Product name').inputValue(), 'Newsletter');
  assert.equal(await pricing.field('Platform').inputValue(), 'substack');
  await pricing.type('Monthly price', '6');
  const letterNet = await pricing.row('Net per member a month after fees and refunds');

  let d = await pricing.goTo(DelayedIncomePage);
  await d.button('+ Subscription or membership').click();
  const picker = page.getByLabel('Net per member a month from');
  assert.equal(await picker.locator('option:checked').textContent(), 'Newsletter');
  assert.equal(
    await d.hintFor('Net per member a month from'),
    `Newsletter nets ${letterNet} per member a month after fees and refunds (from Pricing).`,
  );
  // The workshop stream, off Break-even's plan, takes the workshop's net; the newsletter cannot
  // be picked there.
  await d.field("Sell on Break-even's plan").uncheck();
  const workshopOptions = await page.getByLabel('Net per sale from').locator('option').allTextContents();
  assert.deepEqual(workshopOptions, ['Workshop', 'A figure of my own']);

  pricing = await d.goTo(PricingPage);
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Workshop' });
  assert.equal(await pricing.field('Price').inputValue(), '27');
  await pricing.type('Price', '40');
  const workshopNet = await pricing.row('Net per sale after fees and refunds');
  d = await pricing.goTo(DelayedIncomePage);
  assert.match(await d.hintFor('Net per sale from'), new RegExp(`^Workshop nets \\${workshopNet} per sale`));
  const be = await d.goTo(BreakEvenPage);
  await page.getByLabel('Net per sale from').selectOption({ label: 'Newsletter' });
  assert.match(await be.hintFor('Net per sale from'), new RegExp(`^Newsletter nets \\${letterNet}`));

  // Everything survives a reload.
  await page.waitForFunction(() => Object.entries(localStorage).some(
    ([k, v]) => k.includes('.scenario.') && JSON.parse(v).scenario?.break_even?.product === 1,
  ));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
  assert.equal(await page.getByLabel('Net per sale from').locator('option:checked').textContent(), 'Newsletter');
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('removing a product keeps every number elsewhere, and Undo brings it back', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const { page } = pricing;
  assert.ok(await pricing.button('Remove this product (Workshop)').isDisabled(), 'the last product stays');
  await pricing.button('Add a one-time product').click();
  assert.equal(await pricing.field('Product name').inputValue(), 'Workshop 2');
  await pricing.type('Product name', 'Templates');
  await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Workshop' });
  await pricing.button('Remove this product (Workshop)').click();
  assert.match(await page.getByRole('status').filter({ hasText: 'Removed Workshop' }).innerText(), /Removed Workshop\./);
  let be = await pricing.goTo(BreakEvenPage);
  assert.equal(await page.getByLabel('Net per sale from').inputValue(), 'own');
  assert.equal(await be.field('Net per sale').inputValue(), '22.99', 'Break-even keeps the workshop\'s net');
  const d = await be.goTo(DelayedIncomePage);
  assert.match(await d.hintFor("Sell on Break-even's plan"), /\$22\.99 a sale/);
  const back = await d.goTo(PricingPage);
  await back.button('Undo').click();
  const names = await page.getByLabel('Product', { exact: true }).locator('option').allTextContents();
  assert.deepEqual(names, ['Workshop', 'Templates']);
  const again = await back.goTo(BreakEvenPage);
  assert.equal(await page.getByLabel('Net per sale from').locator('option:checked').textContent(), 'Workshop');
  assert.deepEqual(again.errors, []);
  await pricing.close();
});

test('a product name is capped at the length that reads back', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.fill('Product name', 'ü'.repeat(100));
  assert.equal((await pricing.field('Product name').inputValue()).length, 60);
  await pricing.page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.includes('.scenario.') && v.includes('üüü')));
  await pricing.page.reload();
  await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Product name').inputValue(), 'ü'.repeat(60));
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});
