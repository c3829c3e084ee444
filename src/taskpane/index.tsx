/**
 * Pane entry: waits for Office.js through src/office (when it is there), picks language and theme, and
 * renders the App inside an error boundary. Without Outlook (Office undefined or no mailbox) the same page
 * is the standalone viewer. Inside Outlook's read pane the message is read and checked from Office.onReady
 * on, before React's first render (issue #15), and the view subscribes to that check.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { isComposeMode } from "../office/compose/index";
import { connectOffice, initialDark, initialLanguage, onThemeChange, type OfficePort } from "../office/index";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import type { Lang } from "./i18n/index";
import { takeEarly } from "./earlyWorker";
import { MessageAnalysis } from "./messageAnalysis";
import { PANE_ANALYSIS_DEPS } from "./useMessageAnalysis";
import { loadVerdictViewChunks } from "./verdictChunks";

/** How long the read pane's first frame waits for the message's answer (below: no spinner is needed sooner). */
const FIRST_FRAME_WAIT_MS = 400;
/** How long it then waits for the verdict view's chunks when the boot script shows the verdict meanwhile. */
const CHUNK_WAIT_MS = 300;

interface RootProps {
  office: OfficePort | undefined;
  compose: boolean;
  lang: Lang;
  analysis: MessageAnalysis | undefined;
}

function Root({ office, compose, lang, analysis }: RootProps): JSX.Element {
  const [dark, setDark] = useState(initialDark);
  useEffect(() => onThemeChange(setDark), []);
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);
  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100vh" }}
      data-theme={dark ? "dark" : "light"}
    >
      <ErrorBoundary lang={lang}>
        <App office={office} compose={compose} initialLang={lang} {...(analysis ? { analysis } : {})} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

async function main(): Promise<void> {
  const office = await connectOffice();
  let compose = false;
  try {
    compose = isComposeMode();
  } catch {
    compose = false;
  }
  // Inside Outlook's read pane the message is read now and checked in the worker (started by boot.ts, or here
  // under an older manifest's URL); the view subscribes to it once React renders.
  let analysis: MessageAnalysis | undefined;
  if (office && !compose) {
    analysis = new MessageAnalysis(office, undefined, PANE_ANALYSIS_DEPS);
    analysis.start();
  } else {
    // a pane that turned out not to be a read pane: the worker boot.ts may have started is not needed
    takeEarly()?.terminate();
  }
  // React's first frame waits for the answer, up to FIRST_FRAME_WAIT_MS: a small message's verdict is then
  // the first frame (the page shows the product name meanwhile), and React does not render a "reading"
  // frame first that the verdict replaces a moment later; a big message gets its progress after the wait.
  if (analysis) await analysis.answeredOrAfter(FIRST_FRAME_WAIT_MS);
  // The boot script already shows this message's verdict (firstVerdict.ts): React's first frame then also
  // waits for the verdict view's chunks (guidance, self-test, details; loading since the check was taken
  // over), up to CHUNK_WAIT_MS, so that the view replaces the drawn verdict whole, not with spinners in it.
  if (analysis?.phase.name === "done" && document.getElementById("first-verdict"))
    await Promise.race([loadVerdictViewChunks(), new Promise((r) => setTimeout(r, CHUNK_WAIT_MS))]);
  const el = document.getElementById("root");
  if (!el) throw new Error("#root missing");
  el.textContent = "";
  // the boot script's colours for a dark first verdict (firstVerdict.ts): the theme's provider takes over
  document.body.style.removeProperty("background");
  document.body.style.removeProperty("color");
  // synchronously: the frame is in the page before any other task (a long decode of a big message) runs
  const root = createRoot(el);
  flushSync(() =>
    root.render(<Root office={office} compose={compose} lang={initialLanguage()} analysis={analysis} />),
  );
}

main().catch((e: unknown) => {
  const el = document.getElementById("root");
  if (el) el.textContent = `S/MIME Assistant could not start: ${e instanceof Error ? e.message : String(e)}`;
});
