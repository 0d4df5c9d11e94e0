/* Academy LMS package, page side: tells the package's launch page what the
   learner does, and says so when no LMS records it.

   Appended to the runtime only in LMS packages. The launch page holds the
   one LMS session for all pages (see academy-lms.js); this part forwards the
   runtime's academy:* events to it, unchanged. A page opened on its own, or
   a launch that found no LMS, still works as a site with progress kept in
   this browser, and shows a notice saying so. */
(() => {
  "use strict";
  const S = /*@LMS@*/ {};
  let host = null;
  try {
    host = window.parent !== window && window.parent.academyLms ? window.parent.academyLms : null;
  } catch (e) {
    /* a frame of another origin: not our launch page */
  }
  ["page", "module", "done", "answer", "scenario", "quiz", "path"].forEach((type) =>
    document.addEventListener("academy:" + type, (e) => host && host.event(type, e.detail || {})),
  );
  document.addEventListener("academy:page", () => {
    const main = document.querySelector("article") || document.querySelector("main");
    if ((host && host.connected() === "lms") || !main || main.querySelector(".ac-lms-notice")) return;
    const box = document.createElement("div");
    box.className = "ac-notice ac-lms-notice";
    box.setAttribute("role", "note");
    box.textContent = S.lms_standalone;
    main.prepend(box);
  });
})();
