// Size report: raw, gzip and brotli bytes of every file a first load fetches, page by page.
// index.html serves every page of the full app: its route script names one bundle per page
// (none for the landing page); embed.html's boot script names one per embedded calculator.
// Fails above each budget (issue 17): the landing page 40 KB gzip, each embed and each page
// EMBED_CEILING_KB / PAGE_CEILING_KB, until they meet the 250 KB budget (goal 200).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_GZIP_BYTES = 250 * 1024;
const GOAL_GZIP_BYTES = 200 * 1024;
const HOME_CEILING_GZIP_BYTES = 40 * 1024;
// Regression guards above the budget, from the first build with one bundle per page
// (2026-12-01): pages 249-362 KB, embeds 262-308 KB; then +2.3 KB a page for the tab's plan
// memory, the carried-fragment signal and the address kept where storage is blocked, +2 KB an
// embed (the start-up task split and the later link room): pages 252-364, embeds 263-310.
// 2026-12-02: Your plans moved to a page of its own, so the pages fell to 227-337 and the page
// ceiling to 340; the embeds gained 0.3-1.1 KB (a fifth page in the page list, and links that
// name the page they come from): embed ceiling 316. 2026-12-07: the stylesheet and glue scripts
// are minified (3.5 KB a page): pages 225-334, embeds 262-312, ceilings 336 and 313.
// 2026-12-07: issue 15's What must be true (goal seek, question, answer) and Which input
// matters most (tornado, table, sentence) add 32.5 KB to Delayed income (366 KB) and 33 KB to
// its embed (345 KB); the canvas drawing only its page's chart kinds takes 3-4 KB off the
// others (pricing 313, break-even 299, their embeds 276 and 259). Ceilings 368 and 346.
// Lower them as the bundles shrink.
const PAGE_CEILING_GZIP_BYTES = Number(process.env.PAGE_CEILING_KB ?? 368) * 1024;
const EMBED_CEILING_GZIP_BYTES = Number(process.env.EMBED_CEILING_KB ?? 346) * 1024;
const dist = process.argv[2] ?? 'dist';
const read = (name) => fs.readFileSync(path.join(dist, name));

const failures = [];
/** The calculators that each get an embed bundle (build/postbuild.mjs). */
const EXPECTED_EMBEDS = ['pricing', 'break-even', 'delayed-income'];
/** The full app's pages with a bundle of their own ('' is the landing page's link reader). */
const EXPECTED_PAGES = ['', 'pricing', 'break-even', 'delayed-income', 'compare', 'plans'];

/** Files a page names in href/src attributes or string literals (./name.ext); a named file that
 * is not in dist/ is a failure (a half-built site), never silently left out of the sum. */
function referencedBy(text, page) {
  const found = [];
  for (const m of text.matchAll(/['"]\.?\/?([^'"?#\s]+\.(?:js|wasm|css|svg|json))['"]/g)) {
    if (found.includes(m[1])) continue;
    if (fs.existsSync(path.join(dist, m[1]))) found.push(m[1]);
    else failures.push(`${page} names ${m[1]}, which is not in ${dist}/`);
  }
  return found;
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
/** Prints one table; returns the gzip total. */
function report(title, files) {
  const rows = files.map((name) => {
    const bytes = read(name);
    return {
      name,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`${title.padEnd(52)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`  ${r.name.padEnd(50)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  console.log(`  ${'total'.padEnd(50)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}\n`);
  return total.gzip;
}

/** The bundles a boot script names: its `const bundles = {...};`. */
function bundlesIn(script) {
  const m = read(script).toString().match(/const bundles = (\{.*?\});/);
  if (!m) failures.push(`${script} names no bundles`);
  return m ? JSON.parse(m[1]) : {};
}
const gzipKb = (n) => (n / 1024).toFixed(1);
const verdict = (gzip, ceiling, budget = BUDGET_GZIP_BYTES) => {
  const b = budget / 1024;
  const vsBudget = gzip <= budget ? `within the ${b} KB budget` : `over the ${b} KB budget by ${gzipKb(gzip - budget)} KB`;
  const goal = budget === BUDGET_GZIP_BYTES && gzip <= GOAL_GZIP_BYTES ? ', and the 200 KB goal' : '';
  return `${gzipKb(gzip)} KB (${vsBudget}${goal}; ceiling ${ceiling / 1024})`;
};

const indexHtml = read('index.html').toString();
const shared = referencedBy(indexHtml, 'index.html');
const route = shared.find((f) => /^route-[0-9a-f]+\.js$/.test(f));
if (!route) failures.push('index.html loads no route script');
const pages = route ? bundlesIn(route) : {};
const summary = [];
for (const slug of EXPECTED_PAGES) {
  if (!pages[slug]) failures.push(`the route script has no bundle for ${slug || 'the landing page'} (did the post-build hook run?)`);
}
const home = report('landing page, first load (no wasm)', ['index.html', ...shared]);
summary.push(`landing ${verdict(home, HOME_CEILING_GZIP_BYTES, HOME_CEILING_GZIP_BYTES)}`);
if (home > HOME_CEILING_GZIP_BYTES) failures.push(`the landing page is over its ${HOME_CEILING_GZIP_BYTES / 1024} KB gzip budget`);
for (const [slug, files] of Object.entries(pages)) {
  const own = files.map((f) => f.replace(/^\.\//, ''));
  const missing = own.filter((f) => !fs.existsSync(path.join(dist, f)));
  if (missing.length) {
    failures.push(`page ${slug || '(landing with a link)'}: ${missing.join(', ')} missing from ${dist}/`);
    continue;
  }
  const name = slug || 'landing page with a link in its address';
  const gzip = report(`${name}, first load`, ['index.html', ...shared, ...own]);
  if (!slug) {
    summary.push(`landing with a link ${gzipKb(gzip)} KB`);
    continue;
  }
  summary.push(`${slug} ${verdict(gzip, PAGE_CEILING_GZIP_BYTES)}`);
  if (gzip > PAGE_CEILING_GZIP_BYTES) failures.push(`page ${slug} is over the ${PAGE_CEILING_GZIP_BYTES / 1024} KB gzip ceiling: find what grew before raising it`);
}

// embed.html names its boot script; the boot script names one bundle per calculator.
const embedHtml = read('embed.html').toString();
const embedShared = referencedBy(embedHtml, 'embed.html');
const boot = embedShared.find((f) => f.startsWith('embed-boot-'));
const bundles = boot ? bundlesIn(boot) : {};
for (const slug of EXPECTED_EMBEDS) {
  if (!bundles[slug]) failures.push(`embed.html has no bundle for ${slug} (was this a release build?)`);
}
for (const [slug, files] of Object.entries(bundles)) {
  const own = files.map((f) => f.replace(/^\.\//, ''));
  const missing = own.filter((f) => !fs.existsSync(path.join(dist, f)));
  if (missing.length) {
    failures.push(`embed ${slug}: ${missing.join(', ')} missing from ${dist}/`);
    continue;
  }
  const gzip = report(`embed ${slug}, first load`, ['embed.html', ...embedShared, ...own]);
  summary.push(`embed ${slug} ${verdict(gzip, EMBED_CEILING_GZIP_BYTES)}`);
  if (gzip > EMBED_CEILING_GZIP_BYTES) failures.push(`embed ${slug} is over the ${EMBED_CEILING_GZIP_BYTES / 1024} KB gzip ceiling: find what grew before raising it`);
}

for (const line of summary) console.log(`size: ${line}`);
for (const f of failures) console.error(`size: ${f}`);
if (failures.length) process.exit(1);
