// Glue for the 贷后检查报告 tool, an ES module registering with the binder. It only binds:
// the form becomes the record (its shape: tools/report/schema.py), Python checks it and
// writes the draft, the saved file and every message; the glue prints, copies, downloads,
// opens files and guards unsaved work. Nothing typed is kept anywhere but this page's memory.
import { take } from "./handoff.js";
import { kbTools } from "./tools.js";

const NAME = "report";
const drafts = new WeakMap();  // root -> the data of the draft shown (its plain text)
let dirty = null;              // the root whose form changed since it was last saved or loaded

const $ = (root, selector) => root.querySelector(selector);
const formOf = (root) => $(root, "form");
const controls = (form) => [...form.elements].filter((el) => el.name && !el.disabled
  && !["button", "submit", "reset", "file"].includes(el.type));

// ---------------------------------------------------------------- record <-> form

// The record is flat (tools/report/schema.py): a control named "KEY" holds its field;
// ticked boxes of one name are the list of their values. An interview area's controls
// are named "interview.N.finding" / "interview.N.flag" and sit in an element whose
// data-area is the area's title, which keys the area in the record.
function placeOf(el) {
  const area = el.closest("[data-area]")?.dataset.area;
  if (area === undefined) return { key: el.name };
  const parts = el.name.split(".");
  return { key: parts[0], area, part: parts[parts.length - 1] };
}

function read(record, el) {
  const { key, area, part } = placeOf(el);
  return area === undefined ? record[key] : record[key]?.[area]?.[part];
}

function write(record, el, value) {
  const { key, area, part } = placeOf(el);
  if (area === undefined) record[key] = value;
  else {
    record[key] ??= {};
    record[key][area] ??= {};
    record[key][area][part] = value;
  }
}

// The form as the record, text as typed: Python reads and checks it.
function collectRecord(form) {
  const record = {};
  for (const el of controls(form)) {
    if (el.type === "checkbox") {
      if (read(record, el) === undefined) write(record, el, []);
      if (el.checked) read(record, el).push(el.value);
    } else if (el.type === "radio") {
      if (read(record, el) === undefined) write(record, el, "");
      if (el.checked) write(record, el, el.value);
    } else write(record, el, el.value);
  }
  return record;
}

// Show `record` in the form: every control from the record, blank where it has nothing.
function fillForm(form, record) {
  for (const el of controls(form)) {
    const value = read(record, el);
    if (el.type === "checkbox") el.checked = Array.isArray(value) && value.map(String).includes(el.value);
    else if (el.type === "radio") el.checked = String(value ?? "") === el.value;  // "" is 未填
    else el.value = value == null ? "" : String(value);
    el.removeAttribute("aria-invalid");
  }
  form.dispatchEvent(new Event("kb:filled"));  // parts asked only for some products
}

// ---------------------------------------------------------------- messages

// The binder has one error box per tool. The form is long: an error about a field is
// shown right under that field, any other below the form (by the file buttons).
function placeError(root, field) {
  const box = $(root, "[data-role=error]");
  const place = field?.closest(".kb-report-choices, .kb-tool-field");
  if (place) place.after(box);
  else formOf(root).after(box);
}

function showMessage(root, text) {
  placeError(root, null);
  const box = $(root, "[data-role=error]");
  box.textContent = text;
  box.hidden = false;
  box.tabIndex = -1;
  box.focus();
}

function say(root, text) {
  const status = $(root, "[data-role=status]");
  if (status && text) status.textContent = text;
}

// ---------------------------------------------------------------- unsaved changes

const isDirty = () => Boolean(dirty?.isConnected);
const markClean = (root) => { if (dirty === root) dirty = null; };

// A full page load (reload, address bar, closing the tab): the browser asks.
window.addEventListener("beforeunload", (event) => {
  if (!isDirty()) return;
  event.preventDefault();
  event.returnValue = "";
});

