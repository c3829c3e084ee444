/**
 * The verdict's own Japanese (headline and what-to-do line) follows docs/style-ja.md on every generated
 * fixture, for a mail program we do not know and for classic Outlook: the FAQ's terms, full-width
 * punctuation, one counter style. The pane's catalogue has the same checks (test/taskpane/i18n.test.tsx);
 * the verdict's strings are built from the diagnosis, so they are checked on real diagnoses.
 */
import { verdictOf } from "../../src/faq/verdict/index";
import type { Host } from "../../src/faq/types";
import { diagnoseFixture } from "../fixtures/diagnoseFixture";
import { messageEntries } from "../fixtures/messageIndexes";

const HOSTS: Host[] = [{ client: "unknown" }, { client: "outlook-classic" }];
// quoted labels (Outlook's own, the FAQ's) and addresses are not prose
const prose = (ja: string): string => ja.replace(/「[^」]*」/g, "「」").replace(/[\w.+-]+@[\w.-]+/g, "ADDR");

describe("verdict Japanese on every fixture follows the style sheet", () => {
  const files = messageEntries().map((e) => e.file);
  it("there are fixtures to check", () => {
    expect(files.length).toBeGreaterThan(100);
  });
  it.each(files)("%s", async (file) => {
    const d = await diagnoseFixture(file);
    for (const host of HOSTS) {
      const v = verdictOf(d, host);
      for (const text of [v.headline.ja, v.action.ja]) {
        const ja = prose(text);
        expect([
          file,
          ja,
          // 壊れています is for damaged data; a signature is 無効
          ja.match(/メッセージ|送信者|送信相手|デジタル署名|署名した人|署名[がは]壊れています/)?.[0],
        ]).toEqual([file, ja, undefined]);
        // the noun 署名 alone only in compounds (the verb 署名する and 「署名どおり」 are fine); 証明書 likewise
        const noun = /署名(?!者|時刻|の後|後|データ|する|した|され|して|どおり)/;
        expect([ja, ja.replace(/電子署名/g, "").match(noun)?.[0]]).toEqual([ja, undefined]);
        expect([ja, ja.replace(/電子証明書|ルート証明書|中間CA証明書/g, "").match(/証明書/)?.[0]]).toEqual([
          ja,
          undefined,
        ]);
        // full-width punctuation: no half-width colon or bracket after Japanese; no count of 0 (「（0 枚）」)
        expect([ja, ja.match(/[\u3040-\u30ff\u4e00-\u9fff][:(]/)?.[0]]).toEqual([ja, undefined]);
        expect([ja, ja.match(/[（ ]0 (?:枚|件|人|行)/)?.[0]]).toEqual([ja, undefined]);
      }
      expect(v.headline.ja.endsWith("。")).toBe(false);
      expect(v.action.ja.endsWith("。")).toBe(true);
    }
  });
});
