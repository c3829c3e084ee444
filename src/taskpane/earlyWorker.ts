/**
 * The analysis worker started early: the page's inline starter (startWorker.inline.js, run while boot.js is
 * still being fetched) or else boot.ts (its own entry and script, run before the pane's entry) makes it and
 * leaves it on a global; the pane's supervisor (analyze.ts) adopts it once, instead of making its own. The
 * starter, boot.ts and the pane's entry share nothing else (two webpack runtimes and a plain script), so
 * the hand-over is this one global. A worker that failed to load is not adopted: the supervisor then makes
 * a new one and reports its failure.
 */
const KEY = "__smimeAssistantEarlyWorker";

interface Early {
  worker: Worker;
  failed: boolean;
}

/**
 * Starts a worker now (boot.ts: the analysis worker, engineWorker.ts) and leaves it for the pane; returns it
 * (undefined when it could not be made). A worker the page's inline starter already started is returned
 * instead, unless it has failed to load: then it is ended and a new one made. Never throws.
 */
export function startEarly(make: () => Worker): Worker | undefined {
  const started = startedWorker();
  if (started) return started;
  try {
    const early: Early = { worker: make(), failed: false };
    early.worker.addEventListener("error", () => {
      early.failed = true;
    });
    (globalThis as Record<string, unknown>)[KEY] = early;
    return early.worker;
  } catch {
    // the pane makes its own when it needs one
    return undefined;
  }
}

/** The worker started early, once; undefined when there is none or it failed to load. */
export function takeEarly(): Worker | undefined {
  const worker = startedWorker();
  delete (globalThis as Record<string, unknown>)[KEY];
  return worker;
}

/** The worker on the global, unless it failed to load: a failed one is ended and taken off the global. */
function startedWorker(): Worker | undefined {
  const g = globalThis as Record<string, unknown>;
  const early = g[KEY] as Early | undefined;
  if (!early) return undefined;
  if (!early.failed) return early.worker;
  delete g[KEY];
  early.worker.terminate();
  return undefined;
}
