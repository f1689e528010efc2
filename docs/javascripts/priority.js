// Glue for the priority tool, an ES module registering with the binder: sends the form
// and the chosen file, and binds the result's buttons. Python keeps the plan and answers
// every view, the CSV and the print sheet; all rules and all HTML come from tools/priority.
import { offer } from "./handoff.js";
import { kbTools } from "./tools.js";

const NAME = "priority";
const files = new WeakMap();  // root -> the chosen File, or the fetched sample {name, data}

const $ = (root, selector) => root.querySelector(selector);

// Say which file will be planned. The sample set its own month; the officer's own
// data after it (a file or a pasted table) plan the default month again.
function useFile(root, file) {
  files.set(root, file);
  const month = $(root, "[name=month]");
  const back = month.dataset.fromSample === "1" && month.value === root.dataset.sampleMonth;
  delete month.dataset.fromSample;
  if (back) month.value = "";
  const note = file ? root.dataset.fileNote.replace("{name}", file.name) : "";
  $(root, "[data-role=file-name]").textContent =
    back ? [note, root.dataset.monthBackNote].filter(Boolean).join("。") : note;
}

async function collect(root) {
  const form = $(root, "form");
  // The settings are the form's named fields as typed; Python reads and checks them.
  const { file: _file, paste, ...settings } = Object.fromEntries(new FormData(form));
  // A number field holding "abc" or "--5" gives an empty value: say which, Python words it.
  const unreadable = [...form.querySelectorAll("input[type=number]")]
    .filter((el) => el.validity.badInput).map((el) => el.name);
  const input = { settings, unreadable };
  const file = files.get(root);
  if (file) {
    input.file_name = file.name;
    // Too big to read: Python's limit (data-max-bytes); Python words the refusal.
    if (file instanceof Blob && file.size > Number(root.dataset.maxBytes)) {
      return { input: { ...input, file_size: file.size } };
    }
    // Bytes of their own: they are moved to the worker (kbTools.call), and the sample's
    // are sent again on the next run.
    const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.data.slice();
    return { input, files: { file: bytes } };
  }
  input.csv = paste;
  return { input };
}

function fieldFor(root, error) {
  if (!error.field) return null;
  if (error.field === "file" || error.field === "rows") {
    return files.get(root) || !$(root, "[name=paste]").value.trim()
      ? $(root, "[name=file]") : $(root, "[name=paste]");
  }
  return $(root, `[name="${CSS.escape(error.field)}"]`);
}

const planOf = (root) => $(root, "[data-plan]")?.dataset.plan;

// Replace a list with the view a button asks for; keep the focus on that button.
async function show(root, button) {
  const block = button.closest("[data-list]");
  const envelope = await kbTools.act(root, "view", { plan: planOf(root), ...JSON.parse(button.dataset.view) });
  if (!envelope) return;
  const again = button.dataset.sort ? `[data-sort="${button.dataset.sort}"]` : `[data-page="${button.dataset.page}"]`;
  block.outerHTML = envelope.html;
  const next = $(root, `[data-list="${envelope.data.list}"]`);
  const target = next.querySelector(again);
  (target && !target.disabled ? target : next.querySelector("caption, button")).focus();
}

function toggleReasons(button) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
}

// Each exported file's URL holds the whole CSV in the browser: one at a time, the
// previous one (its download begun) revoked when another is made, each after 10 s.
let exported = null;

function revokeExported() {
  if (exported) URL.revokeObjectURL(exported);
  exported = null;
}

async function download(root) {
  const envelope = await kbTools.act(root, "export", { plan: planOf(root) });
  if (!envelope) return;
  revokeExported();
  const blob = new Blob([envelope.data.csv], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  const url = URL.createObjectURL(blob);
  exported = link.href = url;
  link.download = envelope.data.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => { if (exported === url) revokeExported(); }, 10_000);
}

// The supervisor's sheet holds every visit (of the part chosen, in a big plan), not
// just the page on screen.
async function printPlan(root) {
  const block = $(root, '[data-list="visits"]');
  const current = { plan: planOf(root), ...JSON.parse(block.dataset.view) };
  const part = Number($(root, "[data-role=print-part]")?.value || 0);
  const envelope = await kbTools.act(root, "view", { ...current, print_part: part });
  if (!envelope) return;
  block.outerHTML = envelope.html;
  window.addEventListener("afterprint", async () => {
    const back = await kbTools.act(root, "view", current);
    if (back) $(root, '[data-list="visits"]').outerHTML = back.html;
  }, { once: true });
  window.print();
}

// "填写回访记录": the link opens the report tool (Material's instant navigation keeps
// this page's modules and the worker); the client's fields follow in memory only.
function handOff(root, link) {
  const input = { plan: planOf(root), client: link.dataset.handoff };
  offer("report", kbTools.call("report", input, { action: "handoff" }));
}

function onResultClick(root, event) {
  const link = event.target.closest("[data-handoff]");
  if (link) return handOff(root, link);
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.view) show(root, button);
  else if (button.classList.contains("kb-priority-expand")) toggleReasons(button);
  else if (button.dataset.action === "export") download(root);
  else if (button.dataset.action === "print") printPlan(root);
}

async function loadSample(root) {
  const url = new URL(root.dataset.sample, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  useFile(root, { name: url.pathname.split("/").pop(), data: bytes });
  // The example data are written for one month; plan that month.
  const month = $(root, "[name=month]");
  month.value = root.dataset.sampleMonth;
  month.dataset.fromSample = "1";
  $(root, "[data-role=file-name]").textContent = root.dataset.sampleNote;
  kbTools.submit(root);
}

function mount(root) {
  if (files.has(root)) return;
  files.set(root, null);
  const fileInput = $(root, "[name=file]");
  fileInput.addEventListener("change", () => useFile(root, fileInput.files[0] || null));
  const drop = $(root, "[data-role=drop]");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("kb-priority-drag"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("kb-priority-drag"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("kb-priority-drag");
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

kbTools.register(NAME, { mount, collect, fieldFor });
