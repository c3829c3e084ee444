/**
 * The product name the page shows before the pane renders (taskpane.html's #boot-title, replaced by the
 * App's header), in Japanese when the browser's language is Japanese: Office's display language is known
 * only once Office.js is ready, after this runs. The same words as the catalogue's appTitle (a test checks).
 */
export const BOOT_TITLE_JA = "S/MIME アシスタント";

/** Fluent UI's fontFamilyBase, for what the boot script draws (a test checks it against the theme). */
export const FONT_FAMILY =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

export function localizeBootTitle(doc: Document | undefined, language: string | undefined): void {
  const title = doc?.getElementById("boot-title");
  if (title && /^ja\b/i.test(language ?? "")) title.textContent = BOOT_TITLE_JA;
}

/**
 * What the page says when the pane's main script cannot be loaded (boot.ts): the catalogue's paneLoadFailed,
 * copied so that the boot script does not carry the catalogue (a test checks they agree).
 */
export const PANE_LOAD_FAILED = {
  en: "The add-in could not be loaded. Close this pane and open it again.",
  ja: "アドインを読み込めませんでした。この作業ウィンドウを閉じて、もう一度開いてください。",
} as const;

/** Adds that line under whatever the page shows (the product name, a drawn verdict). Never throws. */
export function showPaneLoadFailed(doc: Document | undefined, lang: "ja" | "en"): void {
  try {
    const root = doc?.getElementById("root");
    if (!doc || !root || doc.getElementById("pane-load-failed")) return;
    const p = doc.createElement("p");
    p.id = "pane-load-failed";
    p.setAttribute("role", "alert");
    p.lang = lang;
    p.style.cssText = `margin:0;padding:0 12px 12px;font-size:14px;line-height:20px;font-family:${FONT_FAMILY}`;
    p.textContent = PANE_LOAD_FAILED[lang];
    root.append(p);
  } catch {
    // the page keeps what it shows
  }
}
