// A plain static file server for dist/, mounted under a sub-path the way a CDN folder would be.
// No rewrites: a path that is not a file is a 404, so the app must work with relative URLs only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads a Netlify / Cloudflare Pages `_headers` file: [{ pattern: RegExp, headers }]. */
export function loadHeaderRules(file) {
  if (!fs.existsSync(file)) return [];
  const rules = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1].headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

// Compressed bodies are cached per file and encoding: brotli at level 11 takes a moment on the wasm.
const compressedCache = new Map();
function compressed(file, encoding) {
  const key = `${encoding}:${file}:${fs.statSync(file).mtimeMs}`;
  if (!compressedCache.has(key)) {
    const body = fs.readFileSync(file);
    compressedCache.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return compressedCache.get(key);
}

function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(file);
    else for (const encoding of ['br', 'gzip']) compressed(file, encoding);
  }
}

function pickEncoding(accept) {
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

/** Serves `root` at `base` (e.g. "/tools/calc/") on 127.0.0.1 with the headers of its
 * `_headers` file (unless `headersFile` is false; `hold(url)` may return a promise to wait for), as a CDN would (with `compress`, also gzip or brotli as the browser asks); resolves to { url, close }. */
export function serveStatic({ root, base = '/tools/calc/', port = 0, headers = {}, compress = false, headersFile = true, hold = null }) {
  const rootDir = path.resolve(root);
  // A CDN compresses once and serves from its cache: compressing on the first request instead
  // delayed the wasm by over a second, which Lighthouse then counted as server time.
  if (compress) precompress(rootDir);
  // headersFile: false serves as a host with no special headers would (no CORS, no CSP).
  const rules = headersFile ? loadHeaderRules(path.join(rootDir, '_headers')) : [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    // hold(url) may return a promise the answer waits for: a stalled network, by test.
    await hold?.(url);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootDir, rel);
    if (!file.startsWith(rootDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const fromFile = Object.assign({}, ...rules.filter((r) => r.pattern.test(url.pathname)).map((r) => r.headers));
    const head = { 'content-type': type, 'cache-control': 'no-store', ...fromFile, ...headers };
    const encoding = compress ? pickEncoding(req.headers['accept-encoding'] ?? '') : null;
    if (!encoding) {
      res.writeHead(200, head);
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(200, { ...head, 'content-encoding': encoding, vary: 'Accept-Encoding' });
    res.end(compressed(file, encoding));
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}${base}`,
        close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
      });
    });
  });
}

// `node tests/e2e/server.mjs [port]` serves dist/ for a look by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8090);
  serveStatic({ root: 'dist', port, compress: true }).then(({ url }) => console.log(`serving dist/ at ${url}`));
}
