// Honest Income's service worker: after the first visit every page works offline.
// Hashed files come from the cache first; pages try the network first, then the cache.
const CACHE = '__CACHE__';
// Every file but the pages' bundles: installed as one set.
const FILES = __FILES__;
// The pages' bundles: installed with the shell (the worker is registered once a page is
// interactive), except where the reader asked to save data: then each page keeps its own.
const BUNDLES = __BUNDLES__;
// Each file's subresource-integrity hash: a host that answers a missing file with its index
// page (200 OK), or a file cut short by an upload, never enters the cache.
const INTEGRITY = __INTEGRITY__;
// The hashed files this build's index.html names: an index that does not name them all is
// another build's (an upload still under way), and this build is then not installed.
const INDEX_NAMES = __INDEX_NAMES__;

const own = (f) => new URL(f, self.location).href;
const checked = (f, init = {}) => new Request(f, { ...init, integrity: INTEGRITY[f] ?? '' });
// The page registers `sw.js?save-data` where the reader asked to save data (it sees the same
// setting, and a test can set it there).
const savingData = () => new URL(self.location.href).searchParams.has('save-data')
  || self.navigator.connection?.saveData === true;

// Only a matching set of files is cached: every file must arrive, fresh from the network, and
// the index must be this build's. Otherwise installing fails, the previous build stays in
// charge with its own complete cache, and the next visit tries again.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // A build is installed whole: its shell and, unless saving data, every page's bundle. A file
    // that does not arrive (a half-finished upload) keeps the previous build in charge.
    const requests = [...FILES, ...(savingData() ? [] : BUNDLES)].map((f) => checked(f, { cache: 'reload' }));
    const responses = await Promise.all(requests.map((r) => fetch(r)));
    if (responses.some((r) => !r.ok)) throw new Error('a file of this build is missing');
    for (const [i, f] of FILES.entries()) {
      if (f !== './' && f !== './index.html') continue;
      const text = await responses[i].clone().text();
      if (!INDEX_NAMES.every((name) => text.includes(name))) throw new Error('the index is not this build\'s yet');
    }
    const cache = await caches.open(CACHE);
    await Promise.all(requests.map((r, i) => cache.put(r, responses[i])));
    await self.skipWaiting();
  })().catch(async (e) => {
    await caches.delete(CACHE);
    throw e;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('honest-income-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Puts a bundle file of this build in the cache, fetched only if it is not there yet (most
 * come from the browser's own cache: the page just loaded them). A file that does not arrive
 * is left out; the page that needs it fetches it again. */
async function keep(file) {
  const cache = await caches.open(CACHE);
  if (await cache.match(own(file))) return;
  const response = await fetch(checked(file)).catch(() => null);
  if (response?.ok) await cache.put(own(file), response);
}

// A page, once interactive, names the bundles to keep: every page's, or where the reader asked
// to save data, its own.
self.addEventListener('message', (event) => {
  const files = Array.isArray(event.data?.cache) ? event.data.cache.map(String) : [];
  event.waitUntil(Promise.all(BUNDLES.filter((f) => files.some((g) => own(g) === own(f))).map(keep)));
});

// How long a page waits for the network before opening the cached copy: a connection that is
// "online" but stalled would otherwise leave the reader on a blank page.
const NAVIGATION_WAIT_MS = 3000;

function wholeBuildCached() {
  return caches.open(CACHE)
    .then((cache) => Promise.all(BUNDLES.map((f) => cache.match(own(f)))))
    .then((hits) => hits.every(Boolean), () => false);
}

function cachedPage(request) {
  return caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || caches.match('./', { ignoreSearch: true }));
}

// Network first, so a new build is seen at once; the cached copy when the network fails, answers
// with an error (a half-uploaded site's 404) or has not answered within NAVIGATION_WAIT_MS.
function navigation(request) {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (response) => {
      if (!answered && response) {
        answered = true;
        resolve(response);
      }
    };
    const fromCache = () => cachedPage(request).then((hit) => { answer(hit); return hit; }, () => null);
    // Only a build cached whole stands in for a stalled network: with save-data, the cached
    // index may name another page's bundle that neither the cache nor the server has now.
    const timer = setTimeout(() => wholeBuildCached().then((whole) => whole && fromCache()), NAVIGATION_WAIT_MS);
    fetch(request).then((response) => {
      clearTimeout(timer);
      if (response.ok) return answer(response);
      return fromCache().then((hit) => { if (!hit) answer(response); });
    }, () => {
      clearTimeout(timer);
      return fromCache().then((hit) => { if (!hit) answer(Response.error()); });
    });
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
