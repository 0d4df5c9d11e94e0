/* Academy runtime: marks knowledge checks, plays branching scenarios, runs
   assessments and placement tests, keeps progress, certificates and spaced
   review, by enhancing the server-rendered HTML (which works without it).

   Hand-rolled on purpose: the product contract is small files with no
   dependencies, working under a strict Content Security Policy (no eval, no
   inline script; data comes from <script type="application/json">), and no
   existing library offers accessible order/match widgets, scenario play and
   local-first progress at this size. It re-runs on Material's instant
   navigation (document$) and never initialises an element twice.

   This file is what every page needs: progress, status marks, the review
   badge, and the loader for the widget parts, which come only to pages that
   have their widgets (so a path page never downloads the quiz code):
     academy-checks.js   shuffles, spaced review, grading, knowledge checks
     academy-module.js   branching scenarios, the module page   (uses checks)
     academy-quiz.js     assessments and placement tests       (uses checks)
     academy-pages.js    path, certificate, review and progress pages
   Each part calls __academy.part(name, factory): the factory receives this
   file's helpers (and the parts loaded before it) and returns what it adds.

   Sections, in order:
     helpers          DOM, strings, plurals and dates (Intl), need/safe
     storage guard    an in-memory stand-in where the browser blocks storage
     progress store   one versioned record; merged across tabs by item
     spaced review    what is due, and the header badge
     module and path  status marks on rows, cards and the navigation
     parts            the helpers the parts share, and their loader
     boot

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

  // ---- spaced review: what is due, and the header badge ---------------------
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

  // ---- parts: what the widget files share, and their loader ---------------
  const watch = (paint) => watchers.push(paint);
  const api = { T, DAY, INTERVALS, root, store, $, $$, el, fmt, plural, day, readJSON, once, norm, now, icon, button, link, sr, need, safe, end, emit, ids, minutes, bar, D, empty, valid, isObj, due, paintBadge, finished, moduleState, paintStatus, quizState, unlocked, paintAll, markNavigation, watch };
  window.__academy = { part: (name, make) => Object.assign(api, make(api)) };
  const here = script ? script.src : location.origin + root + "assets/academy/academy.js";
  const loading = {};
  // Inserted scripts with async = false download together and run in
  // insertion order, so a part always runs after the parts it uses.
  const load = (names) =>
    Promise.all(
      names.map(
        (name) =>
          (loading[name] =
            loading[name] ||
            new Promise((ok, fail) => {
              const s = el("script");
              s.src = new URL("academy-" + name + ".js", here).href;
              s.async = false;
              s.onload = ok;
              s.onerror = () => {
                s.remove();
                delete loading[name]; // the next page tries again
                fail(new Error("could not load academy-" + name + ".js"));
              };
              document.head.append(s);
            })).catch((e) => console.error("academy: " + e.message)),
      ),
    );
  // Which parts a page needs, from what it contains, in load order.
  const NEEDS = [
    [".ac-check, [data-ac-module], [data-ac-quiz], [data-ac-review-page]", "checks"],
    ["[data-ac-module]", "module"],
    ["[data-ac-quiz]", "quiz"],
    ["[data-ac-path], [data-ac-certificate-page], [data-ac-review-page], [data-ac-progress-page]", "pages"],
  ];

  // ---- boot -------------------------------------------------------------------
  let visit = 0; // instant navigation can leave a page before its parts arrive
  function boot() {
    const mine = ++visit;
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
    const progressBar = $(".md-progress[role=progressbar]");
    if (progressBar) progressBar.setAttribute("aria-label", T.loading);
    // Material adds its skip link only to pages whose Markdown has headings;
    // generated pages (paths, quizzes, progress...) get one here.
    const h1 = $(".md-content h1");
    if (h1 && !$(".md-skip")) {
      h1.id = h1.id || "ac-content";
      document.body.prepend(link("#" + h1.id, T.skip, "md-skip"));
    }
    paintAll(document);
    markNavigation();
    paintBadge();
    showNotice();
    const finish = () => {
      if (mine !== visit) return;
      const header = $("[data-ac-module]");
      if (header && api.initModule && once(header)) safe("module " + header.dataset.acModule, header, api.initModule);
      [
        ["[data-ac-path]", "initPath", "path"],
        ["[data-ac-quiz]", "initQuiz", "quiz"],
        ["[data-ac-certificate-page]", "initCertificate", "certificate"],
        ["[data-ac-review-page]", "initReview", "review page"],
        ["[data-ac-progress-page]", "initProgressPage", "progress page"],
      ].forEach(([sel, init, name]) => {
        const node = $(sel);
        if (node && api[init] && once(node)) safe(name + " " + (node.dataset.acQuiz || node.dataset.acPath || node.dataset.acCertificatePage || ""), node, api[init]);
      });
      // Checks outside a module, or in one whose part did not come (still
      // marked and saved under the module, without its progress panel).
      const scope = header && !api.initModule ? header.dataset.acModule : !header && "page:" + location.pathname;
      if (scope && api.initCheck) $$(".ac-check").forEach((box) => safe("check #" + box.id, box, api.initCheck, scope));
      paintAll(document);
      markNavigation();
      paintBadge();
      store.save();
      emit("page");
    };
    // A part that fails to load is reported and skipped; the widgets of the
    // parts that came still start.
    load(NEEDS.filter(([sel]) => $(sel)).map(([, name]) => name)).then(finish);
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
