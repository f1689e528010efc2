// Printed pages carry the date, so a supervisor knows which version of a script
// or checklist a sheet shows (print.css puts it above the content). Set on each
// page view: Chromium's PDF output fires no beforeprint event.
(() => {
  function stamp() {
    const article = document.querySelector(".md-content__inner");
    if (!article) return;
    const d = new Date();
    article.dataset.printDate = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  }
  if (window.document$) window.document$.subscribe(stamp);
  else document.addEventListener("DOMContentLoaded", stamp);
})();
