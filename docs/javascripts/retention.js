// Glue for the retention tool, an ES module registering with the binder: sends the form
// as the input dict, keeps the account fieldsets numbered, loads the examples and asks
// Python for the live preview of each account. All rules and all HTML are in tools/retention.
import { kbTools } from "./tools.js";

const NAME = "retention";
const PREVIEW_DELAY = 250;  // ms after the last key press

const accounts = (root) => [...root.querySelectorAll("[data-role=account]")];
const controls = (box) => [...box.querySelectorAll("[name]")];
const control = (box, name) => box.querySelector(`[name="${name}"]`);
const reportField = (root) => control(root, "report_month");

// Ids follow the account's place, so each label keeps pointing at its own field.
function renumber(root) {
  const boxes = accounts(root);
  boxes.forEach((box, i) => {
    box.querySelector("legend").textContent = box.dataset.legend.replace("{n}", i + 1);
    for (const input of controls(box)) {
      const label = input.closest(".kb-tool-field").querySelector("label");
      const hint = input.closest(".kb-tool-field").querySelector("small");
      input.id = `retention-${input.name}-${i + 1}`;
      label.htmlFor = input.id;
      if (hint) {
        hint.id = `${input.id}-hint`;
        input.setAttribute("aria-describedby", hint.id);
      }
    }
    box.querySelector("[data-action=remove]").hidden = boxes.length === 1;
  });
}

function addAccount(root) {
  const boxes = accounts(root);
  const box = boxes[0].cloneNode(true);
  for (const input of controls(box)) {
    input.value = "";
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");  // renumber() ties the hint again
  }
  box.querySelector("[data-role=preview]").replaceChildren();
  boxes[boxes.length - 1].after(box);
  renumber(root);
  return box;
}

const readAccount = (box) => Object.fromEntries(controls(box).map((el) => [el.name, el.value]));

// Live preview of one account, made by Python; stale answers are dropped.
function preview(root, box) {
  clearTimeout(box._previewTimer);
  box._previewTimer = setTimeout(async () => {
    const input = { report_month: reportField(root).value, ...readAccount(box) };
    box._previewTicket = (box._previewTicket || 0) + 1;
    const ticket = box._previewTicket;
    const target = box.querySelector("[data-role=preview]");
    try {
      const envelope = await kbTools.call(NAME, input, { action: "preview" });
      if (ticket !== box._previewTicket) return;
      if (envelope.ok) target.innerHTML = envelope.html;
      else {
        const note = document.createElement("p");
        note.className = "kb-retention-preview-error";
        note.textContent = envelope.error.message;
        target.replaceChildren(note);
      }
    } catch {
      target.replaceChildren();  // the submit path reports a broken worker
    }
  }, PREVIEW_DELAY);
}

async function loadExample(root, key) {
  const url = new URL(`${root.dataset.examples}${key}.json`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  const { input } = await response.json();
  reportField(root).value = input.report_month;
  while (accounts(root).length < input.accounts.length) addAccount(root);
  for (const box of accounts(root).slice(input.accounts.length)) box.remove();
  renumber(root);
  accounts(root).forEach((box, i) => {
    for (const el of controls(box)) {
      const value = input.accounts[i][el.name];
      el.value = Array.isArray(value) ? value.map((v) => v || "").join(", ") : value || "";
    }
    preview(root, box);
  });
  kbTools.submit(root);
}

function mount(root) {
  if (root.dataset.retentionMounted) return;
  root.dataset.retentionMounted = "1";
  renumber(root);
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    if (button.dataset.action === "add") control(addAccount(root), "name").focus();
    else if (button.dataset.action === "remove") {
      button.closest("[data-role=account]").remove();
      renumber(root);
    } else if (button.dataset.example) {
      loadExample(root, button.dataset.example).catch((err) => {
        const box = root.querySelector("[data-role=error]");
        box.textContent = `例子载入失败：${err.message}`;
        box.hidden = false;
      });
    }
  });
  root.addEventListener("input", (event) => {
    const box = event.target.closest("[data-role=account]");
    if (box) preview(root, box);
    else if (event.target === reportField(root)) for (const b of accounts(root)) preview(root, b);
  });
  for (const box of accounts(root)) if (control(box, "history").value) preview(root, box);
}

function collect(root) {
  return { input: { report_month: reportField(root).value, accounts: accounts(root).map(readAccount) } };
}

// The input element an error names: the report month, or a field of the account at
// the error's place (its fieldset, in order). The binder marks and focuses it; the one
// error box stays where the widget put it, outside every account, so removing or
// copying an account can neither lose nor copy it.
function fieldFor(root, error) {
  if (error.field === "report_month") return reportField(root);
  const box = accounts(root)[error.item - 1];
  if (!box) return null;
  return control(box, error.field) || control(box, "opened");
}

kbTools.register(NAME, { mount, collect, fieldFor });
