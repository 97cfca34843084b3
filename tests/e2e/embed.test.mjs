// Embed in a blog post: a host page on one port embeds the app served from another port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './server.mjs';
import { CHROMIUM, LAUNCH_ARGS } from './browser.mjs';

let appServer;
let browser;
before(async () => {
  // Served with dist/_headers: CORS for sandboxed frames, frame-ancestors open for embed.html only.
  appServer = await serveStatic({ root: 'dist' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});
after(async () => {
  await browser.close();
  await appServer.close();
});

/** Serves one HTML page (a blog post) on another port. */
function hostPage(html) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/post.html`,
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  })));
}

/** Runs `use(page)` in a fresh browser context (no shared storage), closed afterwards. */
async function inNewPage(use, options = {}) {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** The Embed builder is on Your plans (its own page): opened through the navigation, which
 * carries the plan and the calculator it came from. */
async function openEmbedBuilder(page) {
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
  await page.getByText('Embed in a blog post').click();
}

const FRAMES = { contained: 'Sandboxed (recommended)', strict: 'Strictest sandbox', plain: 'No sandbox' };

async function snippetFromTheApp({ frame = 'contained', lock = [], server = appServer, page: slug = 'pricing', heading = 'Pricing' }) {
  return inNewPage(async (page) => {
    await page.goto(`${server.url}?page=${slug}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    if (slug === 'pricing') await page.getByLabel('Price', { exact: true }).fill('35');
    await openEmbedBuilder(page);
    assert.ok(await page.getByLabel(FRAMES.contained).isChecked(), 'the sandbox that works anywhere is the default');
    await page.getByLabel(FRAMES[frame]).check();
    for (const label of lock) {
      await page.getByRole('group', { name: 'Locked inputs' }).getByLabel(label, { exact: true }).check();
    }
    return page.getByLabel('Snippet').inputValue();
  });
}

for (const frame of ['contained', 'strict', 'plain']) {
  test(`embedded (${FRAMES[frame]}): renders, responds, resizes, no layout shift`, async () => {
    const snippet = await snippetFromTheApp({ frame, lock: ['Currency', 'Refund rate'] });
    assert.match(snippet, frame === 'strict' ? /e\.origin!=="null"/ : /e\.origin!=="http:\/\/127\.0\.0\.1:\d+"/);
    const host = await hostPage(`<!doctype html><html><head><title>My first year</title></head><body>
      <h1>What my workshop really earned</h1>
      <script>window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });</script>
      ${snippet}
      <p id="after">The rest of the post.</p></body></html>`);
    try {
      await inNewPage(async (page) => {
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(host.url);
        const frame = page.frameLocator('iframe');
        await frame.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
        assert.equal(await frame.getByLabel('Price', { exact: true }).inputValue(), '35', "the author's numbers");
        assert.equal(await frame.getByRole('navigation').count(), 0, 'compact chrome: no navigation');
        const styled = await frame.locator('.results').evaluate((e) => getComputedStyle(e).borderTopLeftRadius);
        assert.equal(styled, '10px', 'the stylesheet loaded inside the frame');
        assert.equal(await frame.getByText('Your plans').count(), 0, 'no scenario management');
        assert.ok(await frame.getByLabel('Currency').isDisabled(), 'a locked select');
        assert.equal(await frame.getByRole('button', { name: 'Add a subscription' }).count(), 0, 'no way round the locks by adding a product');
        assert.equal(await frame.getByLabel('Refund rate').isEditable(), false, 'a locked text input');
        await frame.getByLabel('Price', { exact: true }).fill('50');
        await frame.getByRole('region', { name: 'Results' }).getByText('$44.50', { exact: true }).first().waitFor();
        // The frame takes the calculator's own height from its messages.
        await page.waitForFunction(() => document.querySelector('iframe').style.height !== '2600px');
        const inner = await frame.locator('html').evaluate((h) => h.scrollHeight);
        const outer = await page.locator('iframe').evaluate((f) => parseInt(f.style.height, 10));
        assert.ok(Math.abs(inner - outer) <= 2, `frame ${outer}px for content ${inner}px`);
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => window.__cls), 0, 'no layout shift after load');
        const open = frame.getByRole('link', { name: 'Open in full calculator' });
        assert.match(await open.getAttribute('href'), /^\.\/\?page=pricing#s=3\./);
        assert.deepEqual(errors, []);
      }, { viewport: { width: 1000, height: 800 } });
    } finally {
      await host.close();
    }
  });
}

