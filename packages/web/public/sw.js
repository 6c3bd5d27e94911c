/* DVC Quảng Ngãi service worker (hand-written, no build step).
 * - install: cache the app shell (index.html + the hashed assets it links + icons + manifest);
 * - navigations: network first, cached index.html when offline (the app routes on the client);
 * - /api GETs: network first; the procedure catalog answers (list, topics, one procedure) and the
 *   commune list are kept as the offline fallback. Personal answers (/auth/me, my dossiers) are not
 *   cached here: they would outlive sign-out in a place the app's purge cannot see;
 * - other same-origin GETs (hashed assets): cache first;
 * - never anything but GET: POSTs (submissions, sign-in) always go to the network; the app's own
 *   outbox (IndexedDB, encrypted) does the retrying with an Idempotency-Key. */
const VERSION = 'dvc-v1';
const SHELL = `${VERSION}-shell`;
const API = `${VERSION}-api`;
const CACHEABLE_API = [/^\/api\/v1\/procedures(\/|\?|$)/, /^\/api\/v1\/procedure-topics/, /^\/api\/v1\/admin-units/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const html = await (await fetch('/index.html', { cache: 'no-cache' })).text();
      // The built index.html names its hashed entry script and stylesheet; cache those with it.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.put('/index.html', new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
      await cache.addAll([...new Set(assets), '/manifest.webmanifest', '/icons/icon-192.png', '/icons/maskable-192.png']);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!name.startsWith(VERSION)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(cacheName)).put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Lazy chunks (the filing wizard) are cached the first time they load, so they work offline after.
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return; // never cache POSTs
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (CACHEABLE_API.some((re) => re.test(url.pathname + url.search))) {
      event.respondWith(networkFirst(request, API));
    }
    return; // other API GETs: straight to the network
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(cacheFirst(request));
  }
});
