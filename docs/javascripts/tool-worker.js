// Module Web Worker: one per visit. Loads Pyodide and our wheel from the site
// itself and answers {id, tool, action, input, files} with the tool's envelope.
// No business logic here: everything is tools.dispatch.call in Python, which may
// first answer {needs: PACKAGE} (openpyxl for an .xlsx file): install, call again.
const base = new URL("../", import.meta.url);          // the site root
const pyodideURL = new URL("_pyodide/", base);
const wheelsURL = new URL("_tools/", base);
const asmURL = new URL("pyodide.asm.mjs", pyodideURL).href;

const post = (msg) => self.postMessage(msg);
// Start-up marks for `make bench` and profiling: the page keeps them in kbTools.marks,
// as ms since the page's own time origin.
const mark = (name) => post({ type: "mark", name, at: performance.timeOrigin + performance.now() });
let manifest;
const installed = new Set();

// Pyodide logs a failed download of its core and then waits forever, so every
// fetch in this worker goes through a wrapper that reports a failure at once
// (the page then drops this worker) and counts downloaded bytes for the status.
const realFetch = self.fetch.bind(self);
const sizes = new Map();   // url -> [loaded, total]
let lastReport = 0;
let stage = "runtime";     // runtime | restore: what the download progress belongs to
let lastActivity = 0;      // when a download last moved (Date.now()), for guardStall

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
        lastActivity = Date.now();
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

// A restore that neither ends nor fails (Pyodide waits forever when its wasm does
// not instantiate) is given up once nothing has been downloaded for STALL_MS, so a
// slow link still restores. 8 s: 3 x the slowest restore measured (0.5-2.7 s from
// the snapshot found to Python restored, 2 cores, load average 5-12).
const STALL_MS = 8000;

function guardStall(promise) {
  lastActivity = Date.now();
  let timer;
  const stalled = new Promise((_, reject) => {
    timer = setInterval(() => {
      if (Date.now() - lastActivity > STALL_MS) reject(new Error("restore stalled"));
    }, 250);
  });
  return Promise.race([promise, stalled]).finally(() => clearInterval(timer));
}

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
// the first full start and kept in Cache Storage (outside the service worker's kb-*
// caches, which each deployment replaces). It is keyed by the Pyodide core's hash
// and the tools wheel's name (a content hash), plus FORMAT for what this file
// imports before making it and how it stores it (3: raw bytes, their size and
// SHA-256 in headers: gzip's inflate was ~0.4 s of every restore, its longest step).
// Any other key, bytes of another size or digest, or a restore that fails or stalls,
// and it is deleted and Python starts the long way.
// It is made before the worker handles any input, so it never holds borrower data.
const FORMAT = 3;
const SNAPSHOT_CACHE = "huifang-python-snapshot";
const snapshotURL = new URL("_snapshot/python", base).href;
const KEY_HEADER = "X-KB-Snapshot-Key";
const SIZE_HEADER = "X-KB-Snapshot-Size";
const DIGEST_HEADER = "X-KB-Snapshot-SHA256";

// The stored snapshot, looked up as the worker starts (before the manifest gives its
// key: a lookup in a fresh profile took up to 100 ms), without creating its cache.
function lookUpSnapshot() {
  return Promise.resolve()
    .then(() => caches.match(snapshotURL, { cacheName: SNAPSHOT_CACHE }))
    .catch(() => undefined);  // no Cache Storage: start the long way
}

// The looked-up snapshot if it has this key; anything else in its cache is deleted
// (a snapshot of another key or of an older FORMAT, under any name).
async function findSnapshot(lookup, key) {
  try {
    const hit = await lookup;
    if (hit && hit.headers.get(KEY_HEADER) === key) return hit;
    if (hit || (await caches.has(SNAPSHOT_CACHE))) await dropSnapshot();
  } catch { /* no Cache Storage: start the long way */ }
  return null;
}

// Python restored from `snapshot` (a Cache Storage response). Pyodide needs only the
// snapshot's size to start: its wasm is compiled while the bytes are read into place
// and checked, and the module it builds is handed over once both are done (Pyodide
// copies the bytes into Python's memory right after).
function restore(loadPyodide, snapshot) {
  const bytes = new Uint8Array(Number(snapshot.headers.get(SIZE_HEADER)));
  const filled = readSnapshot(snapshot, bytes).then(() => mark("snapshot read"));
  filled.catch(() => {});  // also rejects the Promise.all below
  return loadPyodide({
    indexURL: pyodideURL.href,
    _loadSnapshot: bytes,
    createPyodideModule: async (settings) => {
      const { default: create } = await import(asmURL);
      const [module] = await Promise.all([create(settings), filled]);
      return module;
    },
  });
}

// Its bytes written into `target` as they arrive, so Pyodide can start on the
// snapshot's known size before they are in. Rejects on a corrupt one: the size and
// the SHA-256 must be the ones stored beside it.
async function readSnapshot(response, target) {
  const reader = response.body.getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > target.length) throw new Error("snapshot longer than its size");
    target.set(value, at);
    at += value.length;
  }
  if (at !== target.length) throw new Error("snapshot shorter than its size");
  if ((await sha256(target)) !== response.headers.get(DIGEST_HEADER)) throw new Error("snapshot digest differs");
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function dropSnapshot() {
  try { await caches.delete(SNAPSHOT_CACHE); } catch { /* no Cache Storage */ }
}

