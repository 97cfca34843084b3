// Trunk post-build hook: make dist/ deployable under a strict Content-Security-Policy.
// 1. Trunk's inline boot script moves to a hashed file (a CSP without 'unsafe-inline' blocks inline scripts).
// 2. embed.html, a copy of index.html, gives embed mode its own path, so _headers can let other
//    sites frame it while the full app stays unframeable.
// 3. Stylesheets are fetched with CORS, so sandboxed embeds keep their styles.
// 4. sw.js keeps the app working offline after the first visit.
// 5. The wasm preload loses its integrity attribute, which browsers ignore with a console warning.
// 6. The example _headers file (Netlify / Cloudflare Pages syntax) is copied in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
// Offline after the first visit: the full app registers sw.js (embeds do not: a sandboxed
// frame has no origin to register with, and a blog reader needs no offline copy).
const REGISTER = `
if ('serviceWorker' in navigator && !new URLSearchParams(location.search).has('embed')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
`;
if (inline) {
  const code = inline[1].trim() + '\n' + REGISTER;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const integrity = 'sha384-' + crypto.createHash('sha384').update(code).digest('base64');
  html = html.replace(inline[0], `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
  fs.writeFileSync(indexPath, html);
}
// Browsers ignore (and warn about) integrity on a fetch preload; the wasm's bytes are what the
// hashed file name and the SRI-checked JS glue ask for.
html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, '$1$2');
// A sandboxed embed has an opaque origin: a stylesheet with an integrity hash must be fetched
// with CORS there, or the browser refuses it and the calculator shows unstyled.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
fs.writeFileSync(indexPath, html);
fs.writeFileSync(path.join(staging, 'embed.html'), html);
fs.copyFileSync(new URL('./_headers', import.meta.url), path.join(staging, '_headers'));

// The service worker precaches every file of this build under a cache named by their hashes.
const files = fs.readdirSync(staging).filter((f) => !['_headers', 'sw.js'].includes(f)).sort();
const version = crypto.createHash('sha256');
for (const f of files) version.update(f).update(fs.readFileSync(path.join(staging, f)));
const sw = fs.readFileSync(new URL('./sw.js', import.meta.url), 'utf8')
  .replace('__CACHE__', `honest-income-${version.digest('hex').slice(0, 16)}`)
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)]));
fs.writeFileSync(path.join(staging, 'sw.js'), sw);
