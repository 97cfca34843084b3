// The example _headers under both hosts' matching rules: every page of the app gets its CSP and
// frame-ancestors at a site root and in a sub-folder, and no header is sent twice.
// Netlify: `*` matches any run of characters, slashes included, even none. Cloudflare Pages: a
// splat matches one or more characters, and a rule may hold one splat only. Both apply every
// matching rule, a header named by two of them getting both values joined by a comma.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const FILE = new URL('../../build/_headers', import.meta.url);

function rules() {
  const found = [];
  for (const line of fs.readFileSync(FILE, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) found.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      found.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return found;
}

const HOSTS = {
  netlify: (path) => new RegExp(`^${path.split('*').map(escape).join('.*')}$`),
  'cloudflare pages': (path) => new RegExp(`^${path.split('*').map(escape).join('.+')}$`),
};
function escape(text) {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The headers `url` gets on `host`: name -> every value sent. */
function headersFor(host, url) {
  const sent = {};
  for (const rule of rules()) {
    if (!HOSTS[host](rule.path).test(url)) continue;
    for (const [name, value] of rule.headers) (sent[name] ??= []).push(value);
  }
  return sent;
}

const APP = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'"];
const EMBED = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 'frame-ancestors *'];

test('every rule holds at most one splat (a Cloudflare Pages limit)', () => {
  for (const rule of rules()) assert.ok(rule.path.split('*').length <= 2, rule.path);
});

for (const host of Object.keys(HOSTS)) {
  for (const folder of ['/', '/tools/', '/blog/tools/calc/']) {
    test(`${host}, served from ${folder}: the app refuses frames, embed.html allows them, one CSP each`, () => {
      for (const [page, wanted] of [['', APP], ['index.html', APP], ['embed.html', EMBED]]) {
        const sent = headersFor(host, folder + page);
        assert.equal(sent['content-security-policy']?.length, 1, `${folder}${page}: one CSP, got ${JSON.stringify(sent['content-security-policy'])}`);
        for (const part of wanted) assert.ok(sent['content-security-policy'][0].includes(part), `${folder}${page}: ${part}`);
        assert.deepEqual(sent['cache-control'], ['no-cache'], `${folder}${page} is checked on every visit`);
        // At the root Netlify sends these twice (`/*` and `/` both match), the same value each
        // time: browsers read "nosniff, nosniff" as nosniff, and a Referrer-Policy list as its
        // last valid token.
        assert.ok(sent['x-content-type-options']?.every((v) => v === 'nosniff'), `${folder}${page}: nosniff`);
        assert.ok(sent['referrer-policy']?.every((v) => v === 'strict-origin-when-cross-origin'));
      }
      for (const file of ['honest-income-0123abcd_bg.wasm', 'embed-pricing-0123abcd_bg.wasm', 'main-0123abcd.css', 'boot-0123abcd.js']) {
        const sent = headersFor(host, folder + file);
        const cached = file.endsWith('.js') ? undefined : ['public, max-age=31536000, immutable'];
        assert.deepEqual(sent['cache-control'], cached, folder + file);
        assert.deepEqual(sent['access-control-allow-origin'], ['*'], `${folder}${file}: the strictest sandbox fetches it with CORS`);
        assert.equal(sent['content-security-policy'], undefined);
      }
      assert.deepEqual(headersFor(host, `${folder}sw.js`)['cache-control'], ['no-cache']);
    });
  }
}
