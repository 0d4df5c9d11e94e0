/* Plays the LMS for the browser tests: scorm-again provides the SCORM 1.2 or
   2004 API (as an LMS's player page would), with the CMI data the LMS stored
   from an earlier session, and the package's launch page opens in a frame.
   Commits go to the test server (/lms/commit), which keeps them as an LMS
   backend would. ?format=scorm12|scorm2004 */
(async () => {
  "use strict";
  const format = new URLSearchParams(location.search).get("format");
  const file = format === "scorm12" ? "scorm12.min.js" : "scorm2004.min.js";
  await new Promise((ok, fail) => {
    const script = document.createElement("script");
    script.src = "/lms/scorm-again/" + file;
    script.onload = ok;
    script.onerror = fail;
    document.head.append(script);
  });
  const settings = { lmsCommitUrl: "/lms/commit", dataCommitFormat: "json", logLevel: 4, autocommit: false };
  const api = format === "scorm12" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  const stored = await fetch("/lms/cmi").then((r) => r.json());
  api.loadFromJSON(stored);
  window[format === "scorm12" ? "API" : "API_1484_11"] = api;
  window.harnessApi = api;
  document.getElementById("sco").src = "/pkg/index.html";
})();
