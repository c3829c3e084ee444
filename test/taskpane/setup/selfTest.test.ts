/**
 * selfTestVerdict on real messages (fixtures with the outer To rewritten to the sender): whether the user's
 * own signature arrived intact and what recipients will see — and that it stays silent for anything that
 * is not a message from the user to the user.
 */
import { isSelfMessage, selfTestVerdict } from "../../../src/taskpane/setup/selfTest";
import type { Diagnosis } from "../../../src/engine";
import { localDay } from "../../../src/faq/time";
import { diagnoseAs, rewriteTo } from "./selfTestHelpers";

const ALICE = "alice@example.jp";

async function self(file: string, user: string) {
  const { d, at } = await diagnoseAs(file, `Me Myself <${user}>`);
  return { d, v: selfTestVerdict(d, user, { at }) };
}

describe("the self-test applies only to a message from the user to the user", () => {
  test("a signed message from Alice to Bob: not a self-test", async () => {
    const { d, at } = await diagnoseAs("messages/sender-match.eml");
    expect(d.signature).toBe("valid");
    const v = selfTestVerdict(d, ALICE, { at });
    expect(v).toEqual({ applies: false, reason: "not-to-user", recipientsSee: [], faq: [] });
  });

  test("Bob reading Alice's message to Bob: not from the user", async () => {
    const { d, at } = await diagnoseAs("messages/sender-match.eml");
    expect(selfTestVerdict(d, "bob@example.jp", { at }).reason).toBe("not-from-user");
  });

  test("no user address known: does not apply", async () => {
    const { d } = await diagnoseAs("messages/sender-match.eml", `<${ALICE}>`);
    expect(selfTestVerdict(d, undefined).reason).toBe("no-user-address");
    expect(selfTestVerdict(d, "  ").applies).toBe(false);
  });

  test("the address is compared case-insensitively, the display name ignored", async () => {
    const { d } = await diagnoseAs("messages/sender-match.eml", `"Alice (me)" <Alice@Example.JP>`);
    expect(isSelfMessage(d, "ALICE@example.jp").applies).toBe(true);
  });

  test("To with the user among others still counts", async () => {
    const { d } = await diagnoseAs("messages/sender-match.eml", `Bob <bob@example.jp>, Me <${ALICE}>`);
    expect(isSelfMessage(d, ALICE).applies).toBe(true);
  });

  test("a partial diagnosis without headers uses Outlook's From/To", () => {
    const partial: Diagnosis = {
      kind: "signed",
      signature: "unverifiable",
      signers: [],
      recipients: [],
      findings: [],
      faq: [],
    };
    expect(isSelfMessage(partial, ALICE).applies).toBe(false);
    expect(
      isSelfMessage(partial, ALICE, { fromAddress: "Alice@example.jp", toAddresses: [ALICE] }).applies,
    ).toBe(true);
    expect(
      isSelfMessage(partial, ALICE, { fromAddress: ALICE, toAddresses: ["bob@example.jp"] }).reason,
    ).toBe("not-to-user");
    const v = selfTestVerdict(partial, ALICE, { fromAddress: ALICE, toAddresses: [ALICE] });
    expect(v.state).toBe("unverifiable");
  });

  test("rewriteTo really changes only the outer To", () => {
    const eml = new TextEncoder().encode(
      "From: a@x.jp\r\nTo: b@x.jp,\r\n c@x.jp\r\nSubject: s\r\n\r\nTo: body@x.jp\r\n",
    );
    expect(new TextDecoder().decode(rewriteTo(eml, "a@x.jp"))).toBe(
      "From: a@x.jp\r\nTo: a@x.jp\r\nSubject: s\r\n\r\nTo: body@x.jp\r\n",
    );
  });
});

