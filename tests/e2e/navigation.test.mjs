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
