// Glue for the retention tool (registers with kbTools): builds the input dict from
// the form, keeps the account fieldsets numbered, loads the examples and asks Python
// for the history grid preview. All rules and all HTML are in tools/retention.
(() => {
  const NAME = "retention";
  const ACCOUNT_FIELDS = ["name", "opened", "settled", "history_start", "history", "repaid_on"];
  const PREVIEW_FIELDS = ["opened", "history_start", "history"];

  const accounts = (root) => [...root.querySelectorAll("[data-role=account]")];
  const field = (box, name) => box.querySelector(`[data-field="${name}"]`);
  const reportField = (root) => field(root, "report_month");

  function renumber(root) {
    const boxes = accounts(root);
    boxes.forEach((box, i) => {
      box.querySelector("legend").textContent = `账户 ${i + 1}`;
      for (const name of ACCOUNT_FIELDS) {
        const id = `retention-${name}-${i + 1}`;
        field(box, name).id = id;
        box.querySelector(`[data-label="${name}"]`).htmlFor = id;
      }
      box.querySelector("[data-action=remove]").hidden = boxes.length === 1;
    });
  }

  function addAccount(root) {
    const boxes = accounts(root);
    const box = boxes[0].cloneNode(true);
    for (const name of ACCOUNT_FIELDS) {
      const input = field(box, name);
      input.value = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    box.querySelector("[data-role=preview]").replaceChildren();
    boxes[boxes.length - 1].after(box);
    renumber(root);
    return box;
  }

  function readAccount(box) {
    const account = {};
    for (const name of ACCOUNT_FIELDS) account[name] = field(box, name).value.trim();
    return account;
  }

  // Live grid preview, made by Python; stale answers are dropped.
  function preview(root, box) {
    clearTimeout(box._previewTimer);
    box._previewTimer = setTimeout(async () => {
      const input = { report_month: reportField(root).value.trim() };
      for (const name of PREVIEW_FIELDS) input[name] = field(box, name).value.trim();
      box._previewTicket = (box._previewTicket || 0) + 1;
      const ticket = box._previewTicket;
      const target = box.querySelector("[data-role=preview]");
      try {
        const envelope = await window.kbTools.call(NAME, input, { action: "preview" });
        if (ticket !== box._previewTicket) return;
        if (envelope.ok) target.innerHTML = envelope.html;
        else {
          const note = document.createElement("p");
          note.className = "kb-ret-preview-error";
          note.textContent = envelope.error.message;
          target.replaceChildren(note);
        }
      } catch {
        target.replaceChildren();  // the submit path reports a broken worker
      }
    }, 250);
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
      const account = input.accounts[i];
      for (const name of ACCOUNT_FIELDS) {
        const value = account[name];
        field(box, name).value = Array.isArray(value) ? value.map((v) => v || "").join(", ") : value || "";
      }
      preview(root, box);
    });
    window.kbTools.submit(root);
  }

  function mount(root) {
    if (root.dataset.retentionMounted) return;
    root.dataset.retentionMounted = "1";
    renumber(root);
    root.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !root.contains(button)) return;
      if (button.dataset.action === "add") field(addAccount(root), "name").focus();
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
      if (box && PREVIEW_FIELDS.includes(event.target.dataset.field)) preview(root, box);
      else if (event.target === reportField(root)) for (const b of accounts(root)) preview(root, b);
    });
    accounts(root).forEach((box) => { if (field(box, "history").value) preview(root, box); });
  }

  function collect(root) {
    return {
      input: { report_month: reportField(root).value.trim(), accounts: accounts(root).map(readAccount) },
    };
  }

  // The input element an error names: the report month, or a field of the named account.
  function findField(root, error) {
    if (error.field === "report_month") return reportField(root);
    const box = accounts(root)[error.item - 1];
    if (!box) return null;
    return ACCOUNT_FIELDS.includes(error.field) ? field(box, error.field) : field(box, "opened");
  }

  // The binder has one error box per tool; move it next to the field it names so the
  // message shows beside that field (back below the form when it names none).
  function fieldFor(root, error) {
    const input = findField(root, error);
    const box = root.querySelector("[data-role=error]");
    if (input) input.after(box);
    else root.querySelector("form").after(box);
    return input;
  }

  window.kbTools.register(NAME, { mount, collect, fieldFor });
})();
