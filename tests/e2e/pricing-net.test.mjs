// A person types a price and picks platforms, and reads what a sale really nets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('the essay workshop nets $23.80 on Gumroad and $25.92 on Stripe', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  assert.equal(await pricing.stat('Net per sale'), '$23.80');
  assert.match(await pricing.resultsText(), /of \$27\.00 charged, before refunds; fees and shares take 11\.85 %/);

  await pricing.choosePlatform('Stripe');
  assert.equal(await pricing.stat('Net per sale'), '$25.92');
  assert.match(await pricing.resultsText(), /To net \$25\.00 per sale, charge \$26\.06\./);
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('every fee layer stays editable and a processor can be stacked', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.choosePlatform('Payhip Free');
  assert.equal(await pricing.stat('Net per sale'), '$24.57');
  await pricing.type('Percent per sale (layer 1: Payhip fee)', '4');
  assert.equal(await pricing.stat('Net per sale'), '$24.84');
  assert.match(await pricing.resultsText(), /Payhip fee -\$1\.08/);
  await pricing.page.getByRole('button', { name: 'Reset to Payhip Free fees' }).click();
  assert.equal(await pricing.stat('Net per sale'), '$24.57');

  await pricing.page.getByRole('button', { name: 'Add PayPal processing' }).click();
  assert.match(await pricing.resultsText(), /PayPal checkout fee -\$1\.43/);
  await pricing.page.getByRole('button', { name: 'Remove fee layer PayPal checkout fee' }).click();
  assert.doesNotMatch(await pricing.resultsText(), /PayPal checkout fee/);
  await pricing.close();
});

test('monthly net and targets follow volume, refunds and tax', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Refund rate', '0');
  await pricing.type('Tax set-aside', '0');
  await pricing.type('Sales per month', '10');
  assert.equal(await pricing.stat('Monthly net'), '$238.00');
  await pricing.type('Target net per month', '1000');
  assert.match(await pricing.resultsText(), /To net \$1,000\.00 a month, you need 43 sales a month\./);
  await pricing.close();
});

test('a decimal comma is read as a decimal mark', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '27,50');
  assert.equal(await pricing.sentenceFor('Price'), '');
  assert.match(await pricing.resultsText(), /of \$27\.50 charged/);
  await pricing.close();
});

test('currencies format their own way; yen have no minor unit', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.page.getByLabel('Currency').selectOption('JPY');
  await pricing.type('Price', '2700');
  assert.equal(await pricing.stat('Net per sale'), '¥2,356');
  await pricing.type('Price', '2700.5');
  assert.equal(await pricing.sentenceFor('Price'), 'The yen has no smaller unit: enter whole yen, like 2700.');
  await pricing.page.getByLabel('Currency').selectOption('INR');
  await pricing.type('Price', '150000');
  assert.match(await pricing.stat('Net per sale'), /^₹1,\d\d,\d\d\d\.\d\d$/);
  await pricing.close();
});

test('a platform picked over edited fee layers asks before replacing them', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const { page } = pricing;
  await pricing.type('Percent per sale (layer 1: Gumroad fee)', '7');
  await pricing.field('Platform').selectOption({ label: 'Stripe' });
  await page.getByRole('alertdialog', { name: 'Replace your fee layers?' }).waitFor();
  assert.equal(await pricing.field('Percent per sale (layer 1: Gumroad fee)').inputValue(), '7', 'nothing replaced yet');
  await pricing.button('Keep my layers').click();
  assert.equal(await pricing.field('Percent per sale (layer 1: Gumroad fee)').inputValue(), '7');
  assert.equal(await pricing.field('Platform').inputValue(), 'gumroad', 'the list shows the platform still in use');
  await pricing.field('Platform').selectOption({ label: 'Stripe' });
  await pricing.button('Replace with Stripe').click();
  assert.equal(await pricing.field('Platform').inputValue(), 'stripe');
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});
