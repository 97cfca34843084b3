// The post-build hook: a Trunk output it does not recognise stops the build with a sentence
// instead of shipping a site the CSP blocks or an embed.html without its bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HOOK = new URL('../../build/postbuild.mjs', import.meta.url).pathname;

function runHook(indexHtml, profile = 'debug') {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'postbuild-'));
  fs.writeFileSync(path.join(staging, 'index.html'), indexHtml);
  const run = spawnSync('node', [HOOK], {
    env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_PROFILE: profile },
    encoding: 'utf8',
  });
  const files = fs.readdirSync(staging).sort();
  fs.rmSync(staging, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, files };
}

const TRUNK_LIKE = `<!doctype html><html><head>
<link rel="stylesheet" href="./main-1.css" integrity="sha384-x">
<script type="module">import init from './honest-income-1.js'; init();</script>
</head><body><div id="boot-shell"></div></body></html>`;

test('a Trunk output the hook recognises: boot script moved out, embed page, service worker', () => {
  const { status, stderr, files } = runHook(TRUNK_LIKE);
  assert.equal(status, 0, stderr);
  assert.ok(files.some((f) => /^boot-[0-9a-f]{16}\.js$/.test(f)), files.join(' '));
  for (const f of ['_headers', 'embed.html', 'index.html', 'sw.js']) assert.ok(files.includes(f), f);
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
