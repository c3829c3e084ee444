/*
 * The first thing taskpane.html runs, written into the page itself (webpack.config.js with
 * scripts/inline-starter.cjs): in Outlook's read pane (taskpane.html?mode=read, as paneMode.ts reads it) it
 * starts the analysis worker while the browser is still fetching boot.js, one request earlier than boot.ts
 * could (issue #15: the worker's start-up was the longest part of navigation → verdict; BENCHMARKS.md, sixth
 * round). It leaves the worker where boot.ts's startEarly finds it (earlyWorker.ts: the same global, the
 * same shape). It does nothing else; if it cannot run (a host that blocks inline scripts despite the page's
 * hash), boot.ts starts the worker as before.
 *
 * A classic script in one function, by hand: it is inlined as it is (this comment removed), the page's
 * Content-Security-Policy allows it by its SHA-256 hash alone, and the build fills in the worker's file
 * (__SMIME_ENGINE_WORKER__, the hashed "smime-engine" chunk). test/taskpane/startWorker.test.ts runs it.
 */
(() => {
  try {
    const mode = new URLSearchParams(location.search).get("mode");
    if (!mode || mode.toLowerCase() !== "read") return;
    const early = { worker: new Worker(__SMIME_ENGINE_WORKER__, { name: "smime-engine" }), failed: false };
    early.worker.addEventListener("error", () => {
      early.failed = true;
    });
    window.__smimeAssistantEarlyWorker = early;
  } catch {
    // boot.ts starts the worker
  }
})();
