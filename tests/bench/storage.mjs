// Saved plans under load, in the built app in Chromium:
// 1. Importing an export of 10,000 plans of one name: the longest task (how long the page is
//    blocked at once) and the whole import.
// 2. The soak: two tabs editing one plan, with a storage fault at a random moment in each of
//    100 rounds (a full quota or a bare-string throw, 50-400 ms, in a random tab). After each
//    round settles, every edit typed in it must be in storage (in the plan or a copy kept), or
//    still shown in its tab with a status that says it is not saved; a tab whose status says
//    "Saved" must show what storage holds. Anything else counts as an edit lost.
// SOAK_ROUNDS and SOAK_SEED change the run; the figures are printed, nothing fails on speed.
import fs from 'node:fs';
import { startApp } from '../e2e/browser.mjs';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 100);
let seed = Number(process.env.SOAK_SEED ?? 20261201);
/** mulberry32: the soak's random moments, repeatable from the seed. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const RECORD = fs.readFileSync(new URL('../fixtures/record-v1.json', import.meta.url), 'utf8');
const RECORD_KEY = 'honest-income.v1.scenario.s-1a2b3c';
const PLAN = 'Workshop on Payhip';

const FAULTS = () => {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === localStorage && performance.now() < (window.__faultUntil ?? 0)) {
      window.__faultHits = (window.__faultHits ?? 0) + 1;
      throw window.__faultKind === 'string' ? 'storage refused' : new DOMException('full', 'QuotaExceededError');
    }
    return original.call(this, key, value);
  };
};

async function seeded(app) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(({ record, key }) => {
    if (!localStorage.getItem('seeded')) {
      localStorage.setItem(key, record);
      localStorage.setItem('honest-income.v1.current', 's-1a2b3c');
      localStorage.setItem('seeded', '1');
    }
  }, { record: RECORD, key: RECORD_KEY });
  await context.addInitScript(FAULTS);
  return context;
}

const nav = (page, name) => page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name, exact: true });
/** Your plans is its own page, reached through the navigation (which carries the plan). */
async function yourPlans(page) {
  await nav(page, 'Plans').click();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
}

