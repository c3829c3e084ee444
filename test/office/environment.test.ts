/**
 * src/office/environment.ts and port.ts: waiting for Office.js, whether the pane runs in a mail host, and
 * the one language rule (src/office/host.ts languageOf) the whole add-in uses.
 */
import {
  connectOffice,
  initialDark,
  initialLanguage,
  languageOf,
  officePort,
  officeReady,
} from "../../src/office/index";

const g = globalThis as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

describe("officeReady / connectOffice", () => {
  it("without Office.js: resolves at once, no port (the standalone page)", async () => {
    await expect(officeReady(10)).resolves.toBeUndefined();
    await expect(connectOffice(10)).resolves.toBeUndefined();
  });

  it("Office.onReady never answers: gives up after the timeout; a failing onReady is no crash", async () => {
    g.Office = { onReady: () => new Promise(() => undefined) };
    await expect(connectOffice(5)).resolves.toBeUndefined();
    g.Office = {
      onReady: () => {
        throw new Error("office.js broken");
      },
    };
    await expect(officeReady(5)).resolves.toBeUndefined();
  });

  it("inside a mail host: the port over Office.js", async () => {
    let ready = false;
    g.Office = {
      onReady: async () => {
        ready = true;
      },
      context: { mailbox: {}, displayLanguage: "ja-JP", officeTheme: { bodyBackgroundColor: "#1f1f1f" } },
    };
    await expect(connectOffice(1000)).resolves.toBe(officePort);
    expect(ready).toBe(true);
    expect(initialLanguage()).toBe("ja");
    expect(initialDark()).toBe(true);
  });
});

describe("languageOf: one rule for the pane and the FAQ's host", () => {
  it.each([
    ["ja", "ja"],
    ["ja-JP", "ja"],
    ["JA_jp", "ja"],
    [" ja-JP ", "ja"],
    ["jav", "en"],
    ["en-GB", "en"],
    ["", "en"],
    [undefined, "en"],
    [null, "en"],
  ])("%p → %s", (tag, lang) => {
    expect(languageOf(tag)).toBe(lang);
  });
});
