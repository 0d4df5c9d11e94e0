/* Academy runtime part: the module page: branching scenarios played as a conversation,
   the progress panel and the completion moment.
   Loaded by academy.js only on pages that need it (see there). */
__academy.part("module", (A) => {
  "use strict";
  const { T, store, $, $$, el, fmt, plural, icon, button, link, sr, need, now, once, readJSON, safe, end, emit, bar, D, moduleState, paintStatus, markNavigation, watch, initCheck } = A;

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
    watch(paint);
    update();
  }

  return { initModule };
});
