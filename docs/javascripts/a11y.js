// Accessible names the theme and the task-list extension leave out (axe-core:
// aria-dialog-name, aria-progressbar-name, label). Applied on every page view,
// including instant navigation.
(() => {
  function name() {
    document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "搜索");
    document.querySelector(".md-progress")?.setAttribute("aria-label", "页面加载进度");
    // pymdownx.tasklist puts the item's text outside the checkbox's <label>.
    for (const box of document.querySelectorAll(".task-list-item input[type=checkbox]:not([aria-label])")) {
      const item = box.closest(".task-list-item");
      const text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
      box.setAttribute("aria-label", text || "勾选");
    }
  }
  if (window.document$) window.document$.subscribe(name);
  else document.addEventListener("DOMContentLoaded", name);
  // The progress bar is added only while a page loads.
  new MutationObserver(() => {
    const bar = document.querySelector(".md-progress:not([aria-label])");
    if (bar) bar.setAttribute("aria-label", "页面加载进度");
  }).observe(document.body, { childList: true, subtree: false });
})();
