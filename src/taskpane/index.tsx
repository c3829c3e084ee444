/**
 * Pane entry: waits for Office.js (when it is there), picks language and theme, and renders the App inside
 * an error boundary. Without Outlook (Office undefined or no mailbox) the same page is the standalone viewer.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { initialDark, initialLanguage, onThemeChange } from "./environment";
import type { Lang } from "./i18n/index";
import { isOfficeHost } from "./officeBridge";

/** How long to wait for Office.onReady before treating the page as standalone. */
const OFFICE_READY_TIMEOUT_MS = 4000;

function Root({ inOffice, lang }: { inOffice: boolean; lang: Lang }): JSX.Element {
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
        <App inOffice={inOffice} initialLang={lang} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

async function officeReady(): Promise<void> {
  const office = (globalThis as { Office?: { onReady?: () => Promise<unknown> } }).Office;
  if (!office?.onReady) return;
  await Promise.race([
    office.onReady().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, OFFICE_READY_TIMEOUT_MS)),
  ]);
}

async function main(): Promise<void> {
  await officeReady();
  let inOffice = false;
  try {
    inOffice = isOfficeHost();
  } catch {
    inOffice = false;
  }
  const el = document.getElementById("root");
  if (!el) throw new Error("#root missing");
  el.textContent = "";
  createRoot(el).render(<Root inOffice={inOffice} lang={initialLanguage()} />);
}

main().catch((e: unknown) => {
  const el = document.getElementById("root");
  if (el) el.textContent = `S/MIME Assistant could not start: ${e instanceof Error ? e.message : String(e)}`;
});
