// Before the wasm arrives (seconds on a slow phone) the page says it is loading, and the app
// replaces that message without moving anything a reader already sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';

/** Holds every wasm download of `page` until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  return release;
}

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

for (const path of ['?page=pricing', 'embed.html?embed=break-even']) {
  test(`a slow download shows a loading message, then the calculator: ${path}`, async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const release = await holdWasm(page);
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(app.url + path, { waitUntil: 'commit' });
      const status = page.getByRole('status').filter({ hasText: 'Loading the calculator…' });
      await status.waitFor();
      assert.ok(await status.isVisible(), 'the loading message is on screen');
      // Unstyled, the hint shows at once on purpose (a blocked stylesheet); judge the styled page.
      await page.waitForFunction(() => [...document.styleSheets].some((s) => /main-[0-9a-f]+\.css/.test(s.href ?? '')));
      assert.equal(await page.getByText('Still loading').isVisible(), false, 'the slow hint waits');
      release();
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.equal(await page.locator('#boot-shell').count(), 0, 'the message is gone');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift');
    } finally {
      await context.close();
    }
  });
}

test('while a page loads, its title and intro show, word for word as the page then shows them', async () => {
  for (const [slug, title] of [['pricing', 'Pricing'], ['break-even', 'Break-even'], ['delayed-income', 'Delayed income'], ['compare', 'Compare plans'], ['plans', 'Your plans']]) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const context = await app.browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const release = await holdWasm(page);
        await page.goto(`${app.url}?page=${slug}`, { waitUntil: 'commit' });
        await page.getByText('Loading the calculator…').waitFor();
        const shown = page.locator('.boot-intro').filter({ visible: true });
        assert.equal(await shown.count(), 1, `${slug}: one intro, its own`);
        const loading = (await shown.locator('p').allInnerTexts()).map((t) => t.trim());
        assert.equal(loading[0], title);
        // The same lines at the same size (a reader sees no reflow, and the browser's Largest
        // Contentful Paint stays the first screen's): the intro and the footer.
        const size = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; });
        const bootLede = await size(shown.locator('p').nth(1));
        const bootFooter = await size(page.locator('#static-footer p'));
        release();
        const heading = page.getByRole('heading', { level: 1, name: title });
        await heading.waitFor();
        const lede = (await page.locator('.calculator-intro p').first().innerText()).trim();
        assert.deepEqual(loading, [title, lede], `${slug}: the loading intro is the page's`);
        assert.deepEqual(await size(page.locator('.calculator-intro p').first()), bootLede, `${slug} ${viewport.width}: the intro keeps its size`);
        const footer = page.locator('footer.site-footer p');
        await footer.waitFor();
        assert.equal(await page.locator('#static-footer').count(), 0, 'one footer');
        assert.deepEqual(await size(footer), bootFooter, `${slug} ${viewport.width}: the footer keeps its size`);
      } finally {
        await context.close();
      }
    }
  }
});

test('a calculator page fetches its bundle only after its first screen is painted', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__painted = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__painted = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    await page.goto(`${app.url}?page=delayed-income`);
    await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
    const [painted, fetched] = await page.evaluate(() => [
      window.__painted,
      performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'))?.startTime,
    ]);
    assert.ok(painted !== null && fetched !== undefined, `painted ${painted}, fetched ${fetched}`);
    assert.ok(fetched >= painted, `the wasm was requested at ${fetched} ms, before the first paint at ${painted} ms`);
  } finally {
    await context.close();
  }
});
