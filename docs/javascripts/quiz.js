// Self-checks (tools/build/quiz.py renders them): check an answer, show the
// explanation, keep the score, remember the answers in this browser's local
// storage (the officer's own learning, no borrower data) and clear them on
// request. Binds on every page view, instant navigation included.
(() => {
  const PREFIX = "kb-quiz:";

  function load(quiz) {
    try {
      return JSON.parse(localStorage.getItem(PREFIX + quiz.dataset.quiz)) || {};
    } catch {
      return {};  // storage refused or unreadable: start afresh
    }
  }

  function save(quiz, answers) {
    try {
      localStorage.setItem(PREFIX + quiz.dataset.quiz, JSON.stringify(answers));
    } catch {
      // storage refused (private mode, full): the page still works, it just forgets
    }
  }

  const letters = (indexes) => indexes.map((i) => String.fromCharCode(65 + i)).join("、");
  const inputs = (item) => [...item.querySelectorAll("input")];
  const right = (item) => item.dataset.answer.split(",").filter(Boolean).map(Number);

  function show(item, chosen) {
    const answer = right(item);
    const correct = chosen.length === answer.length && answer.every((i) => chosen.includes(i));
    for (const input of inputs(item)) {
      const index = Number(input.value);
      const option = input.closest(".kb-quiz__option");
      input.checked = chosen.includes(index);
      input.disabled = true;
      option.classList.toggle("is-answer", answer.includes(index));
      option.classList.toggle("is-wrong", chosen.includes(index) && !answer.includes(index));
      option.querySelector(".kb-quiz__mark")?.remove();
      const note = answer.includes(index) ? "正确答案" : chosen.includes(index) ? "你选的，不对" : "";
      if (note) {
        const mark = document.createElement("span");
        mark.className = "kb-quiz__mark";
        mark.textContent = `（${note}）`;
        option.querySelector(".kb-quiz__text").append(mark);
      }
    }
    item.dataset.result = correct ? "right" : "wrong";
    item.querySelector(".kb-quiz__verdict").textContent = correct
      ? "答对了。"
      : `没答对。正确答案是 ${letters(answer)}。`;
    item.querySelector(".kb-quiz__explain").hidden = false;
    item.querySelector(".kb-quiz__check").textContent = "重新作答";
    return correct;
  }

  function clear(item) {
    for (const input of inputs(item)) {
      input.checked = false;
      input.disabled = false;
      const option = input.closest(".kb-quiz__option");
      option.classList.remove("is-answer", "is-wrong");
      option.querySelector(".kb-quiz__mark")?.remove();
    }
    delete item.dataset.result;
    item.querySelector(".kb-quiz__verdict").textContent = "";
    item.querySelector(".kb-quiz__explain").hidden = true;
    item.querySelector(".kb-quiz__check").textContent = "核对";
  }

  function score(quiz) {
    const items = [...quiz.querySelectorAll(".kb-quiz__item")];
    const done = items.filter((item) => item.dataset.result);
    const good = done.filter((item) => item.dataset.result === "right").length;
    let text = done.length ? `已答 ${done.length} / ${items.length} 题，答对 ${good} 题。` : "";
    if (done.length === items.length) {
      text = `全部答完：${items.length} 题答对 ${good} 题。`;
      if (good < items.length) text += "没答对的题，点解释里的链接回去再读一遍。";
    }
    quiz.querySelector(".kb-quiz__score").textContent = text;
  }

  function bind(quiz) {
    quiz.dataset.bound = "";
    const answers = load(quiz);
    for (const item of quiz.querySelectorAll(".kb-quiz__item")) {
      item.querySelector(".kb-quiz__buttons").hidden = false;
      const stored = answers[item.dataset.key];
      if (stored) show(item, stored);
      item.querySelector(".kb-quiz__check").addEventListener("click", () => {
        const current = load(quiz);
        if (item.dataset.result) {
          clear(item);
          delete current[item.dataset.key];
          save(quiz, current);
          inputs(item)[0]?.focus();
        } else {
          const chosen = inputs(item).filter((i) => i.checked).map((i) => Number(i.value));
          if (!chosen.length) {
            item.querySelector(".kb-quiz__verdict").textContent = "请先选一个答案。";
            return;
          }
          show(item, chosen);
          current[item.dataset.key] = chosen;
          save(quiz, current);
        }
        score(quiz);
      });
    }
    const actions = quiz.querySelector(".kb-quiz__actions");
    actions.hidden = false;
    actions.querySelector(".kb-quiz__reset").addEventListener("click", () => {
      save(quiz, {});
      for (const item of quiz.querySelectorAll(".kb-quiz__item")) clear(item);
      score(quiz);
      quiz.querySelector(".kb-quiz__score").textContent = "答题记录已清除，可以重新做了。";
      quiz.querySelector(".kb-quiz__item input")?.focus();
    });
    score(quiz);
  }

  function bindAll() {
    for (const quiz of document.querySelectorAll(".kb-quiz:not([data-bound])")) bind(quiz);
  }
  if (window.document$) window.document$.subscribe(bindAll);
  else document.addEventListener("DOMContentLoaded", bindAll);
})();
