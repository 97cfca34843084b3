// After the first visit the app keeps working offline (service worker), on every calculator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from './server.mjs';

/** Serves a copy of dist/ (which a test may change, as an upload would) to `fn(server, root)`,
 * then removes it. */
async function withCopyOfDist(prefix, options, fn) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync('dist', root, { recursive: true });
  const server = await serveStatic({ root, ...options });
  try {
    await fn(server, root);
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

test('a second visit without a network still calculates', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await pricing.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  await pricing.type('Price', '40');
  assert.equal(await pricing.stat('Net per sale'), '$35.50');
  await page.goto(`${app.url}?page=delayed-income`);
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  assert.match(await page.getByTestId('milestones').innerText(), /First income: month 4/);
  await pricing.context.setOffline(false);
  await pricing.close();
});

test('a half-finished upload (new sw.js, old index) never replaces the working offline build', async () => {
  await withCopyOfDist('half-upload-', {}, async (server, root) => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const before = await page.evaluate(() => caches.keys());
    // The next build's worker arrives first: it names files the index on the server does not.
    const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8')
      .replace(/honest-income-[0-9a-f]{16}/, 'honest-income-ffffffffffffffff')
      .replace(/const INDEX_NAMES = \[/, 'const INDEX_NAMES = ["honest-income-next-build.js",');
    fs.writeFileSync(path.join(root, 'sw.js'), sw);
    const installed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update().catch(() => {});
      await new Promise((r) => setTimeout(r, 1500));
      return { waiting: !!registration.waiting, installing: !!registration.installing };
    });
    assert.deepEqual(installed, { waiting: false, installing: false }, 'the new worker did not install');
    assert.deepEqual(await page.evaluate(() => caches.keys()), before, 'the working cache is kept, nothing half-made');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await new PricingPage(page).stat('Net per sale'), '$23.80', 'offline still works');
    await context.close();
  });
});

test('a stalled network or a missing index opens the cached page instead of waiting or failing', async () => {
  let stall = false;
  const never = new Promise(() => {});
  const hold = (url) => (stall && url.pathname.endsWith('/') ? never : null);
  await withCopyOfDist('stalled-', { hold }, async (server, root) => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // "Online" but the page never arrives: the cached copy opens after the worker's wait.
    stall = true;
    const started = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor({ timeout: 10_000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 2500 && waited < 8000, `opened from the cache after ${waited} ms`);
    assert.equal(await new PricingPage(page).stat('Net per sale'), '$23.80');
    // A half-uploaded site whose index is missing (404) still opens the cached page.
    stall = false;
    fs.rmSync(path.join(root, 'index.html'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await new PricingPage(page).stat('Net per sale'), '$23.80');
    await context.close();
  });
});
