/** The style sheet's spacing rule (docs/style-ja.md), as jaJoin applies it everywhere. */
import { jaJoin } from "../../../src/engine";

describe("jaJoin", () => {
  test.each([
    ["末尾に", "3 行", "末尾に 3 行"],
    ["OCSP", "で確認", "OCSP で確認"],
    ["CRL（失効リスト）", "で確認", "CRL（失効リスト）で確認"],
    ["発行元は", "Mozilla のルート証明書", "発行元は Mozilla のルート証明書"],
    ["発行元は", "組織のルート証明書", "発行元は組織のルート証明書"],
    ["パート 1", "の", "パート 1 の"],
    ["メール全体", "の", "メール全体の"],
    ["Outlook（Windows 版）", "の手順", "Outlook（Windows 版）の手順"],
    ["Thunderbird", "の手順", "Thunderbird の手順"],
    ["データー", "X", "データー X"],
    ["「Outlook」", "の", "「Outlook」の"],
    ["", "の", "の"],
    ["abc", "", "abc"],
  ])("%s + %s → %s", (a, b, want) => {
    expect(jaJoin(a, b)).toBe(want);
  });
});
