// Which input matters most: with the uncertainty band on, a tornado of the picked outcome, its
// table and a sentence naming the longest bar; the outcome kept across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { DelayedIncomePage } from './calculator-pages.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('the band on, the longest bar is named, tabled and drawn, and the outcome is kept', async () => {
  const d = await DelayedIncomePage.open(app.browser, app.url);
  const { page, errors } = d;
  const region = page.getByRole('region', { name: 'Which input matters most' });
  const sentence = region.getByTestId('lever-sentence');
  assert.match(await sentence.innerText(), /^Switch on the uncertainty band/);
  assert.equal(await region.locator('canvas').count(), 0, 'no chart without ranges');

  await page.getByLabel('Show the uncertainty').check();
  await region.getByText('Show the bars as a table').click();
  const table = region.getByRole('table');
  const first = (await table.getByRole('rowheader').allInnerTexts())[0];
  const named = (await sentence.innerText()).match(/^The biggest lever is (.+?) for (.+?): from /);
  assert.ok(named, await sentence.innerText());
  // The sentence names the table's first row, the bar with the widest swing.
  assert.equal(first.toLowerCase(), `${named[1]} (${named[2]})`.toLowerCase());
  const spans = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.locator('td').allInnerTexts();
    const money = (t) => Number(t.replace(/[^\d.-]/g, ''));
    spans.push(Math.abs(money(cells[3]) - money(cells[1])));
  }
  assert.ok(spans.length >= 2, String(spans));
  assert.deepEqual([...spans].sort((a, b) => b - a), spans, 'the biggest swing first');
  const canvas = region.getByRole('img', { name: /Tornado chart/ });
  await page.waitForFunction((c) => Number(c.dataset.draws) > 0, await canvas.elementHandle());

  await region.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Month it pays back in cash' });
  assert.match(await sentence.innerText(), /pays back in cash/);
  await page.reload();
  const again = page.getByRole('region', { name: 'Which input matters most' });
  await again.waitFor();
  assert.equal(await again.getByLabel('Outcome', { exact: true }).inputValue(), 'payback');
  assert.deepEqual(errors, []);
  await d.close();
});

test('a stream name as long as the box takes wraps inside both answers on a phone', async () => {
  const d = await DelayedIncomePage.open(app.browser, app.url);
  const { page, errors } = d;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Stream name').first().fill('W'.repeat(200));
  await page.getByLabel('Show the uncertainty').check();
  for (const id of ['what-if-answer', 'lever-sentence']) {
    const box = page.getByTestId(id);
    await page.waitForFunction((el) => el.innerText.includes('WWWW'), await box.elementHandle());
    const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    assert.ok(fits, `${id} overflows its box`);
  }
  assert.deepEqual(errors, []);
  await d.close();
});
