/* Academy xAPI sender: turns the runtime's academy:* events into xAPI 1.0.3
   statements and posts them to the learning record store named by the
   `xapi` plugin option.

   The plugin appends this file to academy.js only when that option is set, so
   sites without xAPI ship none of it. Hand-rolled because xAPI client
   libraries are many times the runtime's whole budget and need a bundler.

   Nothing here blocks the page: statements go into a queue in localStorage,
   and the queue is posted in the background, again after a failure (with
   growing pauses), when the browser comes back online, and on the next page
   load. Each statement gets its id when it is queued, so posting it twice is
   harmless: the record store keeps one copy. */
(() => {
  "use strict";
  const X = /*@XAPI@*/ {};
  const script = document.currentScript;
  const root = script ? new URL("../..", script.src) : new URL("/", location.href);
  const base = X.base || root.href;
  const KEY = "academy-xapi:" + root.pathname;
  const VERB = "http://adlnet.gov/expapi/verbs/";
  const TYPE = "http://adlnet.gov/expapi/activities/";
  const MAX_QUEUE = 500; // oldest statements give way first if the store is down for long
  const BATCH = 50;
  const INTERACTION = { single: "choice", multiple: "choice", "true-false": "true-false", text: "fill-in", order: "sequencing", match: "matching" };
  const lang = document.documentElement.lang || "en";

  const read = () => {
    try {
      const record = JSON.parse(localStorage.getItem(KEY));
      if (record && Array.isArray(record.queue)) return record;
    } catch (e) {
      /* unreadable: start a fresh queue */
    }
    return { queue: [], paths: {} };
  };
  // Re-read before each change, so two open tabs never drop each other's
  // statements. Where the browser blocks storage, the runtime has put an
  // in-memory stand-in in its place, so this page's statements still go out.
  const update = (change) => {
    const record = read();
    change(record);
    try {
      localStorage.setItem(KEY, JSON.stringify(record));
    } catch (e) {
      /* full: these statements are lost, the page goes on */
    }
    return record;
  };

  const hex = () => crypto.getRandomValues(new Uint8Array(1))[0];
  const uuid = () => "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (c ^ (hex() & (15 >> (c / 4)))).toString(16));

  // Anonymous by default: a random id kept by this browser, never a name.
  function actor(record) {
    if (X.actor === "learner") {
      return record.email ? { objectType: "Agent", name: record.name || undefined, mbox: "mailto:" + record.email } : null;
    }
    return { objectType: "Agent", account: { homePage: base, name: record.anon } };
  }

  const page = (kind, id) => new URL(X[kind].replace("{id}", encodeURIComponent(id)), base).href;
  const text = (node) => (node ? node.textContent.trim().replace(/\s+/g, " ") : "");
  const heading = () => text(document.querySelector("article h1, h1"));
  const activity = (id, name, type, extra) => ({
    objectType: "Activity",
    id,
    definition: Object.assign({ name: { [lang]: name || id }, type: TYPE + type }, extra),
  });

  function add(verb, object, result, parent) {
    const statement = {
      id: uuid(),
      verb: { id: VERB + verb, display: { "en-US": verb } },
      object,
      result,
      context: { platform: "Academy", language: lang, contextActivities: parent ? { parent: [parent] } : undefined },
      timestamp: new Date().toISOString(),
    };
    update((record) => {
      record.anon = record.anon || uuid();
      record.queue.push(statement);
      record.queue.splice(0, record.queue.length - MAX_QUEUE);
    });
    flush();
  }

  let busy = false;
  let single = false; // after a conflict, send one at a time to find the stored one
  let pause = 5000;
  let timer = 0;
  function retry() {
    clearTimeout(timer);
    timer = setTimeout(flush, pause);
    pause = Math.min(pause * 2, 300000);
  }
  function flush() {
    const record = read();
    const who = actor(record);
    if (busy || !record.queue.length || !who || navigator.onLine === false) return;
    busy = true;
    const batch = record.queue.slice(0, single ? 1 : BATCH);
    const sent = new Set(batch.map((s) => s.id));
    const body = JSON.stringify(batch.map((s) => Object.assign({ actor: who }, s)));
    const headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (X.auth) headers.Authorization = X.auth;
    fetch(X.endpoint + "statements", { method: "POST", headers, body, keepalive: body.length < 60000 })
      .then((response) => {
        // A store rejects a whole batch when one id is already stored (409),
        // so retry one by one; a single statement's 409 means it is stored.
        // 400: the store will never accept it, and keeping it would block
        // every later statement.
        if (response.status === 409 && batch.length > 1) {
          single = true;
          busy = false;
          return flush();
        }
        if (!response.ok && response.status !== 409 && response.status !== 400) throw new Error(response.status);
        const left = update((r) => (r.queue = r.queue.filter((s) => !sent.has(s.id))));
        busy = false;
        pause = 5000;
        if (left.queue.length) flush();
      })
      .catch(() => {
        busy = false;
        retry();
      });
  }

  function response(box, type) {
    const all = (sel) => Array.from(box.querySelectorAll(sel));
    if (type === "text") return (box.querySelector("input[type=text]") || {}).value.trim();
    if (type === "order") return all(".ac-order > li").map((li) => li.dataset.acItem).join("[,]");
    if (type === "match") return all("select").map((s) => s.dataset.acLeft + "[.]" + s.value).join("[,]");
    return all("input:checked").map((i) => i.value).join("[,]");
  }

  // A check's scope is its module's id, or "quiz:ID" for a quiz bank.
  function owner(key) {
    const scope = key.slice(0, key.lastIndexOf("/"));
    if (scope.startsWith("quiz:")) {
      const quiz = scope.slice(5);
      return { parent: activity(page("quiz", quiz), "", "assessment"), anchor: "#q-" + quiz + "-" };
    }
    if (scope.startsWith("page:")) return { parent: null, anchor: "#check-", url: new URL(scope.slice(5), location.href).href };
    return { parent: activity(page("module", scope), "", "module"), anchor: "#check-" };
  }
  const bare = (parent) => parent && { objectType: "Activity", id: parent.id };

  // When the learner first entered each question since its last answer, so
  // an answer carries the time spent on it (result.duration).
  const touched = new WeakMap();
  document.addEventListener("focusin", (e) => {
    const box = e.target.closest(".ac-check");
    if (box && !touched.has(box)) touched.set(box, Date.now());
  });
  const EXT = "urn:academy:xapi:";

  const on = (type, handle) => document.addEventListener("academy:" + type, (e) => handle(e.detail || {}));

  on("module", ({ id }) => add("experienced", activity(page("module", id), heading(), "module")));
  on("done", ({ id }) => add("completed", activity(page("module", id), heading(), "module"), { completion: true }));

  on("answer", ({ key, box, data, result }) => {
    const where = owner(key);
    const prompt = box.querySelector(".ac-prompt");
    const kicker = prompt && prompt.querySelector(".ac-kicker");
    const name = text(prompt).slice(kicker ? text(kicker).length : 0).trim();
    const id = (where.parent ? where.parent.id : where.url) + where.anchor + data.id;
    const object = activity(id, name, "cmi.interaction", { interactionType: INTERACTION[data.type] || "other" });
    const outcome = { success: !!result.ok, response: response(box, data.type), completion: true, score: { scaled: result.score || 0 } };
    const began = touched.get(box);
    if (began) outcome.duration = "PT" + ((Date.now() - began) / 1000).toFixed(1) + "S";
    touched.delete(box); // a retry is timed from its own first touch
    add("answered", object, outcome, bare(where.parent));
  });

  // `route`: the options taken, [[step id, option index], ...].
  on("scenario", ({ key, box, ending, score, max, route }) => {
    const module = key.slice(0, key.lastIndexOf("/"));
    const parent = activity(page("module", module), "", "module");
    const name = text(box.querySelector(".ac-scenario__name, .ac-scenario__title strong"));
    const object = activity(parent.id + "#" + box.id.replace(/^rv\d+-/, ""), name, "simulation");
    const outcome = {
      success: ending === "success",
      completion: true,
      response: ending,
      score: { raw: score, min: 0, max, scaled: max ? Math.max(-1, Math.min(1, score / max)) : 0 },
    };
    if (route) outcome.extensions = { [EXT + "route"]: route };
    add("completed", object, outcome, bare(parent));
  });

  on("quiz", ({ id, kind, attempt }) => {
    const object = activity(page("quiz", id), heading(), "assessment");
    const score = { scaled: attempt.score / 100, raw: attempt.score, min: 0, max: 100 };
    if (kind === "assessment") add(attempt.passed ? "passed" : "failed", object, { success: !!attempt.passed, completion: true, score });
    else add("completed", object, { completion: true, score, extensions: kind === "placement" ? { [EXT + "tested"]: attempt.tested } : undefined });
  });

  // The path and certificate pages both notice completion; report it once.
  on("path", ({ id }) => {
    if ((read().paths || {})[id]) return;
    update((record) => (record.paths = Object.assign(record.paths || {}, { [id]: new Date().toISOString() })));
    add("completed", activity(page("path", id), heading(), "course"), { completion: true });
  });

  // In learner mode the progress page asks for a name and email once;
  // statements wait in the queue until then.
  on("page", () => {
    const form = document.querySelector("[data-ac-xapi-form]");
    if (form && !form.dataset.acReady) {
      form.dataset.acReady = "1";
      form.hidden = false;
      const name = form.querySelector("[name=name]");
      const email = form.querySelector("[name=email]");
      const status = form.querySelector("[data-ac-xapi-status]");
      const saved = read();
      name.value = saved.name || "";
      email.value = saved.email || "";
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        if (!email.checkValidity() || !email.value.trim()) {
          status.textContent = form.dataset.acInvalid;
          email.focus();
          return;
        }
        update((record) => {
          record.name = name.value.trim();
          record.email = email.value.trim();
        });
        status.textContent = form.dataset.acSaved;
        flush();
      });
    }
    flush();
  });
  window.addEventListener("online", flush);
})();
