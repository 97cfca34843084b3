// Each calculator has its own URL that survives a reload on a plain static server under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('the landing page links to the three calculators', async () => {
  const { page, context, errors } = await openPage(app.browser, app.url);
  await page.getByRole('heading', { level: 1, name: /Passive income is delayed income/ }).waitFor();
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Pricing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/tools/calc/');
  assert.equal(new URL(page.url()).search, '?page=pricing');
  assert.match(await page.title(), /Pricing calculator/);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();

  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Delayed income' }).click();
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  assert.match(await page.title(), /Delayed income calculator/);

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(
    await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Pricing' }).getAttribute('aria-current'),
    'page',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a calculator URL opens directly, and the files load from the sub-path only', async () => {
  const failed = [];
  const { page, context } = await openPage(app.browser, `${app.url}?page=break-even`);
  // A reload may abort a request still in flight (net::ERR_ABORTED): that is not a missing file.
  page.on('requestfailed', (r) => { if (!r.failure()?.errorText.includes('ERR_ABORTED')) failed.push(r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  await page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
  await page.waitForLoadState('load');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
  assert.deepEqual(failed, []);
  await context.close();
});

// Each page is its own bundle: moving between pages loads the next one, and the plan goes
// with it (by its id, its link, or in the address where storage cannot hold it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PricingPage } from './pricing-page.mjs';
import { serveStatic } from './server.mjs';

const nav = (page, name) => page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name });
const saved = (page) => page.waitForFunction(() => /Saved in this browser/.test(document.querySelector('[data-testid=save-status]')?.textContent ?? ''));

test('two tabs each keep their own plan while they move between pages', async () => {
  const context = await app.browser.newContext();
  try {
    const a = new PricingPage(await context.newPage());
    await a.page.goto(`${app.url}?page=pricing`);
    await a.type('Price', '40');
    await saved(a.page);
    // A second tab saves another plan: the browser's "last edited" plan is now that one.
    const b = new PricingPage(await context.newPage());
    await b.page.goto(`${app.url}?page=pricing`);
    await nav(b.page, 'Plans').click();
    await b.page.getByLabel('Name', { exact: true }).fill('Their plan');
    await b.page.getByRole('button', { name: 'Save as new plan' }).click();
    await nav(b.page, 'Pricing').click();
    await b.type('Price', '55');
    await saved(b.page);
    await a.page.bringToFront();
    await nav(a.page, 'Break-even').click();
    await a.page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
    assert.equal(new URL(a.page.url()).hash, '', 'the plan pointer is taken off the address');
    await nav(a.page, 'Pricing').click();
    await a.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await a.field('Price').inputValue(), '40');
    assert.equal(await a.page.getByTestId('plan-name').innerText(), 'My plan');
    // A reload and Back have no pointer in the address: the tab still remembers its plan.
    await a.page.reload();
    await a.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await a.field('Price').inputValue(), '40');
    await a.page.goBack();
    await a.page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
    await nav(a.page, 'Pricing').click();
    await a.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await a.field('Price').inputValue(), '40');
  } finally {
    await context.close();
  }
});

test('an edit made a moment before moving to another page is on that page', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  await pricing.type('Price', '61');
  // No wait for the autosave: the click saves what waits before the next page loads.
  await nav(pricing.page, 'Compare').click();
  await pricing.page.getByRole('heading', { level: 1, name: 'Compare plans' }).waitFor();
  await nav(pricing.page, 'Pricing').click();
  await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Price').inputValue(), '61');
  await pricing.page.goBack();
  await pricing.page.getByRole('heading', { level: 1, name: 'Compare plans' }).waitFor();
  await pricing.page.goBack();
  await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await pricing.field('Price').inputValue(), '61', 'back shows the plan as it is now');
  assert.deepEqual(pricing.errors, []);
  await pricing.close();
});

test('where storage is blocked, the plan travels in the address from page to page', async () => {
  const context = await app.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  try {
    const pricing = new PricingPage(await context.newPage());
    await pricing.page.goto(`${app.url}?page=pricing`);
    await pricing.type('Price', '44');
    assert.match(await nav(pricing.page, 'Break-even').getAttribute('href'), /^\.\/\?page=break-even#s=3\./);
    await nav(pricing.page, 'Delayed income').click();
    await pricing.page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
    await nav(pricing.page, 'Pricing').click();
    await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await pricing.field('Price').inputValue(), '44');
    // Back and a reload: each page's address holds its plan.
    await pricing.type('Price', '45');
    await nav(pricing.page, 'Break-even').click();
    await pricing.page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
    await pricing.page.goBack();
    await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await pricing.field('Price').inputValue(), '45');
    await pricing.page.reload();
    await pricing.page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await pricing.field('Price').inputValue(), '45');
  } finally {
    await context.close();
  }
});

