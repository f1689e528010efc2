// Accessible names the theme and the task-list extension leave out (axe-core:
// aria-dialog-name, aria-progressbar-name, label), and keyboard access to wide
// tables and tab rows (scrollable-region-focusable). Applied on every page view, including
// instant navigation.
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
    // Material wraps each table in a box that scrolls sideways on a phone: make
    // it reachable by Tab so the keyboard can scroll it, named after its table.
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      const caption = wrap.querySelector("caption")?.textContent.trim();
      wrap.setAttribute("aria-label", caption || "表格（可左右滚动）");
    }
    // Content tabs: on a phone the row of tab names scrolls sideways too.
    for (const labels of document.querySelectorAll(".tabbed-labels:not([tabindex])")) {
      labels.tabIndex = 0;
      labels.setAttribute("role", "region");
      labels.setAttribute("aria-label", "选项卡名称（可左右滚动）");
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
