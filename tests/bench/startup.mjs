// Time to interactive of the built app from a cold cache: from navigation start to the first
// result a person can read and change (median of 10), at full speed and with 4x CPU throttling;
// the Pricing embed too (its own, smaller bundle).
import { startApp } from '../e2e/browser.mjs';

const RUNS = 10;
const app = await startApp();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${'time to interactive, cold cache'.padEnd(40)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)}`);
try {
  for (const throttle of [1, 4]) {
    for (const [name, path, ready] of [
      ['Pricing', '?page=pricing', '[data-testid=net-per-sale]'],
      ['Delayed income', '?page=delayed-income', '[data-testid=milestones]'],
      ['Embed (Pricing)', 'embed.html?embed=pricing', '[data-testid=net-per-sale]'],
    ]) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await app.browser.newContext();
        const page = await context.newPage();
        if (throttle > 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        }
        await page.goto(app.url + path, { waitUntil: 'commit' });
        await page.waitForSelector(ready);
        times.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      const label = `${name}${throttle > 1 ? `, ${throttle}x CPU throttling` : ''}`;
      console.log(`${label.padEnd(40)} ${median(times).toFixed(0).padStart(10)} ${Math.max(...times).toFixed(0).padStart(10)}`);
    }
  }
} finally {
  await app.close();
}
