// Size report: raw, gzip and brotli bytes of every file a first load fetches: the full app
// (read from dist/index.html) and each calculator's embed (dist/embed.html and the bundle its
// boot script picks). Reports the full app against the 150 KB gzip target, and fails above
// SIZE_CEILING_KB for the full app or EMBED_CEILING_KB for any embed (regression guards until
// the target is met).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TARGET_GZIP_BYTES = 150 * 1024;
// Raised by what serde's derive and gloo-storage cost, measured on the same machine (issue 11):
// app 362.0 -> 377.4 KB, embeds 224.3 / 221.5 / 249.9 -> 236.0 / 234.1 / 262.3 KB.
// 420 -> 426 on 2026-12-01, after a twiggy diff against the session's first commit: app 409.9 ->
// 420.3 KB from Leptos view code for the saved plans under load (import batches, saving when the
// page is left), the Embed panel's frame and open-group choices, the embed's download notice and
// the landing page's link notices. The way down is one bundle per page (issue 17).
// 426 -> 432 and embeds 300 -> 306 on 2026-12-01 for link format 3 (the packer, the room and
// its templates: app 422.3 -> 429.1, delayed embed 296.4 -> 304.8), without a twiggy diff yet:
// issue 17 (one bundle per page) is the way back down.
const CEILING_GZIP_BYTES = Number(process.env.SIZE_CEILING_KB ?? 432) * 1024;
const EMBED_CEILING_GZIP_BYTES = Number(process.env.EMBED_CEILING_KB ?? 306) * 1024;
const dist = process.argv[2] ?? 'dist';
const read = (name) => fs.readFileSync(path.join(dist, name));

const failures = [];
/** The calculators that each get an embed bundle (build/postbuild.mjs). */
const EXPECTED_EMBEDS = ['pricing', 'break-even', 'delayed-income'];

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

const fullFiles = ['index.html', ...referencedBy(read('index.html').toString(), 'index.html')];
if (!fullFiles.some((f) => /^honest-income-[0-9a-f]+_bg\.wasm$/.test(f))) failures.push('index.html loads no honest-income wasm');
if (!fullFiles.some((f) => /^honest-income-[0-9a-f]+\.js$/.test(f))) failures.push('index.html loads no honest-income glue script');
const full = report('full app, first load', fullFiles);

// embed.html names its boot script; the boot script names one bundle per calculator.
const embedHtml = read('embed.html').toString();
const embedShared = referencedBy(embedHtml, 'embed.html');
const boot = embedShared.find((f) => f.startsWith('embed-boot-'));
const bundles = boot ? JSON.parse(read(boot).toString().match(/const bundles = (\{.*\});/)[1]) : {};
for (const slug of EXPECTED_EMBEDS) {
  if (!bundles[slug]) failures.push(`embed.html has no bundle for ${slug} (was this a release build?)`);
}
const embeds = [];
for (const [slug, files] of Object.entries(bundles)) {
  const own = files.map((f) => f.replace(/^\.\//, ''));
  const missing = own.filter((f) => !fs.existsSync(path.join(dist, f)));
  if (missing.length) {
    failures.push(`embed ${slug}: ${missing.join(', ')} missing from ${dist}/`);
    continue;
  }
  const gzip = report(`embed ${slug}, first load`, ['embed.html', ...embedShared, ...own]);
  embeds.push(`${slug} ${(gzip / 1024).toFixed(1)}`);
  if (gzip > EMBED_CEILING_GZIP_BYTES) failures.push(`embed ${slug} is over the ${EMBED_CEILING_GZIP_BYTES / 1024} KB gzip ceiling: find what grew before raising it`);
}

const vsTarget = full <= TARGET_GZIP_BYTES ? 'within' : `over by ${((full - TARGET_GZIP_BYTES) / 1024).toFixed(1)} KB`;
console.log(`size: full app ${(full / 1024).toFixed(1)} KB gzip first load; target ${TARGET_GZIP_BYTES / 1024} KB (${vsTarget}); ceiling ${CEILING_GZIP_BYTES / 1024} KB`);
console.log(`size: embeds (KB gzip): ${embeds.join(', ')}; ceiling ${EMBED_CEILING_GZIP_BYTES / 1024} KB each`);
if (full > CEILING_GZIP_BYTES) failures.push(`the full app is over the ${CEILING_GZIP_BYTES / 1024} KB gzip ceiling: find what grew before raising it`);
for (const f of failures) console.error(`size: ${f}`);
if (failures.length) process.exit(1);
