// Module Web Worker: one per visit. Loads Pyodide and our wheel from the site
// itself and answers {id, tool, action, input, files} with the tool's envelope.
// No business logic here: everything is tools.dispatch.call in Python, which may
// first answer {needs: PACKAGE} (openpyxl for an .xlsx file): install, call again.
const base = new URL("../", import.meta.url);          // the site root
const pyodideURL = new URL("_pyodide/", base);
const wheelsURL = new URL("_tools/", base);

const post = (msg) => self.postMessage(msg);
let manifest;
const installed = new Set();

// Pyodide logs a failed download of its core and then waits forever, so every
// fetch in this worker goes through a wrapper that reports a failure at once
// (the page then drops this worker) and counts downloaded bytes for the status.
const realFetch = self.fetch.bind(self);
const sizes = new Map();   // url -> [loaded, total]
let lastReport = 0;
let stage = "runtime";     // runtime | restore: what the download progress belongs to

function fail(url, reason) {
  post({ type: "fatal", detail: `${new URL(url).pathname}: ${reason}` });
}

function reportProgress(force) {
  const now = Date.now();
  if (!force && now - lastReport < 200) return;
  lastReport = now;
  let loaded = 0, total = 0;
  for (const [done, size] of sizes.values()) { loaded += done; total += size; }
  post({ type: "progress", stage, loaded, total });
}

self.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, self.location.href).href;
  let response;
  try {
    response = await realFetch(input, init);
  } catch (err) {
    fail(url, "网络中断");
    throw err;
  }
  if (!response.ok) {
    fail(url, `HTTP ${response.status}`);
    return response;
  }
  // Served with another type, the wasm is refused and Pyodide waits forever too:
  // say so at once (a deployment setting, see README "Deploying").
  const type = response.headers.get("Content-Type") || "";
  if (url.endsWith(".wasm") && !type.startsWith("application/wasm")) {
    fail(url, `服务器把它当作“${type || "未知类型"}”发送，应为 application/wasm（请管理员按部署说明设置）`);
    return response;
  }
  // Only the runtime download is big enough to be worth a progress figure.
  if (!response.body || !url.startsWith(pyodideURL.href)) return response;
  const total = Number(response.headers.get("Content-Length")) || 0;
  sizes.set(url, [0, total]);
  const reader = response.body.getReader();
  const counted = new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) { reportProgress(true); controller.close(); return; }
        sizes.get(url)[0] += value.length;
        reportProgress(false);
        controller.enqueue(value);
      } catch (err) {
        fail(url, "下载中断");
        controller.error(err);
      }
    },
  });
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Each wheel is downloaded once; ours starts downloading while Pyodide loads.
const downloads = new Map();
function wheel(name) {
  if (!downloads.has(name)) downloads.set(name, fetchBytes(new URL(name, wheelsURL)));
  return downloads.get(name);
}

async function install(pyodide, names) {
  for (const name of names) {
    if (installed.has(name)) continue;
    const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
    pyodide.unpackArchive(await wheel(name), "wheel", { extractDir: site });
    installed.add(name);
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

// A memory snapshot of Python with our tools imported, made in this browser after
// the first full start and kept gzip-compressed in Cache Storage (outside the
// service worker's kb-* caches, which each deployment replaces). It is keyed by the
// Pyodide core's hash and the tools wheel's name (a content hash), plus FORMAT for
// what this file imports before making it: any other key, or bytes that do not
// decompress and restore, and it is deleted and Python starts the long way.
// It is made before the worker handles any input, so it never holds borrower data.
const FORMAT = 1;
const SNAPSHOT_CACHE = "huifang-python-snapshot";
const snapshotURL = new URL("_snapshot/python.gz", base).href;
const KEY_HEADER = "X-KB-Snapshot-Key";

// The stored snapshot if it has this key (one with another key is deleted).
async function findSnapshot(key) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const hit = await cache.match(snapshotURL);
    if (hit && hit.headers.get(KEY_HEADER) === key) return hit;
    if (hit) await cache.delete(snapshotURL);
  } catch { /* no Cache Storage: start the long way */ }
  return null;
}

// Its bytes; rejects on a corrupt one (gzip checks its length and CRC).
async function gunzip(response) {
  const raw = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(raw).arrayBuffer());
}