async function openTab(app, context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}?page=pricing`);
  await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
  return { page, errors };
}

async function importTenThousand(app) {
  const record = JSON.parse(fs.readFileSync(new URL('../fixtures/record-v1-hand-mapped.as-v2.json', import.meta.url), 'utf8'));
  // The fixture's seed is u64::MAX, which a JavaScript number cannot hold: a seed it can.
  record.scenario.delayed.seed = 7;
  const scenarios = Array.from({ length: 10_000 }, (_, i) => ({ ...record, id: `imp-${i}`, name: 'Imported plan', updated: 1_800_000_000_000 - i }));
  const file = `${process.env.TMPDIR ?? '/tmp'}/honest-income-10k-${process.pid}.json`;
  fs.writeFileSync(file, JSON.stringify({ app: 'honest-income', schema: 2, exported: 1, scenarios }));
  const megabytes = fs.statSync(file).size / 1e6;
  const context = await app.browser.newContext();
  const { page } = await openTab(app, context);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await yourPlans(page);
  const started = Date.now();
  await page.locator('input[type=file]').setInputFiles(file);
  const said = page.getByRole('region', { name: 'Keep a durable copy' }).getByRole('status');
  await said.filter({ hasText: /^Imported|^That file/ }).waitFor({ timeout: 120_000 });
  const took = Date.now() - started;
  const sentence = await said.innerText();
  const longest = await page.evaluate(() => window.__longest);
  fs.rmSync(file);
  await context.close();
  console.log(`import of 10,000 plans of one name (${megabytes.toFixed(1)} MB file): longest task ${longest.toFixed(0)} ms, whole import ${took} ms`);
  console.log(`  said: ${sentence}`);
}

const statusOf = (page) => page.getByTestId('save-status').innerText();
const shownPrice = (page) => page.getByLabel('Price', { exact: true }).inputValue();
const planName = async (page) => (await page.locator('.plan-name').innerText()).replace(/^Plan:\s*/, '').trim();
/** Every stored plan's name and first product's price. */
const storedPlans = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('honest-income.v1.scenario.'))
  .map((k) => { try { const r = JSON.parse(localStorage.getItem(k)); return { name: r.name, price: r.scenario.products?.[0]?.price ?? r.scenario.pricing?.price }; } catch { return { name: k, price: null }; } }));

async function settle(page) {
  // The autosave waits 500 ms after the last keystroke; storage events cross tabs soon after.
  try {
    await page.waitForFunction(() => !document.querySelector('[data-testid=save-status]').textContent.startsWith('Saving your changes'), null, { timeout: 5000 });
  } catch (e) {
    console.log('stuck:', await page.evaluate(() => ({ hidden: document.hidden, status: document.querySelector('[data-testid=save-status]').textContent, notices: document.querySelector('.plan-notices').textContent, price: document.getElementById('price')?.value })));
    throw e;
  }
}

async function soak(app) {
  const context = await seeded(app);
  const tabs = [await openTab(app, context), await openTab(app, context)];
  const counts = { edits: 0, lost: 0, faults: 0, conflicts: 0, refused: 0, copies: 0 };
  const lostAt = [];
  const started = Date.now();
  // At least ROUNDS rounds and at least 60 s of editing.
  let round = 0;
  for (; round < ROUNDS || Date.now() - started < 60_000; round++) {
    const typed = [null, null];
    const faulty = Math.floor(random() * 2);
    // Faults fall anywhere from the first keystroke to just after the autosave.
    const faultAt = random() * 800;
    const faultFor = 50 + random() * 350;
    const kind = random() < 0.5 ? 'quota' : 'string';
    counts.faults++;
    await Promise.all([
      tabs[faulty].page.evaluate(([at, span, k]) => new Promise((done) => setTimeout(() => {
        window.__faultKind = k;
        window.__faultUntil = performance.now() + span;
        done();
      }, at)), [faultAt, faultFor, kind]),
      ...tabs.map(async ({ page }, t) => {
        if (random() < 0.25) return;
        await page.waitForTimeout(random() * 250);
        const value = String(t === 0 ? 1000 + round : 5000 + round);
        await page.getByLabel('Price', { exact: true }).fill(value);
        typed[t] = value;
        counts.edits++;
      }),
    ]);
    await Promise.all(tabs.map(({ page }) => page.waitForFunction(() => performance.now() > (window.__faultUntil ?? 0))));
    await Promise.all(tabs.map(({ page }) => settle(page)));
    await tabs[0].page.waitForTimeout(80);
    for (const [t, { page }] of tabs.entries()) {
      const status = await statusOf(page);
      const shown = await shownPrice(page);
      const plans = await storedPlans(page);
      const name = await planName(page);
      const saved = status.startsWith('Saved in this browser');
      if (saved && !plans.some((p) => p.name === name && p.price === shown)) {
        counts.lost++;
        lostAt.push(`round ${round}, tab ${t}: says "${status}" showing ${shown}, storage has ${JSON.stringify(plans.find((p) => p.name === name))}`);
      }
      if (typed[t] !== null) {
        const kept = plans.some((p) => p.price === typed[t]);
        const stillShown = shown === typed[t] && !saved;
        if (!kept && !stillShown) {
          counts.lost++;
          lostAt.push(`round ${round}, tab ${t}: typed ${typed[t]}, shown ${shown}, status "${status}"`);
        }
      }
      // A person resolves what the page asks: a conflict keeps this tab's edit as a copy,
      // then the tab opens the plan both tabs edit again.
      if (await page.locator('.plan-notices li.conflict').count()) {
        counts.conflicts++;
        // Clicks wait for animation frames, which a tab in the background does not get.
        await page.bringToFront();
        await page.getByRole('button', { name: "keep this tab's as a copy" }).click();
        await page.waitForFunction(() => !document.querySelector('.plan-notices li.conflict'));
        if ((await planName(page)) !== PLAN) {
          counts.copies++;
          await yourPlans(page);
          await page.getByRole('button', { name: `Open ${PLAN}`, exact: true }).click();
          await page.locator('.plan-list li.current', { hasText: PLAN }).first().waitFor();
          await nav(page, 'Pricing').click();
          await page.getByRole('heading', { level: 1, name: 'Pricing' }).waitFor();
        }
      } else if (!saved && /^Could not save/.test(status)) {
        counts.refused++;
      }
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const errors = tabs.flatMap((t) => t.errors);
  let hits = 0;
  for (const { page } of tabs) hits += await page.evaluate(() => window.__faultHits ?? 0);
  await context.close();
  console.log(`soak, two tabs editing one plan: ${round} rounds in ${seconds.toFixed(0)} s, ${counts.edits} edits, ${counts.faults} storage faults (${hits} writes refused by them); ${counts.refused} rounds ending on a refused save, said, ${counts.conflicts} conflicts shown (${counts.copies} copies kept); edits lost: ${counts.lost}; page errors: ${errors.length}`);
  for (const line of lostAt) console.log(`  lost: ${line}`);
  for (const e of errors) console.log(`  page error: ${e}`);
}

const app = await startApp();
try {
  if (!process.env.SOAK_ONLY) await importTenThousand(app);
  await soak(app);
} finally {
  await app.close();
}
