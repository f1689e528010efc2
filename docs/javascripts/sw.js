// Service worker source. The build (tools/build/hook_service_worker.py) writes it
// to the site root as sw.js with the version and the precache manifests filled in.
// Each manifest maps a path to its content hash (its revision), as Workbox's
// precache manifest does: a new version copies every file whose revision did not
// change from the previous cache and downloads only the rest. One cache per
// version: a page is always served from one version's files, never a mix.
const VERSION = "__KB_VERSION__";
const CORE = __KB_CORE__;    // pages, search index, assets: cached after the first visit
const TOOLS = __KB_TOOLS__;  // Pyodide core and our wheels: cached once a tool page is used
const CACHE = `kb-${VERSION}`;
// Each cache keeps the revisions it was filled with, under a key no page uses.
const REVISIONS_KEY = "__kb-revisions__.json";

const absolute = (path) => new URL(path, self.registration.scope).href;

async function previousCaches() {
  const found = [];
  for (const name of await caches.keys()) {
    if (name === CACHE || !name.startsWith("kb-")) continue;
    const cache = await caches.open(name);
    const stored = await cache.match(absolute(REVISIONS_KEY));
    if (stored) found.push({ cache, revisions: await stored.json() });
  }
  return found;
}

// Put every file of `manifest` in `cache`: unchanged files from an older cache,
// the others from the network (cache: "reload" skips the HTTP cache, so a new
// version never stores old bytes).
async function fill(cache, manifest) {
  const older = await previousCaches();
  const download = [];
  for (const [path, revision] of Object.entries(manifest)) {
    if (await cache.match(absolute(path))) continue;
    let copied = false;
    for (const { cache: old, revisions } of older) {
      if (revisions[path] !== revision) continue;
      const hit = await old.match(absolute(path));
      if (hit) {
        await cache.put(absolute(path), hit);
        copied = true;
        break;
      }
    }
    if (!copied) download.push(new Request(absolute(path), { cache: "reload" }));
  }
  await cache.addAll(download);
  await cache.put(
    absolute(REVISIONS_KEY),
    new Response(JSON.stringify({ ...CORE, ...TOOLS }), { headers: { "Content-Type": "application/json" } }),
  );
}

async function hasAll(cache, manifest) {
  for (const path of Object.keys(manifest)) if (!(await cache.match(absolute(path)))) return false;
  return true;
}

async function olderVersionHadTools() {
  for (const { cache } of await previousCaches()) {
    if (await cache.match(absolute("_pyodide/pyodide.asm.wasm"))) return true;
  }
  return false;
}

async function broadcast(msg) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
    client.postMessage(msg);
  }
}

async function status() {
  const cache = await caches.open(CACHE);
  return { type: "status", version: VERSION, pages: await hasAll(cache, CORE), tools: await hasAll(cache, TOOLS) };
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await fill(cache, CORE);
    // Someone who used the tools offline before keeps them after an update.
    if (await olderVersionHadTools()) await fill(cache, TOOLS);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kb-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
    await broadcast(await status());
  })());
});

self.addEventListener("message", (event) => {
  const { type } = event.data || {};
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "status") event.waitUntil(status().then((s) => event.source.postMessage(s)));
  else if (type === "cache-tools") {
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      if (!(await hasAll(cache, TOOLS))) await fill(cache, TOOLS);
      await broadcast(await status());
    })());
  }
});

const OFFLINE_PAGE = `<!doctype html><html lang="zh"><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>离线</title>
<body style="font-family:sans-serif;padding:2em;max-width:36em"><h1>当前处于离线状态</h1>
<p>这个页面还没有保存到本机。联网后打开一次本站，所有页面都会自动保存，之后即可离线使用。</p>
<p><a href="${self.registration.scope}">返回首页</a></p></body></html>`;

async function respond(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const url = new URL(request.url);
  if (request.mode === "navigate" && !url.pathname.endsWith("/")) {
    const dir = await cache.match(`${url.href}/`, { ignoreSearch: true });
    if (dir) return dir;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === "navigate") {
      return new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
