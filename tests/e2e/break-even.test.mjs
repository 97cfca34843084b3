// Break-even: it follows the Pricing calculator, cost lines come and go, the verdict reads plainly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const verdict = (page) => page.getByTestId('verdict').textContent();

/** A plan that pays back: 10 build hours at $20/h, $100 cash, no monthly costs, 10 sales a month. */
async function simplePlan(p) {
  await p.type('Build hours', '10');
  await p.type('Value of one hour', '20');
  await p.type('Upfront cash', '100');
  await p.page.getByRole('button', { name: 'Remove monthly cost Email service' }).click();
  await p.page.getByRole('button', { name: 'Remove monthly cost AI subscription' }).click();
  await p.type('Upkeep hours per month', '0');
  await p.page.getByLabel('Constant').check();
  await p.type('Sales per month', '10');
}

test('changing the price in Pricing moves Break-even', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Refund rate', '0');
  await goTo(pricing.page, 'Break-even');
  await simplePlan(pricing);
  // $23.80 a sale: $300 / $23.80 = 12.6 -> 13 sales; 10 a month -> month 2.
  assert.match(await pricing.page.getByText(/Pricing nets/).textContent(), /Pricing nets \$23\.80 a sale/);
  assert.equal(await pricing.page.getByTestId('units-upfront').textContent(), '13 sales');
  assert.match(await verdict(pricing.page), /^Pays back in month 2 counting your time \(month 1 in cash alone\)\./);

  await goTo(pricing.page, 'Pricing');
  await pricing.type('Price', '10');
  await goTo(pricing.page, 'Break-even');
  // $10 at 10 % + $0.50 nets $8.50: $300 / $8.50 = 35.3 -> 36 sales, month 4.
  assert.equal(await pricing.page.getByTestId('units-upfront').textContent(), '36 sales');
  assert.match(await verdict(pricing.page), /^Pays back in month 4 counting your time/);
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('cost lines are added, renamed and removed, and the verdict says when it never pays back', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await goTo(pricing.page, 'Break-even');
  await simplePlan(pricing);
  await pricing.page.getByRole('button', { name: '+ Hosting' }).click();
  await pricing.type('Per month (Hosting)', '300');
  assert.match(
    await verdict(pricing.page),
    /Monthly costs \(\$300\.00\) are more than the monthly contribution \(\$229\.90\): it never breaks even\./,
  );
  await pricing.page.getByLabel('Cost 1 name').fill('Server');
  assert.ok(await pricing.page.getByRole('button', { name: 'Remove monthly cost Server' }).isVisible());
  await pricing.page.getByRole('button', { name: 'Remove monthly cost Server' }).click();
  assert.match(await verdict(pricing.page), /^Pays back in month 2/);
  await pricing.close();
});

test('the effective hourly rate is read at months 3, 6, 12, 24 and the horizon', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Refund rate', '0');
  await goTo(pricing.page, 'Break-even');
  await simplePlan(pricing);
  await pricing.type('Horizon', '36');
  const rows = await pricing.page.getByTestId('hourly-table').locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t')[0]), ['3', '6', '12', '24', '36']);
  // Month 3: 30 sales x $23.80 - $100 = $614 over 10 h = $61.40/h.
  assert.match(rows[0], /\$614\.00\s+\$61\.40\/h/);
  assert.match(await pricing.page.getByText(/Your hours first earn/).textContent(), /your \$20\.00\/h in month 2\./);
  await pricing.close();
});

test('a bad value gets its sentence and leaves the rest of the page working', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await goTo(pricing.page, 'Break-even');
  await pricing.type('Horizon', '0');
  assert.equal(await pricing.sentenceFor('Horizon'), 'This needs to be at least 1.');
  await pricing.type('Horizon', '500');
  assert.equal(await pricing.sentenceFor('Horizon'), 'That is more than this calculator handles (at most 120).');
  await pricing.type('Build hours', 'NaN');
  assert.equal(await pricing.sentenceFor('Build hours'), 'That is not a number: use digits, like 27.50.');
  assert.match(await pricing.resultsText(), /Results will show once these fields hold valid numbers: Build hours, Horizon\./);
  await pricing.type('Horizon', '24');
  await pricing.type('Build hours', '40');
  assert.match(await verdict(pricing.page), /By month 24/);
  // The Pricing calculator's bad field reaches Break-even as a sentence, and an own value works.
  await goTo(pricing.page, 'Pricing');
  await pricing.type('Price', 'abc');
  await goTo(pricing.page, 'Break-even');
  assert.match(await pricing.page.getByText(/Pricing calculator has a field to fix/).textContent(), /enter your own net per sale/);
  await pricing.page.getByLabel('Use the net per sale from Pricing').uncheck();
  await pricing.type('Net per sale', '20');
  assert.match(await verdict(pricing.page), /By month 24/);
  const body = await pricing.page.locator('body').textContent();
  assert.doesNotMatch(body, /NaN|Infinity|undefined/);
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('break-even at a phone size fits the screen', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 390, height: 844 } });
  await goTo(pricing.page, 'Break-even');
  const overflow = await pricing.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
  await pricing.page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results'}/break-even-phone.png`, fullPage: true });
  await pricing.close();
});
