/**
 * The pane's first script file: its own webpack entry ("boot", webpack.config.js), the only script file
 * taskpane.html runs by itself, before office.js (only the read pane's inline worker starter runs earlier).
 * It loads the pane's entry (React, Fluent UI), named in the page by `<meta id="pane-entry" content=…>`,
 * once the page has been parsed (office.js has then run).
 *
 * Opened as Outlook's read pane (the manifests' URL taskpane.html?mode=read), it takes the analysis worker
 * the page's inline starter started before this script was even fetched (startWorker.inline.js), or starts
 * it when there is none, and leaves it for the pane (earlyWorker.ts); it asks Outlook for the message
 * (item.getAsFileAsync) as soon as Office.js is ready, for the pane's ladder to adopt
 * (src/office/earlyRead.ts), has the worker check it, and draws the verdict itself before it loads the
 * entry (firstVerdict.ts; issue #15: navigation → verdict, BENCHMARKS.md). Everywhere else — the
 * standalone page (no ?mode), the compose pane (?mode=compose), an older manifest's read pane (no ?mode) —
 * it starts nothing, asks the browser for the entry at once (a preload, so that its download overlaps
 * office.js's), and runs it once the page is parsed: the standalone page loads the engine on the user's
 * first action, and the older read pane starts its worker once Office.onReady has answered (index.tsx).
 */
import { startEarlyRead } from "../office/earlyRead";
import { initialDark, initialLanguage } from "../office/environment";
import { getHost, isClassicWindows } from "../office/host";
import { localizeBootTitle, showPaneLoadFailed } from "./bootTitle";
import { startEarly } from "./earlyWorker";
import { newEngineWorker } from "./engineWorker";
import { startFirstVerdict } from "./firstVerdict";
import { paneModeFromUrl } from "./paneMode";

/** The URL of the pane's entry (its hashed file), as taskpane.html names it. */
function entryUrl(): string | undefined {
  return document.getElementById("pane-entry")?.getAttribute("content") ?? undefined;
}

/** Runs the pane's entry; if it cannot be loaded, the page says so under what it shows. */
function loadEntry(): void {
  const src = entryUrl();
  if (!src) return;
  const script = document.createElement("script");
  script.src = src;
  script.addEventListener("error", () => showPaneLoadFailed(document, initialLanguage()));
  document.head.append(script);
}

/** Asks the browser for the entry now, to run later (loadEntry). */
function preloadEntry(): void {
  const src = entryUrl();
  if (!src) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "script";
  link.href = src;
  document.head.append(link);
}

/** Runs fn once the page has been parsed: after office.js (a parser-blocking script) has run. */
function whenParsed(fn: () => void): void {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}

if (typeof document !== "undefined") {
  let worker: Worker | undefined;
  if (paneModeFromUrl(typeof location !== "undefined" ? location.search : undefined) === "read") {
    worker = startEarly(newEngineWorker);
  }
  // In the read pane the entry is not asked for before the first verdict: fetched (and compiled) while the
  // worker checks, it made the verdict ~40 ms later on two cores (BENCHMARKS.md, fifth round).
  if (!worker) preloadEntry();
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
