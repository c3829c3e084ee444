/**
 * Pane entry: waits for Office.js through src/office (when it is there), picks language and theme, and
 * renders the App inside an error boundary. Without Outlook (Office undefined or no mailbox) the same page
 * is the standalone viewer.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { isComposeMode } from "../office/compose/index";
import { connectOffice, initialDark, initialLanguage, onThemeChange, type OfficePort } from "../office/index";
import { warmUp } from "./analyze";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import type { Lang } from "./i18n/index";

interface RootProps {
  office: OfficePort | undefined;
  compose: boolean;
  lang: Lang;
}

function Root({ office, compose, lang }: RootProps): JSX.Element {
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
        <App office={office} compose={compose} initialLang={lang} />
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
  // Inside Outlook, the engine worker (and its chunk) starts before React's first render, in parallel with
  // it; useMessageAnalysis then reads the message. (Idempotent: the same worker is used.)
  if (office && !compose) warmUp();
  const el = document.getElementById("root");
  if (!el) throw new Error("#root missing");
  el.textContent = "";
  createRoot(el).render(<Root office={office} compose={compose} lang={initialLanguage()} />);
}

main().catch((e: unknown) => {
  const el = document.getElementById("root");
  if (el) el.textContent = `S/MIME Assistant could not start: ${e instanceof Error ? e.message : String(e)}`;
});
