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
  stepsHeading,
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

/** Japanese outside 「」 (Outlook's and the FAQ's labels are quoted verbatim and exempt). */
const prose = (ja: string): string => ja.replace(/「[^」]*」/g, "「」");

describe("the catalogue's Japanese follows docs/style-ja.md", () => {
  it.each(Object.keys(CATALOGUE))("%s: the FAQ's terms", (key) => {
    const ja = prose(CATALOGUE[key as StringKey].ja);
    // メール not メッセージ, 差出人 not 送信者/送信相手, 電子署名 not デジタル署名, 署名者, 無効 not 壊れています
    expect(ja).not.toMatch(/メッセージ|送信者|送信相手|デジタル署名|署名した人|壊れています/);
    // 署名 alone only in compounds (署名者, 署名時刻, 署名の後, 署名後, 署名ファイル, 署名テスト)
    expect(ja.replace(/電子署名/g, "")).not.toMatch(/署名(?!者|時刻|の後|後|ファイル|テスト)/);
    // 証明書 alone only in compounds (ルート証明書, 中間CA証明書, 証明書ファイル, 証明書チェーン); the
    // disclosure label 「証明書の詳細」 is the one issue #15 names, kept as named (docs/style-ja.md)
    expect(ja.replace(/電子証明書|ルート証明書|中間CA証明書|^証明書の詳細$/g, "")).not.toMatch(
      /証明書(?!ファイル|チェーン)/,
    );
    // one counter style: number, half-width space, counter — never a bare （{n}）
    expect(ja).not.toMatch(/（\{n\}）/);
  });

  it("signer card, signing time and the other clients' steps use the sheet's words", () => {
    expect(translate("ja", "signer")).toBe("署名者の電子証明書");
    expect(translate("ja", "signingTime")).toBe("署名時刻");
    expect(translate("ja", "otherClients", { n: 3 })).toBe("ほかのメールソフトの手順（3 件）");
  });

  it("a steps heading: the FAQ page's label 「…の場合」 as it is, this project's labels with 「の手順」", () => {
    const faq = { ja: "Outlook 2003の場合", en: "Outlook 2003" };
    expect(stepsHeading(faq, "ja")).toBe("Outlook 2003の場合");
    expect(stepsHeading(faq, "en")).toBe("Steps for Outlook 2003");
    const own = { ja: "Outlook（Windows 版）", en: "Classic Outlook for Windows" };
    expect(stepsHeading(own, "ja")).toBe("Outlook（Windows 版）の手順");
    expect(stepsHeading({ ja: "Thunderbird", en: "Thunderbird" }, "ja")).toBe("Thunderbird の手順");
    expect(stepsHeading(own, "en")).toBe("Steps for Classic Outlook for Windows");
  });
});
