// The post-build hook: a Trunk output it does not recognise stops the build with a sentence
// instead of shipping a site the CSP blocks or an embed.html without its bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const HOOK = new URL('../../build/postbuild.mjs', import.meta.url).pathname;

function runHook(indexHtml, profile = 'debug', otherFiles = {}) {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'postbuild-'));
  fs.writeFileSync(path.join(staging, 'index.html'), indexHtml);
  for (const [name, text] of Object.entries(otherFiles)) fs.writeFileSync(path.join(staging, name), text);
  const run = spawnSync('node', [HOOK], {
    // No cargo here: the hook's own steps, without building the bundles.
    env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_PROFILE: profile, POSTBUILD_NO_BUNDLES: '1' },
    encoding: 'utf8',
  });
  const files = fs.readdirSync(staging).sort();
  const index = fs.readFileSync(path.join(staging, 'index.html'), 'utf8');
  const routeFile = files.find((f) => /^route-[0-9a-f]{16}\.js$/.test(f));
  const route = routeFile ? fs.readFileSync(path.join(staging, routeFile), 'utf8') : '';
  const sw = files.includes('sw.js') ? fs.readFileSync(path.join(staging, 'sw.js'), 'utf8') : '';
  const embed = files.includes('embed.html') ? fs.readFileSync(path.join(staging, 'embed.html'), 'utf8') : '';
  const read = (name) => fs.readFileSync(path.join(staging, name), 'utf8');
  const texts = Object.fromEntries(files.filter((f) => f.endsWith('.css')).map((f) => [f, read(f)]));
  fs.rmSync(staging, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, files, index, route, sw, embed, texts };
}

const TRUNK_LIKE = `<!doctype html><html><head>
<link rel="stylesheet" href="./main-1.css" integrity="sha384-x">
<link rel="modulepreload" href="./honest-income-1.js" crossorigin="anonymous">
<script type="module">import init, * as bindings from './honest-income-1.js'; await init({ module_or_path: './honest-income-1_bg.wasm' });</script>
</head><body><div id="static-page"><main>Landing</main></div><!-- end static-page -->
<div id="boot-shell"><p class="boot-slow">Still loading</p><p class="boot-failed" hidden>Did not arrive</p></div>
<footer id="static-footer" class="site-footer"><p>Computed in your browser</p></footer></body></html>`;

test('a Trunk output the hook recognises: a route script instead of the boot script, embed page, service worker', () => {
  const { status, stderr, files, index, route, sw, embed } = runHook(TRUNK_LIKE);
  // The scripts it writes parse (a stray quote in a generated sentence once broke every page).
  assert.doesNotThrow(() => new vm.Script(route), 'the route script parses');
  assert.doesNotThrow(() => new vm.Script(sw), 'the service worker parses');
  assert.equal(status, 0, stderr);
  assert.ok(files.some((f) => /^route-[0-9a-f]{16}\.js$/.test(f)), files.join(' '));
  for (const f of ['_headers', 'embed.html', 'index.html', 'sw.js']) assert.ok(files.includes(f), f);
  assert.doesNotMatch(index, /<script type="module">/, 'no inline script is left');
  assert.doesNotMatch(index, /modulepreload/, 'the landing page preloads no wasm bundle');
  assert.match(index, /<script src="\.\/route-[0-9a-f]{16}\.js" integrity="sha384-[^"]+"><\/script>\s*<\/head>/);
  // The full app's footer is on screen while a page loads; an embed has a footer of its own.
  assert.match(index, /<footer id="static-footer"/);
  assert.doesNotMatch(embed, /static-footer|Computed in your browser/);
  assert.doesNotMatch(embed, /Landing/);
});

test('a release build ships the stylesheet minified, under its new hash and integrity', () => {
  const css = '/* The page. */\nbody {\n  margin: 0;\n  color: #222222;\n}\n';
  const { status, stderr, files, index, embed, sw, texts } = runHook(TRUNK_LIKE, 'release', { 'main-1.css': css });
  assert.equal(status, 0, stderr);
  const name = files.find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  assert.ok(name && !files.includes('main-1.css'), files.join(' '));
  const shipped = texts[name];
  assert.ok(shipped.length < css.length / 2 && /body\s*\{\s*margin:\s*0;?\s*color:\s*#222;?\s*\}/.test(shipped), shipped);
  const integrity = 'sha384-' + crypto.createHash('sha384').update(shipped).digest('base64');
  for (const page of [index, embed]) assert.ok(page.includes(`href="./${name}" integrity="${integrity}"`), page);
  assert.ok(sw.includes(`./${name}`) && !sw.includes('main-1.css'), 'the service worker caches the minified file');
});

test('a release build whose linked stylesheet is missing stops and says which', () => {
  const { status, stderr } = runHook(TRUNK_LIKE, 'release');
  assert.notEqual(status, 0);
  assert.match(stderr, /index\.html links main-1\.css, which Trunk did not write/);
});

test('a Trunk output without the footer stops the build and says why', () => {
  const { status, stderr } = runHook(TRUNK_LIKE.replace(/<footer[\s\S]*?<\/footer>/, ''));
  assert.equal(status, 1);
  assert.match(stderr, /postbuild: the footer \(#static-footer\)/);
});

test('a Trunk output without the landing page\'s HTML markers stops the build and says why', () => {
  const { status, stderr } = runHook(TRUNK_LIKE.replace('<!-- end static-page -->', ''));
  assert.equal(status, 1);
  assert.match(stderr, /postbuild: the landing page's HTML/);
});

test('without the inline boot script the build stops and says why', () => {
  const { status, stderr } = runHook(TRUNK_LIKE.replace(/<script type="module">[\s\S]*?<\/script>/, ''));
  assert.equal(status, 1);
  assert.match(stderr, /postbuild: Trunk's inline boot script was not found in index\.html/);
});

test('outside Trunk the hook refuses to run', () => {
  const run = spawnSync('node', [HOOK], { env: { ...process.env, TRUNK_STAGING_DIR: '' }, encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /TRUNK_STAGING_DIR is not set/);
});
