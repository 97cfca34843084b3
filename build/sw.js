// Honest Income's service worker: after the first visit the calculators work offline.
// Hashed files come from the cache first; pages try the network first, then the cache.
const CACHE = '__CACHE__';
const FILES = __FILES__;
// The hashed files this build's index.html names: an index that does not name them all is
// another build's (an upload still under way), and this build is then not installed.
const INDEX_NAMES = __INDEX_NAMES__;

// Only a matching set of files is cached: every file must arrive, fresh from the network, and
// the index must be this build's. Otherwise installing fails, the previous build stays in
// charge with its own complete cache, and the next visit tries again.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const requests = FILES.map((f) => new Request(f, { cache: 'reload' }));
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() =>
      caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((hit) => hit || caches.match('./', { ignoreSearch: true }))));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