describe("verdicts on real messages sent to oneself", () => {
  test("intact: a valid, trusted signature from the user's own address", async () => {
    const { d, v } = await self("messages/sender-match.eml", ALICE);
    expect(d.signature).toBe("valid");
    expect(v.applies).toBe(true);
    expect(v.state).toBe("intact");
    expect(v.headline?.en).toBe("Your own signature arrived intact.");
    expect(v.headline?.ja).toContain("改ざんされずに届いています");
    expect(v.recipientsSee).toHaveLength(1);
    expect(v.recipientsSee[0]?.en).toContain("signed by you");
    expect(v.signer?.emails).toContain(ALICE);
    expect(v.faq).toEqual([]);
  });

  test("broken: a footer appended on the way", async () => {
    const { d, v } = await self("messages/footer-appended.eml", ALICE);
    expect(d.findings.map((f) => f.code)).toContain("CONTENT_APPENDED");
    expect(v.state).toBe("broken");
    expect(v.recipientsSee[0]?.en).toMatch(/footer/);
    expect(v.recipientsSee[0]?.ja).toContain("改ざんされています");
    expect(v.faq).toEqual(["tampered-warning"]);
  });

  test("not signed: the signing switch was off", async () => {
    const { v } = await self("messages/plain-unsigned.eml", ALICE);
    expect(v.state).toBe("not-signed");
    expect(v.faq).toEqual(["signature-not-received"]);
    expect(v.signer).toBeUndefined();
  });

  test("restructured: the signature became an smime.p7s attachment", async () => {
    const { v } = await self("messages/orphan-signature.eml", ALICE);
    expect(v.state).toBe("restructured");
    expect(v.faq).toEqual(["smime-p7s-attachment"]);
  });

  test("expired certificate: intact, but recipients are warned", async () => {
    const { v } = await self("messages/expired.eml", "expired@example.jp");
    expect(v.state).toBe("intact-with-warnings");
    expect(v.recipientsSee.map((t) => t.en).join(" ")).toContain("expired");
    expect(v.faq).toContain("expired-certificate");
  });

  test("untrusted issuer (JCAN root not installed): recipients see a trust warning", async () => {
    const { v } = await self("messages/jcan-untrusted.eml", "taro.yamada@example.jp");
    expect(v.state).toBe("intact-with-warnings");
    expect(v.recipientsSee[0]?.ja).toContain("JCAN のルート証明書");
    expect(v.faq).toEqual(["root-certificate"]);
  });

  test("opaque signing: recipients without S/MIME see an empty body", async () => {
    const { v } = await self("messages/opaque-signed.eml", ALICE);
    expect(v.state).toBe("intact-with-warnings");
    expect(v.faq).toEqual(["empty-body"]);
  });

  test("SHA-1 signature: outdated algorithm warning", async () => {
    const { v } = await self("messages/signed-p256-sha1.eml", "p256@example.jp");
    expect(v.state).toBe("intact-with-warnings");
    expect(v.recipientsSee[0]?.en).toContain("SHA-1");
  });

  test("garbled charset: intact signature, but recipients may see mojibake", async () => {
    const { v } = await self("messages/charset-utf8-sjis.eml", ALICE);
    expect(v.state).toBe("intact-with-warnings");
    expect(v.faq).toContain("mojibake");
  });

  test("the certificate names another address than the one sent from", async () => {
    // Signed by alice's certificate, sent From mallory: as a self-test of mallory@evil.test.
    const { v } = await self("messages/sender-from-differs.eml", "mallory@evil.test");
    expect(v.state).toBe("intact-with-warnings");
    expect(v.recipientsSee[0]?.en).toContain("not the address the message was sent from");
  });

  test("encrypted to oneself: says the signature inside cannot be seen", async () => {
    const { d, at } = await diagnoseAs("messages/encrypted-aes256.eml");
    const from = /<([^>]+)>/.exec(d.headers?.from?.[0] ?? "")?.[1] ?? "";
    const { v } = await self("messages/encrypted-aes256.eml", from);
    expect(at).toBeInstanceOf(Date);
    expect(v.state).toBe("encrypted");
  });

  test("a certificate that expires soon is pointed out", async () => {
    const { d } = await diagnoseAs("messages/sender-match.eml", `<${ALICE}>`);
    const signer = d.signers[0];
    expect(signer).toBeDefined();
    const soon = new Date(Date.parse(signer!.notAfter) - 10 * 86_400_000);
    const v = selfTestVerdict(d, ALICE, { at: soon });
    expect(v.state).toBe("intact-with-warnings");
    expect(v.recipientsSee[0]?.en).toContain(`expires on ${localDay(signer!.notAfter, "en")} (in 10 days)`);
    expect(v.recipientsSee[0]?.ja).toContain(`有効期限は ${localDay(signer!.notAfter, "ja")}です`);
    expect(v.recipientsSee[0]?.ja).toMatch(/有効期限は \d{4}年\d{1,2}月\d{1,2}日です/);
    expect(v.recipientsSee[0]?.ja).toContain("あと 10 日");
    const later = selfTestVerdict(d, ALICE, { at: new Date(Date.parse(signer!.notAfter) - 60 * 86_400_000) });
    expect(later.state).toBe("intact");
  });
});
