/** A new analysis worker: the "smime-engine" chunk (src/taskpane/worker.ts), one file (webpack.config.js). */
export function newEngineWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "smime-engine" });
}
