// Faults that must cost nothing: each ends with the app working, a clear sentence shown,
// and no saved scenario changed or lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const RECORD = fs.readFileSync(new URL('../fixtures/record-v1.json', import.meta.url), 'utf8');
const RECORD_KEY = 'honest-income.v1.scenario.s-1a2b3c';
const LINK = fs.readFileSync(new URL('../fixtures/link-v1.txt', import.meta.url), 'utf8').trim();

/** A fresh browser profile whose storage already holds `items` when the app first loads. */
async function withStorage(items, initScript) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(({ items }) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, { items });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function openPricing(page, suffix = '') {
  await page.goto(`${app.url}?page=pricing${suffix}`);
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  return new PricingPage(page);
}

/** Waits until a field shows `value` (another tab's write arrives by an event). */
async function expectValue(calculator, label, value) {
  for (let i = 0; i < 50 && (await calculator.field(label).inputValue()) !== value; i++) {
    await calculator.page.waitForTimeout(100);
  }
  assert.equal(await calculator.field(label).inputValue(), value);
}

/** Your plans, its own page, opened through the navigation as a reader would. */
async function openPlans(page) {
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
}
const status = (page) => page.getByTestId('save-status').innerText();
const notices = (page) => page.locator('.plan-notices').innerText();
const stored = (page, key) => page.evaluate((k) => { try { return localStorage.getItem(k); } catch { return 'unreadable'; } }, key);