test('from a host that sends no CORS headers: the default snippet works, the strictest one says why it cannot', async () => {
  const plain = await serveStatic({ root: 'dist', headersFile: false });
  try {
    for (const frame of ['contained', 'strict']) {
      const snippet = await snippetFromTheApp({ frame, server: plain });
      const host = await hostPage(`<!doctype html><body><h1>Post</h1>${snippet}</body>`);
      try {
        await inNewPage(async (page) => {
          await page.goto(host.url);
          const inside = page.frameLocator('iframe');
          if (frame === 'contained') {
            await inside.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
            assert.equal(await inside.getByLabel('Price', { exact: true }).inputValue(), '35');
            await inside.getByLabel('Price', { exact: true }).fill('50');
            await inside.getByTestId('net-per-sale').filter({ hasText: '$44.50' }).waitFor();
          } else {
            const started = Date.now();
            const said = inside.getByText(/the calculator's files are blocked in this frame: a frame sandboxed without allow-same-origin needs the calculator's site to send Access-Control-Allow-Origin/);
            await said.waitFor({ state: 'visible', timeout: 5000 });
            assert.ok(Date.now() - started < 5000);
            assert.equal(await inside.getByRole('link', { name: 'Open the calculator on its own page' }).getAttribute('target'), '_blank');
          }
        });
      } finally {
        await host.close();
      }
    }
  } finally {
    await plain.close();
  }
});

test('embed.html that names no calculator says so, starts nothing, and a framing page cannot reach saved plans', async () => {
  // The visitor has a saved plan on the calculator's site.
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await page.getByLabel('Price', { exact: true }).fill('44');
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('honest-income.v1.scenario.')));
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    // Names an object inherits (?embed=constructor) are no bundle either.
    for (const query of ['?embed=nonsense', '?page=pricing', '', '?embed=constructor', '?embed=__proto__', '?embed=toString']) {
      await page.goto(`${appServer.url}embed.html${query}`);
      await page.getByText('This address names no Honest Income calculator to embed.').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Open Honest Income' }).getAttribute('href'), './');
    }
    assert.deepEqual(wasm, [], 'no app started');
    // Framed by another port of the same host (same site): still nothing to click.
    const host = await hostPage(`<!doctype html><body><iframe src="${appServer.url}embed.html?embed=constructor" width="800" height="600"></iframe></body>`);
    try {
      await page.goto(host.url);
      const inside = page.frameLocator('iframe');
      await inside.getByText('This address names no Honest Income calculator to embed.').waitFor();
      assert.equal(await inside.getByRole('button').count(), 0, 'no buttons, so no delete');
    } finally {
      await host.close();
    }
    await page.goto(`${appServer.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await page.getByLabel('Price', { exact: true }).inputValue(), '44', 'the saved plan is untouched');
  });
});

test('Export inside a frame that may not download says so and offers the full calculator with the plan', async () => {
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}embed.html?embed=delayed-income&downloads=off`);
    await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText("This page's frame does not allow downloads, so the CSV cannot be saved here.").waitFor();
    const link = page.getByRole('link', { name: 'Open the full calculator with this plan' });
    assert.match(await link.getAttribute('href'), /^\.\/\?page=delayed-income#s=3\./);
    assert.equal(await link.getAttribute('target'), '_blank');
  });
});

test('the Embed panel previews the calculator as readers will see it', async () => {
  await inNewPage(async (page) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${appServer.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await page.getByLabel('Price', { exact: true }).fill('41');
    await openEmbedBuilder(page);
    await page.getByLabel('Colours').selectOption('dark');
    await page.getByRole('checkbox', { name: 'Currency' }).check();
    assert.equal(await page.getByRole('group', { name: 'Locked inputs' }).getByLabel('Product type').count(), 1, 'radio groups are offered');
    await page.getByRole('button', { name: 'Preview as readers see it' }).click();
    const frame = page.frameLocator('iframe[title="Preview of the embedded calculator"]');
    await frame.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await frame.getByLabel('Price', { exact: true }).inputValue(), '41', "the plan's numbers");
    assert.equal(await frame.locator('html').getAttribute('data-theme'), 'dark');
    assert.ok(await frame.getByLabel('Currency').isDisabled(), 'the locked input');
    assert.equal(await page.locator('iframe.embed-preview').getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads', 'the snippet\'s own sandbox');
    await page.getByRole('button', { name: 'Hide the preview' }).click();
    assert.equal(await page.locator('iframe.embed-preview').count(), 0);
    assert.deepEqual(errors, []);
  });
});

