// What the app accepts it reads back: inputs stop at the limits a saved plan keeps, add buttons
// say why they stop, and what was saved opens again after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { DelayedIncomePage, BreakEvenPage } from './calculator-pages.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const savedWith = (page, text) => page.waitForFunction(
  (t) => Object.entries(localStorage).some(([k, v]) => k.includes('.scenario.') && v.includes(t)),
  text,
);

test('a long stream name stops at 200 characters, streams stop where one link is full, and the full plan reads back and travels', async () => {
  const d = await DelayedIncomePage.open(app.browser, app.url);
  const { page } = d;
  await page.getByLabel('Stream name').first().fill('ü'.repeat(250));
  assert.equal((await page.getByLabel('Stream name').first().inputValue()).length, 200);
  const add = d.button('+ Blog (affiliate and ads)');
  let streams = (await d.streamNames()).length;
  while (!(await add.isDisabled())) {
    await add.click();
    streams += 1;
    assert.ok(streams < 20, 'the room stops additions well before 20 streams');
  }
  assert.ok(streams >= 4, `a few streams fit beside a 200-letter name: ${streams}`);
  assert.equal((await d.streamNames()).length, streams);
  assert.ok(await d.button('Duplicate Blog 2').isDisabled(), 'no copy past the room either');
  assert.match(await page.getByText(/as large as one link can carry/).first().textContent(), /another stream would not travel with it/);
  // What room is left goes to names: a name box takes letters only while the link has room.
  const name = page.getByLabel('Stream name').last();
  await name.press('End');
  await page.keyboard.insertText('語'.repeat(300));
  const longest = await name.inputValue();
  assert.ok(longest.length < 200, `the box stopped at the room: ${longest.length} letters`);
  await name.press('End');
  await page.keyboard.insertText('語');
  assert.equal(await name.inputValue(), longest, 'a full plan\'s name box takes no more letters');
  await savedWith(page, longest);
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.startsWith('Saved'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  assert.equal((await d.streamNames()).length, streams);
  assert.equal(await page.getByLabel('Stream name').first().inputValue(), 'ü'.repeat(200));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByLabel(/Link to this plan/).inputValue();
  const fragment = link.slice(link.indexOf('#') + 1);
  assert.match(fragment, /^s=3\./);
  assert.ok(fragment.length <= 2000, `the full plan's link: ${fragment.length} characters`);
  const other = await DelayedIncomePage.open(app.browser, app.url);
  await other.page.goto(link);
  await other.page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  await other.page.getByLabel('Stream name').first().waitFor();
  assert.equal((await other.streamNames()).length, streams, 'the link opens the whole plan');
  assert.equal(await other.page.getByLabel('Stream name').first().inputValue(), 'ü'.repeat(200));
  assert.equal(await other.page.getByLabel('Stream name').last().inputValue(), longest);
  assert.doesNotMatch(await page.locator('body').innerText(), /damaged/);
  assert.deepEqual(d.errors, []);
  assert.deepEqual(other.errors, []);
  await other.close();
  await d.close();
});

test('cost lines stop where one link is full, with a sentence', async () => {
  const be = await BreakEvenPage.open(app.browser, app.url);
  const add = be.button('Add a cost line');
  let lines = 2;
  while (!(await add.isDisabled())) {
    await add.click();
    lines += 1;
    assert.ok(lines < 50, 'the room stops cost lines before the 50 a plan holds');
  }
  assert.ok(lines >= 10, `cost lines fit: ${lines}`);
  assert.match(await be.page.getByText(/as large as one link can carry/).textContent(), /another cost line would not travel/);
  assert.deepEqual(be.errors, []);
  await be.close();
});

test('loading a preset over streams of your own keeps them as a saved plan first', async () => {
  const d = await DelayedIncomePage.open(app.browser, app.url);
  const { page } = d;
  await page.getByLabel('Stream name').first().fill('My own blog');
  await savedWith(page, 'My own blog');
  await page.getByLabel('Preset plan').selectOption({ label: 'A template shop' });
  await d.button('Load').click();
  assert.match(await page.getByText(/Your streams before loading are kept as the saved plan/).textContent(), /"My plan \(before A template shop\)"/);
  const names = await d.streamNames();
  assert.equal(names.length, 1);
  assert.ok(names[0].startsWith('Templates'), names[0]);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByRole('button', { name: 'Open My plan (before A template shop)' }).click();
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Delayed income' }).click();
  await page.getByLabel('Stream name').first().waitFor();
  assert.equal(await page.getByLabel('Stream name').first().inputValue(), 'My own blog', 'the old streams are back');
  assert.deepEqual(d.errors, []);
  await d.close();
});

test('edits to a plan opened from a link survive a reload as a draft', async () => {
  const { PricingPage } = await import('./pricing-page.mjs');
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '41');
  await pricing.page.getByRole('button', { name: 'Copy link' }).click();
  const link = await pricing.page.getByLabel(/Link to this plan/).inputValue();
  await pricing.close();

  const other = await PricingPage.open(app.browser, app.url);
  const { page } = other;
  await page.goto(link);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await other.field('Price').inputValue(), '41');
  await other.type('Price', '42');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.includes('kept as a draft'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await other.field('Price').inputValue(), '42', 'the edit is still there');
  assert.match(await page.locator('.plan-notices').innerText(), /Your changes to this link's plan are kept here from before/);
  assert.deepEqual(other.errors, []);
  await other.close();
});
