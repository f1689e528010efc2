// Offline glue: registers the service worker once the first page has loaded
// (never delaying it), shows how much of the site is saved on this device, asks
// the worker to keep the tools once they have been used, and offers a new
// version when one is ready.
(() => {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL("../", document.currentScript.src);
  const sw = navigator.serviceWorker;
  let registration = null;

  function showStatus({ pages, tools }) {
    const state = pages && tools ? "all" : pages ? "pages" : "none";
    document.documentElement.dataset.offline = state;
    let note = document.querySelector(".kb-offline-status");
    if (!note) {
      note = document.createElement("p");
      note.className = "kb-offline-status";
      document.querySelector(".md-footer-meta__inner")?.append(note);
    }
    note.textContent = {
      all: "本站（含在线工具）已保存到本机，离线也能使用。",
      pages: "本站页面已保存到本机，离线也能阅读；打开一次在线工具后，工具也可离线使用。",
      none: "",
    }[state];
  }

  function offerUpdate(waiting) {
    if (document.querySelector(".kb-update")) return;
    const bar = document.createElement("div");
    bar.className = "kb-update";
    bar.setAttribute("role", "status");
    bar.innerHTML = '<span>知识库有新版本。</span><button type="button" class="md-button md-button--primary">立即更新</button>';
    bar.querySelector("button").addEventListener("click", () => waiting.postMessage({ type: "skip-waiting" }));
    document.body.append(bar);
  }

  function watch(reg) {
    if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const next = reg.installing;
      next.addEventListener("statechange", () => {
        if (next.state === "installed" && sw.controller) offerUpdate(next);
      });
    });
  }

  sw.addEventListener("message", ({ data }) => { if (data && data.type === "status") showStatus(data); });
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    // The first install claims the page silently; a reload only follows "立即更新".
    if (document.querySelector(".kb-update") && !reloading) { reloading = true; location.reload(); }
  });

  const askStatus = () => registration?.active?.postMessage({ type: "status" });
  document.addEventListener("kb:tools-ready", () => {
    sw.ready.then((reg) => reg.active.postMessage({ type: "cache-tools" }));
  });

  window.addEventListener("load", async () => {
    try {
      registration = await sw.register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" });
    } catch {
      return;  // service workers refused (policy, private mode): the site still works online
    }
    if (!registration) return;  // blocked without an error (seen in Chromium with workers blocked)
    watch(registration);
    askStatus();
    // Instant navigation loads no new document: look for a new version on each page.
    if (window.document$) window.document$.subscribe(() => { registration.update().catch(() => {}); askStatus(); });
  });
})();
