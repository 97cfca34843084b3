// Trunk post-build hook: make dist/ deployable under a strict Content-Security-Policy.
// 1. Trunk's inline boot script moves to a hashed file (a CSP without 'unsafe-inline' blocks inline scripts).
// 2. embed.html, a copy of index.html, gives embed mode its own path, so _headers can let other
//    sites frame it while the full app stays unframeable.
// 3. Stylesheets are fetched with CORS, so sandboxed embeds keep their styles.
// 4. sw.js keeps the app working offline after the first visit.
// 5. The wasm preload loses its integrity attribute, which browsers ignore with a console warning.
// 6. The example _headers file (Netlify / Cloudflare Pages syntax) is copied in.
// 7. Release builds add one bundle per calculator for embeds (src/bin/embed_*.rs): a blog reader
//    downloads that calculator only. embed.html picks the bundle from `?embed=`.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Stops the build with a sentence: a site without any of these steps must not ship. */
function fail(sentence) {
  console.error(`postbuild: ${sentence}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set (run through trunk)');
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
if (!inline) {
  fail("Trunk's inline boot script was not found in index.html (did Trunk's output change?): without it moved into a file, the strict CSP blocks the app and no embed bundles are built");
}
const boot = hashedScript('boot', inline[1].trim() + '\n' + REGISTER);
const bootName = boot.name;
html = html.replace(inline[0], boot.tag);
// Browsers ignore (and warn about) integrity on a fetch preload; the wasm's bytes are what the
// hashed file name and the SRI-checked JS glue ask for.
html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, '$1$2');
// A sandboxed embed has an opaque origin: a stylesheet with an integrity hash must be fetched
// with CORS there, or the browser refuses it and the calculator shows unstyled.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
fs.writeFileSync(indexPath, html);
if (process.env.TRUNK_PROFILE === 'release') {
  fs.writeFileSync(path.join(staging, 'embed.html'), embedPage(html, bootName, buildEmbedBundles()));
} else {
  // Development builds: the full app serves embed mode too.
  fs.writeFileSync(path.join(staging, 'embed.html'), html);
}
fs.copyFileSync(new URL('./_headers', import.meta.url), path.join(staging, '_headers'));

// The service worker precaches every file of the full app under a cache named by their hashes
// (not the embed bundles: embeds do not register it).
const files = fs.readdirSync(staging)
  .filter((f) => !['_headers', 'sw.js'].includes(f) && !f.startsWith('embed-')).sort();
const version = sha('');
for (const f of files) version.update(f).update(fs.readFileSync(path.join(staging, f)));
const swTemplate = fs.readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
if (!['__CACHE__', '__FILES__', '__INDEX_NAMES__'].every((p) => swTemplate.includes(p))) {
  fail('build/sw.js has lost a __CACHE__, __FILES__ or __INDEX_NAMES__ placeholder: the service worker would cache nothing, or any index');
}
// The files index.html names, which the worker checks the index it fetches against.
const indexNames = files.filter((f) => f !== 'index.html' && html.includes(f));
if (indexNames.length === 0) fail('index.html names none of the built files: the service worker could not tell builds apart');
const sw = swTemplate
  .replace('__CACHE__', `honest-income-${version.digest('hex').slice(0, 16)}`)
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)]))
  .replace('__INDEX_NAMES__', JSON.stringify(indexNames));
fs.writeFileSync(path.join(staging, 'sw.js'), sw);

function sha(bytes, algorithm = 'sha256') {
  return crypto.createHash(algorithm).update(bytes);
}

/** Writes `code` as a module named by its hash; returns the name and the tag that loads it
 * with a subresource-integrity check. */
function hashedScript(prefix, code) {
  const name = `${prefix}-${sha(code).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const integrity = 'sha384-' + sha(code, 'sha384').digest('base64');
  return { name, tag: `<script type="module" src="./${name}" integrity="${integrity}"></script>` };
}

/** Builds the embed-* binaries as Trunk builds the app (cargo, wasm-bindgen, wasm-opt -Oz) and
 * copies them in under hashed names; returns { slug: [glue js, wasm] }. */
function buildEmbedBundles() {
  const slugs = ['pricing', 'break-even', 'delayed-income'];
  const target = 'wasm32-unknown-unknown';
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['build', '--release', '--target', target, ...slugs.flatMap((s) => ['--bin', `embed-${s}`])]);
  const targetDir = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'])).target_directory;
  const work = path.join(targetDir, 'embed-bundles');
  fs.mkdirSync(work, { recursive: true });
  const bundles = {};
  for (const slug of slugs) {
    const name = `embed-${slug}`;
    run('wasm-bindgen', ['--target=web', '--no-typescript', `--out-dir=${work}`, `--out-name=${name}`,
      path.join(targetDir, target, 'release', `${name}.wasm`)]);
    const wasmPath = path.join(work, `${name}_bg.wasm`);
    run('wasm-opt', ['-Oz', `--output=${wasmPath}`, wasmPath]);
    const glue = fs.readFileSync(path.join(work, `${name}.js`));
    const wasm = fs.readFileSync(wasmPath);
    const hash = sha(glue).update(wasm).digest('hex').slice(0, 16);
    bundles[slug] = [`./${name}-${hash}.js`, `./${name}-${hash}_bg.wasm`];
    fs.writeFileSync(path.join(staging, bundles[slug][0]), glue);
    fs.writeFileSync(path.join(staging, bundles[slug][1]), wasm);
  }
  return bundles;
}

/** embed.html: index.html without the full app's preloads, booting the bundle its `?embed=`
 * names. An address that names none gets a sentence and a link to the full app: embed.html
 * may be framed by any site, so it never starts the full app with the visitor's saved plans. */
function embedPage(indexHtml, fullBoot, bundles) {
  const code = `const bundles = ${JSON.stringify(bundles)};
const asked = new URLSearchParams(location.search).get('embed');
// Own names only: an inherited one (?embed=constructor) is no bundle.
const bundle = Object.hasOwn(bundles, asked ?? '') ? bundles[asked] : undefined;
const shell = document.getElementById('boot-shell');
/** Replaces the loading message with a sentence and a link that opens the full app. */
function say(sentence, linkText) {
  if (!shell) return;
  const p = document.createElement('p');
  p.textContent = sentence + ' ';
  const a = document.createElement('a');
  a.href = './';
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = linkText;
  p.append(a);
  shell.replaceChildren(p);
}
if (!bundle) {
  say('This address names no Honest Income calculator to embed.', 'Open Honest Income');
} else {
  let started = false;
  try {
    // The wasm download starts now, alongside the small glue module.
    const wasm = fetch(bundle[1]).then((r) => { if (!r.ok) throw new Error(r.status); return r; });
    const { default: init } = await import(bundle[0]);
    await init({ module_or_path: wasm });
    started = true;
  } catch (e) {
    console.warn('embed bundle not loaded, trying the full app (its embed mode)', e);
  }
  // A bundle that did not arrive (a half-uploaded site): the full app has the same embed mode,
  // chosen by the same ?embed=. It removes the loading message first thing.
  if (!started && shell) {
    try {
      await import('./${fullBoot}');
    } catch (e) {
      document.querySelector('.boot-slow')?.classList.add('now');
    }
  }
}
`;
  const fullBootTag = /<script type="module" src="\.\/boot-[^"]+"[^>]*><\/script>/;
  if (!fullBootTag.test(indexHtml)) fail('the boot script tag was not found in index.html, so embed.html cannot boot the embed bundles');
  const slow = /<p class="boot-slow">[\s\S]*?<\/p>/;
  if (!slow.test(indexHtml)) fail('the boot-slow message was not found in index.html, so a blocked embed would say nothing');
  // Shown at once where the stylesheet is blocked too (plain text), after 5 s otherwise.
  const blocked = '<p class="boot-slow soon">Still loading. If this stays, the calculator\'s files are blocked in this frame: a frame sandboxed without allow-same-origin needs the calculator\'s site to send Access-Control-Allow-Origin: * with them. <a href="./" target="_blank" rel="noopener">Open the calculator on its own page</a>.</p>';
  return indexHtml
    .replace(/\s*<link rel="(modulepreload|preload)" href="\.\/honest-income-[^>]*>/g, '')
    .replace(slow, blocked)
    .replace(fullBootTag, hashedScript('embed-boot', code).tag);
}
