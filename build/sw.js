// Honest Income's service worker: after the first visit the calculators work offline.
// Hashed files come from the cache first; pages try the network first, then the cache.
const CACHE = '__CACHE__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
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
