/** Server-side rendering of pane components for tests: Fluent and the pane's catalogue around them, and the text. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n/index";

export function render(el: React.ReactElement, lang: "ja" | "en" = "en"): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>{el}</I18nContext.Provider>
    </FluentProvider>,
  );
}

/** Text content (tags dropped, the entities React writes undone). */
export function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}
