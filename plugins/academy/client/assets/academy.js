/* Academy runtime: marks knowledge checks, plays branching scenarios, runs
   assessments and placement tests, keeps progress, certificates and spaced
   review, by enhancing the server-rendered HTML (which works without it).

   Hand-rolled on purpose: the product contract is one small file with no
   dependencies, working under a strict Content Security Policy (no eval, no
   inline script; data comes from <script type="application/json">), and no
   existing library offers accessible order/match widgets, scenario play and
   local-first progress at this size. It re-runs on Material's instant
   navigation (document$) and never initialises an element twice. */
(() => {
  "use strict";
  const T = /*@STRINGS@*/ {};
  const VERSION = 1;
  const DAY = 864e5;
  const INTERVALS = [1, 3, 7, 14, 30]; // spaced-review boxes, in days

  // ---- small helpers --------------------------------------------------------
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  };
  const fmt = (key, vars) =>
    (T[key] || key).replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? vars[name] : ""));
  // Data sits in <template><script type="application/json">: template content
  // is inert, so Material's instant navigation (which re-creates every
  // <script> in the page, dropping its type) never executes it.
  const readJSON = (box) => {
    try {
      return JSON.parse($(":scope > template.ac-data", box).content.querySelector("script").textContent);
    } catch (e) {
      return null;
    }
  };
  const once = (node) => (node.dataset.acReady ? false : (node.dataset.acReady = "1"));
  const norm = (s) => s.normalize("NFKC").trim().split(/\s+/).join(" ").toLowerCase();
  const now = () => new Date(Date.now()).toISOString();
  const icon = (text) => {
    const span = el("span", "ac-icon", text);
    span.setAttribute("aria-hidden", "true");
    return span;
  };
  const button = (text, cls, onClick) => {
    const b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };
  // Events for optional add-ons (the xAPI sender listens to them), so this
  // file knows nothing of where records go.
  const emit = (type, detail) => document.dispatchEvent(new CustomEvent("academy:" + type, { detail }));
  const ids = (node, name) => (node.getAttribute(name) || "").split(" ").filter(Boolean);
  const minutes = (n) => {
    const h = Math.floor(n / 60);
    const m = n % 60;
    return h ? fmt(m ? "hours_minutes" : "hours", { h, m }) : fmt("minutes", { n: m });
  };

  // ---- storage guard --------------------------------------------------------
  // This file loads in <head>, before Material's inline scripts, which read
  // localStorage unguarded and throw when a browser blocks site storage. An
  // in-memory stand-in keeps the page working; the store below notices it and
  // tells the learner that progress will not be kept.
  let memoryOnly = false;
  try {
    window.localStorage.getItem(".");
  } catch (e) {
    const data = new Map();
    const stand = {
      getItem: (k) => (data.has(k) ? data.get(k) : null),
      setItem: (k, v) => data.set(k, String(v)),
      removeItem: (k) => data.delete(k),
      clear: () => data.clear(),
      key: (i) => [...data.keys()][i] || null,
      get length() {
        return data.size;
      },
    };
    try {
      Object.defineProperty(window, "localStorage", { value: stand, configurable: true });
    } catch (e2) {
      /* not replaceable: the store below falls back to memory on its own */
    }
    memoryOnly = true;
  }

  // ---- progress store -------------------------------------------------------
  // One versioned record per site in localStorage, keyed by the site's root
  // path so two academies on one origin never share progress.
  const script = document.currentScript;
  const root = script ? new URL("../..", script.src).pathname : "/";
  const KEY = "academy:" + root;
  const PARTS = ["checks", "scenarios", "modules", "seeds", "quizzes", "tested", "review", "certs"];
  const isObj = (v) => v && typeof v === "object" && !Array.isArray(v);
  const empty = () => {
    const record = { version: VERSION };
    PARTS.forEach((k) => (record[k] = {}));
    return record;
  };
  // A record is usable when it has our version and every part it has is a
  // mapping; parts added by later releases of version 1 may be missing.
  const valid = (r) =>
    isObj(r) && r.version === VERSION && ["checks", "modules"].every((k) => isObj(r[k])) && PARTS.every((k) => r[k] == null || isObj(r[k]));
  const complete = (r) => {
    PARTS.forEach((k) => (r[k] = r[k] || {}));
    return r;
  };

  const store = {
    ok: true,
    notice: "",
    data: empty(),
    load() {
      if (memoryOnly) this.notice = "storage_off";
      let raw = null;
      try {
        raw = localStorage.getItem(KEY);
      } catch (e) {
        this.ok = false;
        this.notice = "storage_off";
        return;
      }
      if (raw == null) return;
      let parsed = null;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        /* reported below */
      }
      if (valid(parsed)) {
        this.data = complete(parsed);
        if (raw.length > 1e6) this.notice = "storage_large"; // still usable, but saves get slow
        return;
      }
      if (isObj(parsed) && typeof parsed.version === "number" && parsed.version > VERSION) {
        this.ok = false; // never overwrite what a newer version wrote
        this.notice = "storage_newer";
        return;
      }
      try {
        localStorage.setItem(KEY + ":unreadable", raw);
      } catch (e) {
        /* keeping the copy is best effort */
      }
      this.notice = "storage_corrupt";
      this.save();
    },
    save() {
      if (!this.ok) return;
      this.data.updated = now();
      try {
        localStorage.setItem(KEY, JSON.stringify(this.data));
      } catch (e) {
        this.ok = false;
        this.notice = "storage_off";
        showNotice();
      }
    },
    replace(record) {
      this.data = complete(record);
      this.save();
    },
  };
  const D = () => store.data;

  function showNotice() {
    const main = $("article") || $("main");
    if (!store.notice || !main || $(".ac-notice", main)) return;
    const box = el("div", "ac-notice", T[store.notice]);
    box.setAttribute("role", "note");
    main.prepend(box);
  }

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
    if (!ok) queue[key] = { box: 1, due: Date.now() + DAY, url: where.url, id: where.id };
    else if (entry && reviewing && entry.due <= Date.now()) {
      entry.box = Math.min(entry.box + 1, INTERVALS.length);
      entry.due = Date.now() + INTERVALS[entry.box - 1] * DAY;
    }
  }
  const due = () => Object.entries(D().review).filter(([, e]) => isObj(e) && e.due <= Date.now());

  function paintBadge() {
    const bar = $(".md-header__inner");
    if (!bar) return;
    let badge = $(".ac-review-badge", bar);
    const count = due().length;
    if (!badge) {
      badge = el("a", "ac-review-badge md-header__button");
      badge.href = root + T._review;
      badge.append(icon("↻"), el("span", "ac-review-badge__label", T.review_title + " "), el("span", "ac-review-badge__count"));
      bar.insertBefore(badge, $(".md-search", bar) || null);
    }
    badge.hidden = !count;
    badge.lastChild.textContent = count;
    badge.setAttribute("aria-label", fmt("due_label", { n: count }));
  }

  // ---- grading: one function for checks, assessments, placement and review --
  // Returns {answered, ok, partial, score (0..1), notes} from the widget's DOM.
  function grade(box, data) {
    const type = data.type;
    const inputs = $$("input:checked", box);
    const out = { answered: true, ok: false, partial: false, score: 0, notes: [] };
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
      const got = $$(".ac-order > li", box).map((li) => +li.dataset.acItem);
      const right = got.filter((v, i) => v === i).length;
      out.ok = right === got.length;
      if (!out.ok) out.notes.push(fmt("in_place", { n: right, total: got.length }));
    } else if (type === "match") {
      const selects = $$("select", box);
      if (selects.some((s) => s.value === "")) return { answered: false, why: T.match_first };
      const right = selects.filter((s) => s.value === s.dataset.acLeft).length;
      out.ok = right === selects.length;
      if (!out.ok) out.notes.push(fmt("pairs_right", { n: right, total: selects.length }));
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

  function showResult(box, data, result, exam) {
    const { ok, partial } = result;
    const verdict = el("p", "ac-verdict ac-verdict--" + (ok ? "right" : partial ? "partial" : "wrong"));
    verdict.append(icon(ok ? "✓" : partial ? "◐" : "✗"), " ", T[ok ? "correct" : partial ? "partly" : "incorrect"]);
    const parts = [verdict, ...result.notes.map((n) => el("p", null, n))];
    if ((ok || exam) && data.explanation) parts.push(el("p", "ac-explanation", data.explanation));
    if (!ok && !exam) parts.push(el("p", "ac-next", T.after_wrong));
    $(".ac-feedback", box).replaceChildren(...parts);
    box.classList.toggle("is-right", ok);
    box.classList.toggle("is-wrong", !ok);
    const answer = $(".ac-answer", box);
    if (answer) answer.hidden = ok && !exam;
  }

  // ---- knowledge checks -----------------------------------------------------
  // opts: {exam: no per-question checking (assessments), reviewing, onResult}
  function initCheck(box, scope, opts) {
    if (!once(box)) return null;
    const data = readJSON(box);
    if (!data) return null;
    opts = opts || {};
    const key = scope + "/" + data.id;
    const form = $(".ac-form", box);
    const feedback = $(".ac-feedback", box);
    const answer = $(".ac-answer", box);
    const retry = $(".ac-retry", box);
    $(".ac-actions", box).hidden = !!opts.exam;
    if (answer) answer.hidden = true;
    const say = (text) => feedback.replaceChildren(el("p", null, text));

    const list = $(".ac-order", box);
    if (list) {
      $$(":scope > li", list).forEach((li) => {
        const text = $(".ac-order__text", li).textContent;
        const tools = el("span", "ac-order__tools");
        [
          ["up", -1, "↑"],
          ["down", 1, "↓"],
        ].forEach(([dir, step, arrow]) => {
          const b = button("", "ac-move ac-move--" + dir, () => move(li, step, b));
          b.setAttribute("aria-label", fmt("move_" + dir, { item: text }));
          b.append(el("span", null, arrow));
          tools.append(b);
        });
        li.append(tools);
      });
    }

    function move(li, step, b) {
      const items = $$(":scope > li", list);
      const to = items.indexOf(li) + step;
      const text = $(".ac-order__text", li).textContent;
      if (to < 0 || to >= items.length) return say(fmt(step < 0 ? "at_top" : "at_bottom", { item: text }));
      list.insertBefore(li, step < 0 ? items[to] : items[to].nextSibling);
      b.focus(); // the button moved with its item; keep the learner on it
      say(fmt("moved", { item: text, pos: to + 1, total: items.length }));
    }

    function arrange(fresh) {
      const seed = seedFor(key, fresh);
      if (list) shuffleChildren(list, $$(":scope > li", list), seed, true);
      const choices = $(".ac-choices", box);
      if (choices && data.shuffle) shuffleChildren(choices, $$("li", choices), seed, false);
      $$("select", box).forEach((select) => {
        shuffleChildren(select, $$("option", select).filter((o) => o.value !== ""), seed, false);
      });
    }

    function mark() {
      const result = grade(box, data);
      if (!result.answered) return say(result.why);
      showResult(box, data, result, false);
      retry.hidden = false;
      const prev = D().checks[key] || {};
      D().checks[key] = { ok: !!(result.ok || prev.ok), tries: (prev.tries || 0) + 1, at: now() };
      schedule(key, result.ok, opts.reviewing, box);
      store.save();
      emit("answer", { key, box, data, result });
      if (opts.onResult) opts.onResult(key, result);
      paintBadge();
    }

    function reset(focus) {
      form.reset();
      arrange(true);
      store.save();
      feedback.replaceChildren();
      box.classList.remove("is-right", "is-wrong");
      retry.hidden = true;
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
      if (!opts.exam) mark();
    });
    retry.addEventListener("click", () => reset(true));
    if ((D().checks[key] || {}).ok) box.classList.add("was-right");
    return { key, data, box, reset, grade: () => grade(box, data) };
  }

  // ---- branching scenarios --------------------------------------------------
  function initScenario(box, scope, onChange) {
    if (!once(box)) return null;
    const data = readJSON(box);
    if (!data) return null;
    const key = scope + "/" + data.id;
    const live = $(".ac-scenario__live", box);
    const steps = {};
    $$(".ac-step", box).forEach((li) => (steps[li.dataset.acStep] = li));
    $(".ac-steps", box).hidden = true;
    const log = el("ol", "ac-transcript");
    const play = el("div", "ac-play");
    play.append(log);
    box.insertBefore(play, live);
    const saved = D().scenarios[key];
    let route = saved && Array.isArray(saved.route) ? saved.route.filter((r) => Array.isArray(r) && steps[r[0]]) : [];

    const message = (id) => {
      const frag = document.createDocumentFragment();
      const speaker = $(".ac-speaker", steps[id]);
      if (speaker) frag.append(speaker.cloneNode(true));
      frag.append($(".ac-message", steps[id]).cloneNode(true));
      return frag;
    };
    const optionText = (id, i) => $$(".ac-option", steps[id])[i].textContent;
    const option = (id, i) => (data.steps[id].options || [])[i];
    const score = () => route.reduce((sum, [id, i]) => sum + ((option(id, i) || {}).score || 0), 0);
    const current = () => route.reduce((id, [, i]) => (option(id, i) || {}).next || id, data.start);

    function render(focus) {
      log.replaceChildren();
      let id = data.start;
      route.forEach(([stepId, i]) => {
        const item = el("li", "ac-turn");
        item.append(message(stepId));
        const choice = el("p", "ac-choice");
        choice.append(el("strong", null, T.you_chose + " "), optionText(stepId, i));
        item.append(choice);
        if (option(stepId, i).feedback) item.append(el("p", "ac-choice__feedback", option(stepId, i).feedback));
        log.append(item);
        id = option(stepId, i).next;
      });
      const turn = el("li", "ac-turn ac-turn--current");
      const head = el("div", "ac-turn__message");
      head.tabIndex = -1;
      head.append(message(id));
      turn.append(head);
      const step = data.steps[id];
      if (step.ending) {
        const outcome = el("p", "ac-outcome ac-outcome--" + step.ending);
        outcome.append(icon({ success: "✓", partial: "◐", fail: "✗" }[step.ending]), " ", el("strong", null, T.outcome + ": " + T["ending_" + step.ending]));
        turn.append(outcome);
        const fb = $(".ac-ending__feedback", steps[id]);
        if (fb) turn.append(fb.cloneNode(true));
        turn.append(el("p", "ac-score", fmt("score", { score: score(), max: data.max })));
        turn.append(button(T.restart, "md-button ac-restart", () => {
          route = [];
          persist(false);
          render(true);
        }));
      } else {
        const options = el("ul", "ac-choices-play");
        step.options.forEach((_, i) => {
          const li = el("li");
          li.append(button(optionText(id, i), "ac-option-button", () => choose(id, i)));
          options.append(li);
        });
        turn.append(options);
      }
      log.append(turn);
      if (focus) head.focus();
    }

    function persist(ended) {
      const prev = D().scenarios[key] || {};
      const record = { route, at: now(), ended: prev.ended || (ended && data.steps[current()].ending) || null };
      if (ended) {
        record.last = data.steps[current()].ending;
        record.score = score();
        record.max = data.max;
      }
      record.best = Math.max(prev.best || 0, record.score || 0);
      D().scenarios[key] = record;
      store.save();
    }

    function choose(id, i) {
      route.push([id, i]);
      const next = data.steps[option(id, i).next];
      persist(!!next.ending);
      render(true);
      const said = [T.you_chose + " " + optionText(id, i) + ".", option(id, i).feedback || ""];
      if (next.ending) emit("scenario", { key, box, ending: next.ending, score: score(), max: data.max });
      if (next.ending) said.push(T.outcome + ": " + T["ending_" + next.ending] + ".", fmt("score", { score: score(), max: data.max }));
      live.textContent = said.join(" ");
      onChange(key);
    }

    render(false);
    return key;
  }

  // ---- module and path state ------------------------------------------------
  const finished = (id) => !!((D().modules[id] || {}).done || D().tested[id]);
  function moduleState(id) {
    const m = D().modules[id] || {};
    return m.done ? "done" : D().tested[id] ? "tested" : m.seen ? "started" : "new";
  }
  const stateLabel = { done: "status_done", tested: "tested_out", started: "status_started", new: "not_started" };
  function paintStatus(node, state) {
    node.dataset.acState = state;
    node.replaceChildren(icon({ done: "✓", tested: "✓", started: "◐", new: "○" }[state]), " " + T[stateLabel[state]]);
  }
  function quizState(id) {
    const attempts = ((D().quizzes[id] || {}).attempts || []).filter(isObj);
    const best = Math.max(0, ...attempts.map((a) => a.score || 0));
    return { passed: attempts.some((a) => a.passed), best, taken: attempts.length > 0 };
  }
  function paintQuiz(node) {
    const q = quizState(node.dataset.acQuizStatus);
    node.replaceChildren(q.passed ? icon("✓") : "", (q.passed ? " " + T.passed : q.taken ? T.not_passed : T.not_taken) + (q.taken ? ` (${q.best}%)` : ""));
  }
  const unlocked = (node) => ids(node, "data-ac-modules").every(finished) && ids(node, "data-ac-quizzes").every((q) => quizState(q).passed);

  function paintAll(scope) {
    $$("[data-ac-module-row]", scope).forEach((row) => {
      const status = $("[data-ac-status]", row);
      if (status) paintStatus(status, moduleState(row.dataset.acModuleRow));
    });
    $$("[data-ac-quiz-status]", scope).forEach(paintQuiz);
    $$("[data-ac-path-card]", scope).forEach((card) => {
      const mods = ids(card, "data-ac-modules");
      const n = mods.filter(finished).length;
      const line = $("[data-ac-card-progress]", card);
      line.hidden = !n;
      line.textContent = fmt("card_progress", { n, total: mods.length });
    });
  }

  function markNavigation() {
    $$(".md-nav__link[href]").forEach((link) => {
      const match = /(?:^|\/)modules\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(link.getAttribute("href"));
      const mark = $(".ac-nav-done", link);
      const done = match && finished(match[1]);
      if (done && !mark) {
        const m = el("span", "ac-nav-done");
        m.append(icon("✓"), el("span", "ac-sr", T.nav_done));
        link.append(m);
      } else if (!done && mark) mark.remove();
    });
  }

  function initModule(header) {
    const id = header.dataset.acModule;
    const record = (D().modules[id] = D().modules[id] || {});
    record.seen = record.seen || now();
    D().last = { module: id, at: now() };
    emit("module", { id });
    const chosen = new URLSearchParams(location.search).get("path");
    if (chosen) D().path = chosen;
    const navs = $$("[data-ac-pathnav]");
    const nav = navs.find((n) => n.dataset.acPathnav === D().path) || (navs.length === 1 ? navs[0] : null);
    if (nav) nav.hidden = false;
    const keys = { checks: [], scenarios: [] };
    const update = () => {
      const checks = keys.checks.every((k) => (D().checks[k] || {}).ok);
      const scenarios = keys.scenarios.every((k) => (D().scenarios[k] || {}).ended);
      if (checks && scenarios && !record.done) {
        record.done = now();
        emit("done", { id });
      }
      store.save();
      const status = $(".ac-meta__status", header);
      status.hidden = false;
      paintStatus($("[data-ac-status]", status), moduleState(id));
      markNavigation();
    };
    $$(".ac-check").forEach((box) => {
      const check = initCheck(box, id, { onResult: update });
      if (check) keys.checks.push(check.key);
    });
    $$(".ac-scenario").forEach((box) => {
      const key = initScenario(box, id, update);
      if (key) keys.scenarios.push(key);
    });
    update();
  }

  function initPath(node) {
    const mods = ids(node, "data-ac-modules");
    D().path = node.dataset.acPath;
    let left = 0;
    $$("[data-ac-module-row]", node).forEach((row) => {
      if (!finished(row.dataset.acModuleRow)) left += +row.dataset.acDuration || 0;
    });
    const remaining = $(".ac-meta__remaining", node);
    remaining.hidden = false;
    $("[data-ac-remaining]", remaining).textContent = minutes(left);
    // Continue where you left off: the module last opened, if unfinished,
    // else the first unfinished one in path order.
    const last = (D().last || {}).module;
    const next = mods.includes(last) && !finished(last) ? last : mods.find((m) => !finished(m));
    const go = $("[data-ac-continue]", node);
    const row = next && $(`[data-ac-module-row="${next}"] a`, node);
    const started = mods.some((m) => D().modules[m] || D().tested[m]);
    if (row && started) {
      go.href = row.href;
      go.textContent = fmt("continue_to", { title: row.textContent });
    } else if (!row) {
      const cert = $(".ac-certificate a", node);
      if (cert) {
        go.href = cert.href;
        go.textContent = cert.textContent;
      }
    }
    const state = $("[data-ac-certificate-state]", node);
    if (state) state.textContent = unlocked(node) ? T.cert_ready : T.certificate_locked;
    if (unlocked(node)) emit("path", { id: node.dataset.acPath });
  }

  // ---- assessments and placement tests ----------------------------------------
  function initQuiz(node) {
    const id = node.dataset.acQuiz;
    const kind = node.dataset.acKind;
    const scope = "quiz:" + id;
    if (kind === "practice") {
      $$(".ac-check", node).forEach((box) => initCheck(box, scope));
      return;
    }
    const pass = +node.dataset.acPass || 0;
    const draw = +node.dataset.acDraw || 0;
    const lookup = readJSON(node) || {};
    const record = (D().quizzes[id] = D().quizzes[id] || {});
    record.attempts = Array.isArray(record.attempts) ? record.attempts : [];
    const items = $$(".ac-question", node).map((li) => ({ li, check: initCheck($(".ac-check", li), scope, { exam: true }) }));
    const list = $(".ac-questions", node);
    const results = $("[data-ac-results]", node);
    const submitRow = $("[data-ac-submit-row]", node);
    const startRow = $("[data-ac-start]", node).parentNode;
    const left = $("[data-ac-left]", node);
    $$("[data-ac-js]", node).forEach((n) => (n.hidden = false));
    let chosen = [];

    function history() {
      $("[data-ac-history]", node).replaceChildren(
        ...record.attempts.filter(isObj).map((a) => {
          const tr = el("tr");
          const verdict = kind === "placement" ? fmt("placement_line", { n: (a.tested || []).length, total: a.modules }) : T[a.passed ? "passed" : "not_passed"];
          [new Date(a.at).toLocaleDateString(document.documentElement.lang || undefined), a.score + "%", verdict].forEach((c) => tr.append(el("td", null, c)));
          return tr;
        }),
      );
    }

    function show(attempt) {
      const pool = items.filter((item) => item.check);
      chosen = shuffled(pool, attempt.seed).slice(0, draw || pool.length);
      items.forEach((item) => (item.li.hidden = !chosen.includes(item)));
      chosen.forEach((item) => list.append(item.li));
      submitRow.hidden = false;
      startRow.hidden = true;
      list.hidden = false;
    }

    function start() {
      record.current = { seed: newSeed(), at: now() };
      store.save();
      results.hidden = true;
      items.forEach((item) => item.check && item.check.reset(false));
      show(record.current);
      const first = $("input, select, .ac-move", chosen[0].li);
      if (first) first.focus(); // explicit action: start at the first question
    }

    function submit() {
      const graded = chosen.map((item) => ({ item, result: item.check.grade() }));
      const open = graded.filter((g) => !g.result.answered);
      if (open.length) {
        left.textContent = fmt("answer_all", { n: open.length });
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
      record.attempts.push(attempt);
      emit("quiz", { id, kind, attempt });
      delete record.current;
      store.save();
      report(attempt, byModule);
      history();
      submitRow.hidden = true;
      startRow.hidden = false;
      $("[data-ac-start]", node).textContent = T.new_attempt;
      paintBadge();
    }

    function report(attempt, byModule) {
      const head = el("p", "ac-result");
      if (kind === "assessment") {
        head.append(icon(attempt.passed ? "✓" : "✗"), " ", el("strong", null, T[attempt.passed ? "passed" : "not_passed"] + ". "), fmt("result_line", { score: attempt.score, pass }));
      } else head.append(el("strong", null, fmt("placement_line", { n: attempt.tested.length, total: attempt.modules })));
      const table = el("ul", "ac-breakdown");
      Object.entries(byModule).forEach(([m, r]) => {
        const info = lookup[m] || {};
        const li = el("li");
        const state = kind === "placement" && r.right === r.total ? " · " + T.tested_out : "";
        if (info.url) {
          const a = el("a", null, info.title);
          a.href = root + info.url;
          li.append(a);
        } else li.append(m || "—");
        li.append(` ${r.right}/${r.total}${state}`);
        const sub = el("ul");
        Object.entries(r.objectives).forEach(([o, [right, total]]) => sub.append(el("li", null, `${(info.objectives || {})[o] || o} ${right}/${total}`)));
        if (sub.children.length) li.append(sub);
        table.append(li);
      });
      results.replaceChildren(head, el("p", "ac-result__by", T.by_module), table);
      results.hidden = false;
      results.focus(); // explicit submit: take the learner to the result
    }

    $("[data-ac-start]", node).addEventListener("click", start);
    $("[data-ac-submit]", node).addEventListener("click", submit);
    history();
    if (record.current) show(record.current);
    else {
      list.hidden = true;
      if (record.attempts.length) $("[data-ac-start]", node).textContent = T.new_attempt;
    }
  }

  // ---- certificates ----------------------------------------------------------
  function initCertificate(node) {
    const path = node.dataset.acCertificatePage;
    const open = unlocked(node);
    $("[data-ac-locked]", node).hidden = open;
    if (!open) return;
    emit("path", { id: path });
    const certs = D().certs;
    certs[path] = certs[path] || now();
    const name = $("#ac-learner-name", node);
    const shown = $("[data-ac-cert-name]", node);
    name.value = shown.textContent = D().name || "";
    $("[data-ac-name-form]", node).hidden = false;
    $("[data-ac-cert]", node).hidden = false;
    $("[data-ac-print-row]", node).hidden = false;
    $("[data-ac-cert-date]", node).textContent = new Date(certs[path]).toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
    $$("[data-ac-cert-module]", node).forEach((li) => {
      if (!(D().modules[li.dataset.acCertModule] || {}).done) $("[data-ac-tested]", li).textContent = " (" + T.tested_out + ")";
    });
    $$("[data-ac-quiz-score]", node).forEach((n) => (n.textContent = quizState(n.dataset.acQuizScore).best + "%"));
    $("[data-ac-save-name]", node).addEventListener("click", () => {
      D().name = shown.textContent = name.value.trim();
      store.save();
      $("[data-ac-name-status]", node).textContent = T.name_saved;
    });
    $("[data-ac-print]", node).addEventListener("click", () => window.print());
    store.save();
  }

  // ---- the review page: due questions, in their own widgets ----------------------
  function initReview(node) {
    const list = $("[data-ac-review-list]", node);
    const summary = $("[data-ac-review-summary]", node);
    const tell = () => {
      const n = due().length;
      summary.textContent = n ? fmt("due_summary", { n }) : T.nothing_due;
    };
    const pages = {};
    const fetchPage = (url) =>
      (pages[url] =
        pages[url] ||
        fetch(root + url)
          .then((r) => (r.ok ? r.text() : ""))
          .then((html) => new DOMParser().parseFromString(html, "text/html")));
    // The sitemap lists every page, so questions from pages since removed are
    // dropped without requesting them (a 404 would show in the console).
    const known = fetch(root + "sitemap.xml")
      .then((r) => (r.ok ? r.text() : ""))
      .then((xml) => {
        const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
        if (!locs.length) return null;
        const home = locs.reduce((a, b) => (a.length <= b.length ? a : b));
        return new Set(locs.map((p) => p.slice(home.length)));
      })
      .catch(() => null);
    due()
      .sort((a, b) => a[1].due - b[1].due)
      .forEach(([key, entry], n) => {
        const li = el("li", "ac-question");
        list.append(li);
        known
          .then((urls) => {
            if (urls && !urls.has(entry.url)) {
              delete D().review[key];
              store.save();
              throw tell();
            }
            return fetchPage(entry.url);
          })
          .then((doc) => {
            const source = doc.getElementById(entry.id);
            if (!source) return li.remove();
            const box = document.importNode(source, true);
            // Two modules may use the same check id: give each copy its own ids.
            $$("[id],[for],[name],[aria-describedby]", box).concat(box).forEach((e) =>
              ["id", "for", "name", "aria-describedby"].forEach((a) => e.hasAttribute(a) && e.setAttribute(a, `rv${n}-` + e.getAttribute(a))),
            );
            delete box.dataset.acReady;
            li.append(box);
            const link = el("a", "ac-review__source", T.revisit);
            link.href = root + entry.url;
            li.append(link);
            initCheck(box, key.slice(0, key.lastIndexOf("/")), { reviewing: true, onResult: tell });
          })
          .catch(() => li.remove());
      });
    tell();
  }

  // ---- progress page --------------------------------------------------------------
  function initProgressPage(page) {
    const status = $("[data-ac-progress-status]", page);
    const tell = (text) => (status.textContent = text);
    $$("[data-ac-js]", page).forEach((n) => (n.hidden = false));
    const known = $$("[data-ac-module-row]", page).map((r) => r.dataset.acModuleRow);
    const summary = () => {
      const done = known.filter((id) => (D().modules[id] || {}).done).length;
      $("[data-ac-summary]", page).textContent = fmt("summary", { done, total: known.length });
      // Progress for modules that were since removed or renamed is kept, not shown.
      const gone = Object.keys(D().modules).filter((id) => !known.includes(id)).length;
      const note = $("[data-ac-gone]", page);
      note.hidden = !gone;
      note.textContent = fmt("gone", { n: gone });
      paintAll(page);
      markNavigation();
      paintBadge();
    };
    $("[data-ac-export]", page).addEventListener("click", () => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([JSON.stringify(D(), null, 2)], { type: "application/json" }));
      a.download = "academy-progress-" + now().slice(0, 10) + ".json";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      tell(T.exported);
    });
    $("[data-ac-import]", page).addEventListener("change", (e) => {
      const file = e.target.files[0];
      if (!file) return;
      file.text().then((text) => {
        let record = null;
        try {
          record = JSON.parse(text);
        } catch (err) {
          /* reported below */
        }
        e.target.value = "";
        if (!valid(record)) return tell(T.import_bad);
        store.replace(record);
        summary();
        tell(T.imported);
      });
    });
    const confirm = $("[data-ac-confirm]", page);
    const reset = $("[data-ac-reset]", page);
    reset.addEventListener("click", () => {
      confirm.hidden = false;
      $("[data-ac-cancel]", confirm).focus();
    });
    $("[data-ac-cancel]", confirm).addEventListener("click", () => {
      confirm.hidden = true;
      reset.focus();
    });
    $("[data-ac-confirm-reset]", confirm).addEventListener("click", () => {
      store.replace(empty());
      confirm.hidden = true;
      reset.focus();
      summary();
      tell(T.reset_done);
    });
    summary();
  }

  function boot() {
    // Strings only this page needs travel in the page itself.
    $$("template[data-ac-strings]").forEach((t) => {
      try {
        Object.assign(T, JSON.parse(t.content.textContent));
      } catch (e) {
        /* a page without its strings still works, showing keys */
      }
    });
    // Material ships its search dialog without an accessible name.
    const dialog = $(".md-search[role=dialog]");
    if (dialog) dialog.setAttribute("aria-label", T.search);
    const header = $("[data-ac-module]");
    if (header) initModule(header);
    const pages = [
      ["[data-ac-path]", initPath],
      ["[data-ac-quiz]", initQuiz],
      ["[data-ac-certificate-page]", initCertificate],
      ["[data-ac-review-page]", initReview],
      ["[data-ac-progress-page]", initProgressPage],
    ];
    pages.forEach(([sel, init]) => {
      const node = $(sel);
      if (node && once(node)) init(node);
    });
    if (!header) $$(".ac-check").forEach((box) => initCheck(box, "page:" + location.pathname));
    paintAll(document);
    markNavigation();
    paintBadge();
    store.save();
    showNotice();
    emit("page");
  }

  // Loaded in <head>: Material's bundle (and its document$, which replays the
  // current page to late subscribers) exists once the document is parsed.
  const start = () => {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(boot);
    else boot();
  };
  store.load();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
