/* Academy LMS bridge: reports a packaged learning path to the LMS that
   launched it, through SCORM 1.2 (API), SCORM 2004 (API_1484_11) or cmi5
   (xAPI with the launch parameters), and restores progress on the next launch.

   It runs on the package's launch page (index.html), which an LMS opens once
   per session and which shows the course's pages in a frame: a SCORM session
   must be initialised once and finished once, however many pages the learner
   opens. The pages (academy.js plus academy-lms-page.js) tell this page what
   happens through the runtime's academy:* events; the learner's progress is
   the runtime's own record in localStorage, read after each event, so this
   file needs nothing of academy.js beyond that record and those events.

   Resume data is a compact, versioned text (see encode): the most important
   records first (completion per module, certificate, assessment attempts,
   then answers), and only whole records, so a limit such as SCORM 1.2's
   4,096 characters drops the least important ones and never cuts a record.

   Hand-rolled: SCORM and cmi5 client libraries are larger than the whole
   runtime, need a bundler, and none encodes resume data within 1.2's limit. */
(() => {
  "use strict";

  // ---- the resume encoding (pure; benchmarks/lms.py runs it under node) ------
  const DAY = 864e5;
  const EPOCH = Date.UTC(2020, 0, 1);
  const isObj = (v) => v && typeof v === "object" && !Array.isArray(v);
  const b36 = (n) => Math.max(0, Math.round(+n || 0)).toString(36);
  const n36 = (s) => parseInt(s, 36) || 0;
  const dayOf = (iso) => {
    const t = Date.parse(iso);
    return isNaN(t) ? 0 : Math.max(0, Math.floor((t - EPOCH) / DAY));
  };
  const isoOf = (day) => new Date(EPOCH + day * DAY + DAY / 2).toISOString();
  const ENDINGS = { success: "s", partial: "p", fail: "f" };
  const ENDING = { s: "success", p: "partial", f: "fail" };
  const PARTS = ["checks", "scenarios", "modules", "seeds", "quizzes", "tested", "review", "certs"];

  function emptyRecord() {
    const record = { version: 1 };
    PARTS.forEach((k) => (record[k] = {}));
    return record;
  }
  function complete(record) {
    PARTS.forEach((k) => (record[k] = isObj(record[k]) ? record[k] : {}));
    return record;
  }
  const attemptsOf = (record, id) => (((record.quizzes || {})[id] || {}).attempts || []).filter(isObj);

  // The records of `record`, most important first, each a whole "kind code:fields".
  function records(record, C) {
    const r = complete(Object.assign({}, record));
    const out = [];
    C.modules.forEach(([id, code]) => {
      const m = r.modules[id] || {};
      const flags = (m.seen ? 1 : 0) | (m.done ? 2 : 0) | (r.tested[id] ? 4 : 0);
      if (flags) out.push("m" + code + ":" + flags);
    });
    if (r.certs[C.path]) out.push("k:" + b36(dayOf(r.certs[C.path])));
    C.quizzes.forEach((q) => {
      const all = attemptsOf(r, q.id);
      if (!all.length) return;
      // The best attempt and the last four: enough for status and history.
      const best = all.reduce((a, b) => ((+b.score || 0) > (+a.score || 0) ? b : a));
      const kept = all.filter((a, i) => a === best || i >= all.length - 4);
      const fields = kept.map((a) => {
        const bits = [b36(dayOf(a.at)), b36(a.score), a.passed ? "1" : "0"];
        if (Array.isArray(a.tested)) bits.push(b36(a.tested.length), b36(a.modules));
        return bits.join("-");
      });
      out.push("q" + q.code + ":" + fields.join("."));
    });
    Object.entries(C.items).forEach(([key, code]) => {
      const c = r.checks[key];
      if (isObj(c) && (c.ok || c.tries)) out.push("c" + code + ":" + (c.ok ? 1 : 0) + "." + b36(Math.min(+c.tries || 1, 1295)));
    });
    Object.entries(C.items).forEach(([key, code]) => {
      const s = r.scenarios[key];
      if (isObj(s) && s.ended) out.push("s" + code + ":" + (ENDINGS[s.ended] || "") + "." + (ENDINGS[s.last] || "") + "." + b36(s.best));
    });
    const last = (r.last || {}).module;
    const lastCode = (C.modules.find(([id]) => id === last) || [])[1];
    if (lastCode) out.push("l" + lastCode + ":");
    if (r.name) out.push("n:" + encodeURIComponent(String(r.name).slice(0, 200)));
    return out;
  }

  // The record as text of at most `limit` characters: whole records in order
  // of importance, stopping at the first that does not fit.
  function encode(record, C, limit) {
    const all = records(record, C);
    let text = "A" + C.encoding + ":" + b36(dayOf(new Date(Date.now()).toISOString()));
    let kept = 0;
    for (const rec of all) {
      if (text.length + 1 + rec.length > limit) break;
      text += "," + rec;
      kept++;
    }
    return { text, kept, dropped: all.length - kept };
  }

  // Text back into a record of the runtime's shape; null for text that is not
  // ours or of another version. Codes of items the course no longer has are skipped.
  function decode(text, C) {
    const parts = String(text || "").split(",");
    const head = /^A(\d+):([0-9a-z]+)$/.exec(parts[0] || "");
    if (!head || +head[1] !== C.encoding) return null;
    const when = isoOf(n36(head[2]));
    const record = emptyRecord();
    const modules = Object.fromEntries(C.modules.map(([id, code]) => [code, id]));
    const items = Object.fromEntries(Object.entries(C.items).map(([key, code]) => [code, key]));
    const quizzes = Object.fromEntries(C.quizzes.map((q) => [q.code, q.id]));
    parts.slice(1).forEach((rec) => {
      const at = rec.indexOf(":");
      if (at < 1) return;
      const kind = rec[0];
      const code = rec.slice(1, at);
      const body = rec.slice(at + 1);
      const f = body.split(".");
      if (kind === "m" && modules[code]) {
        const flags = n36(f[0]);
        const id = modules[code];
        if (flags & 3) record.modules[id] = Object.assign(flags & 1 ? { seen: when } : {}, flags & 2 ? { done: when } : {});
        if (flags & 4) record.tested[id] = when;
      } else if (kind === "k") record.certs[C.path] = isoOf(n36(body));
      else if (kind === "q" && quizzes[code]) {
        record.quizzes[quizzes[code]] = {
          attempts: f.map((a) => {
            const [d, score, passed, tested, count] = a.split("-");
            const attempt = { at: isoOf(n36(d)), score: n36(score), passed: passed === "1" };
            if (tested != null) Object.assign(attempt, { tested: [], testedCount: n36(tested), modules: n36(count) });
            return attempt;
          }),
        };
      } else if (kind === "c" && items[code]) record.checks[items[code]] = { ok: f[0] === "1", tries: n36(f[1]), at: when };
      else if (kind === "s" && items[code] && ENDING[f[0]]) {
        record.scenarios[items[code]] = { route: [], at: when, ended: ENDING[f[0]], last: ENDING[f[1]] || null, best: n36(f[2]) };
      } else if (kind === "l" && modules[code]) record.last = { module: modules[code], at: when };
      else if (kind === "n") {
        try {
          record.name = decodeURIComponent(body);
        } catch (e) {
          /* a damaged name is left out */
        }
      }
    });
    // Placement attempts list the modules they tested out of; those are in `tested`.
    Object.values(record.quizzes).forEach((q) =>
      q.attempts.forEach((a) => {
        if (a.testedCount != null) {
          a.tested = Object.keys(record.tested).slice(0, a.testedCount);
          delete a.testedCount;
        }
      }),
    );
    return record;
  }

  // Both records' progress: what either has done counts. `local` keeps what
  // the encoding leaves out (shuffles, the review queue, scenario routes).
  function merge(local, remote) {
    const out = complete(JSON.parse(JSON.stringify(local)));
    Object.entries(remote.modules).forEach(([id, m]) => {
      const mine = (out.modules[id] = out.modules[id] || {});
      if (m.seen && !mine.seen) mine.seen = m.seen;
      if (m.done && !mine.done) mine.done = m.done;
    });
    Object.entries(remote.tested).forEach(([id, at]) => (out.tested[id] = out.tested[id] || at));
    Object.entries(remote.certs).forEach(([id, at]) => (out.certs[id] = out.certs[id] || at));
    Object.entries(remote.checks).forEach(([key, c]) => {
      const mine = out.checks[key] || {};
      out.checks[key] = { ok: !!(mine.ok || c.ok), tries: Math.max(+mine.tries || 0, c.tries), at: mine.at || c.at };
    });
    Object.entries(remote.scenarios).forEach(([key, s]) => {
      const mine = out.scenarios[key];
      if (!isObj(mine) || !mine.ended) out.scenarios[key] = Object.assign({}, mine || {}, s, { route: (mine && mine.route) || [] });
      else mine.best = Math.max(+mine.best || 0, s.best);
    });
    Object.entries(remote.quizzes).forEach(([id, q]) => {
      const mine = (out.quizzes[id] = out.quizzes[id] || {});
      const list = Array.isArray(mine.attempts) ? mine.attempts : [];
      const same = (a, b) => dayOf(a.at) === dayOf(b.at) && +a.score === +b.score && !!a.passed === !!b.passed;
      q.attempts.forEach((a) => list.some((b) => same(a, b)) || list.push(a));
      mine.attempts = list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    });
    if (!out.name && remote.name) out.name = remote.name;
    if (!out.last && remote.last) out.last = remote.last;
    return out;
  }

  const codec = { encode, decode, merge, records, emptyRecord };
  if (typeof document === "undefined") {
    if (typeof module === "object") module.exports = codec;
    return;
  }

  // ---- the launch page ----------------------------------------------------
  const C = JSON.parse(document.getElementById("academy-lms").textContent);
  const S = C.strings;
  const root = new URL(".", location.href);
  const KEY = "academy:" + root.pathname;
  const OWNER = "academy-lms:" + root.pathname;
  const frame = document.querySelector(".ac-lms-frame");
  const started = Date.now();
  const params = new URLSearchParams(location.search);
  const warn = (text) => console.warn("Academy LMS bridge: " + text);

  const storage = {
    get(key) {
      try {
        return JSON.parse(localStorage.getItem(key));
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch (e) {
        /* storage blocked or full: the pages say so themselves */
      }
    },
  };
  const local = () => {
    const r = storage.get(KEY);
    return isObj(r) && r.version === 1 ? complete(r) : emptyRecord();
  };

  // The record the pages will open with: the LMS's, joined with this
  // browser's when this browser last held the same learner (never another
  // learner's progress on a shared computer).
  function restore(learner, saved, name) {
    const remote = saved ? decode(saved, C) : null;
    if (saved && !remote) warn("the saved progress is not in a format this package reads; starting afresh.");
    const owner = storage.get(OWNER);
    const same = isObj(owner) && owner.learner === learner;
    let record = same ? local() : emptyRecord();
    if (remote) record = merge(record, remote);
    if (!record.name && name) record.name = name;
    storage.set(KEY, record);
    storage.set(OWNER, { learner });
  }

  // ---- what the record says about the course ---------------------------------
  function measure(r) {
    const finished = (id) => !!((r.modules[id] || {}).done || r.tested[id]);
    const quiz = (id) => {
      const all = attemptsOf(r, id);
      return { id, taken: all.length > 0, passed: all.some((a) => a.passed), best: Math.max(0, ...all.map((a) => +a.score || 0)) };
    };
    const mods = C.modules.map(([id]) => id);
    const tests = C.quizzes.filter((q) => q.kind === "assessment").map((q) => quiz(q.id));
    const done = mods.filter(finished).length;
    const passed = tests.filter((t) => t.passed).length;
    const taken = tests.filter((t) => t.taken);
    return {
      finished,
      quiz,
      allDone: done === mods.length,
      complete: done === mods.length && taken.length === tests.length,
      tests: tests.length,
      success: !tests.length ? "" : passed === tests.length ? "passed" : taken.length === tests.length ? "failed" : "unknown",
      score: taken.length ? Math.round(tests.reduce((s, t) => s + t.best, 0) / tests.length) : null,
      progress: (done + passed) / (mods.length + tests.length || 1),
      stages: C.stages.map((st) => {
        const n = st.modules.filter(finished).length;
        const t = st.assessment ? quiz(st.assessment) : null;
        return {
          id: st.id,
          complete: n === st.modules.length && (!t || t.taken),
          success: !t ? "unknown" : t.passed ? "passed" : t.taken ? "failed" : "unknown",
          scaled: t && t.taken ? t.best / 100 : null,
          progress: (n + (t && t.passed ? 1 : 0)) / (st.modules.length + (t ? 1 : 0) || 1),
        };
      }),
    };
  }

  // What a learner answered, in SCORM's response formats.
  const INTERACTION = { single: "choice", multiple: "choice", "true-false": "true-false", text: "fill-in", order: "sequencing", match: "matching" };
  function response(box, type) {
    const all = (sel) => Array.from(box.querySelectorAll(sel));
    if (type === "text") return ((box.querySelector("input[type=text]") || {}).value || "").trim().slice(0, 250);
    if (type === "order") return all(".ac-order > li").map((li) => "i" + li.dataset.acItem).join("[,]");
    if (type === "match") return all("select").map((s) => "l" + s.dataset.acLeft + "[.]r" + s.value).join("[,]");
    if (type === "true-false") return all("input:checked").map((i) => i.value).join("");
    return all("input:checked").map((i) => "c" + i.value).join("[,]");
  }
  const text = (node) => (node ? node.textContent.trim().replace(/\s+/g, " ") : "");

  // ---- SCORM (1.2 and 2004) ------------------------------------------------------
  function findApi(name) {
    const look = (start) => {
      for (let w = start, n = 0; w && n < 12; n++) {
        try {
          if (w[name]) return w[name];
        } catch (e) {
          /* another origin: look further up */
        }
        if (w.parent === w) break;
        w = w.parent;
      }
      return null;
    };
    return look(window.parent !== window ? window.parent : null) || (window.opener ? look(window.opener) : null);
  }

  const pad = (n) => String(Math.floor(n)).padStart(2, "0");
  const real = (x) => String(+x.toFixed(4)); // 1, 0.5, 0.3333: no trailing zeros
  function scorm(api, v2004) {
    const call = (name12, name04, ...args) => String(api[v2004 ? name04 : name12](...args));
    const get = (k) => call("LMSGetValue", "GetValue", k);
    let failed = false;
    const set = (k, value) => {
      if (call("LMSSetValue", "SetValue", k, String(value)) !== "true" && !failed) {
        failed = true; // say it once: an LMS that refuses one value usually refuses many
        warn(`the LMS refused ${k} (error ${call("LMSGetLastError", "GetLastError")}).`);
      }
    };
    const K = v2004
      ? { location: "cmi.location", data: "cmi.suspend_data", learner: "cmi.learner_id", name: "cmi.learner_name", mode: "cmi.mode", entry: "cmi.entry" }
      : { location: "cmi.core.lesson_location", data: "cmi.suspend_data", learner: "cmi.core.student_id", name: "cmi.core.student_name", mode: "cmi.core.lesson_mode", entry: "cmi.core.entry" };
    const limit = v2004 ? 64000 : 4096;
    let mode = "normal";
    let status = "";
    let objectives = {};
    let interactions = 0;
    let told = false;

    return {
      open() {
        if (call("LMSInitialize", "Initialize", "") !== "true") return false;
        mode = get(K.mode) || "normal";
        // An LMS's name is "Last, First"; the certificate prints "First Last".
        const name = get(K.name).split(",").map((s) => s.trim()).filter(Boolean).reverse().join(" ");
        restore(get(K.learner), get(K.data), name);
        if (v2004) {
          const n = +get("cmi.objectives._count") || 0;
          for (let i = 0; i < n; i++) objectives[get(`cmi.objectives.${i}.id`)] = i;
          interactions = +get("cmi.interactions._count") || 0;
        } else status = get("cmi.core.lesson_status");
        const at = get(K.location);
        return C.pages.includes(at) ? at : C.start;
      },
      sync(page) {
        const record = local();
        const m = measure(record);
        if (page) set(K.location, page);
        const { text: data, dropped } = encode(record, C, limit);
        set(K.data, data);
        if (dropped && !told) {
          told = true;
          warn(`progress is larger than the LMS keeps (${limit} characters); ${dropped} of the least important records (answers before completion) are not saved there, and stay in this browser.`);
        }
        if (mode !== "normal") return; // browse and review modes record no results
        if (v2004) {
          set("cmi.completion_status", m.complete ? "completed" : "incomplete");
          set("cmi.success_status", m.success || "unknown");
          set("cmi.progress_measure", real(m.progress));
          if (m.score != null) {
            set("cmi.score.scaled", real((m.score / 100)));
            set("cmi.score.raw", m.score);
            set("cmi.score.min", 0);
            set("cmi.score.max", 100);
          }
          m.stages.forEach((st) => {
            let i = objectives[st.id];
            if (i == null) {
              i = objectives[st.id] = Object.keys(objectives).length;
              set(`cmi.objectives.${i}.id`, st.id);
            }
            set(`cmi.objectives.${i}.completion_status`, st.complete ? "completed" : "incomplete");
            set(`cmi.objectives.${i}.success_status`, st.success);
            set(`cmi.objectives.${i}.progress_measure`, real(st.progress));
            if (st.scaled != null) set(`cmi.objectives.${i}.score.scaled`, real(st.scaled));
          });
        } else {
          let next = m.tests ? (m.allDone && m.success === "passed" ? "passed" : m.success === "failed" ? "failed" : "incomplete") : m.allDone ? "completed" : "incomplete";
          // Never take back a status the LMS already holds.
          if (next === "incomplete" && ["passed", "completed"].includes(status)) next = status;
          if (next !== status) set("cmi.core.lesson_status", (status = next));
          if (m.score != null) {
            set("cmi.core.score.raw", m.score);
            set("cmi.core.score.min", 0);
            set("cmi.core.score.max", 100);
          }
        }
      },
      answer({ key, box, data, result }) {
        if (!v2004 || mode !== "normal" || interactions >= 250) return;
        const n = interactions++;
        const prompt = box.querySelector(".ac-prompt");
        const kicker = prompt && prompt.querySelector(".ac-kicker");
        set(`cmi.interactions.${n}.id`, key.replace(/\s/g, "_"));
        set(`cmi.interactions.${n}.type`, INTERACTION[data.type] || "other");
        set(`cmi.interactions.${n}.timestamp`, new Date().toISOString().slice(0, 19));
        const answer = response(box, data.type);
        if (answer) set(`cmi.interactions.${n}.learner_response`, answer);
        set(`cmi.interactions.${n}.result`, result.ok ? "correct" : "incorrect");
        const words = text(prompt).slice(kicker ? text(kicker).length : 0).trim().slice(0, 250);
        if (words) set(`cmi.interactions.${n}.description`, words);
      },
      commit() {
        call("LMSCommit", "Commit", "");
      },
      close() {
        const s = (Date.now() - started) / 1000;
        set(v2004 ? "cmi.session_time" : "cmi.core.session_time", v2004 ? `PT${Math.round(s)}S` : `${pad(s / 3600)}:${pad((s / 60) % 60)}:${pad(s % 60)}`);
        // Suspend, so the next launch resumes with this progress.
        set(v2004 ? "cmi.exit" : "cmi.core.exit", "suspend");
        call("LMSCommit", "Commit", "");
        call("LMSFinish", "Terminate", "");
      },
    };
  }

  // ---- cmi5 ----------------------------------------------------------------------
  const VERB = "http://adlnet.gov/expapi/verbs/";
  const CMI5 = "https://w3id.org/xapi/cmi5/context/";
  const STATE = "academy.progress";
  const RESUME = "urn:academy:extension:resume";
  const hex = () => crypto.getRandomValues(new Uint8Array(1))[0];
  const uuid = () => "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (c ^ (hex() & (15 >> (c / 4)))).toString(16));
  const duration = (ms) => `PT${(ms / 1000).toFixed(2)}S`;

  function cmi5(launch) {
    const endpoint = launch.get("endpoint").replace(/\/?$/, "/");
    const actor = JSON.parse(launch.get("actor"));
    const registration = launch.get("registration");
    const activityId = launch.get("activityId");
    const item = launch.get("module") ? "module:" + launch.get("module") : "quiz:" + (launch.get("quiz") || "");
    const au = C.aus[item];
    let headers = null;
    let data = {};
    let stateApi = true; // until the record store says it has none
    let sent = {}; // what this AU has had in this registration: completed, passed
    let allSent = {}; // the same for every AU, kept together with the progress
    const session = { passedOrFailed: false, failed: null };
    const queue = [];
    let busy = null;
    let before = 0; // the assessment's attempts before this session

    const query = (extra) => new URLSearchParams(Object.assign({ activityId, agent: JSON.stringify(actor), registration }, extra)).toString();
    const request = (path, options) => fetch(endpoint + path, Object.assign({ headers, keepalive: true }, options));

    function statement(verb, result, moveOn, extensions) {
      const context = JSON.parse(JSON.stringify(data.contextTemplate || {}));
      context.registration = registration;
      const activities = (context.contextActivities = context.contextActivities || {});
      const category = (activities.category = activities.category || []);
      if (verb !== "progressed") category.push({ id: CMI5 + "categories/cmi5" });
      if (moveOn) category.push({ id: CMI5 + "categories/moveon" });
      if (extensions) context.extensions = Object.assign(context.extensions || {}, extensions);
      const st = { id: uuid(), actor, verb: { id: VERB + verb, display: { "en-US": verb } }, object: { objectType: "Activity", id: activityId }, context, timestamp: new Date().toISOString() };
      if (result) st.result = result;
      queue.push(st);
      return post();
    }
    // One batch at a time, in order: the LMS reads the session's order from it.
    // `now`: the page is going away; send what is left at once (keepalive
    // requests outlive the page; a batch waiting its turn would not).
    function post(now) {
      if ((busy && !now) || !queue.length) return busy || Promise.resolve();
      const batch = queue.splice(0, queue.length);
      busy = request("statements", { method: "POST", headers: Object.assign({ "Content-Type": "application/json" }, headers), body: JSON.stringify(batch) })
        .then((r) => {
          if (!r.ok) throw new Error(r.status);
        })
        .catch((e) => warn(`the LMS did not take ${batch.length} statement(s) (${e.message}).`))
        .then(() => {
          busy = null;
          return post();
        });
      return busy;
    }

    const state = () => ({ v: 1, data: encode(local(), C, Infinity).text, sent: Object.assign(allSent, { [item]: sent }) });
    // `often`: a save after an answer; without the State API those wait for
    // the next completion or the session's end, one statement each.
    async function save(often) {
      if (data.launchMode && data.launchMode !== "Normal") return;
      if (stateApi) {
        const r = await request("activities/state?" + query({ stateId: STATE }), {
          method: "PUT",
          headers: Object.assign({ "Content-Type": "application/json" }, headers),
          body: JSON.stringify(state()),
        }).catch(() => null);
        if (r && r.ok) return;
        if (r && [404, 405, 501].includes(r.status)) stateApi = false;
        else return;
      }
      if (often) return;
      // A record store without the State API keeps the progress in a statement.
      const progress = Math.round(measure(local()).progress * 100);
      return statement("progressed", { extensions: { [RESUME]: JSON.stringify(state()), "https://w3id.org/xapi/cmi5/result/extensions/progress": progress } });
    }
    async function load() {
      const r = await request("activities/state?" + query({ stateId: STATE }), { headers }).catch(() => null);
      if (r && r.ok) return r.json().catch(() => null);
      if (r && r.status !== 404) return null;
      // 404: none saved yet, or no State API at all; the statements may hold it.
      // Filtered by verb here: ralph 5.1's file store answers none to a verb filter.
      const found = await request("statements?" + new URLSearchParams({ agent: JSON.stringify(actor), registration, limit: "500" }), { headers })
        .then((x) => (x.ok ? x.json() : { statements: [] }))
        .catch(() => ({ statements: [] }));
      const latest = (found.statements || [])
        .filter((s) => s.verb && s.verb.id === VERB + "progressed" && ((s.result || {}).extensions || {})[RESUME])
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))[0];
      try {
        return latest ? JSON.parse(latest.result.extensions[RESUME]) : null;
      } catch (e) {
        return null;
      }
    }

    return {
      async open() {
        if (!au) throw new Error("the launch names no item of this course");
        const reply = await fetch(launch.get("fetch"), { method: "POST" }).then((r) => r.json());
        if (!reply["auth-token"]) throw new Error("the LMS gave no token (" + (reply["error-text"] || "no reason given") + ")");
        headers = { Authorization: "Basic " + reply["auth-token"], "X-Experience-API-Version": "1.0.3" };
        const r = await request("activities/state?" + query({ stateId: "LMS.LaunchData" }), { headers }).catch(() => null);
        data = r && r.ok ? await r.json() : {};
        if (!data.contextTemplate) warn("the LMS gave no launch data; statements go without its context template.");
        const saved = await load();
        allSent = (saved && isObj(saved.sent) && saved.sent) || {};
        sent = isObj(allSent[item]) ? allSent[item] : {};
        restore(JSON.stringify(actor), saved && saved.data, actor.name || "");
        if (item.startsWith("quiz:")) before = attemptsOf(local(), item.slice(5)).length;
        statement("initialized");
        return au.page;
      },
      sync() {
        if (data.launchMode && data.launchMode !== "Normal") return; // Browse and Review: no results
        const m = measure(local());
        const spent = duration(Date.now() - started);
        if (item.startsWith("module:")) {
          if (m.finished(item.slice(7)) && !sent.completed) {
            sent.completed = new Date().toISOString();
            statement("completed", { completion: true, duration: spent }, true);
          }
          return;
        }
        const id = item.slice(5);
        const mastery = typeof data.masteryScore === "number" ? data.masteryScore : au.mastery;
        const mine = attemptsOf(local(), id).slice(before);
        if (!mine.length) return;
        if (!sent.completed) {
          sent.completed = new Date().toISOString();
          statement("completed", { completion: true, duration: spent }, true);
        }
        const best = mine.reduce((a, b) => (+b.score > +a.score ? b : a));
        const score = { scaled: best.score / 100, raw: best.score, min: 0, max: 100 };
        const ext = typeof data.masteryScore === "number" ? { [CMI5 + "extensions/masteryscore"]: data.masteryScore } : null;
        // One of passed or failed per session, and passed once per registration:
        // a pass is reported at once, a failure when the session ends.
        if (best.score / 100 >= mastery && !sent.passed && !session.passedOrFailed) {
          sent.passed = new Date().toISOString();
          session.passedOrFailed = true;
          statement("passed", { score, success: true, duration: spent }, true, ext);
        } else if (!sent.passed) session.failed = { score, ext };
      },
      commit: (type) => save(type !== "done" && type !== "quiz"),
      close() {
        if (session.failed && !session.passedOrFailed && !sent.passed && (!data.launchMode || data.launchMode === "Normal")) {
          statement("failed", { score: session.failed.score, success: false, duration: duration(Date.now() - started) }, true, session.failed.ext);
        }
        save(false);
        statement("terminated", { duration: duration(Date.now() - started) });
        post(true);
      },
    };
  }

  // ---- wiring ----------------------------------------------------------------------
  let bridge = null;
  let connected = "none";
  let page = "";
  let timer = 0;
  let pending = false; // the commit a sync in the same tick must not cancel
  const sync = (commit) => {
    clearTimeout(timer);
    pending = pending || commit;
    // After the page's own save: academy.js saves right after some events.
    timer = setTimeout(() => {
      const why = pending;
      pending = false;
      if (!bridge) return;
      bridge.sync(page);
      if (why) bridge.commit(why);
    }, 0);
  };
  window.academyLms = {
    connected: () => connected,
    event(type, detail) {
      if (!bridge) return;
      if (type === "answer" && bridge.answer) bridge.answer(detail);
      sync(type !== "page" && type !== "module" && type);
    },
  };
  addEventListener("storage", (e) => e.key === KEY && sync(false));

  function show(start) {
    frame.addEventListener("load", () => {
      try {
        const inner = frame.contentWindow.location;
        page = decodeURIComponent(inner.pathname.slice(root.pathname.length));
        frame.title = frame.contentDocument.title || C.title;
      } catch (e) {
        /* a page of another origin (a link the learner followed): nothing to note */
      }
      sync("load");
    });
    frame.hidden = false;
    frame.src = start;
  }

  async function begin() {
    const api12 = C.format === "scorm12" && findApi("API");
    const api04 = C.format === "scorm2004" && findApi("API_1484_11");
    let start = C.start;
    try {
      if (api12 || api04) {
        bridge = scorm(api12 || api04, !!api04);
        start = bridge.open();
        if (!start) throw new Error("the LMS refused to start a session");
      } else if (C.format === "cmi5" && params.get("endpoint") && params.get("fetch")) {
        bridge = cmi5(params);
        start = await bridge.open();
      }
      connected = bridge ? "lms" : "none";
    } catch (e) {
      warn(e.message + "; the course runs on its own, with progress kept in this browser.");
      bridge = null;
      start = start || C.start;
    }
    if (!bridge) warn("no LMS found; the course runs on its own, with progress kept in this browser.");
    addEventListener("pagehide", () => {
      if (bridge) bridge.sync(page), bridge.close();
      bridge = null;
    });
    show(start);
  }
  begin();
})();