test('storage that throws on access: calculators work, saving says it is unavailable, links work', async () => {
  const { context, page, errors } = await withStorage({}, () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const pricing = await openPricing(page);
  assert.match(await status(page), /Saving is unavailable here/);
  await pricing.type('Price', '40');
  assert.equal(await pricing.stat('Net per sale'), '$35.50');
  await page.goto(`${app.url}?page=pricing#${LINK}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Price').inputValue(), '29');
  assert.match(await status(page), /Saving is unavailable here/, 'a link says saving is unavailable too, not "save it under a name"');
  // Another page gets the plan in its address, and says the same.
  await openPlans(page);
  assert.match(await status(page), /Saving is unavailable here/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [label, make] of [
  ['QuotaExceededError', "new DOMException('full', 'QuotaExceededError')"],
  ['NS_ERROR_DOM_QUOTA_REACHED', "new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')"],
  ['a plain error named QuotaExceededError', "Object.assign(new Error('full'), { name: 'QuotaExceededError' })"],
]) {
  test(`quota exceeded on write (${label}): the plan stays, the user is told, the saved record is intact`, async () => {
    const { context, page } = await withStorage(
      { [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' },
      `(() => {
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).startsWith('honest-income.v1.scenario.')) throw ${make};
          return original.call(this, key, value);
        };
      })()`,
    );
    const pricing = await openPricing(page);
    assert.equal(await pricing.field('Price').inputValue(), '29', 'the saved plan opened');
    await pricing.type('Price', '31');
    await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.startsWith('Could not save'));
    assert.match(await status(page), /this browser's storage is full\. Your plan is still here/);
    assert.equal(await pricing.field('Price').inputValue(), '31', 'the plan in memory stays');
    assert.equal(await pricing.stat('Net per sale'), '$28.25');
    assert.equal(await stored(page, RECORD_KEY), RECORD, 'nothing previously saved is damaged');
    await context.close();
  });
}

test('a full quota at start-up lists and opens the plans and says how to make room', async () => {
  const other = RECORD.replace('s-1a2b3c', 's-other').replace('Workshop on Payhip', 'Second plan');
  const { context, page, errors } = await withStorage(
    { [RECORD_KEY]: RECORD, 'honest-income.v1.scenario.s-other': other, 'honest-income.v1.current': 's-1a2b3c' },
    `(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (sessionStorage.getItem('seeded') && this === localStorage) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    })()`,
  );
  const pricing = await openPricing(page);
  assert.equal(await pricing.field('Price').inputValue(), '29', 'the last plan opened');
  assert.match(await status(page), /storage is full, so changes cannot be saved right now\. Your saved plans are listed and open/);
  assert.doesNotMatch(await status(page), /unavailable/);
  await openPlans(page);
  const names = await page.locator('.plan-list li span:first-child').allInnerTexts();
  assert.deepEqual(names.sort(), ['Second plan', 'Workshop on Payhip']);
  await page.getByRole('button', { name: 'Open Second plan' }).click();
  await page.locator('.plan-list li.current', { hasText: 'Second plan' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit that could not be saved is kept when another plan would replace it', async () => {
  const other = RECORD.replace('s-1a2b3c', 's-other').replace('Workshop on Payhip', 'Second plan');
  const { context, page } = await withStorage(
    { [RECORD_KEY]: RECORD, 'honest-income.v1.scenario.s-other': other, 'honest-income.v1.current': 's-1a2b3c' },
    `(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith('honest-income.v1.scenario.')) throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    })()`,
  );
  const pricing = await openPricing(page);
  await pricing.type('Price', '31');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.startsWith('Could not save'));
  // Your plans is another page: the plan travels there named, with its edit still unsaved.
  await openPlans(page);
  assert.equal(await page.getByTestId('plan-name').innerText(), 'Workshop on Payhip');
  await page.getByRole('button', { name: 'Open Second plan' }).click();
  assert.match(await notices(page), /Your latest changes to this plan could not be saved, so they were kept here/);
  assert.doesNotMatch(await status(page), /^Saved/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
  assert.equal(await page.getByTestId('plan-name').innerText(), 'Workshop on Payhip', 'a reload keeps it too');
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Pricing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Price').inputValue(), '31', 'the unsaved edit is still shown');
  assert.doesNotMatch(await status(page), /^Saved/);
  assert.equal(await stored(page, RECORD_KEY), RECORD);
  await context.close();
});

test('one corrupt entry among several: the others load, the raw value is kept aside', async () => {
  const other = RECORD.replace('s-1a2b3c', 's-other').replace('Workshop on Payhip', 'Second plan');
  const { context, page } = await withStorage({
    [RECORD_KEY]: RECORD,
    'honest-income.v1.scenario.s-other': other,
    'honest-income.v1.scenario.s-broken': '{"schema":1,"scenario":{"pricing":',
  });
  await openPricing(page);
  assert.match(await notices(page), /One saved scenario was damaged and could not be opened; its raw data is kept aside/);
  await openPlans(page);
  const names = await page.locator('.plan-list li span:first-child').allInnerTexts();
  assert.deepEqual(names.sort(), ['Second plan', 'Workshop on Payhip']);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"schema":1,"scenario":{"pricing":']);
  assert.equal(await stored(page, RECORD_KEY), RECORD);
  await context.close();
});

test('a record from a newer version is left untouched and reported', async () => {
  const newer = RECORD.replace('"schema": 1', '"schema": 7');
  const { context, page } = await withStorage({ 'honest-income.v1.scenario.s-new': newer });
  await openPricing(page);
  assert.match(await notices(page), /comes from a newer version of Honest Income; it is left untouched/);
  assert.equal(await stored(page, 'honest-income.v1.scenario.s-new'), newer);
  await context.close();
});

test('a second tab saving the same plan: no silent overwrite of the newer version', async () => {
  const { context, page: first } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  const a = await openPricing(first);
  const second = await context.newPage();
  const b = await openPricing(second);
  await a.type('Price', '35');
  await first.waitForFunction((k) => localStorage.getItem(k).includes('"price":"35"'), RECORD_KEY);
  // The second tab had no edit of its own: it shows the newer version at once, nothing to ask.
  await expectValue(b, 'Price', '35');
  assert.equal(await second.locator('.plan-notices li.conflict').count(), 0);
  // Both edit at once: the first to save wins, the other is told and keeps its edit.
  await a.type('Price', '36');
  await b.type('Refund rate', '9');
  await second.locator('.plan-notices li.conflict').waitFor();
  assert.match(await stored(second, RECORD_KEY), /"price":"36"/);
  assert.match(await second.locator('.plan-notices').innerText(), /changed in another tab/);
  assert.doesNotMatch(await status(second), /^Saved/);
  assert.equal(await b.field('Refund rate').inputValue(), '9', 'the edit is still here');
  await second.getByRole('button', { name: "keep this tab's as a copy" }).click();
  await second.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('honest-income.v1.scenario.')).length === 2);
  assert.match(await stored(second, RECORD_KEY), /"price":"36"/, 'the newer version is still there');
  await context.close();
});

test('damaged links show a sentence and leave previous work untouched', async () => {
  const cases = [
    [LINK.slice(0, LINK.length / 2), /This link is damaged/],
    [LINK.replace(/e/g, '*'), /This link is damaged/],
    ['s=9.e30', /made by a newer version of Honest Income \(format 9\)/],
    ['s=1.' + 'A'.repeat(1_000_000), /longer than any link Honest Income makes/],
  ];
  const { context, page } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  for (const [fragment, sentence] of cases) {
    await page.goto('about:blank');
    const pricing = await openPricing(page, `#${fragment}`);
    assert.match(await notices(page), sentence);
    assert.equal(await pricing.field('Price').inputValue(), '29', 'the saved plan is shown instead');
    assert.equal(await stored(page, RECORD_KEY), RECORD);
  }
  // The same on the landing page, where a link can land too.
  for (const [fragment, sentence] of cases) {
    await page.goto('about:blank');
    await page.goto(`${app.url}#${fragment}`);
    await page.getByRole('heading', { level: 1, name: /Passive income is delayed income/ }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), sentence);
    assert.equal(await stored(page, RECORD_KEY), RECORD);
  }
  // A valid encoding of invalid values opens, and each value gets its sentence.
  const patch = Buffer.from(JSON.stringify({ pricing: { price: 'NaN', refund: '-5', volume: '1e400' } })).toString('base64url');
  await page.goto('about:blank');
  const pricing = await openPricing(page, `#s=1.${patch}`);
  assert.equal(await pricing.sentenceFor('Price'), 'That is not a number: use digits, like 27.50.');
  assert.equal(await pricing.sentenceFor('Refund rate'), "This can't be negative.");
  assert.equal(await pricing.sentenceFor('Sales per month'), 'Write the number out in full, like 1500, not 1.5e3.');
  assert.equal(await stored(page, RECORD_KEY), RECORD);
  await context.close();
});

