/**
 * The pane's one string catalogue (src/taskpane/i18n): every key in both languages with the same
 * placeholders, and the three ways of reading it (hook, translate, both) giving the same text.
 */
import { renderToStaticMarkup } from "react-dom/server";
import {
  both,
  CATALOGUE,
  I18nContext,
  makeI18n,
  translate,
  useI18n,
  type StringKey,
} from "../../src/taskpane/i18n/index";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("the pane's string catalogue", () => {
  const keys = Object.keys(CATALOGUE) as StringKey[];

  it("holds the read pane, the signing setup and the contacts panel", () => {
    // one key from each part (the parts' keys are disjoint: i18n/index.ts fails to compile otherwise)
    expect(keys).toEqual(expect.arrayContaining(["appTitle", "fileCheckTitle", "contactTitle"]));
  });

  it.each(Object.keys(CATALOGUE))("%s: both languages, the same placeholders", (key) => {
    const text = CATALOGUE[key as StringKey];
    expect(text.en.trim()).not.toBe("");
    expect(text.ja.trim()).not.toBe("");
    expect(placeholders(text.ja)).toEqual(placeholders(text.en));
  });

  it("the hook, translate and both read the same text", () => {
    function Probe(): JSX.Element {
      const { t } = useI18n();
      return <p>{t("fileTooLarge", { size: "5.2 MB" })}</p>;
    }
    for (const lang of ["ja", "en"] as const) {
      const html = renderToStaticMarkup(
        <I18nContext.Provider value={makeI18n(lang)}>
          <Probe />
        </I18nContext.Provider>,
      );
      expect(html).toBe(`<p>${translate(lang, "fileTooLarge", { size: "5.2 MB" })}</p>`);
      expect(both("fileTooLarge", { size: "5.2 MB" })[lang]).toBe(
        translate(lang, "fileTooLarge", { size: "5.2 MB" }),
      );
    }
    expect(translate("ja", "fileTooLarge", { size: "5.2 MB" })).toContain("5.2 MB");
  });
});
