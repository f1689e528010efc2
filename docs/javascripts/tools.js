// Widget binder (an ES module): glue between [data-tool] elements and the one shared
// worker. Each tool's glue module imports it and registers; on a page without a tool
// it does nothing (and loads no Pyodide byte); the worker, once started, lives for
// the whole visit, across Material's instant navigation.
const STATUS = {
  runtime: "正在加载 Python 运行环境（首次约需几秒，之后会快很多）…",
  start: "正在启动计算工具…（第 1 步，共 2 步：启动 Python，下载已完成）",
  tools: "正在启动计算工具…（第 2 步，共 2 步：载入计算模块）",
  restore: "正在从本机保存的副本快速启动计算工具…",
  ready: "工具已就绪，数据只在本机浏览器中计算。",
  error: "工具加载失败（网络可能中断了）。联网后再点一次计算按钮即可重试。",
  queued: "工具仍在加载，加载完成后会自动计算…",
  done: "计算完成，结果在下方。",
  invalid: "输入有误，请按提示修改后再算。",
};
const specs = {};
const pending = new Map();
let worker = null;
let state = "idle";          // idle | loading | ready | error
let nextId = 1;
let workerStarts = 0;
// How the current worker started, for the e2e tests: "restored" from this browser's
// memory snapshot, "made" one (a full start), "failed", or "none".
let snapshot = { state: "none", stored: null, restores: 0 };
let marks = [];             // [name, ms since this page's time origin]: the worker's start-up

const MB = (bytes) => (bytes / 1048576).toFixed(1);

function setState(next, stage, msg) {
  state = next;
  let text = STATUS[stage || next] || "";
  // Once every byte is in, Python is starting: say so, not a still "11.7 / 11.7 MB".
  if (stage === "runtime" && msg?.total > 1048576) {
    text = msg.loaded < msg.total
      ? `正在下载 Python 运行环境：${MB(msg.loaded)} / ${MB(msg.total)} MB（只需下载一次）…`
      : STATUS.start;
  }
  for (const root of document.querySelectorAll("[data-tool]")) {
    root.dataset.state = next === "idle" ? "loading" : next;
    const status = statusOf(root);
    if (status) status.textContent = text;
  }
}

function startWorker() {
  // A tool page opened directly starts the worker from <head> (main.html), so
  // Pyodide loads while the page renders; adopt it and replay its messages.
  const early = window.kbEarlyWorker;
  const earlyMessages = early ? early.messages : [];
  const current = early ? early.worker : new Worker(new URL("tool-worker.js", import.meta.url), { type: "module" });
  window.kbEarlyWorker = null;
  worker = current;
  workerStarts += 1;
  snapshot = { ...snapshot, state: "none", stored: null };
  marks = [];
  setState("loading", "runtime");
  const onMessage = (msg) => {
    if (worker !== current) return;  // a worker already dropped
    if (msg.type === "mark") marks.push([msg.name, msg.at - performance.timeOrigin]);
    else if (msg.type === "progress") setState("loading", msg.stage, msg);
    else if (msg.type === "ready") {
      marks.push(["ready", performance.now()]);
      snapshot.state = msg.snapshot;
      if (msg.snapshot === "restored") snapshot.restores += 1;
      setState("ready");
      document.dispatchEvent(new CustomEvent("kb:tools-ready"));  // offline.js keeps the tools
    }
    else if (msg.type === "fatal") fail(new Error(msg.detail));
    else if (msg.type === "snapshot") snapshot.stored = msg.state === "stored" ? msg.bytes : 0;
    else settle(msg);
  };
  current.onmessage = ({ data }) => onMessage(data);
  current.onerror = (event) => {
    event.preventDefault();
    if (worker === current) fail(new Error(event.message || "worker error"));
  };
  for (const msg of earlyMessages) onMessage(msg);
}

function fail(err) {
  // A dead worker is dropped; the next call starts a fresh one.
  if (worker) worker.terminate();
  worker = null;
  setState("error");
  for (const { reject } of pending.values()) reject(err);
  pending.clear();
}

function settle(msg) {
  const entry = pending.get(msg.id);
  if (!entry) return;
  pending.delete(msg.id);
  if (msg.type === "result") entry.resolve(msg.envelope);
  else entry.reject(Object.assign(new Error(msg.detail), { bug: true }));
}

// The officer's local date: Python never reads the clock (Pyodide's is UTC).
function today() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

// Run a declared action of a tool in the worker; resolves with the envelope.
function call(tool, input, { action = "run", files = {} } = {}) {
  if (!worker) startWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Files are moved, not copied (a 10 MB file twice): callers pass bytes of their own.
    const moved = Object.values(files).map((bytes) => bytes.buffer);
    worker.postMessage({ id, tool, action, input: { ...input, today: today() }, files }, moved);
  });
}

