/* Academy runtime: marks knowledge checks, plays branching scenarios, runs
   assessments and placement tests, keeps progress, certificates and spaced
   review, by enhancing the server-rendered HTML (which works without it).

   Hand-rolled on purpose: the product contract is one small file with no
   dependencies, working under a strict Content Security Policy (no eval, no
   inline script; data comes from <script type="application/json">), and no
   existing library offers accessible order/match widgets, scenario play and
   local-first progress at this size. It re-runs on Material's instant
   navigation (document$) and never initialises an element twice.

   Sections, in order:
     helpers          DOM, strings, plurals and dates (Intl), need/safe
     storage guard    an in-memory stand-in where the browser blocks storage
     progress store   one versioned record; merged across tabs by item
     shuffles         seeded, stable within an attempt
     spaced review    wrong answers come back after 1, 3, 7, 14, 30 days
     grading          one function for checks, assessments and review
     checks           answer, restore, marks per item, Show me, Move to
     scenarios        a conversation, an ending card with the best route
     module and path  status, progress panel, progress bars
     quizzes          assessments and placement tests, end screen
     certificates, review page, progress page, boot

   Events, dispatched on document as "academy:<type>" with these detail
   fields (add-ons such as the xAPI sender rely on them; only add fields):
     page      {}                         every page start
     module    {id}                       a module page opened
     done      {id}                       a module completed
     answer    {key, box, data, result}   a check or question marked
     scenario  {key, box, ending, score, max, route}  a scenario ended
     quiz      {id, kind, attempt}        an assessment or placement submitted
     path      {id}                       a path's certificate unlocked
     sync      {}                         progress changed in another tab
   A widget that lacks a part it needs is skipped with a console error that
   names it (e.g. "academy: quiz stage-one: no [data-ac-submit] button"). */
