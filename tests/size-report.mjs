// Size report: raw, gzip and brotli bytes of every file the first page load fetches,
// read from dist/index.html; fails when the gzip total is over the budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_GZIP_BYTES = 150 * 1024;
const dist = process.argv[2] ?? 'dist';
const html = fs.readFileSync(path.join(dist, 'index.html'));

const referenced = new Set();
for (const m of html.toString().matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]\.?\/?([^'"?#]+\.(?:js|wasm|css|svg|json))['"]/g)) {
  referenced.add(m[1]);
}
const files = ['index.html', ...[...referenced].filter((f) => fs.existsSync(path.join(dist, f)))];

const rows = files.map((name) => {
  const bytes = fs.readFileSync(path.join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'first-load file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${'total'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
console.log(`size budget: ${(total.gzip / 1024).toFixed(1)} KB gzip of ${BUDGET_GZIP_BYTES / 1024} KB`);
if (total.gzip > BUDGET_GZIP_BYTES) {
  console.error(`over budget by ${((total.gzip - BUDGET_GZIP_BYTES) / 1024).toFixed(1)} KB gzip`);
  process.exit(1);
}
