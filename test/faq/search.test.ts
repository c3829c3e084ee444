/** Search over both languages: Japanese substrings, English words, technical names, ranking. */
import { searchFaq } from "../../src/faq/index";
import { FAQ_ENTRIES } from "../../src/faq/entries";

const ids = (q: string): string[] => searchFaq(q).map((e) => e.id);

describe("searchFaq", () => {
  it("finds the mojibake entry by Japanese and English words", () => {
    expect(ids("文字化け")[0]).toBe("mojibake");
    expect(ids("garbled")[0]).toBe("mojibake");
    expect(ids("GARBLED")[0]).toBe("mojibake");
    expect(ids("mojibake")[0]).toBe("mojibake");
    expect(ids("文字化け")).not.toContain("pkcs12");
  });

  it("finds smime.p7s first by its file name, in either width", () => {
    expect(ids("smime.p7s")[0]).toBe("smime-p7s-attachment");
    expect(ids("ｓｍｉｍｅ．ｐ７ｓ")[0]).toBe("smime-p7s-attachment");
  });

  it("finds entries by words of the answers and the structured data", () => {
    expect(ids("改ざん")[0]).toBe("tampered-warning");
    expect(ids("tampered")[0]).toBe("tampered-warning");
    expect(ids("秘密鍵 削除")[0]).toBe("keep-expired-revoked-keys");
    expect(ids("Thunderbird テキストエンコーディング")).toEqual(["mojibake"]);
    expect(ids("jcan@bpo-j.jp")).toEqual(["get-jcan-certificate"]);
    expect(ids("松本商工会議所")).toEqual(["get-jcan-certificate"]);
    expect(ids("Becky")).toContain("smime-capable-software");
    expect(ids("fdf")[0]).toBe("adobe-pdf-signature-error");
    expect(ids("コモンネーム")[0]).toBe("common-name");
    expect(ids("common name")[0]).toBe("common-name");
    expect(ids("PKCS#12")[0]).toBe("pkcs12");
  });

  it("ranks a match in the question above a match in the body", () => {
    const r = ids("有効期限");
    expect(r.slice(0, 2).sort()).toEqual(["expired-certificate", "keep-expired-revoked-keys"]);
  });

  it("requires every word, returns all entries for an empty query, nothing for nonsense", () => {
    expect(ids("文字化け Adobe")).toEqual([]);
    expect(ids("zzqqxx")).toEqual([]);
    expect(ids("")).toHaveLength(FAQ_ENTRIES.length);
    expect(ids("   ")).toHaveLength(FAQ_ENTRIES.length);
    expect(ids("tampered-warning")[0]).toBe("tampered-warning");
  });

  it("stays fast on long queries", () => {
    const t = Date.now();
    searchFaq("a".repeat(100_000) + " " + "文字化け ".repeat(1000));
    expect(Date.now() - t).toBeLessThan(500);
  });
});
