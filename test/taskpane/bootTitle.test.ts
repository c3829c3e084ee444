/**
 * bootTitle.ts: the name the page shows before the pane renders is the catalogue's appTitle, in Japanese
 * for a Japanese browser; taskpane.html holds the element it fills.
 */
import fs from "node:fs";
import path from "node:path";
import { BOOT_TITLE_JA, PANE_LOAD_FAILED, localizeBootTitle } from "../../src/taskpane/bootTitle";
import { translate } from "../../src/taskpane/i18n/index";

const HTML = fs.readFileSync(path.resolve(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");

function fakeDoc(text: string) {
  const el = { textContent: text };
  return {
    el,
    doc: { getElementById: (id: string) => (id === "boot-title" ? el : null) } as unknown as Document,
  };
}

describe("the title before the pane renders", () => {
  it("is the catalogue's appTitle in both languages", () => {
    expect(BOOT_TITLE_JA).toBe(translate("ja", "appTitle"));
    const en = /id="boot-title"[^>]*>\s*([^<]+?)\s*</.exec(HTML)?.[1];
    expect(en).toBe(translate("en", "appTitle"));
  });

  it("the line said when the pane cannot be loaded is the catalogue's paneLoadFailed", () => {
    expect(PANE_LOAD_FAILED).toEqual({
      en: translate("en", "paneLoadFailed"),
      ja: translate("ja", "paneLoadFailed"),
    });
  });

  it("is Japanese for a Japanese browser, and left as it is otherwise", () => {
    const ja = fakeDoc("S/MIME Assistant");
    localizeBootTitle(ja.doc, "ja-JP");
    expect(ja.el.textContent).toBe(BOOT_TITLE_JA);
    const en = fakeDoc("S/MIME Assistant");
    localizeBootTitle(en.doc, "en-US");
    expect(en.el.textContent).toBe("S/MIME Assistant");
    localizeBootTitle(undefined, "ja");
  });
});
