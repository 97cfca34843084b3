// Scenarios are never lost: autosave, named plans, undo, and links that open as new plans.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const status = (page) => page.getByTestId('save-status').innerText();
const planName = (page) => page.getByTestId('plan-name').innerText();
async function waitSaved(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent.startsWith('Saved in this browser'));
}
/** Waits until a saved record in localStorage holds this price. */
async function waitStored(page, price) {
  await page.waitForFunction((p) => Object.keys(localStorage)
    .filter((k) => k.startsWith('honest-income.v1.scenario.'))
    .some((k) => localStorage.getItem(k).includes(`"price":"${p}"`)), price);
}
const nav = (page) => page.getByRole('navigation', { name: 'Calculators' });
/** Opens Your plans (its own page) through the navigation, as a reader would. */
async function manage(page) {
  if (!/[?&]page=plans/.test(page.url())) await nav(page).getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
}
/** Back to a calculator through the navigation. */
async function back(page, name = 'Pricing') {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('the plan autosaves and survives a reload', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  assert.match(await status(pricing.page), /Not saved yet: your first change saves it in this browser/);
  await pricing.type('Price', '30');
  await waitSaved(pricing.page);
  assert.equal(await planName(pricing.page), 'My plan');
  await pricing.page.reload();
  await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Price').inputValue(), '30');
  assert.equal(await pricing.stat('Net per sale'), '$26.50');
  await pricing.close();
});

test('an edit typed just before the tab closes is saved, and the status never says Saved before it is', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '30');
  await waitSaved(pricing.page);
  await pricing.type('Price', '44');
  assert.equal(await status(pricing.page), 'Saving your changes…', 'not "Saved" while the autosave waits');
  // Closed at once, well inside the autosave's half second: leaving the page saves it.
  await pricing.page.close({ runBeforeUnload: true });
  const again = await pricing.context.newPage();
  await again.goto(`${app.url}?page=pricing`);
  await again.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await new PricingPage(again).field('Price').inputValue(), '44');
  await pricing.context.close();
});

test('importing a large file reports its progress and leaves the page responsive', async () => {
  const { page, context } = await openPage(app.browser, `${app.url}?page=pricing`);
  const p = new PricingPage(page);
  await p.type('Price', '31');
  await waitStored(page, '31');
  const record = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('honest-income.v1.scenario.'))));
  const one = JSON.parse(record);
  const scenarios = Array.from({ length: 1200 }, (_, i) => ({ ...one, id: `big-${i}`, name: 'Big import', updated: one.updated - i }));
  const file = `${process.env.TMPDIR ?? '/tmp'}/honest-income-big-${process.pid}.json`;
  (await import('node:fs')).writeFileSync(file, JSON.stringify({ app: 'honest-income', schema: one.schema, exported: 1, scenarios }));
  await manage(page);
  const said = page.getByRole('region', { name: 'Keep a durable copy' }).getByRole('status');
  await page.locator('input[type=file]').setInputFiles(file);
  await said.filter({ hasText: /^Importing: \d+ of 1200 plans so far/ }).waitFor();
  // The page answers between batches: a name typed during the import lands at once.
  await page.getByLabel('Name', { exact: true }).fill('Typed while importing');
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Typed while importing');
  await said.filter({ hasText: 'Imported 1200 plans.' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.plan-list li').count(), 1201);
  await page.reload();
  await manage(page);
  assert.equal(await page.locator('.plan-list li').count(), 1201, 'the imported plans read back');
  await back(page);
  assert.equal(await p.field('Price').inputValue(), '31', 'the open plan is still the one edited');
  assert.equal(await p.stat('Net per sale'), '$27.40');
  await context.close();
});

test('named plans: save as, switch, rename, duplicate, delete and undo', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('Workshop at $30');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await back(page);
  await pricing.type('Price', '30');
  await waitStored(page, '30');
  assert.equal(await planName(page), 'Workshop at $30');

  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('Workshop at $45');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await back(page);
  await pricing.type('Price', '45');
  await waitStored(page, '45');
  await manage(page);
  assert.equal(await page.locator('.plan-list li').count(), 2);

  await page.getByRole('button', { name: 'Open Workshop at $30' }).click();
  assert.equal(await planName(page), 'Workshop at $30');
  await back(page);
  assert.equal(await pricing.field('Price').inputValue(), '30', 'the calculator shows the plan opened');
  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('Cheap workshop');
  await page.getByRole('button', { name: 'Rename this plan' }).click();
  assert.equal(await planName(page), 'Cheap workshop');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  assert.equal(await planName(page), 'Cheap workshop (copy)');
  assert.equal(await page.locator('.plan-list li').count(), 3);

  await page.getByRole('button', { name: 'Delete this plan' }).click();
  assert.equal(await page.locator('.plan-list li').count(), 2);
  assert.match(await page.locator('.plan-notices').innerText(), /Deleted "Cheap workshop \(copy\)"/);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('.plan-list li').count(), 3);
  assert.equal(await planName(page), 'Cheap workshop (copy)');
  assert.match(await page.locator('.plan-list').innerText(), /changed \d\d:\d\d/);
  await pricing.close();
});

