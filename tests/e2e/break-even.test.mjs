// Break-even: it follows the Pricing calculator, cost lines come and go, the verdict reads plainly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';
import { BreakEvenPage } from './calculator-pages.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('changing the price in Pricing moves Break-even', async () => {
  let pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Refund rate', '0');
  let be = await pricing.goTo(BreakEvenPage);
  await be.simplePlan();
  // $23.80 a sale: $300 / $23.80 = 12.6 -> 13 sales; 10 a month -> month 2.
  assert.match(await be.page.getByText(/Workshop nets/).textContent(), /Workshop nets \$23\.80 per sale after fees and refunds/);
  assert.equal(await be.unitsUpfront(), '13 sales');
  assert.match(await be.verdict(), /^Pays back in month 2 counting your time \(month 1 in cash alone\)\./);

  pricing = await be.goTo(PricingPage);
  await pricing.type('Price', '10');
  be = await pricing.goTo(BreakEvenPage);
  // $10 at 10 % + $0.50 nets $8.50: $300 / $8.50 = 35.3 -> 36 sales, month 4.
  assert.equal(await be.unitsUpfront(), '36 sales');
  assert.match(await be.verdict(), /^Pays back in month 4 counting your time/);
  assert.deepEqual(be.errors, []);
  await be.close();
});

test('Break-even names the Delayed-income stream that sells on its plan', async () => {
  const be = await BreakEvenPage.open(app.browser, app.url);
  assert.equal(
    await be.page.getByTestId('on-the-timeline').textContent(),
    'Delayed income\'s stream "$27 workshop" sells on this plan from its launch in month 4: the same curve, net, build and upkeep.',
  );
  await be.close();
});

test('cost lines are added, renamed and removed, and the verdict says when it never pays back', async () => {
  const be = await BreakEvenPage.open(app.browser, app.url);
  await be.simplePlan();
  await be.button('+ Hosting').click();
  await be.type('Per month (Hosting)', '300');
  assert.match(
    await be.verdict(),
    /Monthly costs \(\$300\.00\) are more than the monthly contribution \(\$229\.90\): it never breaks even\./,
  );
  await be.fill('Cost 1 name', 'Server');
  assert.ok(await be.button('Remove monthly cost Server').isVisible());
  await be.button('Remove monthly cost Server').click();
  assert.match(await be.verdict(), /^Pays back in month 2/);
  await be.close();
});

test('the effective hourly rate is read at months 3, 6, 12, 24 and the horizon', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Refund rate', '0');
  const be = await pricing.goTo(BreakEvenPage);
  await be.simplePlan();
  await be.type('Horizon', '36');
  const rows = await be.hourlyRows();
  assert.deepEqual(rows.map((r) => r.split('\t')[0]), ['3', '6', '12', '24', '36']);
  // Month 3: 30 sales x $23.80 - $100 = $614 over 10 h = $61.40/h.
  assert.match(rows[0], /\$614\.00\s+\$61\.40\/h/);
  assert.match(await be.page.getByText(/Your hours first earn/).textContent(), /your \$20\.00\/h in month 2\./);
  await be.close();
});

test('a bad value gets its sentence and leaves the rest of the page working', async () => {
  let be = await BreakEvenPage.open(app.browser, app.url);
  await be.type('Horizon', '0');
  assert.equal(await be.sentenceFor('Horizon'), 'This needs to be at least 1.');
  await be.type('Horizon', '500');
  assert.equal(await be.sentenceFor('Horizon'), 'That is more than this calculator handles (at most 120).');
  await be.type('Build hours', 'NaN');
  assert.equal(await be.sentenceFor('Build hours'), 'That is not a number: use digits, like 27.50.');
  assert.match(await be.resultsText(), /Results will show once these fields hold valid numbers: Build hours, Horizon\./);
  await be.type('Horizon', '24');
  await be.type('Build hours', '40');
  assert.match(await be.verdict(), /By month 24/);
  // The Pricing calculator's bad field reaches Break-even as a sentence, and an own value works.
  const pricing = await be.goTo(PricingPage);
  await pricing.type('Price', 'abc');
  be = await pricing.goTo(BreakEvenPage);
  assert.match(await be.page.getByText(/has a field to fix on Pricing/).textContent(), /^Workshop has a field to fix/);
  await be.page.getByLabel('Net per sale from').selectOption({ label: 'A figure of my own' });
  await be.type('Net per sale', '20');
  assert.match(await be.verdict(), /By month 24/);
  const body = await be.page.locator('body').textContent();
  assert.doesNotMatch(body, /NaN|Infinity|undefined/);
  assert.deepEqual(be.errors, []);
  await be.close();
});

test('break-even at a phone size fits the screen', async () => {
  const be = await BreakEvenPage.open(app.browser, app.url, { viewport: { width: 390, height: 844 } });
  const overflow = await be.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
  await be.page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results'}/break-even-phone.png`, fullPage: true });
  await be.close();
});
