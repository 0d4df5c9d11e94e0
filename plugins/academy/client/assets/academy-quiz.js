/* Academy runtime part: assessments and placement tests, with their end screen.
   Loaded by academy.js only on pages that need it (see there). */
__academy.part("quiz", (A) => {
  "use strict";
  const { T, root, store, $, $$, el, fmt, plural, day, icon, button, link, need, now, readJSON, safe, emit, isObj, paintBadge, D, initCheck, showResult, schedule, shuffled, newSeed } = A;

  // ---- assessments and placement tests ----------------------------------------
  function initQuiz(node) {
    const id = node.dataset.acQuiz;
    const kind = node.dataset.acKind;
    const scope = "quiz:" + id;
    if (kind === "practice") {
      $$(".ac-check", node).forEach((box) => safe("check #" + box.id, box, initCheck, scope));
      return;
    }
    const startButton = need("[data-ac-start]", node, "button");
    const submitButton = need("[data-ac-submit]", node, "button");
    const results = need("[data-ac-results]", node, "box");
    const submitRow = need("[data-ac-submit-row]", node, "row");
    const list = need(".ac-questions", node, "list");
    const left = $("[data-ac-unanswered]", node) || el("span");
    const counter = $("[data-ac-count]", node) || el("span");
    const pass = +node.dataset.acPass || 0;
    const draw = +node.dataset.acDraw || 0;
    const lookup = readJSON(node) || {};
    const rec = () => {
      const r = (D().quizzes[id] = D().quizzes[id] || {});
      r.attempts = Array.isArray(r.attempts) ? r.attempts : [];
      return r;
    };
    const startRow = startButton.parentNode;
    let chosen = [];
    const items = $$(".ac-question", node).map((li) => ({
      li,
      check: safe("question #" + li.dataset.acQuestion, $(".ac-check", li), initCheck, scope, { exam: true, onChange: () => progress(true) }),
    }));
    $$("[data-ac-js]", node).forEach((n) => (n.hidden = false));

    // "n of N answered", and the answers so far kept with the attempt, so a
    // reload resumes it.
    function progress(keep) {
      const open = chosen.filter((item) => !item.check.grade().answered).length;
      counter.textContent = fmt("answered_count", { n: chosen.length - open, total: chosen.length });
      if (!open) left.textContent = "";
      const current = rec().current;
      if (keep && current) {
        current.answers = {};
        chosen.forEach((item) => (current.answers[item.check.data.id] = item.check.answer()));
        store.save();
      }
    }

    function history() {
      const body = $("[data-ac-history]", node);
      if (!body) return;
      body.replaceChildren(
        ...rec().attempts.filter(isObj).map((a) => {
          const tr = el("tr");
          const verdict = kind === "placement" ? plural("placement_line", a.modules || 0, { done: (a.tested || []).length }) : T[a.passed ? "passed" : "not_passed"];
          [day(a.at), a.score + "%", verdict].forEach((c) => tr.append(el("td", null, c)));
          return tr;
        }),
      );
    }

    function show(attempt) {
      const pool = items.filter((item) => item.check);
      chosen = shuffled(pool, attempt.seed).slice(0, draw || pool.length);
      items.forEach((item) => (item.li.hidden = !chosen.includes(item)));
      chosen.forEach((item, i) => {
        list.append(item.li);
        const k = $(".ac-prompt .ac-kicker", item.li);
        if (k) k.textContent = fmt("question_of", { n: i + 1, total: chosen.length });
        if (isObj(attempt.answers) && attempt.answers[item.check.data.id] !== undefined) item.check.restore(attempt.answers[item.check.data.id]);
      });
      submitRow.hidden = false;
      startRow.hidden = true;
      list.hidden = false;
      progress(false);
    }

    function start() {
      rec().current = { seed: newSeed(), at: now() };
      store.save();
      results.hidden = true;
      items.forEach((item) => item.check && item.check.reset(false, true));
      show(rec().current);
      const first = $("input, select, .ac-move", chosen[0].li);
      if (first) first.focus(); // explicit action: start at the first question
    }

    function submit() {
      const graded = chosen.map((item) => ({ item, result: item.check.grade() }));
      const open = graded.filter((g) => !g.result.answered);
      if (open.length) {
        left.textContent = plural("answer_all", open.length);
        const first = $("input, select", open[0].item.li);
        if (first) first.focus();
        return;
      }
      left.textContent = "";
      const byModule = {};
      let points = 0;
      graded.forEach(({ item, result }) => {
        const data = item.check.data;
        points += result.score;
        showResult(item.check.box, data, result, true);
        $$("input, select, .ac-move", item.li).forEach((n) => (n.disabled = true));
        schedule(item.check.key, result.ok, false, item.check.box);
        emit("answer", { key: item.check.key, box: item.check.box, data, result });
        const m = (byModule[data.module || ""] = byModule[data.module || ""] || { right: 0, total: 0, objectives: {} });
        m.total++;
        m.right += result.ok ? 1 : 0;
        if (data.objective) {
          const o = (m.objectives[data.objective] = m.objectives[data.objective] || [0, 0]);
          o[0] += result.ok ? 1 : 0;
          o[1]++;
        }
      });
      const score = Math.round((100 * points) / graded.length);
      const attempt = { at: now(), score, passed: kind === "assessment" ? score >= pass : true };
      if (kind === "placement") {
        attempt.tested = Object.keys(byModule).filter((m) => m && byModule[m].right === byModule[m].total);
        attempt.tested.forEach((m) => (D().tested[m] = D().tested[m] || attempt.at));
        attempt.modules = Object.keys(byModule).filter(Boolean).length;
      }
      rec().attempts.push(attempt);
      emit("quiz", { id, kind, attempt });
      delete rec().current;
      store.save();
      report(attempt, byModule);
      history();
      submitRow.hidden = true; // the end screen has its own Retry
      startButton.textContent = T.new_attempt;
      paintBadge();
    }

    // The end screen: score against the pass mark, a word on what it means,
    // results by module and objective, then Retry and Show solution.
    function report(attempt, byModule) {
      const { score, passed } = attempt;
      const head = el("h2", "ac-result");
      head.tabIndex = -1;
      const parts = [head];
      if (kind === "assessment") {
        head.append(icon(passed ? "✓" : "✗"), " " + T[passed ? "passed" : "not_passed"]);
        // The score against the pass mark: a native meter, named.
        const meter = el("meter");
        Object.assign(meter, { max: 100, value: score, low: pass, optimum: 100 });
        meter.setAttribute("aria-label", T.attempt_score);
        const band = score === 100 ? "full" : passed ? "pass" : score >= pass - 20 ? "close" : "low";
        parts.push(el("p", null, fmt("result_line", { score, pass })), meter, el("p", "ac-band", T["band_" + band]));
      } else head.append(plural("placement_line", attempt.modules, { done: attempt.tested.length }));
      const table = el("ul", "ac-breakdown");
      Object.entries(byModule).forEach(([m, r]) => {
        const info = lookup[m] || {};
        const li = el("li");
        const state = kind === "placement" && r.right === r.total ? " · " + T.tested_out : "";
        li.append(info.url ? link(root + info.url, info.title) : m || "—", ` ${r.right}/${r.total}${state}`);
        const sub = el("ul");
        Object.entries(r.objectives).forEach(([o, [right, total]]) => {
          const item = el("li");
          item.append(icon(right === total ? "✓" : "✗"), ` ${(info.objectives || {})[o] || o} ${right}/${total}`);
          sub.append(item);
        });
        if (sub.children.length) li.append(sub);
        table.append(li);
      });
      const row = el("p", "ac-actions");
      row.append(button(T.new_attempt, "md-button md-button--primary ac-retry-quiz", start));
      if (node.hasAttribute("data-ac-solution")) {
        row.append(button(T.show_solution, "md-button ac-solution", () => {
          chosen.forEach(({ li }) => $$(".ac-answer", li).forEach((a) => (a.hidden = !(a.open = true))));
          $(".ac-answer summary", chosen[0].li).focus();
        }));
      }
      results.replaceChildren(...parts, el("p", "ac-result__by", T.by_module), table, row);
      results.hidden = false;
      // Explicit submit: take the learner to the result, its headline below
      // the sticky header (scroll-margin-top in the stylesheet).
      head.focus({ preventScroll: true });
      head.scrollIntoView({ block: "start" });
    }

    startButton.addEventListener("click", start);
    submitButton.addEventListener("click", submit);
    history();
    if (rec().current) show(rec().current);
    else {
      list.hidden = true;
      if (rec().attempts.length) startButton.textContent = T.new_attempt;
    }
  }

  return { initQuiz };
});