(() => {
  "use strict";
  const T = /*@STRINGS@*/ {};
  const VERSION = 1;
  const DAY = 864e5;
  const INTERVALS = [1, 3, 7, 14, 30]; // spaced-review boxes, in days

  // ---- helpers --------------------------------------------------------------
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  };
  const LANG = document.documentElement.lang || undefined;
  const fmt = (key, vars) =>
    (T[key] || key).replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? vars[name] : ""));
  // Plurals: key_one, key_other... chosen by Intl.PluralRules for the page's language.
  const plural = (key, n, vars) => {
    let form = "other";
    try {
      form = new Intl.PluralRules(LANG).select(n);
    } catch (e) {
      /* an unknown language tag: "other" */
    }
    return fmt(T[key + "_" + form] ? key + "_" + form : key + "_other", Object.assign({ n }, vars));
  };
  const day = (iso, style) => {
    const d = new Date(iso);
    try {
      return isNaN(d) ? "" : new Intl.DateTimeFormat(LANG, { dateStyle: style || "medium" }).format(d);
    } catch (e) {
      return d.toDateString();
    }
  };
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
  const link = (href, text, cls) => {
    const a = el("a", cls, text);
    a.href = href;
    return a;
  };
  const sr = () => {
    const live = el("div", "ac-sr");
    live.setAttribute("role", "status");
    return live;
  };
  // A part a widget cannot work without: its absence skips the widget, named.
  const need = (sel, root, what) => {
    const node = $(sel, root);
    if (!node) throw new Error("no " + sel + " " + what);
    return node;
  };
  const safe = (name, node, init, ...args) => {
    try {
      return init(node, ...args);
    } catch (e) {
      console.error("academy: " + name + ": " + e.message);
      return null;
    }
  };
  const end = (text) => (/[.!?…:]$/.test(text) ? text : text + ".");
  // Events for optional add-ons (the xAPI sender listens to them), so this
  // file knows nothing of where records go.
  const emit = (type, detail) => document.dispatchEvent(new CustomEvent("academy:" + type, { detail }));
  const ids = (node, name) => (node.getAttribute(name) || "").split(" ").filter(Boolean);
  const minutes = (n) => {
    const h = Math.floor(n / 60);
    const m = n % 60;
    return h ? fmt(m ? "hours_minutes" : "hours", { h, m }) : fmt("minutes", { n: m });
  };
  // A progress bar with a name and its value in words.
  function bar(name, n, total) {
    const box = el("div", "ac-bar");
    box.setAttribute("role", "progressbar");
    box.setAttribute("aria-label", name);
    const text = fmt("bar_text", { n, total });
    [["valuemin", 0], ["valuemax", total], ["valuenow", n], ["valuetext", text]].forEach(([a, v]) => box.setAttribute("aria-" + a, v));
    const fill = el("span", "ac-bar__fill");
    fill.style.width = (total ? (100 * n) / total : 0) + "%";
    const track = el("span", "ac-bar__track");
    track.append(fill);
    box.append(track, el("span", "ac-bar__text", text));
    return box;
  }

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
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const at = (v) => (isObj(v) && typeof v.at === "string" ? v.at : "");

  // Two tabs: each keeps the record it last read or wrote (base). Before a
  // write, and when another tab writes (storage event), the stored record is
  // merged with this tab's: what this tab changed since base goes on top of
  // what is stored; an item both changed keeps the later one (by its `at`),
  // and what was ever earned stays earned (right answers, endings, dates
  // seen and done, every attempt, the best score).
  function both(mine, theirs) {
    if (!isObj(mine) || !isObj(theirs)) return mine;
    const out = Object.assign({}, at(theirs) > at(mine) ? theirs : mine);
    ["ok", "ended", "seen", "done"].forEach((f) => {
      const v = [mine[f], theirs[f]].filter(Boolean).sort()[0];
      if (v) out[f] = v;
    });
    if (mine.best != null || theirs.best != null) out.best = Math.max(mine.best || 0, theirs.best || 0);
    if (Array.isArray(mine.attempts) || Array.isArray(theirs.attempts)) {
      const seen = {};
      out.attempts = [].concat(theirs.attempts || [], mine.attempts || [])
        .filter((a) => isObj(a) && !seen[a.at] && (seen[a.at] = 1))
        .sort((a, b) => (at(a) < at(b) ? -1 : 1));
    }
    return out;
  }
  function merge(base, mine, theirs) {
    const out = complete(theirs);
    const walk = (b, m, t, top) =>
      new Set(Object.keys(m).concat(Object.keys(b))).forEach((k) => {
        if (top && PARTS.includes(k)) return walk(b[k] || {}, m[k] || {}, t[k], false);
        if (same(m[k], b[k])) return; // not changed here
        if (m[k] === undefined) {
          if (same(t[k], b[k])) delete t[k];
        } else t[k] = k in t && !same(t[k], b[k]) ? both(m[k], t[k]) : m[k];
      });
    walk(base, mine, out, true);
    return out;
  }

  const store = {
    ok: true,
    notice: "",
    data: empty(),
    raw: null, // the stored text this tab last read or wrote
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
        this.raw = raw;
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
    // Take in what another tab stored; true when anything changed.
    sync(raw) {
      if (!this.ok) return false;
      try {
        if (raw === undefined) raw = localStorage.getItem(KEY);
        if (raw == null || raw === this.raw) return false;
        const theirs = JSON.parse(raw);
        if (!valid(theirs)) return false;
        const base = this.raw ? JSON.parse(this.raw) : empty();
        this.data = merge(valid(base) ? complete(base) : empty(), this.data, theirs);
        this.raw = raw;
        return true;
      } catch (e) {
        return false;
      }
    },
    save() {
      if (!this.ok) return;
      this.sync();
      this.data.updated = now();
      try {
        const text = JSON.stringify(this.data);
        localStorage.setItem(KEY, text);
        this.raw = text;
      } catch (e) {
        this.ok = false;
        this.notice = "storage_off";
        showNotice();
      }
    },
    // Import and reset replace the whole record: base becomes what is
    // stored, so the merge sees every difference as this tab's change.
    replace(record) {
      this.sync();
      this.data = complete(record);
      this.save();
    },
  };
  const D = () => store.data;
  // Painters to run when another tab changes progress; reset on each page.
  let watchers = [];
  window.addEventListener("storage", (e) => {
    if (e.key === KEY && store.sync(e.newValue)) {
      watchers.forEach((w) => w());
      emit("sync", {});
    }
  });

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
    if (!ok) queue[key] = { box: 1, due: Date.now() + DAY, url: where.url, id: where.id, at: now() };
    else if (entry && reviewing && entry.due <= Date.now()) {
      queue[key] = Object.assign({}, entry, { box: Math.min(entry.box + 1, INTERVALS.length), at: now() });
      queue[key].due = Date.now() + INTERVALS[queue[key].box - 1] * DAY;
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
    badge.setAttribute("aria-label", plural("due_label", count));
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

  // ---- branching scenarios --------------------------------------------------
  // Played as a conversation: a list of turns, each with its speaker (the
  // customer's, the learner's as "You", narration), then the choice as a
  // heading-level question, or at the end a card with the outcome, the score
  // and the best route. The text reads in the same order as without script.
  function initScenario(box, scope, onChange) {
    if (!once(box)) return null;
    const data = readJSON(box);
    if (!data) throw new Error("no scenario data");
    const key = scope + "/" + data.id;
    const live = need(".ac-scenario__live", box, "live region");
    const steps = {};
    $$(".ac-step", box).forEach((li) => (steps[li.dataset.acStep] = li));
    need(".ac-steps", box, "list").hidden = true;
    const log = el("ol", "ac-transcript");
    log.setAttribute("aria-label", T.conversation);
    const now_ = el("div", "ac-now");
    const play = el("div", "ac-play");
    play.append(log, now_);
    box.insertBefore(play, live);
    const saved = D().scenarios[key];
    let route = saved && Array.isArray(saved.route) ? saved.route.filter((r) => Array.isArray(r) && steps[r[0]]) : [];

    const optionText = (id, i) => $$(".ac-option", steps[id])[i].textContent;
    const option = (id, i) => (data.steps[id].options || [])[i];
    const score = () => route.reduce((sum, [id, i]) => sum + ((option(id, i) || {}).score || 0), 0);
    const current = () => route.reduce((id, [, i]) => (option(id, i) || {}).next || id, data.start);
    function turn(cls, who, body) {
      const li = el("li", "ac-turn ac-turn--" + cls);
      if (who) li.append(el("p", "ac-speaker", who));
      li.append(body);
      return li;
    }
    function said(id) {
      const speaker = $(".ac-speaker", steps[id]);
      const body = $(".ac-message", steps[id]).cloneNode(true);
      body.classList.add("ac-turn__message");
      body.tabIndex = -1;
      return turn(speaker ? "them" : "note", speaker && speaker.textContent, body);
    }

    function render(focus) {
      log.replaceChildren();
      let id = data.start;
      route.forEach(([stepId, i]) => {
        log.append(said(stepId));
        const mine = turn("you", T.you, el("p", "ac-message", optionText(stepId, i)));
        if (option(stepId, i).feedback) mine.append(el("p", "ac-choice__feedback", option(stepId, i).feedback));
        log.append(mine);
        id = option(stepId, i).next;
      });
      const last = said(id);
      last.classList.add("ac-turn--current");
      log.append(last);
      const step = data.steps[id];
      now_.replaceChildren();
      if (step.ending) {
        const card = el("div", "ac-ending-card ac-outcome--" + step.ending);
        const head = el("h4", "ac-outcome");
        head.append(icon({ success: "✓", partial: "◐", fail: "✗" }[step.ending]), " " + T.outcome + ": " + T["ending_" + step.ending]);
        card.append(head);
        const fb = $(".ac-ending__feedback", steps[id]);
        if (fb) card.append(fb.cloneNode(true));
        card.append(el("p", "ac-score", fmt("score", { score: score(), max: data.max })));
        if (data.max > score()) {
          card.append(el("p", "ac-best", fmt("best_route", { score: data.max })));
          const ol = el("ol", "ac-best__route");
          (data.best || []).forEach(([s, i]) => ol.append(el("li", null, optionText(s, i))));
          card.append(ol);
        } else card.append(el("p", "ac-best", T.found_best));
        card.append(button(T.restart, "md-button ac-restart", () => {
          route = [];
          persist(false);
          render(true);
        }));
        now_.append(card);
      } else {
        const ask = el("h4", "ac-ask", T.ask);
        const options = el("ul", "ac-choices-play");
        options.setAttribute("aria-label", T.ask);
        step.options.forEach((_, i) => {
          const li = el("li");
          li.append(button(optionText(id, i), "ac-option-button", () => choose(id, i)));
          options.append(li);
        });
        now_.append(ask, options);
      }
      if (focus) $(".ac-turn__message", last).focus();
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
      const words = [T.you_chose + " " + end(optionText(id, i)), option(id, i).feedback || ""];
      if (next.ending) emit("scenario", { key, box, ending: next.ending, score: score(), max: data.max, route: route.slice() });
      if (next.ending) words.push(T.outcome + ": " + T["ending_" + next.ending] + ".", fmt("score", { score: score(), max: data.max }));
      live.textContent = words.filter(Boolean).join(" ");
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
    node.replaceChildren(node.hasAttribute("data-ac-sep") ? " · " : "", q.passed ? icon("✓") : "", (q.passed ? " " + T.passed : q.taken ? T.not_passed : T.not_taken) + (q.taken ? ` (${q.best}%)` : ""));
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
      if (!line) return;
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

  const promptOf = (box) => {
    const p = $(".ac-prompt, .ac-scenario__name", box);
    const k = $(".ac-kicker", p);
    const text = p.textContent.slice(k ? k.textContent.length : 0).trim();
    return text.length > 70 ? text.slice(0, 68) + "…" : text;
  };

  function initModule(header) {
    const id = header.dataset.acModule;
    const rec = () => (D().modules[id] = D().modules[id] || {});
    rec().seen = rec().seen || now();
    D().last = { module: id, at: now() };
    emit("module", { id });
    const chosen = new URLSearchParams(location.search).get("path");
    if (chosen) D().path = chosen;
    const navs = $$("[data-ac-pathnav]");
    const nav = navs.find((n) => n.dataset.acPathnav === D().path) || (navs.length === 1 ? navs[0] : null);
    if (nav) nav.hidden = false;
    const next = nav && ($(".ac-pathnav__next a", nav) || $(".ac-pathnav__up a", nav));
    const nextText = next && [...next.childNodes].filter((n) => !(n.matches && n.matches("[aria-hidden]"))).map((n) => n.textContent).join("").trim();
    const items = []; // {key, box, check}
    const panel = $("[data-ac-module-progress]", header);
    const said = sr();
    // The completion moment, where the learner is when they finish.
    const doneCard = el("div", "ac-done-card");
    doneCard.hidden = true;
    const article = header.closest("article") || document.body;
    if (nav) nav.before(doneCard);
    else article.append(doneCard);

    function paint() {
      const left = items.filter((it) => !(it.check ? (D().checks[it.key] || {}).ok : (D().scenarios[it.key] || {}).ended));
      const checks = items.filter((it) => it.check);
      const answered = checks.filter((it) => (D().checks[it.key] || {}).tries).length;
      const complete = !left.length;
      const status = $(".ac-meta__status", header);
      if (status) {
        status.hidden = false;
        paintStatus($("[data-ac-status]", status), moduleState(id));
      }
      const next_ = () => {
        const p = el("p", "ac-next-module");
        if (next) p.append(link(next.href, nextText, "md-button md-button--primary"));
        return p;
      };
      doneCard.hidden = !complete || !items.length;
      const head = el("p", "ac-done-card__head");
      head.append(icon("✓"), " " + T.module_done);
      doneCard.replaceChildren(head, next_());
      if (panel) {
        panel.hidden = !items.length;
        const parts = [el("p", "ac-kicker", T.your_progress), bar(T.module_progress, items.length - left.length, items.length)];
        if (checks.length) parts.push(el("p", "ac-count", plural("checks_answered", checks.length, { done: answered, total: checks.length })));
        if (complete) {
          const p = el("p", "ac-module-progress__done");
          p.append(icon("✓"), " " + T.module_done);
          parts.push(p, next_());
        } else {
          parts.push(el("p", "ac-todo__head", T.still_to_do));
          const ul = el("ul", "ac-todo");
          left.forEach((it) => {
            const li = el("li");
            const state = it.check ? ((D().checks[it.key] || {}).tries ? "todo_retry" : "todo_new") : "todo_play";
            li.append(link("#" + it.box.id, promptOf(it.box)), " (" + T[state] + ")");
            ul.append(li);
          });
          parts.push(ul);
        }
        panel.replaceChildren(...parts, said);
      }
      markNavigation();
      return complete;
    }
    const update = () => {
      if (paint() && items.length && !rec().done) {
        rec().done = now();
        emit("done", { id });
        said.textContent = T.module_done + (next ? " " + end(nextText) : "");
        paint();
      }
      store.save();
    };
    $$(".ac-check").forEach((box) => {
      const check = safe("check #" + box.id, box, initCheck, id, { onResult: update });
      if (check) items.push({ key: check.key, box, check });
    });
    $$(".ac-scenario").forEach((box) => {
      const key = safe("scenario #" + box.id, box, initScenario, id, update);
      if (key) items.push({ key, box });
    });
    watchers.push(paint);
    update();
  }

  function initPath(node) {
    const mods = ids(node, "data-ac-modules");
    D().path = node.dataset.acPath;
    function paint() {
      let left = 0;
      $$("[data-ac-module-row]", node).forEach((row) => {
        if (!finished(row.dataset.acModuleRow)) left += +row.dataset.acDuration || 0;
      });
      const remaining = $(".ac-meta__remaining", node);
      if (remaining) {
        remaining.hidden = false;
        $("[data-ac-remaining]", remaining).textContent = minutes(left);
      }
      // Progress bars: the path's and each stage's (its modules and its assessment).
      let all = 0;
      let done = 0;
      $$(".ac-stage", node).forEach((stage) => {
        const parts = $$("[data-ac-module-row]", stage).map((r) => finished(r.dataset.acModuleRow)).concat($$("[data-ac-quiz-status]", stage).map((q) => quizState(q.dataset.acQuizStatus).passed));
        const n = parts.filter(Boolean).length;
        all += parts.length;
        done += n;
        const slot = $("[data-ac-stage-bar]", stage);
        if (slot) slot.replaceChildren(bar(fmt("stage_progress", { stage: $(".ac-stage__title", stage).textContent.trim() }), n, parts.length));
      });
      const slot = $("[data-ac-path-bar]", node);
      if (slot) slot.replaceChildren(bar(T.path_progress, done, all));
      paintAll(node);
      // Continue where you left off: the module last opened, if unfinished,
      // else the first unfinished one in path order.
      const last = (D().last || {}).module;
      const next = mods.includes(last) && !finished(last) ? last : mods.find((m) => !finished(m));
      const go = $("[data-ac-continue]", node);
      const row = next && $(`[data-ac-module-row="${next}"] a`, node);
      const started = mods.some((m) => D().modules[m] || D().tested[m]);
      if (go && row && started) {
        go.href = row.href;
        go.textContent = fmt("continue_to", { title: row.textContent });
      } else if (go && !row) {
        const cert = $(".ac-certificate a", node);
        if (cert) {
          go.href = cert.href;
          go.textContent = cert.textContent;
        }
      }
      const state = $("[data-ac-certificate-state]", node);
      if (state) state.textContent = unlocked(node) ? T.cert_ready : T.certificate_locked;
    }
    paint();
    watchers.push(paint);
    if (unlocked(node)) emit("path", { id: node.dataset.acPath });
  }

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

  // ---- certificates ----------------------------------------------------------
  function initCertificate(node) {
    const path = node.dataset.acCertificatePage;
    const locked = need("[data-ac-locked]", node, "list");
    const name = need("#ac-learner-name", node, "field");
    const shown = need("[data-ac-cert-name]", node, "line");
    const paint = () => {
      const open = unlocked(node);
      locked.hidden = open;
      paintAll(node);
      ["[data-ac-name-form]", "[data-ac-cert]", "[data-ac-print-row]"].forEach((s) => $(s, node) && ($(s, node).hidden = !open));
      if (!open) return false;
      const certs = D().certs;
      certs[path] = certs[path] || now();
      $("[data-ac-cert-date]", node).textContent = day(certs[path], "long");
      $$("[data-ac-cert-module]", node).forEach((li) => {
        $("[data-ac-tested]", li).textContent = (D().modules[li.dataset.acCertModule] || {}).done ? "" : " (" + T.tested_out + ")";
      });
      $$("[data-ac-quiz-score]", node).forEach((n) => (n.textContent = quizState(n.dataset.acQuizScore).best + "%"));
      return true;
    };
    name.value = shown.textContent = D().name || "";
    $("[data-ac-save-name]", node).addEventListener("click", () => {
      D().name = shown.textContent = name.value.trim();
      store.save();
      $("[data-ac-name-status]", node).textContent = T.name_saved;
    });
    $("[data-ac-print]", node).addEventListener("click", () => window.print());
    watchers.push(paint);
    if (paint()) {
      emit("path", { id: path });
      store.save();
    }
  }

  // ---- the review page: due questions, in their own widgets ----------------------
  function initReview(node) {
    const list = need("[data-ac-review-list]", node, "list");
    const summary = need("[data-ac-review-summary]", node, "line");
    const tell = () => {
      const n = due().length;
      summary.textContent = n ? plural("due_summary", n) : T.nothing_due;
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
            li.append(link(root + entry.url, T.revisit, "ac-review__source"));
            // A review is a fresh try: the saved answer stays with the original.
            const scope = key.slice(0, key.lastIndexOf("/"));
            safe("review #" + box.id, box, initCheck, scope, { reviewing: true, onResult: tell });
          })
          .catch(() => li.remove());
      });
    tell();
  }

  // ---- progress page --------------------------------------------------------------
  function initProgressPage(page) {
    const status = need("[data-ac-progress-status]", page, "live region");
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
      note.textContent = plural("gone", gone);
      paintAll(page);
      markNavigation();
      paintBadge();
    };
    watchers.push(summary);
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
    watchers = [paintBadge, () => paintAll(document), markNavigation];
    // Strings only this page needs travel in the page itself.
    $$("template[data-ac-strings]").forEach((t) => {
      try {
        Object.assign(T, JSON.parse(t.content.textContent));
      } catch (e) {
        /* a page without its strings still works, showing keys */
      }
    });
    // Material ships its search dialog and its instant-navigation loading
    // bar without accessible names.
    const dialog = $(".md-search[role=dialog]");
    if (dialog) dialog.setAttribute("aria-label", T.search);
    const loading = $(".md-progress[role=progressbar]");
    if (loading) loading.setAttribute("aria-label", T.loading);
    // Material adds its skip link only to pages whose Markdown has headings;
    // generated pages (paths, quizzes, progress...) get one here.
    const h1 = $(".md-content h1");
    if (h1 && !$(".md-skip")) {
      h1.id = h1.id || "ac-content";
      document.body.prepend(link("#" + h1.id, T.skip, "md-skip"));
    }
    const header = $("[data-ac-module]");
    if (header && once(header)) safe("module " + header.dataset.acModule, header, initModule);
    const pages = [
      ["[data-ac-path]", initPath, "path"],
      ["[data-ac-quiz]", initQuiz, "quiz"],
      ["[data-ac-certificate-page]", initCertificate, "certificate"],
      ["[data-ac-review-page]", initReview, "review page"],
      ["[data-ac-progress-page]", initProgressPage, "progress page"],
    ];
    pages.forEach(([sel, init, name]) => {
      const node = $(sel);
      if (node && once(node)) safe(name + " " + (node.dataset.acQuiz || node.dataset.acPath || node.dataset.acCertificatePage || ""), node, init);
    });
    if (!header) $$(".ac-check").forEach((box) => safe("check #" + box.id, box, initCheck, "page:" + location.pathname));
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