test('a newer version of the open plan written by another tab is never saved over', async () => {
  const { context, page, errors } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  const pricing = await openPricing(page);
  assert.equal(await pricing.field('Price').inputValue(), '29', 'the saved plan opened');
  // Another tab, running a newer Honest Income, rewrites the same plan in its own format.
  const newer = RECORD.replace('"schema": 1', '"schema": 3').replace('"schema":1', '"schema":3');
  assert.notEqual(newer, RECORD, 'the fixture names its schema');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [RECORD_KEY, newer]);
  await pricing.type('Price', '31');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]').textContent.startsWith('Not saved'));
  assert.match(await status(page), /saved by a newer version of Honest Income \(format 3\).*Your changes are still here/);
  assert.equal(await stored(page, RECORD_KEY), newer, 'the newer record is untouched');
  assert.equal(await pricing.field('Price').inputValue(), '31', 'the edit stays on the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged copy of the open plan is kept aside before the plan is saved over it', async () => {
  const { context, page, errors } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  const pricing = await openPricing(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"schema":1,"scenario":'), RECORD_KEY);
  await pricing.type('Price', '31');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('"price":"31"'), RECORD_KEY);
  assert.match(await status(page), /^Saved/);
  assert.match(await notices(page), /The stored copy of this plan was damaged; its raw data is kept aside/);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"schema":1,"scenario":']);
  assert.match(await stored(page, RECORD_KEY), /"price":"31"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('deleting a plan whose stored copy cannot be read keeps that copy aside', async () => {
  const { context, page, errors } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  await openPricing(page);
  await openPlans(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"schema":1,"scenario":'), RECORD_KEY);
  await page.getByRole('button', { name: 'Delete this plan' }).click();
  assert.match(await notices(page), /could not be read here, so it is kept aside under "honest-income\.v1\.quarantine\./);
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"schema":1,"scenario":']);
  assert.equal(await stored(page, RECORD_KEY), null, 'the plan itself is gone from the list');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage cleared in another tab is noticed, and the plan shown is saved again', async () => {
  const { context, page, errors } = await withStorage({ [RECORD_KEY]: RECORD, 'honest-income.v1.current': 's-1a2b3c' });
  const pricing = await openPricing(page);
  assert.equal(await pricing.field('Price').inputValue(), '29');
  const other = await context.newPage();
  await other.goto(`${app.url}?page=pricing`);
  await other.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  await other.evaluate(() => localStorage.clear());
  await page.getByText(/Saved plans were cleared in another tab or by the browser/).waitFor();
  assert.doesNotMatch(await status(page), /^Saved/);
  await pricing.type('Price', '33');
  await page.waitForFunction(() => (localStorage.getItem('honest-income.v1.scenario.s-1a2b3c') ?? '').includes('"price":"33"'));
  assert.deepEqual(errors, []);
  await context.close();
});
