/* Academy runtime part: the path, certificate, review and progress pages.
   Loaded by academy.js only on pages that need it (see there). */
__academy.part("pages", (A) => {
  "use strict";
  const { T, root, store, $, $$, el, fmt, plural, day, link, need, now, safe, emit, ids, minutes, bar, D, empty, valid, due, finished, quizState, unlocked, paintAll, paintBadge, markNavigation, watch } = A;

  // ---- paths --------------------------------------------------------------
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
    watch(paint);
    if (unlocked(node)) emit("path", { id: node.dataset.acPath });
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
    watch(paint);
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
            safe("review #" + box.id, box, A.initCheck, scope, { reviewing: true, onResult: tell });
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
    watch(summary);
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

  return { initPath, initCertificate, initReview, initProgressPage };
});
