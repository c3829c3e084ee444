/**
 * The product name the page shows before the pane renders (taskpane.html's #boot-title, replaced by the
 * App's header), in Japanese when the browser's language is Japanese: Office's display language is known
 * only once Office.js is ready, after this runs. The same words as the catalogue's appTitle (a test checks).
 */
export const BOOT_TITLE_JA = "S/MIME アシスタント";

export function localizeBootTitle(doc: Document | undefined, language: string | undefined): void {
  const title = doc?.getElementById("boot-title");
  if (title && /^ja\b/i.test(language ?? "")) title.textContent = BOOT_TITLE_JA;
}