async function storeSnapshot(bytes, key) {
  try {
    const headers = {
      [KEY_HEADER]: key,
      [SIZE_HEADER]: String(bytes.length),
      [DIGEST_HEADER]: await sha256(bytes),
      "Content-Type": "application/octet-stream",
    };
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(snapshotURL, new Response(bytes, { headers }));
    post({ type: "snapshot", state: "stored", bytes: bytes.length });
  } catch {
    post({ type: "snapshot", state: "not-stored" });  // e.g. storage full: next visit starts the long way
  }
}

const fetchManifest = () => fetch(new URL("manifest.json", wheelsURL), { cache: "no-cache" })
  .then((r) => { if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`); return r.json(); });

async function start() {
  mark("worker");
  post({ type: "progress", stage: "runtime" });
  const manifestPromise = fetchManifest();
  const lookup = lookUpSnapshot();
  manifestPromise.then((m) => wheel(m.tools)).catch(() => {});  // failures surface in install()
  const pyodideModule = import(new URL("pyodide.mjs", pyodideURL).href);
  // Pyodide imports its 1.2 MB glue only once it is called: fetched and parsed now,
  // while the manifest and the snapshot are looked up, it is found ready then.
  import(asmURL).catch(() => {});  // a failure surfaces in loadPyodide()
  manifest = await manifestPromise;
  mark("manifest");
  const key = `${FORMAT}/${manifest.runtime}/${manifest.tools}`;
  const found = manifest.runtime ? findSnapshot(lookup, key) : null;
  const { loadPyodide } = await pyodideModule;
  mark("pyodide.mjs");
  const snapshot = await found;
  mark("snapshot found");
  if (snapshot) {
    stage = "restore";
    post({ type: "progress", stage });
    try {
      const pyodide = await guardStall(restore(loadPyodide, snapshot));
      mark("restored");
      const call = pyodide.pyimport("tools.dispatch").call;
      // Every tool is imported already: ready now. The wheel is unpacked again (the
      // file system is new) before any message is handled, for what imports lazily.
      post({ type: "ready", snapshot: "restored" });
      const unpacked = install(pyodide, [manifest.tools]).then(
        () => mark("wheel unpacked"),
        (err) => post({ type: "fatal", detail: String(err?.message || err) }),
      );
      return { pyodide, call, unpacked };
    } catch {
      await dropSnapshot();
      installed.clear();
      stage = "runtime";
      post({ type: "progress", stage });
    }
  }
  const pyodide = await loadPyodide({ indexURL: pyodideURL.href, _makeSnapshot: Boolean(manifest.runtime) });
  mark("python started");
  post({ type: "progress", stage: "tools" });
  await install(pyodide, [manifest.tools]);
  mark("wheel unpacked");
  // The page turns ready now: a tool is imported by its first call. For the snapshot
  // every tool is imported first, then it is made, both in this same task, so a
  // message (a queued first answer included) is handled only after them: no input
  // is in it, and that first answer waits for them (a `make bench` row says how long).
  post({ type: "ready", snapshot: manifest.runtime ? "made" : "none" });
  let made = null;
  if (manifest.runtime) {
    pyodide.runPython("import tools.dispatch; tools.dispatch.preload()");
    mark("tools imported");
    try {
      made = pyodide.makeMemorySnapshot();
    } catch {
      post({ type: "snapshot", state: "not-made" });
    }
  }
  const call = pyodide.pyimport("tools.dispatch").call;
  if (made) storeSnapshot(made, key);   // stored in the background
  return { pyodide, call };
}

const ready = start();
ready.catch((err) => post({ type: "fatal", detail: String(err?.message || err) }));

// tools.dispatch.call's answer: the envelope, and the bytes of its data by key
// (Uint8Arrays of their own, so they can be transferred).
function answer(runtime, msg, payload, files) {
  const reply = runtime.call(msg.tool, msg.action, payload, files);
  try {
    const [text, blobs] = reply.toJs({ dict_converter: Object.fromEntries });
    return [JSON.parse(text), blobs];
  } finally {
    reply.destroy();
  }
}

self.onmessage = async ({ data: msg }) => {
  let runtime;
  try {
    runtime = await ready;
    await runtime.unpacked;
  } catch {
    return;  // "fatal" was already posted; the page restarts the worker
  }
  try {
    // The files stay the page's Uint8Arrays (depth 1): Python copies each in once.
    const files = runtime.pyodide.toPy(msg.files || {}, { depth: 1 });
    const payload = JSON.stringify(msg.input);
    let [reply, blobs] = answer(runtime, msg, payload, files);
    if (reply.needs) {
      const wheels = manifest.optional[reply.needs];
      if (!wheels) throw new Error(`no optional package ${reply.needs}`);
      await install(runtime.pyodide, wheels);
      [reply, blobs] = answer(runtime, msg, payload, files);
      if (reply.needs) throw new Error(`${reply.needs} installed but still missing`);
    }
    files.destroy();
    // A file the action made (an export) goes back into its data as bytes, moved to
    // the page rather than copied.
    Object.assign(reply.data ?? {}, blobs);
    self.postMessage({ type: "result", id: msg.id, envelope: reply }, Object.values(blobs).map((b) => b.buffer));
  } catch (err) {
    // A Python exception other than InputError is a bug: pass on its last line
    // (exception type and message), which is the short detail the page shows.
    const lines = String(err?.message || err).trim().split("\n");
    post({ type: "bug", id: msg.id, detail: lines[lines.length - 1] });
  }
};
