/**
 * What the pane needs to know about where it runs, apart from the message: whether Office.js is ready,
 * the display language and the theme. Inside Outlook these come from Office.context (displayLanguage,
 * officeTheme); in a plain browser from navigator.language and prefers-color-scheme.
 */
import { languageOf, type Lang } from "./host";
import { officeGlobal, safe } from "./officeGlobal";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

interface EnvironmentOffice {
  onReady?: () => Promise<unknown>;
  context?: {
    displayLanguage?: string;
    officeTheme?: OfficeThemeLike;
    mailbox?: {
      addHandlerAsync?: (
        type: unknown,
        handler: (ev: { officeTheme?: OfficeThemeLike }) => void,
        cb?: () => void,
      ) => void;
    };
  };
  EventType?: { OfficeThemeChanged?: unknown };
}

function office(): EnvironmentOffice | undefined {
  return officeGlobal() as EnvironmentOffice | undefined;
}

/** How long to wait for Office.onReady before treating the page as standalone. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Resolves when Office.js is ready, at once when it is not loaded (standalone page), or after timeoutMs
 * when Office.onReady never answers (the page opened in a browser that loaded office.js). Never rejects.
 */
export async function officeReady(timeoutMs: number = OFFICE_READY_TIMEOUT_MS): Promise<void> {
  const onReady = safe(() => office()?.onReady);
  if (typeof onReady !== "function") return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.resolve()
        .then(() => onReady.call(office()))
        .catch(() => undefined),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** True when Office.js is loaded and the pane runs inside a mail host (Office.context.mailbox exists). */
export function inMailHost(): boolean {
  return !!safe(() => office()?.context?.mailbox);
}

/** The language to start in: Office's display language inside Outlook, the browser's otherwise. */
export function initialLanguage(): Lang {
  const dl = safe(() => office()?.context?.displayLanguage);
  if (typeof dl === "string" && dl.trim()) return languageOf(dl);
  return languageOf(
    safe(() => (typeof navigator !== "undefined" ? navigator.language : undefined)) ?? undefined,
  );
}

/** Relative luminance of "#rrggbb" (0 black … 1 white), undefined if not a colour. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m || !m[1]) return undefined;
  const n = parseInt(m[1], 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
}

function darkFromOfficeTheme(theme: OfficeThemeLike | undefined): boolean | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l === undefined ? undefined : l < 0.3;
}

/** Whether to use the dark theme now. */
export function initialDark(): boolean {
  const fromOffice = safe(() => darkFromOfficeTheme(office()?.context?.officeTheme));
  if (fromOffice !== undefined) return fromOffice;
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Calls cb when the theme changes (Office's OfficeThemeChanged, Mailbox 1.14; or the OS colour scheme). */
export function onThemeChange(cb: (dark: boolean) => void): () => void {
  let stopped = false;
  const o = office();
  if (inMailHost() && o?.EventType?.OfficeThemeChanged && o.context?.mailbox?.addHandlerAsync) {
    try {
      o.context.mailbox.addHandlerAsync(o.EventType.OfficeThemeChanged, (ev) => {
        const dark = darkFromOfficeTheme(ev.officeTheme ?? o.context?.officeTheme);
        if (!stopped && dark !== undefined) cb(dark);
      });
    } catch {
      // not supported by this host: the theme stays as it was at start
    }
    return () => {
      stopped = true;
    };
  }
  if (typeof matchMedia !== "function") return () => undefined;
  const mq = matchMedia("(prefers-color-scheme: dark)");
  const listener = (e: MediaQueryListEvent): void => cb(e.matches);
  mq.addEventListener("change", listener);
  return () => mq.removeEventListener("change", listener);
}
