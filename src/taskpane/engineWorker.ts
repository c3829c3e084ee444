/**
 * A new analysis worker: the "smime-engine" chunk (src/taskpane/worker.ts), one file (webpack.config.js;
 * noble's curves come as chunks of their own, on first use). The read pane's inline starter makes the same
 * worker (startWorker.inline.js).
 */
export function newEngineWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "smime-engine" });
}