async function dropSnapshot() {
  try { await (await caches.open(SNAPSHOT_CACHE)).delete(snapshotURL); } catch { /* no Cache Storage */ }
}

async function storeSnapshot(bytes, key) {
  try {
    const gz = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
    const body = await new Response(gz).blob();
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(snapshotURL, new Response(body, { headers: { [KEY_HEADER]: key, "Content-Type": "application/gzip" } }));
    post({ type: "snapshot", state: "stored", bytes: body.size });
  } catch {
    post({ type: "snapshot", state: "not-stored" });  // e.g. storage full: next visit starts the long way
  }
}

const fetchManifest = () => fetch(new URL("manifest.json", wheelsURL), { cache: "no-cache" })
  .then((r) => { if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`); return r.json(); });

async function start() {
  post({ type: "progress", stage: "runtime" });
  const manifestPromise = fetchManifest();
  manifestPromise.then((m) => wheel(m.tools)).catch(() => {});  // failures surface in install()
  const pyodideModule = import(new URL("pyodide.mjs", pyodideURL).href);
  manifest = await manifestPromise;
  const key = `${FORMAT}/${manifest.runtime}/${manifest.tools}`;
  const found = manifest.runtime ? findSnapshot(key) : null;
  const { loadPyodide } = await pyodideModule;
  const snapshot = await found;
  if (snapshot) {
    stage = "restore";
    post({ type: "progress", stage });
    try {
      // Decompressed while Pyodide compiles its wasm: it takes the bytes as a promise.
      const pyodide = await loadPyodide({ indexURL: pyodideURL.href, _loadSnapshot: gunzip(snapshot) });
      // The file system is new: unpack the wheel again for what imports lazily.
      await install(pyodide, [manifest.tools]);
      const call = pyodide.pyimport("tools.dispatch").call;
      post({ type: "ready", snapshot: "restored" });
      return { pyodide, call };
    } catch {
      await dropSnapshot();
      installed.clear();
      stage = "runtime";
      post({ type: "progress", stage });
    }
  }
  const pyodide = await loadPyodide({ indexURL: pyodideURL.href, _makeSnapshot: Boolean(manifest.runtime) });
  post({ type: "progress", stage: "tools" });
  await install(pyodide, [manifest.tools]);
  pyodide.runPython("import tools.dispatch; tools.dispatch.preload()");
  // The page turns ready now; the snapshot is made in this same task, so a message
  // (a queued first answer included) is handled only after it: no input in it.
  post({ type: "ready", snapshot: manifest.runtime ? "made" : "none" });
  let made = null;
  if (manifest.runtime) {
    try {
      made = pyodide.makeMemorySnapshot();
    } catch {
      post({ type: "snapshot", state: "not-made" });
    }
  }
  const call = pyodide.pyimport("tools.dispatch").call;
  if (made) storeSnapshot(made, key);   // compressed and stored in the background
  return { pyodide, call };
}

const ready = start();
ready.catch((err) => post({ type: "fatal", detail: String(err?.message || err) }));

self.onmessage = async ({ data: msg }) => {
  let runtime;
  try {
    runtime = await ready;
  } catch {
    return;  // "fatal" was already posted; the page restarts the worker
  }
  try {
    const files = runtime.pyodide.toPy(msg.files || {});
    const payload = JSON.stringify(msg.input);
    let reply = JSON.parse(runtime.call(msg.tool, msg.action, payload, files));
    if (reply.needs) {
      const wheels = manifest.optional[reply.needs];
      if (!wheels) throw new Error(`no optional package ${reply.needs}`);
      await install(runtime.pyodide, wheels);
      reply = JSON.parse(runtime.call(msg.tool, msg.action, payload, files));
      if (reply.needs) throw new Error(`${reply.needs} installed but still missing`);
    }
    files.destroy();
    post({ type: "result", id: msg.id, envelope: reply });
  } catch (err) {
    // A Python exception other than InputError is a bug: pass on its last line
    // (exception type and message), which is the short detail the page shows.
    const lines = String(err?.message || err).trim().split("\n");
    post({ type: "bug", id: msg.id, detail: lines[lines.length - 1] });
  }
};