const statusOf = (root) => root.querySelector("[data-role=status]");
const errorOf = (root) => root.querySelector("[data-role=error]");
const resultOf = (root) => root.querySelector("[data-role=result]");

// Default input: the form's named fields as a flat object of strings.
function collectForm(root) {
  const form = root.querySelector("form");
  return form ? Object.fromEntries(new FormData(form)) : {};
}

function clearError(root) {
  const box = errorOf(root);
  if (box) { box.hidden = true; box.textContent = ""; }
  for (const el of root.querySelectorAll("[aria-invalid=true]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== box.id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }
}

// Show a message, tie it to the offending field (if the tool can find it) and focus.
function showError(root, message, field) {
  const box = errorOf(root);
  box.textContent = message;
  box.hidden = false;
  if (!box.id) box.id = `${root.dataset.tool}-error`;
  if (field) {
    field.setAttribute("aria-invalid", "true");
    const ids = new Set((field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
    ids.add(box.id);
    field.setAttribute("aria-describedby", [...ids].join(" "));
    field.focus();
  } else {
    box.tabIndex = -1;
    box.focus();
  }
}

function showFailure(root, err) {
  const text = err.bug
    ? `程序出错了（这是本站的缺陷，不是您的输入问题），请把以下信息告诉管理员：${err.message}`
    : `计算工具意外停止：${err.message}。请再点一次计算，工具会自动重新启动。`;
  showError(root, text, null);
}

// An action on a result already shown (a view, an export): resolves with the
// envelope's data, or null once its error is shown in the tool's error box.
async function act(root, action, input) {
  clearError(root);
  try {
    const envelope = await call(root.dataset.tool, input, { action });
    if (envelope.ok) return envelope;
    showError(root, envelope.error.text, null);
  } catch (err) {
    showFailure(root, err);
  }
  return null;
}

async function submit(root) {
  const name = root.dataset.tool;
  const spec = specs[name] || {};
  clearError(root);
  // A new run clears the old result first: an error never sits under a stale plan,
  // and nothing exports what is no longer shown.
  resultOf(root).replaceChildren();
  if (state !== "ready") statusOf(root).textContent = STATUS.queued;
  root.setAttribute("aria-busy", "true");
  let outcome = "ready";  // announced by the status line (aria-live), not the whole result
  try {
    const request = spec.collect ? await spec.collect(root) : { input: collectForm(root) };
    const envelope = await call(name, request.input, request);
    if (envelope.ok) {
      const result = resultOf(root);
      result.innerHTML = envelope.html;
      if (spec.rendered) spec.rendered(root, envelope);
      // The officer reads from the top: summary, notices and buttons come first.
      result.tabIndex = -1;
      result.focus({ preventScroll: true });
      result.scrollIntoView({ block: "start" });
      outcome = "done";
    } else {
      outcome = "invalid";
      const field = spec.fieldFor ? spec.fieldFor(root, envelope.error) : null;
      showError(root, envelope.error.text, field);
    }
  } catch (err) {
    showFailure(root, err);
  } finally {
    root.removeAttribute("aria-busy");
    if (state === "ready") statusOf(root).textContent = STATUS[outcome];
  }
}

function mount() {
  const roots = document.querySelectorAll("[data-tool]");
  if (!roots.length) return;
  // Bind first: whatever happens to the worker, a submit must never reload the page.
  for (const root of roots) {
    if (root.dataset.bound) continue;
    root.dataset.bound = "1";
    const form = root.querySelector("form");
    if (form) form.addEventListener("submit", (event) => { event.preventDefault(); submit(root); });
    const spec = specs[root.dataset.tool];
    if (spec?.mount) spec.mount(root);
  }
  if (!worker && state !== "error") startWorker(); else setState(state);
}

export const kbTools = {
  register(name, spec) {
    specs[name] = spec;
    // Tool glue may load after a page was already mounted: catch up.
    if (spec.mount) {
      for (const root of document.querySelectorAll(`[data-tool="${name}"][data-bound]`)) spec.mount(root);
    }
  },
  call,
  act,
  submit,
  // Drop the worker, as a crash would; the next call starts a fresh one.
  restart() { fail(new Error("restarted")); },
  get state() { return state; },
  get workerStarts() { return workerStarts; },  // read by the e2e tests
  get snapshot() { return { ...snapshot }; },
  get marks() { return marks.slice(); },  // read by make bench
};
window.kbTools = kbTools;  // the same object, for the tests and the browser console

// Material re-renders content on instant navigation and emits on document$.
if (window.document$) window.document$.subscribe(mount);
else document.addEventListener("DOMContentLoaded", mount);
