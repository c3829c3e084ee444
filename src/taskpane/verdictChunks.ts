/**
 * The verdict view's chunks (issue #15): the guidance with the FAQ ("faq"), the self-test panel under a
 * message read from Outlook ("setup") and the certificate details behind their disclosure ("details").
 * loadVerdictViewChunks() loads and runs them as soon as a message goes to the analysis worker: the main
 * thread and the network are idle while the worker checks the message, so they are in place when the
 * verdict renders, and the verdict is not later for it.
 *
 * Measured on the 2-core machine (bench:pane, BENCHMARKS.md): webpack's `webpackPrefetch` hints, which this
 * replaced, requested the eight files at start-up, while the message was read and the worker loaded, and
 * made the verdict ~90 ms later than no prefetch at all; loading them here costs the verdict nothing
 * measurable. The names are those of the view's own lazy() imports (VerdictView loads faq and setup through
 * these functions; SignerCard's lazy() loads "details"). test/taskpane/verdictChunks.test.ts checks the
 * list; the browser test checks they are requested before the verdict.
 */
export const VERDICT_VIEW_CHUNKS = {
  faq: () => import(/* webpackChunkName: "faq" */ "./components/Guidance"),
  setup: () => import(/* webpackChunkName: "setup" */ "./setup/index"),
  details: () => import(/* webpackChunkName: "details" */ "./components/SignerDetails"),
};

let loading: Promise<unknown> | undefined;

/** Loads the verdict view's chunks (once; again after a failure, which the view's lazy() then reports). */
export function loadVerdictViewChunks(): void {
  loading ??= Promise.all(Object.values(VERDICT_VIEW_CHUNKS).map((load) => load())).catch(() => {
    loading = undefined;
  });
}