test("the Embed builder lists the calculator's own inputs to lock, this plan's streams included", async () => {
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}?page=delayed-income`);
    await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
    const fieldsOnPage = await page.locator('main [data-lockable]').count();
    await page.getByRole('button', { name: '+ Subscription or membership' }).click();
    const added = await page.locator('main [data-lockable]').count() - fieldsOnPage;
    assert.ok(added > 0);
    await openEmbedBuilder(page);
    assert.equal(await page.getByLabel('Calculator', { exact: true }).inputValue(), 'delayed-income', 'the calculator it came from');
    const locks = page.getByRole('group', { name: 'Locked inputs' });
    const boxes = locks.getByRole('checkbox');
    await boxes.first().waitFor(); // read from the calculator running with this plan
    assert.equal(await boxes.count(), fieldsOnPage + added, 'every input of the calculator, the added stream\'s too');
    assert.ok(await locks.getByLabel('Show the uncertainty').count(), 'checkboxes are offered');
    assert.equal(await locks.getByRole('checkbox', { name: /: New members come$/ }).count(), 1, "the plan's own stream, named");
    const first = boxes.first();
    const id = (await first.getAttribute('id')).replace(/^lock-/, '');
    await first.check();
    assert.match(await page.getByLabel('Snippet').inputValue(), new RegExp(`lock=${id}\\b`));
    await page.getByLabel('Calculator', { exact: true }).selectOption('pricing');
    await locks.getByRole('checkbox', { name: 'Currency' }).waitFor();
    assert.equal(await locks.getByLabel('Show the uncertainty').count(), 0, 'ids of another calculator are not offered');
    assert.doesNotMatch(await page.getByLabel('Snippet').inputValue(), /lock=/, 'locks of the other calculator are dropped');
  });
});

test('locked checkboxes and text inputs cannot be changed in the embed; the rest can', async () => {
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}embed.html?embed=delayed-income&lock=uncertainty,delayed-horizon`);
    await page.getByRole('heading', { level: 1, name: 'Delayed income' }).waitFor();
    assert.ok(await page.getByText('The author of this page fixed some inputs').isVisible(), 'readers are told why');
    assert.ok(await page.getByLabel('Show the uncertainty').isDisabled(), 'a locked checkbox');
    assert.equal(await page.getByLabel('Horizon in months').isEditable(), false, 'a locked text input');
    assert.ok(await page.getByLabel('Target net per month').isEditable(), 'an unlocked input');
    assert.ok(await page.getByLabel('Include Blog in the plan').isEnabled(), 'an unlocked checkbox');
    await page.goto(`${appServer.url}embed.html?embed=pricing&lock=kind`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Subscription' }).isDisabled(), 'a locked radio group');
    await page.goto(`${appServer.url}embed.html?embed=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await page.getByText('The author of this page fixed some inputs').count(), 0, 'no locks, no note');
  });
});

/** Records each wasm `page` downloads as [file name, bytes]; the bytes arrive with `bodies`. */
function recordWasm(page) {
  const wasm = [];
  const bodies = [];
  page.on('response', (r) => {
    if (!r.url().endsWith('.wasm')) return;
    const row = [r.url().split('/').pop(), 0];
    wasm.push(row);
    // Not awaited here: a handler that waits holds up the page's other responses.
    bodies.push(r.body().then((b) => { row[1] = b.length; }).catch(() => {}));
  });
  return { wasm, bodies };
}

test('each page and each embed downloads only its own bundle; the landing page none', async () => {
  await inNewPage(async (page) => {
    const { wasm, bodies } = recordWasm(page);
    await page.goto(appServer.url);
    await page.getByRole('heading', { level: 1, name: /Passive income is delayed income/ }).waitFor();
    await page.waitForLoadState('load');
    assert.deepEqual(wasm.filter(([name]) => !name.startsWith('page-')), [], 'the landing page starts no wasm');
    const pageBytes = {};
    for (const [slug, heading] of [['pricing', 'Pricing'], ['break-even', 'Break-even'], ['delayed-income', 'Delayed income'], ['compare', 'Compare plans']]) {
      // A fresh context each time: the service worker of the first visit fetches every page's
      // bundle in the background, which is not what a first load downloads.
      await inNewPage(async (fresh) => {
        const { wasm: got, bodies } = recordWasm(fresh);
        await fresh.goto(`${appServer.url}?page=${slug}`);
        await fresh.getByRole('heading', { level: 1, name: heading }).waitFor();
        await Promise.all(bodies);
        const first = got.filter(([name]) => !name.startsWith('page-') || name.startsWith(`page-${slug}-`));
        assert.equal(first.length, 1, `one wasm download for ${slug}: ${got.map((w) => w[0])}`);
        assert.match(first[0][0], new RegExp(`^page-${slug}-`));
        pageBytes[slug] = first[0][1];
      });
    }
    for (const [slug, heading] of [['pricing', 'Pricing'], ['break-even', 'Break-even'], ['delayed-income', 'Delayed income']]) {
      wasm.length = 0;
      await page.goto(`${appServer.url}embed.html?embed=${slug}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('link', { name: 'Open in full calculator' }).waitFor();
      await Promise.all(bodies);
      const embedWasm = wasm.filter(([name]) => name.startsWith('embed-'));
      assert.equal(embedWasm.length, 1, `one wasm download for ${slug}: ${wasm.map((w) => w[0])}`);
      assert.match(embedWasm[0][0], new RegExp(`^embed-${slug}-`));
      // An embed has no saved plans, navigation or Embed builder: less than its page.
      assert.ok(embedWasm[0][1] < pageBytes[slug], `${slug}: ${embedWasm[0][1]} bytes against its page's ${pageBytes[slug]}`);
    }
  });
});

