import { parseMessage } from "../../../src/engine/mime/index";
import { checkSender } from "../../../src/engine/mail/sender";
import { encodeBase64, utf8 } from "../../../src/engine/util/bytes";

const root = (headers: string[], lf = false) =>
  parseMessage(utf8([...headers, "Subject: s", "", "body"].join(lf ? "\n" : "\r\n"))).root;

const ALICE = ["alice@example.jp"];

describe("checkSender: no finding when From is exactly the signer's address", () => {
  test.each([
    [["From: alice@example.jp"]],
    [["From: Alice <Alice@Example.JP>"]],
    [['From: "alice@example.jp" <alice@example.jp>']], // the display name repeats the real address
    [["From: Alice <alice@example.jp>", "Sender: alice@example.jp"]],
    [[`From: =?UTF-8?B?${encodeBase64(utf8("有栖"))}?= <alice@example.jp>`]],
  ])("%j", (headers) => {
    expect(checkSender(root(headers), ALICE)).toBeUndefined();
    expect(checkSender(root(headers, true), ["ALICE@example.jp", "other@example.jp"])).toBeUndefined();
  });
});

describe("checkSender: every SENDER_MISMATCH reason", () => {
  test("From missing", () => {
    const f = checkSender(root(["To: bob@example.jp"]), ALICE);
    expect(f?.code).toBe("SENDER_MISMATCH");
    expect(f?.severity).toBe("warning");
    expect(f?.detail).toMatchObject({ reason: "from-missing", from: "", signerEmails: ALICE });
    expect(f?.message.ja).toContain("差出人（From）ヘッダーがない");
  });

  test("From empty / no address", () => {
    for (const h of ["From:", "From: Alice", "From: undisclosed:;"]) {
      const f = checkSender(root([h]), ALICE);
      expect(f?.detail["reason"]).toBe("from-empty");
    }
    expect(checkSender(root(["From: Alice"]), ALICE)?.message.en).toContain('"Alice" holds no email address');
  });

  test("several From headers", () => {
    const f = checkSender(root(["From: alice@example.jp", "From: mallory@evil.test"]), ALICE);
    expect(f?.detail).toMatchObject({
      reason: "from-multiple-headers",
      fromAddresses: ["alice@example.jp", "mallory@evil.test"],
    });
    expect(f?.message.ja).toBe(
      "差出人（From）ヘッダーが 2 個あります（alice@example.jp, mallory@evil.test）。メールソフトによっては、署名者（alice@example.jp）とは別の差出人が表示されるおそれがあります。",
    );
  });

  test("several mailboxes in one From", () => {
    const f = checkSender(root(["From: alice@example.jp, Mallory <mallory@evil.test>"]), ALICE);
    expect(f?.detail["reason"]).toBe("from-multiple-mailboxes");
    expect(f?.message.en).toContain("alice@example.jp, mallory@evil.test");
  });

  test("an address hidden in the display name (phishing style)", () => {
    const f = checkSender(root(['From: "boss@company.jp" <mallory@evil.test>']), ["mallory@evil.test"]);
    expect(f?.detail).toMatchObject({
      reason: "address-in-display-name",
      from: "mallory@evil.test",
      displayNameAddress: "boss@company.jp",
    });
    expect(f?.message.ja).toContain(
      "表示名にアドレス boss@company.jp が書かれていますが、実際の差出人のアドレスは mallory@evil.test です。",
    );
    // full-width and encoded-word variants
    const fw = checkSender(root(['From: "ｂｏｓｓ＠ｃｏｍｐａｎｙ．ｊｐ" <mallory@evil.test>']), [
      "mallory@evil.test",
    ]);
    expect(fw?.detail["displayNameAddress"]).toBe("boss@company.jp");
    const ew = checkSender(
      root([`From: =?UTF-8?B?${encodeBase64(utf8("社長 boss@company.jp"))}?= <mallory@evil.test>`]),
      ["mallory@evil.test"],
    );
    expect(ew?.detail["reason"]).toBe("address-in-display-name");
  });

  test("a Sender naming another address", () => {
    const f = checkSender(root(["From: Alice <alice@example.jp>", "Sender: list@lists.example.org"]), ALICE);
    expect(f?.detail).toMatchObject({
      reason: "sender-differs",
      from: "alice@example.jp",
      sender: "list@lists.example.org",
    });
    expect(f?.message.ja).toBe(
      "Sender ヘッダーのアドレス list@lists.example.org が、差出人のアドレス alice@example.jp と異なります。別のメールボックスが差出人に代わって送信したメールです。",
    );
  });

  test("From not among the certificate's addresses", () => {
    const f = checkSender(root(["From: Mallory <mallory@evil.test>"]), ALICE);
    expect(f?.detail).toMatchObject({
      reason: "not-in-certificate",
      from: "mallory@evil.test",
      signerEmails: ALICE,
    });
    expect(f?.message.ja).toBe(
      "差出人のアドレス mallory@evil.test は、署名者の電子証明書のアドレス（alice@example.jp）と一致しません。",
    );
    expect(f?.message.en).toBe(
      "The From address mallory@evil.test does not match the address of the signer certificate (alice@example.jp).",
    );
    const none = checkSender(root(["From: alice@example.jp"]), []);
    expect(none?.detail["reason"]).toBe("not-in-certificate");
    expect(none?.message.ja).toContain("証明書にはメールアドレスが記載されていない");
  });

  test("several reasons at once are all listed", () => {
    const f = checkSender(
      root(['From: "boss@company.jp" <mallory@evil.test>', "Sender: x@evil.test"]),
      ALICE,
    );
    expect(f?.detail["reason"]).toBe("address-in-display-name");
    expect(f?.detail["reasons"]).toEqual(["address-in-display-name", "not-in-certificate", "sender-differs"]);
  });
});
