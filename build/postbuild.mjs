// Trunk post-build hook: one bundle per page, and a dist/ that works under a strict
// Content-Security-Policy from any folder of any static host.
// 1. One bundle per page of the full app (src/bin/page_*.rs) and per embedded calculator
//    (src/bin/embed_*.rs), built as Trunk builds the app (cargo, wasm-bindgen, and wasm-opt -Oz in
//    release builds): a visitor downloads the page they opened.
// 2. Trunk's own bundle (src/main.rs) is the landing page's link reader. Its preloads and inline
//    boot script go: a route script in the head (a hashed file: a CSP without 'unsafe-inline'
//    blocks inline scripts) names the page before the first paint, loads that page's bundle,
//    and none on the landing page, which is plain HTML.
// 3. embed.html boots the bundle its `?embed=` names.
// 4. Stylesheets are fetched with CORS, so sandboxed embeds keep their styles.
// 5. sw.js keeps the app working offline, and fetches the other pages' bundles once the first
//    page is interactive (not where the reader asked to save data).
// 6. The example _headers file (Netlify / Cloudflare Pages syntax) is copied in.
// 7. Release builds minify the stylesheet and the bundles' glue scripts (esbuild): about 3.5 KB
//    gzip less on every page's first load.
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
const release = process.env.TRUNK_PROFILE === 'release';
// esbuild minifies the release build's stylesheet and glue scripts (a dev build needs no npm packages).
const esbuild = release ? (await import('esbuild')).default : null;
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) {
  fail("Trunk's inline boot script was not found in index.html (did Trunk's output change?): without it replaced, the strict CSP blocks the app");
}
const home = inline[1].match(/from '\.\/(honest-income-[0-9a-f]+\.js)'/);
const homeWasm = inline[1].match(/'\.\/(honest-income-[0-9a-f]+_bg\.wasm)'/);
if (!home || !homeWasm) fail("Trunk's boot script names no honest-income glue and wasm: the landing page could not read a link");
html = html.replace(inline[0], '');
// The landing page loads no wasm: Trunk's preloads of its bundle go.
html = html.replace(/\s*<link rel="(modulepreload|preload)" href="\.\/honest-income-[^>]*>/g, '');
// A sandboxed embed has an opaque origin: a stylesheet with an integrity hash must be fetched
// with CORS there, or the browser refuses it and the calculator shows unstyled.
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');

if (release) html = minifyStylesheets(html);

const PAGES = ['pricing', 'break-even', 'delayed-income', 'compare', 'plans'];
const EMBEDS = ['pricing', 'break-even', 'delayed-income'];
const built = process.env.POSTBUILD_NO_BUNDLES === '1'
  ? {} // the hook's own tests (tests/e2e/postbuild.test.mjs): no cargo
  : buildBundles([...PAGES.map((p) => `page-${p}`), ...EMBEDS.map((e) => `embed-${e}`)]);
const pageBundles = { '': [`./${home[1]}`, `./${homeWasm[1]}`] };
for (const p of PAGES) if (built[`page-${p}`]) pageBundles[p] = built[`page-${p}`];
const embedBundles = {};
for (const e of EMBEDS) if (built[`embed-${e}`]) embedBundles[e] = built[`embed-${e}`];

const route = hashedScript('route', routeScript(pageBundles), { module: false });
if (!/<\/head>/.test(html)) fail('index.html has no </head> for the route script');
html = html.replace('</head>', `    ${route.tag}\n  </head>`);
fs.writeFileSync(indexPath, html);
fs.writeFileSync(path.join(staging, 'embed.html'), embedPage(html, embedBundles));
fs.copyFileSync(new URL('./_headers', import.meta.url), path.join(staging, '_headers'));

// The service worker installs the shell (every file but the bundles) under a cache named by
// the build's hashes, and caches the pages' bundles when asked (not the embeds': embeds do
// not register it).
const bundleFiles = Object.values(pageBundles).flat().map((f) => f.replace(/^\.\//, ''));
const all = fs.readdirSync(staging)
  .filter((f) => !['_headers', 'sw.js'].includes(f) && !f.startsWith('embed-')).sort();
const shell = all.filter((f) => !bundleFiles.includes(f));
const version = sha('');
for (const f of all) version.update(f).update(fs.readFileSync(path.join(staging, f)));
const swTemplate = fs.readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
if (!['__CACHE__', '__FILES__', '__BUNDLES__', '__INTEGRITY__', '__INDEX_NAMES__'].every((p) => swTemplate.includes(p))) {
  fail('build/sw.js has lost a __CACHE__, __FILES__, __BUNDLES__, __INTEGRITY__ or __INDEX_NAMES__ placeholder: the service worker would cache nothing, or any index');
}
// Every file but the HTML pages (the index is checked by the names it holds): an answer that is
// not this build's file fails the worker's fetch instead of entering its cache.
const integrity = {};
for (const f of all.filter((f) => !f.endsWith('.html'))) {
  integrity[`./${f}`] = 'sha384-' + sha(fs.readFileSync(path.join(staging, f)), 'sha384').digest('base64');
}
// The files index.html names, which the worker checks the index it fetches against.
const indexNames = shell.filter((f) => f !== 'index.html' && html.includes(f));
if (indexNames.length === 0) fail('index.html names none of the built files: the service worker could not tell builds apart');
const sw = swTemplate
  .replace('__CACHE__', `honest-income-${version.digest('hex').slice(0, 16)}`)
  .replace('__FILES__', JSON.stringify(['./', ...shell.map((f) => `./${f}`)]))
  .replace('__BUNDLES__', JSON.stringify(bundleFiles.map((f) => `./${f}`)))
  .replace('__INTEGRITY__', JSON.stringify(integrity))
  .replace('__INDEX_NAMES__', JSON.stringify(indexNames));
fs.writeFileSync(path.join(staging, 'sw.js'), sw);

function sha(bytes, algorithm = 'sha256') {
  return crypto.createHash(algorithm).update(bytes);
}

/** Writes `code` as a script named by its hash; returns the name and the tag that loads it
 * with a subresource-integrity check (a module, or a classic script that runs where it stands). */
function hashedScript(prefix, code, { module = true } = {}) {
  const name = `${prefix}-${sha(code).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(staging, name), code);
  const integrity = 'sha384-' + sha(code, 'sha384').digest('base64');
  const type = module ? ' type="module"' : '';
  return { name, tag: `<script${type} src="./${name}" integrity="${integrity}"></script>` };
}

/** Builds the named binaries as Trunk builds the app (cargo, wasm-bindgen, and wasm-opt -Oz in
 * release builds) and copies them in under hashed names; returns { name: [glue js, wasm] }. */
function buildBundles(names) {
  const target = 'wasm32-unknown-unknown';
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  run('cargo', ['build', ...(release ? ['--release'] : []), '--target', target, ...names.flatMap((n) => ['--bin', n])]);
  const targetDir = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'])).target_directory;
  const work = path.join(targetDir, 'page-bundles');
  fs.mkdirSync(work, { recursive: true });
  const bundles = {};
  for (const name of names) {
    run('wasm-bindgen', ['--target=web', '--no-typescript', `--out-dir=${work}`, `--out-name=${name}`,
      path.join(targetDir, target, release ? 'release' : 'debug', `${name}.wasm`)]);
    const wasmPath = path.join(work, `${name}_bg.wasm`);
    if (release) run('wasm-opt', ['-Oz', `--output=${wasmPath}`, wasmPath]);
    const glue = minifiedScript(fs.readFileSync(path.join(work, `${name}.js`), 'utf8'));
    const wasm = fs.readFileSync(wasmPath);
    const hash = sha(glue).update(wasm).digest('hex').slice(0, 16);
    bundles[name] = [`./${name}-${hash}.js`, `./${name}-${hash}_bg.wasm`];
    fs.writeFileSync(path.join(staging, bundles[name][0]), glue);
    fs.writeFileSync(path.join(staging, bundles[name][1]), wasm);
  }
  return bundles;
}

/** A glue script as shipped: minified in release builds. */
function minifiedScript(code) {
  if (!release) return code;
  return esbuild.transformSync(code, { loader: 'js', format: 'esm', minify: true, legalComments: 'none' }).code;
}

/** Replaces each stylesheet index.html links with its minified copy, under the new content's
 * hash and with its integrity hash, and removes the unminified file. */
function minifyStylesheets(page) {
  let found = 0;
  const minified = page.replace(/<link rel="stylesheet"([^>]*?) href="\.\/(([^"]+)-[0-9a-f]+\.css)" integrity="[^"]*"/g, (tag, attrs, old, stem) => {
    if (!fs.existsSync(path.join(staging, old))) fail(`index.html links ${old}, which Trunk did not write`);
    const source = fs.readFileSync(path.join(staging, old), 'utf8');
    const code = esbuild.transformSync(source, { loader: 'css', minify: true, legalComments: 'none' }).code;
    const name = `${stem}-${sha(code).digest('hex').slice(0, 16)}.css`;
    fs.rmSync(path.join(staging, old));
    fs.writeFileSync(path.join(staging, name), code);
    const integrity = 'sha384-' + sha(code, 'sha384').digest('base64');
    found += 1;
    return `<link rel="stylesheet"${attrs} href="./${name}" integrity="${integrity}"`;
  });
  if (found === 0) fail('no stylesheet link (href="./name-hash.css" integrity="...") was found in index.html to minify (did Trunk\'s output change?)');
  return minified;
}

/** The source of a function whose promise settles once the browser reports the first contentful
 * paint. Where it reports none (a tab opened in the background draws no frame; a browser
 * without paint timing), a 200 ms timer settles it. */
function afterFirstPaint() {
  return `() => new Promise((resolve) => {
    setTimeout(resolve, 200);
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch {}
  })`;
}

/** The route script: a classic script in index.html's head, so it runs before the first paint.
 * It names the page (`data-page` on <html>: the stylesheet shows the landing's HTML on the
 * landing page only), starts that page's bundle, and, once the page is interactive, registers
 * the service worker and asks it to fetch the other pages' bundles. */
function routeScript(bundles) {
  return `(() => {
  const bundles = ${JSON.stringify(bundles)};
  const search = new URLSearchParams(location.search);
  // Embed addresses are embed.html's (it may be framed; this page never is).
  if (search.has('embed')) {
    location.replace('./embed.html' + location.search + location.hash);
    return;
  }
  const asked = search.get('page') ?? '';
  // Own names only (?page=constructor is no page); an unknown page is the landing page.
  const page = asked !== '' && Object.hasOwn(bundles, asked) ? asked : '';
  document.documentElement.dataset.page = page || 'home';
  // The landing page needs its bundle only to read a plan in its address.
  const bundle = page || /(^#|&)s=/.test(location.hash) ? bundles[page] : undefined;
  const parsed = new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
    else resolve();
  });
  /** After the first page is interactive: the service worker keeps every page for offline use,
   * and fetches the other pages' bundles now so the next page opens from the cache; where the
   * reader asked to save data, only this page's. */
  const keepOffline = () => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(navigator.connection?.saveData ? './sw.js?save-data' : './sw.js').catch(() => {});
    // A worker installs every page's bundle itself; where the reader saves data, it keeps the
    // bundle of each page opened, told again when a new build's worker takes over.
    const tell = () => navigator.serviceWorker.ready
      .then((registration) => registration.active?.postMessage({ cache: bundle ?? [] }))
      .catch(() => {});
    tell();
    navigator.serviceWorker.addEventListener('controllerchange', tell);
  };
  // Until a page's bundle runs (or where the landing page's link reader cannot), the page's
  // own links still carry the plan its address holds.
  const carried = /(^#|&)(s|plan)=/.test(location.hash) ? location.hash : '';
  parsed.then(() => {
    if (!carried) return;
    for (const a of document.querySelectorAll('a[data-carries-plan]')) {
      a.setAttribute('href', a.getAttribute('href').split('#')[0] + carried);
    }
  });
  if (!page) {
    // A plan link pasted over the landing page's address changes only its fragment: read it.
    addEventListener('hashchange', () => { if (/(^#|&)s=/.test(location.hash)) location.reload(); });
  }
  if (!bundle) {
    parsed.then(keepOffline);
    return;
  }
  // The bundle is fetched once the first screen is painted (the page's title and intro, as the
  // page shows them): a slow connection carries the HTML and stylesheet first, and what a
  // reader sees first never waits on the bundle.
  const painted = parsed.then(${afterFirstPaint()});
  const wasm = painted.then(() => fetch(bundle[1])).then((r) => { if (!r.ok) throw new Error(r.status); return r; });
  painted.then(() => import(bundle[0]))
    .then(({ default: init }) => init({ module_or_path: wasm }))
    .then(keepOffline)
    .catch((e) => {
      console.error('Honest Income: this page could not start', e);
      document.querySelector('.boot-slow')?.remove();
      const failed = document.querySelector(page ? '.boot-failed' : '#landing-notice');
      if (!page && failed) failed.textContent = "The plan in this address could not be checked here (this page's files did not arrive); the calculators below still open it.";
      if (failed) failed.hidden = false;
    });
})();
`;
}

/** embed.html: index.html without the landing's HTML, booting the bundle its `?embed=` names.
 * An address that names none gets a sentence and a link to the full app: embed.html may be
 * framed by any site, so it never starts the full app with the visitor's saved plans. */
function embedPage(indexHtml, bundles) {
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
  try {
    // Fetched once the loading screen is painted (as index.html's route script does).
    await (${afterFirstPaint()})();
    const wasm = fetch(bundle[1]).then((r) => { if (!r.ok) throw new Error(r.status); return r; });
    const { default: init } = await import(bundle[0]);
    await init({ module_or_path: wasm });
  } catch (e) {
    // A bundle that did not arrive (a half-uploaded site, or files this frame may not fetch).
    console.error('Honest Income: the embedded calculator could not start', e);
    document.querySelector('.boot-slow')?.remove();
    const failed = document.querySelector('.boot-failed');
    if (failed) failed.hidden = false;
  }
}
`;
  const routeTag = /\s*<script src="\.\/route-[^"]+"[^>]*><\/script>/;
  if (!routeTag.test(indexHtml)) fail('the route script tag was not found in index.html, so embed.html cannot be made from it');
  const staticPage = /<div id="static-page">[\s\S]*?<!-- end static-page -->/;
  if (!staticPage.test(indexHtml)) fail('the landing page\'s HTML (#static-page ... end static-page) was not found in index.html, so embed.html would show it');
  const staticFooter = /\s*(?:<!-- The footer every page[\s\S]*?-->\s*)?<footer id="static-footer"[\s\S]*?<\/footer>/;
  if (!staticFooter.test(indexHtml)) fail('the footer (#static-footer) was not found in index.html, so embed.html would show it');
  const slow = /<p class="boot-slow">[\s\S]*?<\/p>/;
  if (!slow.test(indexHtml)) fail('the boot-slow message was not found in index.html, so a blocked embed would say nothing');
  // Shown at once where the stylesheet is blocked too (plain text), after 5 s otherwise.
  const blocked = '<p class="boot-slow soon">Still loading. If this stays, the calculator\'s files are blocked in this frame: a frame sandboxed without allow-same-origin needs the calculator\'s site to send Access-Control-Allow-Origin: * with them. <a href="./" target="_blank" rel="noopener">Open the calculator on its own page</a>.</p>';
  const failed = /<p class="boot-failed"([^>]*)>[\s\S]*?<\/p>/;
  if (!failed.test(indexHtml)) fail('the boot-failed message was not found in index.html, so a page whose files did not arrive would say nothing');
  const failedHere = '<p class="boot-failed"$1>This calculator\'s files did not arrive: the site may be in the middle of an update, or this frame may not fetch them. <a href="./" target="_blank" rel="noopener">Open Honest Income on its own page</a>.</p>';
  return indexHtml
    .replace(failed, failedHere)
    .replace(/<html([^>]*)>/, '<html$1 data-page="embed">')
    .replace(staticPage, '')
    .replace(staticFooter, '')
    .replace(slow, blocked)
    .replace(routeTag, `\n    ${hashedScript('embed-boot', code).tag}`);
}
