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

test('a long stream name stops at 200 characters and 20 streams is the most, and both read back', async () => {
  const d = await DelayedIncomePage.open(app.browser, app.url);
  const { page } = d;
  await page.getByLabel('Stream name').first().fill('ü'.repeat(250));
  assert.equal((await page.getByLabel('Stream name').first().inputValue()).length, 200);
  const add = d.button('+ Blog (affiliate and ads)');
  while (await d.streamNames().then((n) => n.length) < 20) await add.click();
  assert.ok(await add.isDisabled(), 'no 21st stream');
  assert.ok(await d.button('Duplicate Blog 2').isDisabled(), 'no duplicate past the limit');
  assert.match(await page.getByText(/A plan holds up to 20 streams/).textContent(), /remove one to add another/);
  await savedWith(page, '"name":"Blog 19"');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.startsWith('Saved'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  assert.equal((await d.streamNames()).length, 20);
  assert.equal(await page.getByLabel('Stream name').first().inputValue(), 'ü'.repeat(200));
  assert.doesNotMatch(await page.locator('body').innerText(), /damaged/);
  assert.deepEqual(d.errors, []);
  await d.close();
});

test('50 cost lines is the most, with a sentence', async () => {
  const be = await BreakEvenPage.open(app.browser, app.url);
  const add = be.button('Add a cost line');
  for (let i = 2; i < 50; i++) await add.click();
  assert.ok(await add.isDisabled());
  assert.match(await be.page.getByText(/A plan holds up to 50 monthly cost lines/).textContent(), /remove one/);
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
  await page.locator('summary', { hasText: 'Manage plans' }).click();
  await page.getByRole('button', { name: 'Open My plan (before A template shop)' }).click();
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
