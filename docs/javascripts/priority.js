// Glue for the priority tool (registers with kbTools): reads the file as bytes, builds
// the settings dict from the form, and drives the result's table (sort, pages, expand),
// CSV download and print. All rules and all HTML come from tools/priority.
(() => {
  const NAME = "priority";
  const TIER_ORDER = { must: 0, high: 1, due: 2, sample: 3 };
  const state = new WeakMap();  // root -> {file, plan, tables}

  const $ = (root, selector) => root.querySelector(selector);
  const monthField = (root) => $(root, "[name=month]");
  const seedField = (root) => $(root, "[name=seed]");

  // The browser's month, not Pyodide's clock (which is UTC).
  function thisMonth() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  }

  function setMonth(root, month) {
    monthField(root).value = month;
    if (!seedField(root).dataset.touched) seedField(root).value = month;
  }

  function useFile(root, file) {
    state.get(root).file = file;
    $(root, "[data-role=file-name]").textContent = file ? `已选择：${file.name}` : "";
  }

  const isXlsx = (name, bytes) =>
    /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);  // "PK": a zip

  // Form fields as the settings dict; "weights.dpd_1" -> settings.weights.dpd_1.
  function readSettings(form) {
    const settings = {};
    for (const el of form.elements) {
      if (!el.name || el.type === "file" || el.name === "paste") continue;
      const [head, key] = el.name.split(".", 2);
      if (key === undefined) settings[head] = el.value.trim();
      else {
        settings[head] ||= {};
        settings[head][key] = el.value.trim();
      }
    }
    return settings;
  }

  async function collect(root) {
    const form = $(root, "form");
    const input = { settings: readSettings(form) };
    const file = state.get(root).file;
    const paste = form.elements.paste.value;
    if (file) {
      // A chosen or dropped File, or the fetched sample {name, data}.
      const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.data;
      if (isXlsx(file.name, bytes)) return { input, files: { xlsx: bytes }, needs: ["openpyxl"] };
      return { input, files: { csv: bytes } };
    }
    if (paste.trim()) input.csv = paste;
    return { input };
  }

  function fieldFor(root, error) {
    if (!error.field) return null;
    if (error.field === "file" || error.field === "rows") {
      return state.get(root).file || !$(root, "[name=paste]").value.trim()
        ? $(root, "[name=file]") : $(root, "[name=paste]");
    }
    return $(root, `[name="${CSS.escape(error.field)}"]`);
  }

  // ---- the result table: sort and paginate the full list, Python renders the rows
  function compare(key) {
    if (key === "tier") return (a, b) => (TIER_ORDER[a.tier] ?? 4) - (TIER_ORDER[b.tier] ?? 4);
    if (key === "score" || key === "week") return (a, b) => a[key] - b[key];
    return (a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? ""), "zh-Hans-CN");
  }

  function ordered(plan, list, view) {
    const items = plan[list].slice();
    if (!view.key) {
      if (list === "visits") items.sort((a, b) => a.week - b.week || a.group - b.group || a.rank - b.rank);
      return items;
    }
    const cmp = compare(view.key);
    const sign = view.dir === "descending" ? -1 : 1;
    return items.sort((a, b) => sign * cmp(a, b) || a.rank - b.rank);
  }

  async function showPage(root, list, items) {
    const view = state.get(root).tables[list];
    const table = $(root, `table[data-list="${list}"]`);
    const size = Number(table.dataset.pageSize);
    const start = view.page * size;
    const envelope = await window.kbTools.call(NAME, {
      list, items: items.slice(start, start + size), groups: state.get(root).plan.groups,
      grouped: list === "visits" && !view.key, start, total: items.length,
    }, { action: "page" });
    table.tBodies[0].innerHTML = envelope.html;
    const pager = $(root, `.pp-pager[data-list="${list}"]`);
    if (pager) {
      pager.querySelector("[data-role=page-info]").textContent = envelope.data.info;
      pager.querySelector('[data-page="-1"]').disabled = view.page === 0;
      pager.querySelector('[data-page="1"]').disabled = start + size >= items.length;
    }
  }

  function refresh(root, list) {
    const { plan, tables } = state.get(root);
    return showPage(root, list, ordered(plan, list, tables[list]));
  }

  function sortBy(root, button) {
    const table = button.closest("table");
    const list = table.dataset.list;
    const view = state.get(root).tables[list];
    const key = button.dataset.sort;
    view.dir = view.key === key && view.dir === "ascending" ? "descending" : "ascending";
    if (view.key === key && view.dir === "ascending") view.key = null;  // third click: plan order
    else view.key = key;
    view.page = 0;
    for (const th of table.tHead.rows[0].cells) th.setAttribute("aria-sort", "none");
    if (view.key) button.parentElement.setAttribute("aria-sort", view.dir);
    return refresh(root, list);
  }

  function toggleReasons(_root, button) {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
  }

  async function download(root) {
    const { plan } = state.get(root);
    const envelope = await window.kbTools.call(
      NAME, { visits: plan.visits, month: plan.summary.month }, { action: "export" });
    const blob = new Blob([envelope.data.csv], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = envelope.data.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  // The supervisor's sheet holds every visit, not just the page on screen.
  async function printPlan(root) {
    const { plan, tables } = state.get(root);
    const view = tables.visits;
    const items = ordered(plan, "visits", view);
    if (items.length > Number($(root, 'table[data-list="visits"]').dataset.pageSize)) {
      const table = $(root, 'table[data-list="visits"]');
      const envelope = await window.kbTools.call(NAME, {
        list: "visits", items, groups: plan.groups, grouped: !view.key, start: 0, total: items.length,
      }, { action: "page" });
      table.tBodies[0].innerHTML = envelope.html;
      window.addEventListener("afterprint", () => refresh(root, "visits"), { once: true });
    }
    window.print();
  }

  async function onResultClick(root, event) {
    const target = event.target.closest("button");
    if (!target || !state.get(root).plan) return;
    try {
      if (target.dataset.sort) await sortBy(root, target);
      else if (target.classList.contains("pp-expand")) toggleReasons(root, target);
      else if (target.dataset.page) {
        const list = target.closest(".pp-pager").dataset.list;
        state.get(root).tables[list].page += Number(target.dataset.page);
        await refresh(root, list);
      } else if (target.dataset.action === "export") await download(root);
      else if (target.dataset.action === "print") await printPlan(root);
    } catch (err) {
      const box = $(root, "[data-role=error]");
      box.textContent = `操作失败：${err.message}`;
      box.hidden = false;
    }
  }

  async function loadSample(root) {
    const url = new URL(root.dataset.sample, document.baseURI);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    useFile(root, { name: url.pathname.split("/").pop(), data: bytes });
    // The example data are written for one month; plan that month.
    setMonth(root, root.dataset.sampleMonth);
    $(root, "[data-role=file-name]").textContent =
      `已载入示例数据（按 ${root.dataset.sampleMonth} 编制，计划月份已设为该月）`;
    window.kbTools.submit(root);
  }

  function mount(root) {
    if (state.has(root)) return;
    state.set(root, { file: null, plan: null, tables: {} });
    if (!monthField(root).value) setMonth(root, thisMonth());
    monthField(root).addEventListener("input", () => setMonth(root, monthField(root).value));
    seedField(root).addEventListener("input", () => { seedField(root).dataset.touched = "1"; });

    const fileInput = $(root, "[name=file]");
    fileInput.addEventListener("change", () => useFile(root, fileInput.files[0] || null));
    const drop = $(root, "[data-role=drop]");
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("pp-drag"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("pp-drag"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("pp-drag");
      if (event.dataTransfer.files[0]) useFile(root, event.dataTransfer.files[0]);
    });
    // Typing a table means using it, not a file chosen earlier.
    $(root, "[name=paste]").addEventListener("input", () => {
      fileInput.value = "";
      useFile(root, null);
    });
    $(root, "[data-action=sample]").addEventListener("click", () => loadSample(root).catch((err) => {
      const box = $(root, "[data-role=error]");
      box.textContent = `示例数据载入失败：${err.message}`;
      box.hidden = false;
    }));
    $(root, "[data-action=restore]").addEventListener("click", (event) => {
      for (const el of event.target.closest("details").querySelectorAll("input")) el.value = el.defaultValue;
    });
    $(root, "[data-role=result]").addEventListener("click", (event) => onResultClick(root, event));
  }

  function rendered(root, envelope) {
    const entry = state.get(root);
    entry.plan = envelope.data;
    entry.tables = { visits: { key: null, dir: null, page: 0 }, not_planned: { key: null, dir: null, page: 0 } };
  }

  window.kbTools.register(NAME, { mount, collect, rendered, fieldFor });
})();
