/**
 * The pane's first script: its own webpack entry ("boot", webpack.config.js), and the only script
 * taskpane.html runs by itself: it loads the pane's entry (React, Fluent UI), named in the page by
 * `<link id="pane-entry">`.
 *
 * Opened as Outlook's read pane (the manifests' URL taskpane.html?mode=read), it starts the analysis worker
 * at once and leaves it for the pane (earlyWorker.ts), asks Outlook for the message (item.getAsFileAsync) as
 * soon as Office.js is ready, for the pane's ladder to adopt (src/office/earlyRead.ts), has the worker check
 * it, and draws the verdict itself before it loads the entry (firstVerdict.ts; issue #15: navigation →
 * verdict, BENCHMARKS.md). The standalone page (no ?mode) and the compose pane (?mode=compose) load the
 * entry at once and start nothing here: the standalone page loads the engine on the user's first action,
 * and an older manifest without ?mode=read still works, with the worker started after Office.onReady
 * (index.tsx).
 */
import { startEarlyRead } from "../office/earlyRead";
import { initialDark, initialLanguage } from "../office/environment";
import { getHost, isClassicWindows } from "../office/host";
import { localizeBootTitle } from "./bootTitle";
import { startEarly, peekEarly } from "./earlyWorker";
import { newEngineWorker } from "./engineWorker";
import { startFirstVerdict } from "./firstVerdict";
import { paneModeFromUrl } from "./paneMode";

/** Runs the pane's entry: a script element for the URL taskpane.html names (the entry's hashed file). */
function loadEntry(): void {
  const link = document.getElementById("pane-entry");
  const src = link?.getAttribute("href") ?? link?.getAttribute("content");
  if (!src) return;
  const script = document.createElement("script");
  script.src = src;
  document.head.append(script);
}

/** Runs fn once the page has been parsed: after office.js (a parser-blocking script) has run. */
function whenParsed(fn: () => void): void {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}

if (typeof document !== "undefined") {
  let worker: Worker | undefined;
  if (paneModeFromUrl(typeof location !== "undefined" ? location.search : undefined) === "read") {
    startEarly(newEngineWorker);
    worker = peekEarly();
  }
  whenParsed(() => {
    localizeBootTitle(document, typeof navigator !== "undefined" ? navigator.language : undefined);
    if (worker) {
      startFirstVerdict({
        doc: document,
        worker,
        read: startEarlyRead(),
        loadEntry,
        lang: initialLanguage,
        host: () => ({ ...getHost(), language: initialLanguage() }),
        dark: initialDark,
        classicWindows: isClassicWindows,
      });
    } else {
      loadEntry();
    }
  });
}
