// Bad input gets a sentence beside its field, never NaN, infinity, a blank page or lost work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const PRICE_CASES = [
  ['', 'Enter a number (0 if none).'],
  ['abc', 'That is not a number: use digits, like 27.50.'],
  ['NaN', 'That is not a number: use digits, like 27.50.'],
  ['inf', 'That is not a number: use digits, like 27.50.'],
  ['1e400', 'Write the number out in full, like 1500, not 1.5e3.'],
  ['-27', "This can't be negative."],
  ['999999999999', 'That is more than this calculator handles (at most $10,000,000.00).'],
  ['27..5', 'The separators look misplaced: write 1234.56, 1,234.56 or 1234,56.'],
  ['$ 5 $', 'Write the currency symbol once, before or after the amount (27 or €27).'],
  ['￥３０００', "That amount is in ¥, but this plan counts in USD ($). Type it in USD, or change the plan's currency on Pricing."],
];

async function pageShowsNoBrokenNumbers(pricing) {
  const text = await pricing.page.locator('body').textContent();
  assert.doesNotMatch(text, /NaN|Infinity|\binf\b|undefined/);
}

test('each bad price gets its sentence, keeps the typed text, and the page keeps working', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  for (const [typed, sentence] of PRICE_CASES) {
    await pricing.type('Price', typed);
    assert.equal(await pricing.sentenceFor('Price'), sentence, `for ${JSON.stringify(typed)}`);
    assert.equal(await pricing.field('Price').inputValue(), typed, 'typed text is kept');
    assert.equal(await pricing.field('Price').getAttribute('aria-invalid'), 'true');
    assert.match(await pricing.resultsText(), /Results will show once these fields hold valid numbers: Price\./);
    await pageShowsNoBrokenNumbers(pricing);
  }
  // Other fields still respond while the price is bad, and fixing it brings the results back.
  await pricing.type('Refund rate', '150');
  assert.equal(await pricing.sentenceFor('Refund rate'), 'That is more than this calculator handles (at most 100 %).');
  await pricing.type('Refund rate', '0');
  await pricing.type('Price', '27');
  assert.equal(await pricing.stat('Net per sale'), '$23.80');
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('fees of 100 % or more say that each sale loses money', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Percent per sale (layer 1: Gumroad fee)', '100');
  assert.equal(await pricing.stat('Net per sale'), '-$0.50');
  const text = await pricing.resultsText();
  assert.match(text, /Each sale loses \$0\.50 after fees/);
  assert.match(text, /no price reaches the target/);
  assert.match(text, /so more sales lose more/);
  await pricing.type('Percent per sale (layer 1: Gumroad fee)', '101');
  assert.equal(
    await pricing.sentenceFor('Percent per sale (layer 1: Gumroad fee)'),
    'That is more than this calculator handles (at most 100 %).',
  );
  await pageShowsNoBrokenNumbers(pricing);
  await pricing.close();
});

test('churn of 0 % and 100 % get sentences and figures, not infinity', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.page.getByLabel('Subscription').check();
  await pricing.type('Churn per month', '0');
  assert.match(await pricing.resultsText(), /With 0 % churn nobody ever cancels/);
  await pageShowsNoBrokenNumbers(pricing);
  await pricing.type('Churn per month', '100');
  assert.match(await pricing.resultsText(), /Time to reach 90 % of it\s*1 month/);
  await pricing.close();
});

test('what makes no sense is refused with a sentence: another currency, a negative target, month 0', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '€27');
  assert.equal(await pricing.sentenceFor('Price'), "That amount is in €, but this plan counts in USD ($). Type it in USD, or change the plan's currency on Pricing.");
  await pricing.type('Price', '$27');
  assert.equal(await pricing.stat('Net per sale'), '$23.80');
  await pricing.type('Refund rate', '$5');
  assert.equal(await pricing.sentenceFor('Refund rate'), 'This is not an amount of money: type the number alone.');
  await pricing.type('Refund rate', '0');
  await pricing.type('Target net per month', '-100');
  assert.equal(await pricing.sentenceFor('Target net per month'), "This can't be negative.");
  await pricing.type('Target net per month', '500');
  // In euros, the symbol may follow the amount.
  await pricing.page.getByLabel('Currency').selectOption('EUR');
  await pricing.type('Price', '27 €');
  assert.equal(await pricing.field('Price').getAttribute('aria-invalid'), 'false');
  await pageShowsNoBrokenNumbers(pricing);
  // A product stream launching in month 0.
  await pricing.page.goto(`${app.url}?page=delayed-income`);
  await pricing.page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  const launch = pricing.page.getByLabel('Launch month').first();
  await launch.fill('0');
  const id = await launch.getAttribute('id');
  assert.equal((await pricing.page.locator(`#${id}-error`).innerText()).trim(), 'This needs to be at least 1.');
  await pricing.close();
});