test('an embed whose bundle did not arrive (a half-uploaded site) says so inside the frame', async () => {
  const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-partial-'));
  fs.cpSync('dist', partial, { recursive: true });
  for (const f of fs.readdirSync(partial)) if (/^embed-pricing-.*_bg\.wasm$/.test(f)) fs.rmSync(path.join(partial, f));
  const server = await serveStatic({ root: partial });
  try {
    await inNewPage(async (page) => {
      await page.goto(`${server.url}embed.html?embed=pricing`);
      const said = page.getByRole('alert').filter({ hasText: "This calculator's files did not arrive" });
      await said.waitFor({ timeout: 5000 });
      assert.equal(await said.getByRole('link', { name: 'Open Honest Income on its own page' }).getAttribute('href'), './');
      assert.equal(await page.getByText('Still loading').count(), 0);
    });
  } finally {
    await server.close();
    fs.rmSync(partial, { recursive: true, force: true });
  }
});

test('the full app refuses to be framed; embed.html may be framed by any site', async () => {
  const index = await fetch(`${appServer.url}?page=pricing`);
  assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  const embed = await fetch(`${appServer.url}embed.html?embed=pricing`);
  assert.match(embed.headers.get('content-security-policy'), /frame-ancestors \*/);
  assert.doesNotMatch(embed.headers.get('content-security-policy'), /script-src[^;]*'(unsafe-eval|unsafe-inline)'/);
});

test('messages from other frames or with other data do not resize the frame', async () => {
  const snippet = await snippetFromTheApp({ frame: 'strict' });
  const host = await hostPage(`<!doctype html><body>${snippet}</body>`);
  try {
    await inNewPage(async (page) => {
      await page.goto(host.url);
      await page.frameLocator('iframe').getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
      await page.waitForFunction(() => document.querySelector('iframe').style.height !== '2600px');
      // The calculator is built in steps, each of which may report a new height: the height
      // has settled once it holds for half a second.
      const heightOf = () => page.locator('iframe').evaluate((f) => f.style.height);
      let settled = await heightOf();
      for (let tries = 0; tries < 20; tries += 1) {
        await page.waitForTimeout(500);
        const now = await heightOf();
        if (now === settled) break;
        settled = now;
      }
      await page.evaluate(() => window.postMessage({ type: 'honest-income:height', height: 10 }, '*'));
      await page.waitForTimeout(200);
      assert.equal(await page.locator('iframe').evaluate((f) => f.style.height), settled);
    });
  } finally {
    await host.close();
  }
});

