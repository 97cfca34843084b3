// Time to interactive of the built app from a cold cache: from navigation start to the first
// thing a person can read and use (median of 10), at full speed and with 4x CPU throttling, for
// every page and the Pricing embed; then the time to open a second calculator once the first
// page's service worker has fetched the other pages' bundles (a warm cache).
import { startApp } from '../e2e/browser.mjs';

const RUNS = 10;
const app = await startApp();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (label, times) => console.log(`${label.padEnd(48)} ${median(times).toFixed(0).padStart(10)} ${Math.max(...times).toFixed(0).padStart(10)}`);
const PAGES = [
  ['Home (no wasm)', '', 'h1'],
  ['Pricing', '?page=pricing', '[data-testid=net-per-sale]'],
  ['Break-even', '?page=break-even', '[data-testid=verdict]'],
  ['Delayed income', '?page=delayed-income', '[data-testid=milestones]'],
  ['Compare', '?page=compare', '[data-testid=plan-name]'],
  ['Your plans', '?page=plans', '[data-testid=plan-name]'],
  ['Embed (Pricing)', 'embed.html?embed=pricing', '[data-testid=net-per-sale]'],
];

async function throttled(context, page, rate) {
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
}

console.log(`${'time to interactive, cold cache'.padEnd(48)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)}`);
try {
  for (const rate of [1, 4]) {
    for (const [name, path, ready] of PAGES) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await app.browser.newContext();
        const page = await context.newPage();
        await throttled(context, page, rate);
        await page.goto(app.url + path, { waitUntil: 'commit' });
        await page.waitForSelector(ready);
        times.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      row(`${name}${rate > 1 ? `, ${rate}x CPU throttling` : ''}`, times);
    }
  }
  console.log(`\n${'second calculator, warm cache (Pricing, then'.padEnd(48)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)}`);
  for (const rate of [1, 4]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}?page=pricing`);
      await page.waitForSelector('[data-testid=net-per-sale]');
      // Until the worker has every page's bundle (8 files) in its cache.
      await page.waitForFunction(async () => {
        let n = 0;
        for (const key of await caches.keys()) n += (await (await caches.open(key)).keys()).filter((r) => r.url.includes('/page-')).length;
        return n >= 8;
      });
      await throttled(context, page, rate);
      await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Delayed income' }).click();
      await page.waitForSelector('[data-testid=milestones]');
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    row(`  Delayed income${rate > 1 ? `, ${rate}x CPU throttling` : ''}`, times);
  }
} finally {
  await app.close();
}