test('a copied link opens as a new unsaved plan and never overwrites a saved one', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '45');
  await pricing.page.getByRole('button', { name: 'Copy link' }).click();
  const link = await pricing.page.getByLabel(/Link to this plan/).inputValue();
  assert.match(link, /\/tools\/calc\/\?page=pricing#s=3\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 1000, `link of ${link.length} characters`);
  await pricing.close();

  // Another browser profile with its own saved plan at $30.
  const { page, context } = await openPage(app.browser, `${app.url}?page=pricing`);
  const mine = new PricingPage(page);
  await mine.type('Price', '30');
  await waitStored(page, '30');
  await page.goto(link);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await mine.field('Price').inputValue(), '45');
  assert.match(await status(page), /Opened from a link: not saved yet/);
  await mine.type('Price', '46');
  await page.waitForTimeout(800);
  await manage(page);
  await page.getByRole('button', { name: 'Open My plan' }).click();
  await back(page);
  assert.equal(await mine.field('Price').inputValue(), '30', 'the saved plan was not overwritten');
  // A link's plan saved under a name: the next reload opens the saved plan, not the link.
  await page.goto(link);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('From the link');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await back(page);
  await mine.type('Price', '47');
  await waitStored(page, '47');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await mine.field('Price').inputValue(), '47', 'the saved edit, not the link again');
  assert.doesNotMatch(page.url(), /#s=/);
  await context.close();
});

test('export all plans, then import them into a fresh browser', async () => {
  const { page, context } = await openPage(app.browser, `${app.url}?page=pricing`);
  const p = new PricingPage(page);
  await p.type('Price', '33');
  await waitStored(page, '33');
  await manage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all plans' }).click()]);
  const file = `${process.env.TMPDIR ?? '/tmp'}/honest-income-export-${process.pid}.json`;
  await download.saveAs(file);
  await context.close();

  const fresh = await openPage(app.browser, `${app.url}?page=plans`);
  await manage(fresh.page);
  await fresh.page.locator('input[type=file]').setInputFiles(file);
  await fresh.page.getByText('Imported 1 plan.').waitFor();
  await fresh.page.getByRole('button', { name: 'Open My plan' }).click();
  await back(fresh.page);
  assert.equal(await new PricingPage(fresh.page).field('Price').inputValue(), '33');
  await fresh.context.close();
});

test('compare two saved plans side by side', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('At $27');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await page.getByLabel('Name', { exact: true }).fill('At $49');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await back(page);
  await pricing.type('Price', '49');
  await waitStored(page, '49');
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Compare' }).click();
  const table = page.getByTestId('compare-table');
  await table.waitFor();
  // The open plan is one column, never also a saved-plan column of its own.
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Plan', 'At $49 (open)', 'At $27']);
  const inputs = table.getByTestId('compare-inputs');
  const price = inputs.getByRole('row', { name: /Product 1: Price/ });
  assert.match(await price.innerText(), /Product 1: Price\s+\$49\s+\$27/);
  assert.equal(await price.locator('td.changed').count(), 1, 'the differing value is highlighted');
  assert.equal(await inputs.getByRole('row', { name: /Product 1: Name/ }).count(), 0, 'inputs that are the same are not listed');
  const netRow = await table.getByTestId('compare-results').getByRole('row', { name: /Net per sale after fees and refunds/ }).innerText();
  assert.match(netRow, /\$42\.13\s+\$22\.99/);
  await page.getByRole('checkbox', { name: 'At $27' }).uncheck();
  await page.getByTestId('compare-empty').waitFor();
  assert.equal(await table.count(), 0, 'one plan alone is not a comparison');

  // A copy holding the same numbers as the open plan is named once, not shown twice.
  await page.goto(`${app.url}?page=pricing`);
  await manage(page);
  await page.getByLabel('Name', { exact: true }).fill('Same as $49');
  await page.getByRole('button', { name: 'Save as new plan' }).click();
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Compare' }).click();
  await table.waitFor();
  // The copy is not ticked at the start (it holds the open plan's numbers); ticked, it is named.
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Plan', 'Same as $49 (open)', 'At $27']);
  assert.equal(await page.getByRole('checkbox', { name: 'At $49' }).isChecked(), false);
  await page.getByRole('checkbox', { name: 'At $27' }).uncheck();
  await page.getByRole('checkbox', { name: 'At $49' }).check();
  const said = page.getByRole('status').filter({ hasText: 'holds the same numbers as' });
  assert.equal((await said.innerText()).replace(/[\u2068\u2069]/g, ''), '\u201cAt $49\u201d holds the same numbers as \u201cSame as $49\u201d, so it is shown once.');
  await page.getByTestId('compare-empty').waitFor();
  await pricing.close();
});

test("an address naming a saved plan with another plan's numbers opens as a link, never over the saved plan", async () => {
  const { page, context } = await openPage(app.browser, `${app.url}?page=pricing`);
  const mine = new PricingPage(page);
  await mine.type('Price', '49');
  await waitStored(page, '49');
  const id = await page.evaluate(() => (localStorage.getItem('honest-income.v1.current') ?? '').replace(/"/g, ''));
  await mine.type('Price', '1');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const other = (await page.getByLabel(/Link to this plan/).inputValue()).split('#')[1];
  await mine.type('Price', '49');
  await waitStored(page, '49');
  // A new tab (its own session) opens the crafted address: the saved plan's id, another plan.
  const tab = await context.newPage();
  await tab.goto(`${app.url}?page=pricing#plan=${id}&${other}`);
  await tab.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await new PricingPage(tab).field('Price').inputValue(), '1');
  assert.match(await status(tab), /Opened from a link: not saved yet/);
  await tab.waitForTimeout(800);
  const record = await tab.evaluate((k) => localStorage.getItem(`honest-income.v1.scenario.${k}`), id);
  assert.match(record, /"price":"49"/, 'the saved plan is untouched');
  assert.doesNotMatch(record, /"price":"1"/);
  await context.close();
});
