// Phone and desktop layouts, dark mode, and use with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startApp, openPage } from './browser.mjs';
import { PricingPage } from './pricing-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results';

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${name} ${colorScheme}: nothing overflows sideways and the theme follows the system`, async () => {
      const pricing = await PricingPage.open(app.browser, app.url, { viewport, colorScheme });
      const overflow = await pricing.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${name} screen`);
      const background = await pricing.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r] = background.match(/\d+/g).map(Number);
      assert.ok(colorScheme === 'dark' ? r < 60 : r > 200, `${colorScheme} background is ${background}`);
      fs.mkdirSync(SHOTS, { recursive: true });
      await pricing.page.screenshot({ path: `${SHOTS}/pricing-${name}-${colorScheme}.png`, fullPage: true });
      await pricing.close();
    });
  }
}

test('keyboard only: tab to the price, type, pick a platform with the arrow keys', async () => {
  const pricing = await PricingPage.open(app.browser, app.url);
  const page = pricing.page;
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  let focused = '';
  for (let i = 0; i < 20 && focused !== 'price'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, 'price');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('30');
  assert.equal(await pricing.stat('Net per sale'), '$26.50');
  for (let i = 0; i < 10 && focused !== 'platform'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, 'platform');
  const visibleFocus = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(visibleFocus, 'none', 'the focused control shows a focus ring');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('#platform').value === 'stripe');
  assert.equal(await pricing.stat('Net per sale'), '$28.83');
  await pricing.close();
});

test('on a phone the navigation is one row, every page in sight, on the landing page and a calculator', async () => {
  for (const path of ['', '?page=delayed-income']) {
    const { page, context } = await openPage(app.browser, app.url + path, { viewport: { width: 390, height: 844 } });
    try {
      if (path) await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
      const links = page.getByRole('navigation', { name: 'Calculators' }).getByRole('link');
      const boxes = await Promise.all((await links.all()).map((l) => l.boundingBox()));
      assert.equal(boxes.length, 5);
      assert.equal(new Set(boxes.map((b) => Math.round(b.y))).size, 1, `one row: ${boxes.map((b) => b.y)}`);
      for (const b of boxes) assert.ok(b.x >= 0 && b.x + b.width <= 390, `in sight: ${JSON.stringify(b)}`);
    } finally {
      await context.close();
    }
  }
});
