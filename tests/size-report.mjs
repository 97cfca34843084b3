// Size report: raw, gzip and brotli bytes of every file the first page load fetches,
// read from dist/index.html. Reports against the 150 KB gzip target for the full app, and
// fails above SIZE_CEILING_KB (a regression guard until the target is met).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TARGET_GZIP_BYTES = 150 * 1024;
const CEILING_GZIP_BYTES = Number(process.env.SIZE_CEILING_KB ?? 370) * 1024;
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
const gzipKb = (total.gzip / 1024).toFixed(1);
const vsTarget = total.gzip <= TARGET_GZIP_BYTES
  ? 'within'
  : `over by ${((total.gzip - TARGET_GZIP_BYTES) / 1024).toFixed(1)} KB`;
console.log(`size: ${gzipKb} KB gzip first load; target ${TARGET_GZIP_BYTES / 1024} KB (${vsTarget}); ceiling ${CEILING_GZIP_BYTES / 1024} KB`);
if (total.gzip > CEILING_GZIP_BYTES) {
  console.error(`size: over the ${CEILING_GZIP_BYTES / 1024} KB gzip ceiling: find what grew before raising it`);
  process.exit(1);
}
