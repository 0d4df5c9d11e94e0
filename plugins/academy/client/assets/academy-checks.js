/* Academy runtime part: knowledge checks: seeded shuffles, spaced review, grading (one
   function for checks, assessments and review), and the check widget.
   Loaded by academy.js only on pages that need it (see there). */
__academy.part("checks", (A) => {
  "use strict";
  const { T, DAY, INTERVALS, root, store, $, $$, el, fmt, icon, button, sr, need, norm, now, once, readJSON, emit, paintBadge, D } = A;

  // ---- seeded shuffles: stable across reloads within one attempt ------------
  function rng(seed) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const newSeed = () => (Math.random() * 2 ** 31) | 0;
  function shuffled(list, seed) {
    const order = list.slice();
    const rand = rng(seed);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
  function seedFor(key, fresh) {
    const seeds = D().seeds;
    if (fresh || typeof seeds[key] !== "number") seeds[key] = newSeed();
    return seeds[key];
  }
  function shuffleChildren(parent, nodes, seed, avoidIdentity) {
    const order = shuffled(nodes, seed);
    if (avoidIdentity && order.length > 1 && order.every((n, i) => n.dataset.acItem == i)) order.push(order.shift());
    order.forEach((n) => parent.appendChild(n));
  }

  // ---- spaced review: wrong answers come back after 1, 3, 7, 14, 30 days ----
  function schedule(key, ok, reviewing, box) {
    const queue = D().review;
    const entry = queue[key];
    // On the review page the widget is a copy; keep pointing at the original.
    const where = entry && reviewing ? entry : { url: location.pathname.slice(root.length), id: box.id };
    if (!ok) queue[key] = { box: 1, due: Date.now() + DAY, url: where.url, id: where.id, at: now() };
    else if (entry && reviewing && entry.due <= Date.now()) {
      queue[key] = Object.assign({}, entry, { box: Math.min(entry.box + 1, INTERVALS.length), at: now() });
      queue[key].due = Date.now() + INTERVALS[queue[key].box - 1] * DAY;
    }
  }

  // ---- grading: one function for checks, assessments, placement and review --
  // Returns {answered, ok, partial, score (0..1), notes, marks} from the
  // widget's DOM; marks are true/false per order item or match row.
  function grade(box, data) {
    const type = data.type;
    const inputs = $$("input:checked", box);
    const out = { answered: true, ok: false, partial: false, score: 0, notes: [] };
    const text = (nodes) => nodes.map((n) => n.textContent.trim()).join(", ");
    if (type === "single" || type === "multiple") {
      if (!inputs.length) return { answered: false, why: T.choose_first };
      const picked = inputs.map((i) => +i.value);
      const wanted = data.choices.filter((c) => c.correct).length;
      const hits = picked.filter((i) => data.choices[i].correct).length;
      out.ok = hits === wanted && hits === picked.length;
      out.partial = !out.ok && hits > 0;
      out.score = out.ok ? 1 : data.partial ? Math.max(0, (hits - (picked.length - hits)) / wanted) : 0;
      picked.forEach((i) => data.choices[i].feedback && out.notes.push(data.choices[i].feedback));
      if (!out.ok && type === "multiple" && hits < wanted) out.notes.push(T.missed);
    } else if (type === "true-false") {
      if (!inputs.length) return { answered: false, why: T.choose_first };
      out.ok = inputs[0].value === String(data.answer);
    } else if (type === "order") {
      const items = $$(".ac-order > li", box);
      out.marks = items.map((li, i) => +li.dataset.acItem === i);
      const wrong = items.filter((li, i) => !out.marks[i]);
      out.ok = !wrong.length;
      if (!out.ok) out.notes.push(fmt("in_place", { n: items.length - wrong.length, total: items.length }), fmt("misplaced", { items: text(wrong.map((li) => $(".ac-order__text", li))) }));
    } else if (type === "match") {
      const selects = $$("select[data-ac-left]", box);
      if (selects.some((s) => s.value === "")) return { answered: false, why: T.match_first };
      out.marks = selects.map((s) => s.value === s.dataset.acLeft);
      const wrong = selects.filter((s, i) => !out.marks[i]);
      out.ok = !wrong.length;
      if (!out.ok) out.notes.push(fmt("pairs_right", { n: selects.length - wrong.length, total: selects.length }), fmt("wrong_pairs", { items: text(wrong.map((s) => s.labels[0] || s)) }));
    } else if (type === "text") {
      const value = norm($("input[type=text]", box).value);
      if (!value) return { answered: false, why: T.type_first };
      out.ok = data.answers.includes(value);
    }
    if (out.ok) out.score = 1;
    const outcome = out.ok ? data.correct : data.incorrect;
    if (outcome) out.notes.unshift(outcome);
    return out;
  }

  // Marks beside each order item or match row: words and an icon, not colour.
  function mark(box, marks) {
    $$(".ac-mark", box).forEach((m) => m.remove());
    const rows = $$(".ac-order > li, .ac-match > li", box);
    (marks || []).forEach((ok, i) => {
      const m = el("span", "ac-mark ac-mark--" + (ok ? "right" : "wrong"));
      m.append(icon(ok ? "✓" : "✗"), " " + T[ok ? "mark_right" : $(".ac-order", box) ? "mark_place" : "mark_pair"]);
      if (rows[i]) rows[i].append(m);
    });
  }

  function showResult(box, data, result, exam) {
    const { ok, partial } = result;
    const notes = result.notes.slice();
    const word = T[ok ? "correct" : partial ? "partly" : "incorrect"];
    // Authors often start their feedback with the verdict: say it once.
    const said = notes[0] && norm(notes[0]).startsWith(norm(word).replace(/[.!]$/, ""));
    const verdict = el("p", "ac-verdict");
    verdict.append(icon(ok ? "✓" : partial ? "◐" : "✗"), " ", said ? notes.shift() : word);
    const parts = [verdict, ...notes.map((n) => el("p", null, n))];
    if ((ok || exam) && data.explanation) parts.push(el("p", "ac-explanation", data.explanation));
    if (!ok && !exam) parts.push(el("p", "ac-next", T.after_wrong));
    $(".ac-feedback", box).replaceChildren(...parts);
    box.classList.toggle("is-right", ok);
    box.classList.toggle("is-partial", !ok && !!partial);
    box.classList.toggle("is-wrong", !ok && !partial);
    mark(box, result.marks);
  }
  function clearResult(box) {
    $(".ac-feedback", box).replaceChildren();
    box.classList.remove("is-right", "is-wrong", "is-partial");
    mark(box, null);
  }

  // What the learner answered, as saved, and putting it back.
  function answerOf(box, type) {
    if (type === "order") return $$(".ac-order > li", box).map((li) => +li.dataset.acItem);
    if (type === "match") return $$("select[data-ac-left]", box).map((s) => s.value);
    if (type === "text") return $("input[type=text]", box).value;
    return $$("input:checked", box).map((i) => i.value);
  }
  function restore(box, type, saved) {
    if (type === "text") return typeof saved === "string" && ($("input[type=text]", box).value = saved);
    if (!Array.isArray(saved)) return false;
    if (type === "order") {
      const list = $(".ac-order", box);
      const items = $$(":scope > li", list);
      if (saved.slice().sort((x, y) => x - y).join() !== items.map((_, i) => i).join()) return false;
      saved.forEach((i) => list.append(items.find((li) => +li.dataset.acItem === i)));
    } else if (type === "match") $$("select[data-ac-left]", box).forEach((s, i) => (s.value = saved[i] || ""));
    else $$("input", box).forEach((i) => (i.checked = saved.includes(i.value)));
    return true;
  }

  // ---- knowledge checks -----------------------------------------------------
  // opts: {exam: no per-question checking (assessments), reviewing, onResult,
  // onChange}. Returns the check's handle, or null.
  function initCheck(box, scope, opts) {
    if (!once(box)) return null;
    const data = readJSON(box);
    if (!data) throw new Error("no answer data");
    opts = opts || {};
    const key = scope + "/" + data.id;
    const form = need(".ac-form", box, "form");
    const feedback = need(".ac-feedback", box, "live region");
    const actions = need(".ac-actions", box, "buttons");
    const retry = need(".ac-retry", box, "button");
    const answer = $(".ac-answer", box);
    const list = $(".ac-order", box);
    const live = sr(); // moves are announced here, apart from the verdict
    box.append(live);
    actions.hidden = !!opts.exam;
    if (answer) answer.hidden = true;
    const say = (text) => feedback.replaceChildren(el("p", null, text));
    const items = () => $$(":scope > li", list);
    let misses = 0;

    // After a verdict, changing the answer clears it: the box never shows a
    // verdict for an answer that is no longer there.
    function changed() {
      if (box.matches(".is-right, .is-wrong, .is-partial")) clearResult(box);
      if (opts.onChange) opts.onChange();
    }
    form.addEventListener("change", (e) => e.target.matches(".ac-pos") || changed());
    form.addEventListener("input", (e) => e.target.matches("input[type=text]") && changed());

    function place(li, to, focus) {
      const all = items();
      const text = $(".ac-order__text", li).textContent;
      if (to < 0 || to >= all.length) return (live.textContent = fmt(to < 0 ? "at_top" : "at_bottom", { item: text }));
      const from = all.indexOf(li);
      list.insertBefore(li, to > from ? all[to].nextSibling : all[to]);
      positions();
      focus.focus(); // the control moved with its item; keep the learner on it
      live.textContent = fmt("moved", { item: text, pos: to + 1, total: all.length });
      changed();
    }
    function positions() {
      items().forEach((li, i) => ($(".ac-pos", li).value = i));
    }
    if (list) {
      items().forEach((li, _, all) => {
        const text = $(".ac-order__text", li).textContent;
        const tools = el("span", "ac-order__tools");
        const pos = el("select", "ac-pos");
        pos.setAttribute("aria-label", fmt("move_to", { item: text }));
        all.forEach((x, i) => pos.append(new Option(i + 1, i)));
        pos.addEventListener("change", () => place(li, +pos.value, pos));
        [
          ["up", -1, "↑"],
          ["down", 1, "↓"],
        ].forEach(([dir, step, arrow]) => {
          const b = button("", "ac-move ac-move--" + dir, () => place(li, items().indexOf(li) + step, b));
          b.setAttribute("aria-label", fmt("move_" + dir, { item: text }));
          b.append(el("span", null, arrow));
          tools.append(b);
        });
        tools.append(pos);
        li.append(tools);
      });
    }
    // Show me: after two wrong tries, the right arrangement, to check.
    const show = (data.type === "order" || data.type === "match") && button(T.show_me, "md-button ac-show", () => {
      if (list) {
        items().sort((a, b) => a.dataset.acItem - b.dataset.acItem).forEach((li) => list.append(li));
        positions();
      } else $$("select[data-ac-left]", box).forEach((s) => (s.value = s.dataset.acLeft));
      clearResult(box);
      say(T.shown);
      show.hidden = true;
    });
    if (show) {
      show.hidden = true;
      actions.append(show);
    }

    function arrange(fresh) {
      const seed = seedFor(key, fresh);
      if (list) shuffleChildren(list, items(), seed, true);
      const choices = $(".ac-choices", box);
      if (choices && data.shuffle) shuffleChildren(choices, $$("li", choices), seed, false);
      $$("select[data-ac-left]", box).forEach((select) => {
        shuffleChildren(select, $$("option", select).filter((o) => o.value !== ""), seed, false);
      });
      if (list) positions();
    }

    function check() {
      const result = grade(box, data);
      if (!result.answered) return say(result.why);
      showResult(box, data, result, false);
      retry.hidden = false;
      if (answer) answer.hidden = result.ok;
      misses = result.ok ? 0 : misses + 1;
      if (show) show.hidden = result.ok || misses < 2;
      const prev = D().checks[key] || {};
      D().checks[key] = { ok: !!(result.ok || prev.ok), tries: (prev.tries || 0) + 1, at: now(), answer: answerOf(box, data.type), last: !!result.ok };
      schedule(key, result.ok, opts.reviewing, box);
      store.save();
      emit("answer", { key, box, data, result });
      if (opts.onResult) opts.onResult(key, result);
      paintBadge();
    }

    // Try again: this check only, back to no answer; an order keeps its
    // arrangement, so the learner goes on from where they were.
    function reset(focus, fresh) {
      $$("input", box).forEach((i) => (i.type === "text" ? (i.value = "") : (i.checked = false)));
      $$("select[data-ac-left]", box).forEach((s) => (s.value = ""));
      if (fresh) arrange(true);
      const rec = D().checks[key];
      if (rec && rec.answer !== undefined) {
        D().checks[key] = Object.assign({}, rec, { at: now() });
        delete D().checks[key].answer;
      }
      store.save();
      clearResult(box);
      live.textContent = "";
      retry.hidden = true;
      if (show) show.hidden = true;
      if (answer) {
        answer.open = false;
        answer.hidden = true;
      }
      $$("input, select, .ac-move", box).forEach((n) => (n.disabled = false));
      const first = $("input, select, .ac-move", form);
      if (focus && first) first.focus(); // explicit action: return the learner to the question
    }

    arrange(false);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!opts.exam) check();
    });
    retry.addEventListener("click", () => reset(true, false));
    // After a reload the last answer is back, with its verdict.
    const saved = D().checks[key];
    if (saved && saved.ok) box.classList.add("was-right");
    if (!opts.exam && !opts.reviewing && saved && saved.answer !== undefined && restore(box, data.type, saved.answer)) {
      if (list) positions();
      const result = grade(box, data);
      if (result.answered) {
        showResult(box, data, result, false);
        retry.hidden = false;
        if (answer) answer.hidden = result.ok;
      }
    }
    return { key, data, box, reset, grade: () => grade(box, data), answer: () => answerOf(box, data.type), restore: (a) => restore(box, data.type, a) && list && positions() };
  }

  return { initCheck, showResult, schedule, shuffled, newSeed };
});
