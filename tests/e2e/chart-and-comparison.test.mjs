// The platform comparison and the chart: best first, crossovers, sharp at devicePixelRatio 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';
import { DelayedIncomePage } from './calculator-pages.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('all presets are compared best first, with the plan crossovers', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const table = pricing.page.getByRole('table').filter({ hasText: 'Platform and fees' });
  const rows = table.getByRole('row');
  // The comparison is built a moment after the results (a task of its own).
  await table.waitFor();
  assert.equal(await rows.count(), 20);
  const monthly = await table.locator('tbody tr td:first-of-type').allTextContents();
  const values = monthly.map((t) => Number(t.replace(/[^0-9.-]/g, '')));
  assert.deepEqual([...values].sort((a, b) => b - a), values, 'sorted best first');
  assert.match(await table.locator('tbody tr').first().textContent(), /1\. Stripe/);
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Platform and fees', 'Monthly net', 'Net per sale']);
  const crossovers = await pricing.page.getByTestId('crossovers').textContent();
  // Every pair of a platform's plans, as a count that is true from N on, and a revenue.
  assert.match(crossovers, /Payhip Plus keeps more than Payhip Free from 36 sales a month \(\$972\.00 of sales\)\./);
  assert.match(crossovers, /Payhip Pro keeps more than Payhip Plus from 130 sales a month \(\$3,510\.00 of sales\)\./);
  assert.match(crossovers, /Payhip Pro keeps more than Payhip Free from 74 sales a month/);
  assert.match(crossovers, /Ko-fi Gold keeps more than Ko-fi \(free plan, shop\) from \d+ sales a month/);
  await pricing.close();
});

test('on a phone the column that ranks the platforms is in sight, and the month table says it scrolls', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 390, height: 844 } });
  const region = pricing.page.getByRole('region', { name: 'Platform comparison table' });
  await region.scrollIntoViewIfNeeded();
  const monthly = region.getByRole('columnheader', { name: 'Monthly net' });
  const box = await monthly.boundingBox();
  const frame = await region.boundingBox();
  assert.ok(box.x + box.width <= frame.x + frame.width + 1, `Monthly net in sight: ${JSON.stringify(box)} in ${JSON.stringify(frame)}`);
  await pricing.goTo(DelayedIncomePage);
  const table = pricing.page.getByRole('region', { name: 'Month by month table' });
  await table.waitFor();
  assert.ok(await table.evaluate((d) => d.scrollWidth > d.clientWidth), 'the month table is wider than a phone');
  assert.ok(await pricing.page.getByText('scroll the table sideways').isVisible());
  // Scrolled sideways, the month column stays where it was.
  const month = table.getByRole('columnheader', { name: 'Month' });
  const before = (await month.boundingBox()).x;
  await table.evaluate((d) => { d.scrollLeft = 300; });
  assert.equal(Math.round((await month.boundingBox()).x), Math.round(before));
  await pricing.close();
});

test('on a desktop no scroll hint shows', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 1280, height: 800 } });
  await pricing.goTo(DelayedIncomePage);
  await pricing.page.getByRole('region', { name: 'Month by month table' }).waitFor();
  assert.equal(await pricing.page.getByText('scroll the table sideways').isVisible(), false);
  await pricing.close();
});

test('the chart is drawn at devicePixelRatio 2, resizes with its box, and has a table', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 1280, height: 800 } });
  const canvas = pricing.page.getByRole('img', { name: /Line chart of monthly net against volume/ });
  await canvas.scrollIntoViewIfNeeded();
  const size = () => canvas.evaluate((c) => ({ css: c.getBoundingClientRect().width, backing: c.width }));
  await pricing.page.waitForFunction(() => document.querySelector('canvas').width > 300);
  let s = await size();
  assert.ok(Math.abs(s.backing - s.css * 2) <= 1, `backing ${s.backing} for css ${s.css}`);
  const painted = await canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return colours.size;
  });
  assert.ok(painted > 5, `the canvas has ${painted} colours`);

  await pricing.page.setViewportSize({ width: 700, height: 800 });
  await pricing.page.waitForFunction((before) => document.querySelector('canvas').width !== before, s.backing);
  s = await size();
  assert.ok(Math.abs(s.backing - s.css * 2) <= 1, `after resize: backing ${s.backing} for css ${s.css}`);

  await pricing.page.getByText('Show the chart as a table').click();
  const table = pricing.page.getByRole('table', { name: 'Monthly net by volume, per platform' });
  assert.match(await table.textContent(), /Gumroad \(direct sales\), your platform/);
  assert.equal(await table.locator('tbody tr').count(), 6);
  await pricing.close();
});

test('each platform says what it does for the seller, and the oldest fee date is flagged', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const table = pricing.page.getByRole('table').filter({ hasText: 'Platform and fees' });
  const stripe = table.locator('tbody tr').filter({ hasText: '. Stripe' });
  assert.match(await stripe.textContent(), /as of 2024-07, source\): the oldest fee date here, check it/);
  assert.match(await stripe.textContent(), /Takes the payment only: no storefront, no delivery of the product; leaves sales tax and VAT to you\./);
  const gumroad = table.locator('tbody tr').filter({ hasText: 'Gumroad (direct sales)' });
  assert.match(await gumroad.textContent(), /Gives you a storefront and delivers the product; handles sales tax and VAT as merchant of record\./);
  assert.doesNotMatch(await gumroad.textContent(), /oldest/);
  const etsy = table.locator('tbody tr').filter({ hasText: 'Etsy' });
  assert.match(await etsy.textContent(), /collects US sales tax as the marketplace/);
  await pricing.close();
});