// Material's instant navigation loads a page of this site without unloading this one,
// so beforeunload never fires: ask before its click handler (on the body) sees the
// click. A link elsewhere, a new tab, a download or an anchor on this page is left alone.
document.addEventListener("click", (event) => {
  if (!isDirty() || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  if (url.pathname === location.pathname && url.search === location.search) return;
  if (window.confirm(dirty.dataset.leaveNote)) dirty = null;
  else {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// The browser's Back and Forward within the site: Material swaps the page in from its
// popstate listener, which runs before any listener added later. The Navigation API's
// navigate event comes before popstate and can cancel such a step (Chromium browsers;
// elsewhere Back leaves without asking).
window.navigation?.addEventListener("navigate", (event) => {
  if (event.navigationType !== "traverse" || !event.cancelable || !isDirty()) return;
  if (new URL(event.destination.url).pathname === location.pathname) return;
  if (window.confirm(dirty.dataset.leaveNote)) dirty = null;
  else event.preventDefault();
});

// ---------------------------------------------------------------- the draft

function rendered(root, envelope) {
  drafts.set(root, envelope.data);
}

// The clipboard needs a secure page (HTTPS or this machine); an intranet over plain
// HTTP has none, so the draft's own text box (made by Python, hidden) is shown with
// its text selected, for Ctrl+C.
async function copyDraft(root, button) {
  const text = drafts.get(root)?.text ?? "";
  const done = $(root, "[data-role=copied]");
  try {
    if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    if (done) done.textContent = button.dataset.done || "";
  } catch {
    $(root, "[data-role=text-box]").hidden = false;
    const area = $(root, "[data-role=text]");
    area.focus();
    area.select();
  }
}

// Only the draft is printed (report.css); the page's date stamp comes from print.js.
function printDraft() {
  window.print();
}

// ---------------------------------------------------------------- save, open, examples

function download(text, filename) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function save(root) {
  placeError(root, null);
  const envelope = await kbTools.act(root, "save", { record: collectRecord(formOf(root)) });
  if (!envelope) return;
  download(envelope.data.text, envelope.data.filename);
  markClean(root);
  say(root, envelope.data.message);
}

// A saved record (a file the officer chose, or a worked example) back into the form.
// Python reads, migrates or refuses it; a refusal leaves the form as it was.
async function openText(root, text, fileName) {
  placeError(root, null);
  const envelope = await kbTools.act(root, "open", { file: text, file_name: fileName });
  if (!envelope) return false;
  fillForm(formOf(root), envelope.data.record);
  markClean(root);
  say(root, envelope.data.message);
  return true;
}

// A file or an example replaces the whole form: unsaved changes are lost, so ask.
const mayReplace = (root) => dirty !== root || !isDirty() || window.confirm(root.dataset.replaceNote);

async function openFile(root, input) {
  const file = input.files[0];
  input.value = "";  // the same file may be chosen again
  if (!file || !mayReplace(root)) return;
  await openText(root, await file.text(), file.name);
}

async function loadExample(root, key) {
  const url = new URL(`${root.dataset.examples}${key}.json`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  if (await openText(root, await response.text(), url.pathname.split("/").pop())) kbTools.submit(root);
}

// A client chosen in the priority plan (tools/report/from_plan.py, action handoff): its fields
// arrive by the in-memory hand-off, never by the URL.
async function receive(root, offered) {
  try {
    const envelope = await offered;
    if (!envelope.ok) {
      showMessage(root, envelope.error.text);
      return;
    }
    fillForm(formOf(root), envelope.data.record);
    say(root, envelope.data.message);
  } catch (err) {
    showMessage(root, err.message);
  }
}

// ---------------------------------------------------------------- binding

// Some fields are asked only for some products (schema.py `products`, on the field as
// data-products): show them for the product chosen, all of them while none is.
function showForProduct(root) {
  const product = formOf(root).elements.namedItem("product")?.value || "";
  for (const part of root.querySelectorAll("[data-products]")) {
    part.hidden = Boolean(product) && !part.dataset.products.split(" ").includes(product);
  }
}

function onClick(root, event) {
  const button = event.target.closest("button");
  if (!button || !root.contains(button)) return;
  const action = button.dataset.action;
  if (action === "copy") copyDraft(root, button);
  else if (action === "print") printDraft();
  else if (action === "save") save(root);
  else if (button.dataset.example && mayReplace(root)) {
    loadExample(root, button.dataset.example).catch((err) => showMessage(root, err.message));
  }
}

function mount(root) {
  if (root.dataset.reportMounted) return;
  root.dataset.reportMounted = "1";
  const form = formOf(root);
  form.setAttribute("autocomplete", "off");
  root.addEventListener("click", (event) => onClick(root, event));
  // Typing or ticking is a change to keep; choosing a file to open is not.
  const changed = (event) => {
    if (event.target.type === "file") return;
    dirty = root;
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    changed(event);
    if (event.target.name === "product") showForProduct(root);
  });
  form.addEventListener("kb:filled", () => showForProduct(root));
  showForProduct(root);
  const picker = $(root, "input[type=file]");
  picker.addEventListener("change", () => openFile(root, picker));
  const offered = take(NAME);
  if (offered) receive(root, offered);
}

function collect(root) {
  return { input: { record: collectRecord(formOf(root)) } };
}

// The control an error names by its form name (a group of choices: its first).
function fieldFor(root, error) {
  const found = error.field ? formOf(root).elements.namedItem(error.field) : null;
  const field = found instanceof RadioNodeList ? found[0] : found;
  placeError(root, field);
  return field;
}

kbTools.register(NAME, { mount, collect, fieldFor, rendered });
