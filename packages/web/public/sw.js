/* DVC Quảng Ngãi service worker (hand-written, no build step).
 * - install: cache the app shell (index.html + the hashed assets it links + icons + manifest);
 * - navigations: network first, cached index.html when offline (the app routes on the client); only
 *   the app's own index.html is cached, never the server's other pages (payment sandbox, VNeID);
 * - /api GETs: network first; the procedure catalog answers (list, topics, one procedure) and the
 *   commune list are kept as the offline fallback. Personal answers (/auth/me, my dossiers) are not
 *   cached here: they would outlive sign-out in a place the app's purge cannot see;
 * - other same-origin GETs (hashed assets): cache first;
 * - never anything but GET: POSTs (submissions, sign-in) always go to the network; the app's own
 *   outbox (IndexedDB, encrypted) does the retrying with an Idempotency-Key;
 * - push: the server's Web Push payload { title, body, code, url } shown as a notification; a tap
 *   focuses an open window of the app (navigated to `url`) or opens one. */
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

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

/**
 * Navigations: network first, the cached shell offline. Only the app's own index.html is kept as
 * the shell: the server also renders pages of its own (the payment sandbox, the local VNeID login),
 * and storing one of those as /index.html would show it in place of the app when offline.
 */
async function navigation(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      const html = await response.clone().text();
      if (html.includes('<div id="root">')) {
        await (await caches.open(SHELL)).put(
          '/index.html',
          new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
        );
      }
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/index.html');
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
    event.respondWith(navigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(cacheFirst(request));
  }
});

const DEFAULT_TITLE = 'DVC Quảng Ngãi';

/** Only our own paths: a payload must not send the citizen to another site. */
function safeUrl(url) {
  try {
    const u = new URL(url || '/thong-bao', self.location.origin);
    return u.origin === self.location.origin ? u.href : new URL('/thong-bao', self.location.origin).href;
  } catch {
    return new URL('/thong-bao', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const url = safeUrl(data.url || (data.code ? `/ho-so/${encodeURIComponent(data.code)}` : '/thong-bao'));
  event.waitUntil(
    self.registration.showNotification(data.title || DEFAULT_TITLE, {
      body: data.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/maskable-192.png',
      lang: 'vi',
      // One notification per dossier on the phone's shade: a newer state replaces the older one.
      tag: data.code ? `dossier-${data.code}` : undefined,
      renotify: Boolean(data.code),
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = safeUrl(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      for (const client of windows) {
        if (new URL(client.url).origin !== self.location.origin) continue;
        await client.focus();
        if ('navigate' in client) return client.navigate(url);
        return;
      }
      return self.clients.openWindow(url);
    })(),
  );
});