test('a compact embed: on a phone the first result is on the first screen, the other inputs fold', async () => {
  await inNewPage(async (page) => {
    for (const [slug, heading, first] of [
      ['pricing', 'Pricing', 'net-per-sale'],
      ['break-even', 'Break-even', 'verdict'],
      ['delayed-income', 'Delayed income', 'milestones'],
    ]) {
      await page.goto(`${appServer.url}embed.html?embed=${slug}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const box = await page.getByTestId(first).first().boundingBox();
      assert.ok(box && box.y + Math.min(box.height, 60) <= 900, `${slug}: the first result starts at ${box?.y}px`);
      assert.ok(await page.locator('details.group-fold').count() >= 2, `${slug}: inputs fold`);
    }
    // A folded group opens with a tap, and its inputs work.
    await page.goto(`${appServer.url}embed.html?embed=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.equal(await page.getByLabel('Discount').isVisible(), false);
    await page.locator('summary', { hasText: 'Adjustments' }).click();
    const before = await page.getByTestId('net-per-sale').innerText();
    await page.getByLabel('Discount').fill('30');
    await page.waitForFunction((was) => document.querySelector('[data-testid=net-per-sale]').textContent !== was, before);
    // The author's choice of open groups travels in the address.
    await page.goto(`${appServer.url}embed.html?embed=pricing&open=adjustments`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    assert.ok(await page.getByLabel('Refund rate').isVisible());
    assert.equal(await page.getByLabel('Price', { exact: true }).isVisible(), false);
  }, { viewport: { width: 390, height: 844 } });
});

test('the Embed panel lets the author choose which inputs stay open', async () => {
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}?page=pricing`);
    await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
    await openEmbedBuilder(page);
    const open = page.getByRole('group', { name: 'Inputs shown open' });
    assert.ok(await open.getByLabel('This product').isChecked(), 'the default is shown');
    assert.doesNotMatch(await page.getByLabel('Snippet').inputValue(), /open=/);
    await open.getByLabel('Volume and targets').check();
    assert.match(await page.getByLabel('Snippet').inputValue(), /&amp;open=product,volume[#"]/);
    await open.getByLabel('This product').uncheck();
    assert.match(await page.getByLabel('Snippet').inputValue(), /&amp;open=volume[#"]/);
  });
});

test("the plan bar's Your plans link opens the Embed builder on the calculator it came from", async () => {
  await inNewPage(async (page) => {
    await page.goto(`${appServer.url}?page=break-even`);
    await page.getByRole('heading', { level: 1, name: 'Break-even' }).waitFor();
    await page.getByRole('region', { name: 'Your plan' }).getByRole('link', { name: 'Your plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
    assert.match(page.url(), /\?page=plans&from=break-even/);
    await page.getByText('Embed in a blog post').click();
    assert.equal(await page.getByLabel('Calculator', { exact: true }).inputValue(), 'break-even');
    await page.getByRole('group', { name: 'Locked inputs' }).getByRole('checkbox').first().waitFor();
    assert.match(await page.getByLabel('Snippet').inputValue(), /embed=break-even/);
  });
});

test("when the calculator's files do not arrive, the Embed builder says so and the snippet still works", async () => {
  await inNewPage(async (page) => {
    await page.route(/embed-pricing-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
    await page.goto(`${appServer.url}?page=plans`);
    await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
    await page.getByText('Embed in a blog post').click();
    const locks = page.getByRole('group', { name: 'Locked inputs' });
    await locks.getByRole('alert').filter({ hasText: "This calculator's inputs could not be read here" }).waitFor({ timeout: 5_000 });
    assert.equal(await locks.getByRole('checkbox').count(), 0);
    assert.match(await page.getByLabel('Snippet').inputValue(), /embed=pricing/, 'the snippet is still offered');
  }, { serviceWorkers: 'block' }); // the block must see the frame's own request
});
