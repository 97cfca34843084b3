// Delayed income: streams come and go, the chart and milestones move, uncertainty, CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startApp, openPage } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

async function open(options) {
  const { page, context, errors } = await openPage(app.browser, `${app.url}?page=delayed-income`, options);
  await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
  return { page, context, errors };
}

const milestones = (page) => page.getByTestId('milestones').innerText();
const draws = (page) => page.locator('canvas').evaluate((c) => Number(c.dataset.draws));

async function retype(page, label, text) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
}

test('the blogger preset reads as the essay does, and a change moves chart and milestones', async () => {
  const { page, context, errors } = await open();
  assert.match(await milestones(page), /First income: month 4/);
  assert.match(await milestones(page), /Net beats your \$500\.00 target: month 9/);
  const table = page.getByRole('table', { name: /month by month/i });
  assert.equal(await table.locator('tbody tr').count(), 24);
  await page.waitForFunction(() => Number(document.querySelector('canvas').dataset.draws) > 0);
  const before = await draws(page);
  await retype(page, 'Launch month', '2');
  await page.waitForFunction((n) => Number(document.querySelector('canvas').dataset.draws) > n, before);
  assert.match(await milestones(page), /First income: month 2/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('streams are added, renamed, switched off, duplicated and removed', async () => {
  const { page, context } = await open();
  await page.getByRole('button', { name: '+ Subscription or membership' }).click();
  const names = () => page.locator('fieldset.stream legend').allInnerTexts();
  assert.equal((await names()).length, 3);
  await page.getByLabel('Stream name').last().fill('Members club');
  assert.ok(await page.getByRole('checkbox', { name: 'Include Members club in the plan' }).isChecked());
  let headers = await page.getByRole('table', { name: /month by month/i }).locator('thead th').allInnerTexts();
  assert.ok(headers.includes('Members club'));

  await page.getByRole('checkbox', { name: 'Include Members club in the plan' }).uncheck();
  headers = await page.getByRole('table', { name: /month by month/i }).locator('thead th').allInnerTexts();
  assert.ok(!headers.includes('Members club'), 'a switched-off stream leaves the plan');

  await page.getByRole('button', { name: 'Duplicate Blog' }).click();
  assert.ok((await names()).some((n) => n.startsWith('Blog (copy)')));
  await page.getByRole('button', { name: 'Remove Blog (copy)' }).click();
  await page.getByRole('button', { name: 'Remove Members club' }).click();
  assert.equal((await names()).length, 2);

  await page.getByRole('button', { name: '+ Blog (affiliate and ads)' }).click();
  await page.getByRole('button', { name: '+ Digital product' }).click();
  assert.equal((await names()).length, 4);
  await context.close();
});

test('uncertainty adds a band, a probability and break-even quantiles, reproducibly', async () => {
  const { page, context } = await open();
  await page.getByLabel('Show the uncertainty').check();
  const summary = page.getByTestId('uncertainty');
  await summary.waitFor();
  const first = await summary.innerText();
  assert.match(first, /Chance that net reaches \$500\.00 a month by month 12: \d+ %/);
  assert.match(first, /P10 month \d+, median month \d+, P90 (month \d+|not within 24 months)/);
  assert.match(first, /From 1000 simulated futures, seed 2026\./);
  assert.match(await page.locator('.legend').innerText(), /P10-P90 band and median/);
  // Same seed, same answer.
  await page.getByLabel('Show the uncertainty').uncheck();
  await page.getByLabel('Show the uncertainty').check();
  assert.equal(await summary.innerText(), first);
  // A new seed: another sample of the same shape, kept with the plan across a reload.
  await page.getByRole('button', { name: 'New seed' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=uncertainty]').innerText.includes('seed 2026.'));
  const reseeded = await summary.innerText();
  const seed = reseeded.match(/From 1000 simulated futures, seed (\d+)\./)?.[1];
  assert.ok(seed && seed !== '2026', reseeded);
  assert.match(reseeded, /Chance that net reaches \$500\.00 a month by month 12: \d+ %/);
  assert.match(reseeded, /P10 month \d+, median month \d+, P90 (month \d+|not within 24 months)/);
  await page.waitForFunction(
    (n) => Object.entries(localStorage).some(([k, v]) => k.includes('.scenario.') && v.includes(`"seed":${n}`)),
    seed,
  );
  await page.reload();
  await summary.waitFor();
  assert.equal(await summary.innerText(), reseeded, 'the same seed gives the same band after a reload');
  await retype(page, 'Low (Visitors per post per month at plateau)', '700');
  assert.equal(
    (await page.locator('[id$="-plateau-low-error"]').innerText()).trim(),
    "The low value can't be above the plan's value.",
  );
  await context.close();
});

test('the CSV export holds the assumptions and every month', async () => {
  const { page, context } = await open();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'delayed-income.csv');
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split('\n');
  assert.match(lines[0], /^# Honest Income: delayed income/);
  assert.ok(lines.some((l) => l.startsWith('# Stream Blog (Blog (affiliate and ads)): posts=8;')));
  const header = lines.findIndex((l) => l.startsWith('month,'));
  assert.equal(header >= 0 && lines[header], 'month,income: Blog,income: $27 workshop,total income,costs,net,hours,net per hour,cumulative net');
  assert.equal(lines.length - header - 1, 24);
  assert.match(lines[header + 4], /^4,8\.35,190\.40,198\.75,35\.00,163\.75,42\.0,3\.90,58\.75$/);
  await context.close();
});

test('bad values get sentences; presets load; the phone layout fits', async () => {
  const { page, context, errors } = await open({ viewport: { width: 390, height: 844 } });
  await retype(page, 'Horizon in months', '0');
  assert.match(await page.getByRole('region', { name: 'Results' }).innerText(), /Results will show once these fields hold valid numbers: Horizon in months\./);
  await retype(page, 'Horizon in months', '120');
  await page.getByLabel('Preset plan').selectOption({ label: 'A small SaaS' });
  await page.getByRole('button', { name: 'Load' }).click();
  assert.match(await milestones(page), /First income: month 4/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results'}/delayed-phone.png`, fullPage: true });
  const body = await page.locator('body').textContent();
  assert.doesNotMatch(body, /NaN|Infinity|undefined/);
  assert.deepEqual(errors, []);
  await context.close();
});