test("Gumroad's disputed fee: both nets shown, the other reading one click away and back", async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  const group = page.getByRole('group', { name: /Sources disagree on this fee/ });
  assert.equal(await page.getByText('Payment processing is included in its fee.').count(), 0, 'no claim the other reading contradicts');
  assert.equal(await group.getByTestId('both-nets').textContent(),
    'Net per sale before refunds, as published: $23.80; with card processing on top: $22.72.');
  const published = group.getByRole('button', { name: 'As published' });
  const onTop = group.getByRole('button', { name: 'With card processing on top' });
  assert.equal(await published.getAttribute('aria-pressed'), 'true');
  await onTop.click();
  assert.equal(await onTop.getAttribute('aria-pressed'), 'true');
  assert.equal(await published.getAttribute('aria-pressed'), 'false');
  assert.equal(await pricing.stat('Net per sale'), '$22.72', 'the headline follows the reading');
  const mine = page.getByRole('table').filter({ hasText: 'Platform and fees' }).locator('tbody tr.mine');
  assert.match(await mine.innerText(), /Gumroad \(direct sales\), with card processing on top[\s\S]*\$22\.72/, 'Platforms compared ranks the reading chosen');
  // Another currency converts the reading's fixed fees, as it does the published ones.
  await page.getByLabel('Currency').selectOption('JPY');
  await page.getByLabel('Currency').selectOption('EUR');
  assert.equal(await page.getByRole('button', { name: 'With card processing on top' }).getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Currency').selectOption('USD');
  assert.equal(await pricing.stat('Net per sale'), '$22.72');
  assert.equal(await page.getByLabel('Layer 2 name').inputValue(), 'Card processing');
  // It survives a reload, as any edit does.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes('Card processing')));
  await page.reload();
  await page.getByRole('button', { name: 'With card processing on top' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'With card processing on top' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'As published' }).click();
  assert.equal(await page.getByLabel('Layer 2 name').count(), 0);
  // Layers edited by hand are not replaced without asking.
  await page.locator('#layer-0-percent').fill('12');
  await page.getByRole('button', { name: 'With card processing on top' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Replace your fee layers?' });
  await ask.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Keep my layers', 'the question takes the focus');
  await ask.getByRole('button', { name: 'Keep my layers' }).click();
  assert.equal(await page.locator('#layer-0-percent').inputValue(), '12');
  assert.equal(await page.getByLabel('Layer 2 name').count(), 0);
  await page.getByRole('button', { name: 'With card processing on top' }).click();
  await ask.getByRole('button', { name: 'Replace my layers' }).click();
  assert.equal(await page.getByLabel('Layer 2 name').inputValue(), 'Card processing');
  assert.equal(await page.locator('#layer-0-percent').inputValue(), '10');
  await pricing.close();
});

test("the volume axis reaches the sales the target needs, and other platforms' lines are dashed", async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 1280, height: 800 } });
  const page = pricing.page;
  await pricing.type('Sales per month', '5');
  await pricing.type('Target net per month', '1000');
  const needs = await pricing.resultsText();
  const n = Number(/you need (\d+) sales a month/.exec(needs)?.[1]);
  assert.ok(n > 10, `the target needs ${n} sales: ${needs.slice(0, 300)}`);
  await page.getByText('Show the chart as a table').click();
  const table = page.getByRole('table', { name: 'Monthly net by volume, per platform' });
  const volumes = (await table.locator('tbody tr th').allTextContents()).map(Number);
  assert.ok(Math.max(...volumes) >= n, `axis to ${Math.max(...volumes)}, target needs ${n}`);
  // The legend: the user's line solid, every other line its own colour and dash pattern.
  const swatches = await page.locator('.chart-section').first().locator('.legend .swatch:not(.swatch-marker)').evaluateAll((s) => s.map((e) => e.className));
  assert.match(swatches[0], /emphasis/);
  assert.deepEqual(new Set(swatches).size, swatches.length, `${swatches}`);
  assert.ok(swatches.slice(1).every((c) => /swatch-dash-\d/.test(c)), `${swatches}`);
  await pricing.close();
});

test('on a phone the first input is on the first screen, above the summary bar', async () => {
  const pricing = await PricingPage.open(app.browser, app.url, { viewport: { width: 390, height: 844 } });
  const first = pricing.page.locator('form.calculator-form').locator('input, select').first();
  assert.equal(await first.getAttribute('id'), 'product-name', 'one product needs no picker');
  const box = await first.boundingBox();
  const bar = await pricing.page.locator('.summary-bar, [class*=summary]').first().boundingBox();
  assert.ok(box.y + box.height <= bar.y, `first input at ${box.y}, summary bar at ${bar.y}`);
  await pricing.close();
});
