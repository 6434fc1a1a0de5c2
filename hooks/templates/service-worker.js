// The site's service worker: keeps the calculator pages working without a network.
//
// Registered by calculator.js once Python has loaded, at the site's root, so its scope
// is the whole site and nothing else. At install it stores, from the site itself, the
// calculator pages, the files they load, Pyodide and the engine archive, in one cache
// whose name carries a hash of those files' bytes; a new build is a new cache, and
// the old one is deleted when the new worker takes over. Afterwards, pages come from
// the network when there is one (else from the cache), every other file of the site
// from the cache first. It stores only the site's own files, never what a reader
// types, and it never handles, stores or makes a request to any other host.

// The build replaces this line with the version and the files to keep (relative to
// the site's root): see hooks/offline.py.
const BUILD = { version: "unbuilt", files: [] };

const PREFIX = "negotiate-benefits:";
const SCOPE = new URL(self.registration.scope);
const OURS = `${PREFIX}${SCOPE.pathname}:`;
const CACHE = `${OURS}${BUILD.version}`;

function inScope(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

function keep(cache, request, response) {
  if (response.ok && response.type === "basic") return cache.put(request, response.clone());
  return Promise.resolve();
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const requests = BUILD.files.map((file) => new Request(new URL(file, SCOPE), { cache: "no-cache" }));
    await cache.addAll(requests);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // Other builds' caches of this site (the calculators' worker keeps its own, "inflated").
    const builds = names.filter((name) => name.startsWith(OURS)
      && /^[0-9a-f]{12}$/.test(name.slice(OURS.length)));
    await Promise.all(builds.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// A page: the network's copy when there is one (kept for next time), else the cache's.
async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await keep(cache, request, response);
      return response;
    }
    return (await cache.match(request, { ignoreSearch: true })) || response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

// Any other file of the site: the cache's copy, else the network's (kept for next time).
async function fileFirstFromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  await keep(cache, request, response);
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Anything else goes on as if there were no service worker: another host, a request
  // that is not a plain GET, a byte range.
  if (request.method !== "GET" || !inScope(url) || request.headers.has("range")) return;
  event.respondWith(request.mode === "navigate"
    ? pageFirstFromNetwork(request) : fileFirstFromCache(request));
});
