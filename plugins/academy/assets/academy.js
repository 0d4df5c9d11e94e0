/* Academy runtime: marks knowledge checks, plays branching scenarios and keeps
   progress, by enhancing the server-rendered HTML (which works without it).

   Hand-rolled on purpose: the product contract is one small file with no
   dependencies, working under a strict Content Security Policy (no eval, no
   inline script; data comes from <script type="application/json">), and no
   existing library offers accessible order/match widgets plus scenario play
   at this size. It re-runs on Material's instant navigation (document$) and
   never initialises an element twice. */
(() => {
  "use strict";
  const T = /*@STRINGS@*/ {};
  const VERSION = 1;

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
  const now = () => new Date().toISOString();

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
  const empty = () => ({ version: VERSION, checks: {}, scenarios: {}, modules: {}, seeds: {} });
  const isObj = (v) => v && typeof v === "object" && !Array.isArray(v);
  const valid = (r) =>
    isObj(r) && r.version === VERSION && ["checks", "scenarios", "modules", "seeds"].every((k) => isObj(r[k]));

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
        this.data = parsed;
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
      this.data = record;
      this.save();
    },
  };

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
  function seedFor(key, fresh) {
    const seeds = store.data.seeds;
    if (fresh || typeof seeds[key] !== "number") seeds[key] = (Math.random() * 2 ** 31) | 0;
    return seeds[key];
  }
  function shuffleChildren(parent, nodes, seed, avoidIdentity) {
    const order = nodes.slice();
    const rand = rng(seed);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    if (avoidIdentity && order.length > 1 && order.every((n, i) => n.dataset.acItem == i)) order.push(order.shift());
    order.forEach((n) => parent.appendChild(n));
  }

  // ---- knowledge checks -----------------------------------------------------
  function initCheck(box, scope, onChange) {
    if (!once(box)) return;
    const data = readJSON(box);
    if (!data) return;
    const key = scope + "/" + data.id;
    const form = $(".ac-form", box);
    const feedback = $(".ac-feedback", box);
    const answer = $(".ac-answer", box);
    const retry = $(".ac-retry", box);
    const type = data.type;
    $(".ac-actions", box).hidden = false;
    if (answer) answer.hidden = true;

    const list = $(".ac-order", box);
    if (list) {
      $$("li", list).forEach((li) => {
        const text = $(".ac-order__text", li).textContent;
        const tools = el("span", "ac-order__tools");
        [
          ["up", -1],
          ["down", 1],
        ].forEach(([dir, step]) => {
          const b = el("button", "ac-move ac-move--" + dir);
          b.type = "button";
          b.setAttribute("aria-label", fmt("move_" + dir, { item: text }));
          b.append(el("span", null, dir === "up" ? "↑" : "↓"));
          b.addEventListener("click", () => move(li, step, b));
          tools.append(b);
        });
        li.append(tools);
      });
    }

    function move(li, step, button) {
      const items = $$("li", list);
      const at = items.indexOf(li);
      const to = at + step;
      const text = $(".ac-order__text", li).textContent;
      if (to < 0 || to >= items.length) {
        say(fmt(step < 0 ? "at_top" : "at_bottom", { item: text }));
        return;
      }
      if (step < 0) list.insertBefore(li, items[to]);
      else list.insertBefore(li, items[to].nextSibling);
      button.focus(); // the button moved with its item; keep the learner on it
      say(fmt("moved", { item: text, pos: to + 1, total: items.length }));
    }

    function say(text) {
      feedback.replaceChildren(el("p", null, text));
    }

    function arrange(fresh) {
      const seed = seedFor(key, fresh);
      if (list) shuffleChildren(list, $$("li", list), seed, true);
      const choices = $(".ac-choices", box);
      if (choices && data.shuffle) shuffleChildren(choices, $$("li", choices), seed, false);
      $$("select", box).forEach((select) => {
        const options = $$("option", select).filter((o) => o.value !== "");
        shuffleChildren(select, options, seed, false);
      });
    }

    function verdict(ok, partial) {
      const p = el("p", "ac-verdict ac-verdict--" + (ok ? "right" : partial ? "partial" : "wrong"));
      p.append(el("span", "ac-icon", ok ? "✓" : partial ? "◐" : "✗"), " ", T[ok ? "correct" : partial ? "partly" : "incorrect"]);
      p.firstChild.setAttribute("aria-hidden", "true");
      return p;
    }

    function mark() {
      const inputs = $$("input:checked", box);
      let ok = false;
      let partial = false;
      const notes = [];
      if (type === "single" || type === "multiple") {
        if (!inputs.length) return say(T.choose_first);
        const picked = inputs.map((i) => +i.value);
        const wanted = data.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
        const hits = picked.filter((i) => data.choices[i].correct).length;
        ok = hits === wanted.length && hits === picked.length;
        partial = !ok && hits > 0;
        picked.forEach((i) => data.choices[i].feedback && notes.push(data.choices[i].feedback));
        if (!ok && type === "multiple" && hits < wanted.length) notes.push(T.missed);
      } else if (type === "true-false") {
        if (!inputs.length) return say(T.choose_first);
        ok = inputs[0].value === String(data.answer);
      } else if (type === "order") {
        const got = $$("li", list).map((li) => +li.dataset.acItem);
        const right = got.filter((v, i) => v === i).length;
        ok = right === got.length;
        if (!ok) notes.push(fmt("in_place", { n: right, total: got.length }));
      } else if (type === "match") {
        const selects = $$("select", box);
        if (selects.some((s) => s.value === "")) return say(T.match_first);
        const right = selects.filter((s) => s.value === s.dataset.acLeft).length;
        ok = right === selects.length;
        if (!ok) notes.push(fmt("pairs_right", { n: right, total: selects.length }));
      } else if (type === "text") {
        const value = norm($("input[type=text]", box).value);
        if (!value) return say(T.type_first);
        ok = data.answers.includes(value);
      }
      const outcome = ok ? data.correct : data.incorrect;
      if (outcome) notes.unshift(outcome);
      const parts = [verdict(ok, partial), ...notes.map((n) => el("p", null, n))];
      if (ok && data.explanation) parts.push(el("p", "ac-explanation", data.explanation));
      if (!ok) parts.push(el("p", "ac-next", T.after_wrong));
      feedback.replaceChildren(...parts);
      box.classList.toggle("is-right", ok);
      box.classList.toggle("is-wrong", !ok);
      retry.hidden = false;
      if (answer) answer.hidden = ok;
      const prev = store.data.checks[key] || {};
      store.data.checks[key] = { ok: !!(ok || prev.ok), tries: (prev.tries || 0) + 1, at: now() };
      store.save();
      onChange(key, ok, data);
    }

    function reset() {
      form.reset();
      arrange(true);
      store.save();
      feedback.replaceChildren();
      box.classList.remove("is-right", "is-wrong");
      retry.hidden = true;
      if (answer) {
        answer.hidden = true;
        answer.open = false;
      }
      const first = $("input, select, .ac-move", form);
      if (first) first.focus(); // explicit action: return the learner to the question
    }

    arrange(false);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      mark();
    });
    retry.addEventListener("click", reset);
    if ((store.data.checks[key] || {}).ok) box.classList.add("was-right");
    return key;
  }

  // ---- branching scenarios --------------------------------------------------
  function initScenario(box, scope, onChange) {
    if (!once(box)) return;
    const data = readJSON(box);
    if (!data) return;
    const key = scope + "/" + data.id;
    const live = $(".ac-scenario__live", box);
    const steps = {};
    $$(".ac-step", box).forEach((li) => (steps[li.dataset.acStep] = li));
    $(".ac-steps", box).hidden = true;
    const play = el("div", "ac-play");
    const log = el("ol", "ac-transcript");
    play.append(log);
    box.insertBefore(play, live);
    let route = [];
    const saved = store.data.scenarios[key];
    if (saved && Array.isArray(saved.route)) route = saved.route.filter((r) => Array.isArray(r) && steps[r[0]]);

    const message = (id) => {
      const frag = document.createDocumentFragment();
      const speaker = $(".ac-speaker", steps[id]);
      if (speaker) frag.append(speaker.cloneNode(true));
      frag.append($(".ac-message", steps[id]).cloneNode(true));
      return frag;
    };
    const optionText = (id, i) => $$(".ac-option", steps[id])[i].textContent;
    const score = () => route.reduce((sum, [id, i]) => sum + ((data.steps[id].options[i] || {}).score || 0), 0);
    const current = () => {
      let id = data.start;
      for (const [stepId, i] of route) {
        const option = stepId === id && data.steps[id].options && data.steps[id].options[i];
        if (!option) break;
        id = option.next;
      }
      return id;
    };

    function render(focus) {
      log.replaceChildren();
      let id = data.start;
      route.forEach(([stepId, i]) => {
        const item = el("li", "ac-turn");
        item.append(message(stepId));
        const choice = el("p", "ac-choice");
        choice.append(el("strong", null, T.you_chose + " "), optionText(stepId, i));
        item.append(choice);
        const fb = data.steps[stepId].options[i].feedback;
        if (fb) item.append(el("p", "ac-choice__feedback", fb));
        log.append(item);
        id = data.steps[stepId].options[i].next;
      });
      const now = el("li", "ac-turn ac-turn--current");
      const head = el("div", "ac-turn__message");
      head.tabIndex = -1;
      head.append(message(id));
      now.append(head);
      const step = data.steps[id];
      if (step.ending) {
        now.classList.add("ac-ending--" + step.ending);
        const outcome = el("p", "ac-outcome ac-outcome--" + step.ending);
        const icon = el("span", "ac-icon", { success: "✓", partial: "◐", fail: "✗" }[step.ending]);
        icon.setAttribute("aria-hidden", "true");
        outcome.append(icon, " ", el("strong", null, T.outcome + ": " + T["ending_" + step.ending]));
        now.append(outcome);
        const fb = $(".ac-ending__feedback", steps[id]);
        if (fb) now.append(fb.cloneNode(true));
        now.append(el("p", "ac-score", fmt("score", { score: score(), max: data.max })));
        const again = el("button", "md-button ac-restart", T.restart);
        again.type = "button";
        again.addEventListener("click", () => {
          route = [];
          persist(false);
          render(true);
        });
        now.append(again);
      } else {
        const options = el("ul", "ac-choices-play");
        step.options.forEach((option, i) => {
          const b = el("button", "ac-option-button", optionText(id, i));
          b.type = "button";
          b.addEventListener("click", () => choose(id, i));
          const li = el("li");
          li.append(b);
          options.append(li);
        });
        now.append(options);
      }
      log.append(now);
      if (focus) head.focus();
    }

    function persist(ended) {
      const prev = store.data.scenarios[key] || {};
      const record = { route, at: now() };
      const ending = data.steps[current()].ending;
      record.ended = prev.ended || (ended && ending) || null;
      if (ended) {
        record.last = ending;
        record.score = score();
        record.max = data.max;
        record.best = Math.max(prev.best || 0, record.score);
      } else if (prev.best != null) record.best = prev.best;
      store.data.scenarios[key] = record;
      store.save();
    }

    function choose(id, i) {
      route.push([id, i]);
      const option = data.steps[id].options[i];
      const next = data.steps[option.next];
      persist(!!next.ending);
      render(true);
      const said = [T.you_chose + " " + optionText(id, i) + ".", option.feedback || ""];
      if (next.ending) said.push(T.outcome + ": " + T["ending_" + next.ending] + ".", fmt("score", { score: score(), max: data.max }));
      live.textContent = said.join(" ");
      onChange(key);
    }

    render(false);
    return key;
  }

  // ---- module status, navigation markers, progress page ---------------------
  function moduleState(id) {
    const m = store.data.modules[id] || {};
    return m.done ? "done" : m.seen ? "started" : "new";
  }
  function statusLabel(state) {
    return { done: T.status_done, started: T.status_started, new: T.not_started }[state];
  }
  function paintStatus(node, state) {
    node.dataset.acState = state;
    node.textContent = "";
    const icon = el("span", "ac-icon", state === "done" ? "✓" : state === "started" ? "◐" : "○");
    icon.setAttribute("aria-hidden", "true");
    node.append(icon, " " + statusLabel(state));
  }
  function paintRows(root) {
    $$("[data-ac-module-row]", root).forEach((row) => {
      const status = $("[data-ac-status]", row);
      if (status) paintStatus(status, moduleState(row.dataset.acModuleRow));
    });
  }
  function markNavigation() {
    $$(".md-nav__link[href]").forEach((link) => {
      const match = /(?:^|\/)modules\/([a-z0-9-]+)\/(?:index\.html)?$/.exec(link.getAttribute("href"));
      const mark = $(".ac-nav-done", link);
      const done = match && moduleState(match[1]) === "done";
      if (done && !mark) {
        const m = el("span", "ac-nav-done");
        const icon = el("span", null, "✓");
        icon.setAttribute("aria-hidden", "true");
        m.append(icon, el("span", "ac-sr", T.nav_done));
        link.append(m);
      } else if (!done && mark) mark.remove();
    });
  }

  function initModule(header) {
    const id = header.dataset.acModule;
    const record = (store.data.modules[id] = store.data.modules[id] || {});
    record.seen = record.seen || now();
    store.data.last = { module: id, at: now() };
    const keys = { checks: [], scenarios: [] };
    const scope = id;
    const update = () => {
      const checks = keys.checks.every((k) => (store.data.checks[k] || {}).ok);
      const scenarios = keys.scenarios.every((k) => (store.data.scenarios[k] || {}).ended);
      if (checks && scenarios && !record.done) record.done = now();
      store.save();
      const status = $(".ac-meta__status", header);
      status.hidden = false;
      paintStatus($("[data-ac-status]", status), moduleState(id));
      markNavigation();
    };
    $$(".ac-check").forEach((box) => {
      const key = initCheck(box, scope, update);
      if (key) keys.checks.push(key);
    });
    $$(".ac-scenario").forEach((box) => {
      const key = initScenario(box, scope, update);
      if (key) keys.scenarios.push(key);
    });
    update();
  }

  function initProgressPage(page) {
    const status = $("[data-ac-progress-status]", page);
    const tell = (text) => (status.textContent = text);
    $$("[data-ac-js]", page).forEach((n) => (n.hidden = false));
    const summary = () => {
      const done = Object.values(store.data.modules).filter((m) => m && m.done).length;
      $("[data-ac-summary]", page).textContent = fmt("summary", { done, total: $$("[data-ac-module-row]", page).length });
      paintRows(page);
    };
    $("[data-ac-export]", page).addEventListener("click", () => {
      const blob = new Blob([JSON.stringify(store.data, null, 2)], { type: "application/json" });
      const a = el("a");
      a.href = URL.createObjectURL(blob);
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
        markNavigation();
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
      markNavigation();
      tell(T.reset_done);
    });
    summary();
  }

  // Material ships its search dialog without an accessible name.
  function fixMaterial() {
    const dialog = $(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", T.search);
  }

  function boot() {
    fixMaterial();
    const header = $("[data-ac-module]");
    if (header) initModule(header);
    else {
      const quiz = $("[data-ac-quiz]");
      const scope = quiz ? "quiz:" + quiz.dataset.acQuiz : "page:" + location.pathname;
      $$(".ac-check").forEach((box) => initCheck(box, scope, () => {}));
      $$(".ac-scenario").forEach((box) => initScenario(box, scope, () => {}));
    }
    const page = $("[data-ac-progress-page]");
    if (page && once(page)) initProgressPage(page);
    paintRows(document);
    markNavigation();
    store.save();
    showNotice();
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
