/**
 * The pane's first script: its own webpack entry ("boot", webpack.config.js), run in a task of its own before
 * the pane's entry. Opened as Outlook's read pane (the manifests' URL taskpane.html?mode=read), it starts the
 * analysis worker at once and leaves it for the pane (earlyWorker.ts): the browser starts the worker's thread
 * while the main thread is idle, waiting for the entry's download, and the engine then loads on the other
 * core while the main thread evaluates React and Fluent and waits for Office.onReady. It also asks Outlook
 * for the message (item.getAsFileAsync) as soon as Office.js is ready, for the pane's ladder to adopt
 * (src/office/earlyRead.ts): Outlook prepares it while the entry is evaluated (issue #15: navigation →
 * verdict, BENCHMARKS.md). The standalone page (no ?mode) and the
 * compose pane (?mode=compose) start nothing here: the standalone page loads the engine on the user's first
 * action, and an older manifest without ?mode=read still works, with the worker started after
 * Office.onReady (index.tsx).
 */
import { startEarlyRead } from "../office/earlyRead";
import { localizeBootTitle } from "./bootTitle";
import { startEarly } from "./earlyWorker";
import { newEngineWorker } from "./engineWorker";
import { paneModeFromUrl } from "./paneMode";

if (paneModeFromUrl(typeof location !== "undefined" ? location.search : undefined) === "read") {
  startEarly(newEngineWorker);
  startEarlyRead();
}
localizeBootTitle(
  typeof document !== "undefined" ? document : undefined,
  typeof navigator !== "undefined" ? navigator.language : undefined,
);
