/**
 * Server-side render of pane components (jest runs in node): message text and finding detail reach the
 * markup only as escaped text.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { finding } from "../../src/engine";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { Findings } from "../../src/taskpane/components/Findings";
import { TextsPanel } from "../../src/taskpane/components/TextsPanel";
import { VerdictBanner } from "../../src/taskpane/components/VerdictBanner";
import { I18nContext, makeI18n, translate } from "../../src/taskpane/i18n/index";

const wrap = (el: JSX.Element, lang: "ja" | "en" = "en"): string =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>{el}</I18nContext.Provider>
    </FluentProvider>,
  );

describe("pane components render text, never markup", () => {
  it("TextsPanel escapes HTML of the message", () => {
    const html = wrap(
      <TextsPanel
        open
        texts={[
          {
            part: "1",
            contentType: "text/html",
            detectedCharset: "utf-8",
            declaredCharset: "utf-8",
            text: '<img src=x onerror="alert(1)"><b>hi</b>',
          },
        ]}
      />,
    );
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;b&gt;hi&lt;/b&gt;");
    expect(html).toContain('data-charset="utf-8"');
  });

  // Found with Thunderbird's corpus in the pane: 「パート （text/plain）を windows-1252 として表示しています
  // — 文字コードの宣言なし」 (the top-level part's path is "", the charset in lower case, an English dash)
  it.each([
    [
      "ja",
      "",
      undefined,
      "メール全体（text/plain）の本文を Windows-1252 として表示しています（文字コードの宣言なし）",
    ],
    ["ja", "2", "utf-8", "パート 2（text/plain）の本文を Windows-1252 として表示しています（宣言は UTF-8）"],
    [
      "en",
      "",
      undefined,
      "Text of the message itself (text/plain), shown as Windows-1252 — no charset declared",
    ],
    ["en", "1.2", "utf-8", "Text of part 1.2 (text/plain), shown as Windows-1252 — declared as UTF-8"],
  ] as const)("TextsPanel (%s) names part %j and its charsets in words", (lang, part, declared, line) => {
    const html = wrap(
      <TextsPanel
        open
        texts={[
          {
            part,
            contentType: "text/plain",
            detectedCharset: "windows-1252",
            ...(declared ? { declaredCharset: declared } : {}),
            text: "Aquí tenemos texto en español",
          },
        ]}
      />,
      lang,
    );
    const meta = /<div[^>]*data-testid="decoded-text"[^>]*><p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(meta.replace(/<!-- -->/g, "")).toBe(line);
  });

  it("Findings show the localized message; VerdictBanner carries kind and intent", () => {
    const f = finding(
      "CHARSET_MISMATCH",
      { en: "Declared <utf-8>", ja: "宣言は <utf-8>" },
      { declared: "utf-8" },
    );
    // collapsed behind 「確認した内容」: the count and the codes are there, the messages open on demand
    const ja = wrap(<Findings findings={[f]} />, "ja");
    expect(ja).toContain("確認した内容（1 件）");
    expect(ja).toContain('data-codes="CHARSET_MISMATCH"');
    const banner = wrap(
      <VerdictBanner
        verdict={{
          kind: "broken",
          code: "SIGNATURE_INVALID",
          level: "danger",
          intent: "error",
          title: "T",
          sentence: "S <x>",
          verdict: {
            kind: "broken",
            code: "SIGNATURE_INVALID",
            level: "danger",
            headline: { en: "T", ja: "T" },
            action: { en: "S <x>", ja: "S <x>" },
          },
        }}
      />,
    );
    expect(banner).toContain('data-verdict="broken"');
    expect(banner).toContain("<h2");
    expect(banner).toContain("S &lt;x&gt;");
  });
});

describe("ErrorBoundary: a rendering failure shows a readable message, never a blank pane", () => {
  it("renders its children while nothing failed", () => {
    const b = new ErrorBoundary({ lang: "en", children: <p>child-content-marker</p> });
    expect(wrap(b.render() as JSX.Element)).toContain("child-content-marker");
  });
  it("after an error: the title, the reason and a reload button, in the pane's language", () => {
    for (const lang of ["ja", "en"] as const) {
      const b = new ErrorBoundary({ lang, children: <p>child-content-marker</p> });
      b.state = ErrorBoundary.getDerivedStateFromError(new TypeError("x is undefined"));
      const html = wrap(b.render() as JSX.Element, lang);
      expect(html).toContain('data-testid="error-boundary"');
      expect(html).toContain("x is undefined");
      expect(html).toContain(translate(lang, "errorTitle"));
      expect(html).toContain(translate(lang, "reload"));
      expect(html).not.toContain("child-content-marker");
    }
    // something that is not an Error still gets a message
    expect(ErrorBoundary.getDerivedStateFromError("boom").error?.message).toBe("boom");
  });
});
