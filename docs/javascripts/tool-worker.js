// Module Web Worker: one per visit. Loads Pyodide and our wheel from the site
// itself and answers {id, tool, action, input, files} with the tool's envelope.
// No business logic here: everything is tools.dispatch.call in Python.
const base = new URL("../", import.meta.url);          // the site root
const pyodideURL = new URL("_pyodide/", base);
const wheelsURL = new URL("_tools/", base);

const post = (msg) => self.postMessage(msg);
let manifest;
const installed = new Set();

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function install(pyodide, names) {
  for (const name of names) {
    if (installed.has(name)) continue;
    const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
    pyodide.unpackArchive(await fetchBytes(new URL(name, wheelsURL)), "wheel", { extractDir: site });
    installed.add(name);
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

async function start() {
  post({ type: "progress", stage: "runtime" });
  const manifestPromise = fetch(new URL("manifest.json", wheelsURL), { cache: "no-cache" })
    .then((r) => { if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`); return r.json(); });
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  const pyodide = await loadPyodide({ indexURL: pyodideURL.href });
  post({ type: "progress", stage: "tools" });
  manifest = await manifestPromise;
  await install(pyodide, [manifest.tools]);
  const call = pyodide.pyimport("tools.dispatch").call;
  post({ type: "ready" });
  return { pyodide, call };
}

const ready = start();
ready.catch((err) => post({ type: "fatal", detail: String(err && err.message || err) }));

self.onmessage = async ({ data: msg }) => {
  let runtime;
  try {
    runtime = await ready;
  } catch {
    return;  // "fatal" was already posted; the page restarts the worker
  }
  try {
    for (const extra of msg.needs || []) {
      await install(runtime.pyodide, manifest.optional[extra] || []);
    }
    const files = runtime.pyodide.toPy(msg.files || {});
    const text = runtime.call(msg.tool, msg.action || "run", JSON.stringify(msg.input), files);
    files.destroy();
    post({ type: "result", id: msg.id, envelope: JSON.parse(text) });
  } catch (err) {
    // A Python exception other than InputError is a bug: pass on its last line
    // (exception type and message), which is the short detail the page shows.
    const lines = String(err && err.message || err).trim().split("\n");
    post({ type: "bug", id: msg.id, detail: lines[lines.length - 1] });
  }
};