test('a link that lands on the landing page: a damaged one is named there, a good one is carried', async () => {
  const { page, context, errors } = await openPage(app.browser, `${app.url}#s=1.AAAA`);
  await page.getByRole('alert').filter({ hasText: /link/i }).waitFor({ timeout: 5000 });
  const good = await (async () => {
    const pricing = await PricingPage.open(app.browser, app.url);
    await pricing.type('Price', '33');
    await pricing.page.getByRole('button', { name: 'Copy link' }).click();
    const url = await pricing.page.getByLabel(/Link to this plan/).inputValue();
    await pricing.close();
    return new URL(url).hash;
  })();
  await page.goto(`${app.url}${good}`);
  await page.getByRole('heading', { level: 1, name: /Passive income is delayed income/ }).waitFor();
  const card = page.getByRole('main').getByRole('link', { name: 'Pricing' });
  await page.waitForFunction(() => document.querySelector('main a[href^="./?page=pricing"]')?.getAttribute('href').includes('#s='));
  assert.equal(await page.getByRole('alert').filter({ hasText: /\S/ }).count(), 0, 'a good link raises nothing');
  await card.click();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  assert.equal(await new PricingPage(page).field('Price').inputValue(), '33');
  assert.deepEqual(errors.filter((e) => !/link/i.test(e)), []);
  await context.close();
});

test("a page whose bundle did not arrive says so instead of loading forever", async () => {
  const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-partial-'));
  fs.cpSync('dist', partial, { recursive: true });
  for (const f of fs.readdirSync(partial)) if (/^page-break-even-.*_bg\.wasm$/.test(f)) fs.rmSync(path.join(partial, f));
  const server = await serveStatic({ root: partial });
  const context = await app.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?page=break-even`);
    await page.getByRole('alert').filter({ hasText: "This page's files did not arrive" }).waitFor({ timeout: 5000 });
    assert.equal(await page.getByText('Still loading').count(), 0);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(partial, { recursive: true, force: true });
  }
});

/** The bundle files (page-*) in this origin's caches. */
const cachedBundles = (page) => page.evaluate(async () => {
  const names = [];
  for (const key of await caches.keys()) {
    for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname.split('/').pop());
  }
  return names.filter((n) => n.startsWith('page-')).map((n) => n.replace(/-[0-9a-f]{16}(_bg)?\.(js|wasm)$/, '.$2')).sort();
});

test('once the first page is interactive, the other pages are fetched for the cache; not when saving data', async () => {
  const every = ['page-break-even', 'page-compare', 'page-delayed-income', 'page-plans', 'page-pricing'].flatMap((p) => [`${p}.js`, `${p}.wasm`]).sort();
  for (const saveData of [false, true]) {
    const context = await app.browser.newContext();
    if (saveData) {
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });
      });
    }
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}?page=pricing`);
      await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const want = saveData ? ['page-pricing.js', 'page-pricing.wasm'] : every;
      await page.waitForFunction(async (n) => {
        let count = 0;
        for (const key of await caches.keys()) count += (await (await caches.open(key)).keys()).filter((r) => r.url.includes('/page-')).length;
        return count >= n;
      }, want.length);
      await page.waitForTimeout(300);
      assert.deepEqual(await cachedBundles(page), want, `saveData ${saveData}`);
      if (!saveData) {
        // The second page opens from the cache, offline too.
        await context.setOffline(true);
        await nav(page, 'Delayed income').click();
        await page.getByTestId('milestones').waitFor();
      }
    } finally {
      await context.close();
    }
  }
});

test('a host that answers a missing bundle with its index page (200 OK) never gets that page into the offline cache', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-spa-host-'));
  fs.cpSync('dist', root, { recursive: true });
  const compare = fs.readdirSync(root).find((f) => /^page-compare-.*_bg\.wasm$/.test(f));
  fs.copyFileSync(path.join(root, 'index.html'), path.join(root, compare));
  const server = await serveStatic({ root });
  const context = await app.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await page.waitForTimeout(2500);
    const cached = await page.evaluate(async (name) => {
      const found = [];
      for (const key of await caches.keys()) {
        const hit = await (await caches.open(key)).match(`./${name}`);
        if (hit) found.push(new Uint8Array(await hit.arrayBuffer()).slice(0, 4).join(','));
      }
      return found;
    }, compare);
    assert.deepEqual(cached, [], 'the wrong answer is not cached');
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
