/**
 * The rules on real engine output: diagnose() on generated fixture messages (test/fixtures/generated,
 * made by the OpenSSL generator), then the first guidance ids a support person would point to.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, fromPem } from "../../src/engine";
import { faqIdsFor, guidanceFor } from "../../src/faq/index";
import type { Host } from "../../src/faq/types";

const GENERATED = path.resolve(__dirname, "..", "fixtures", "generated");

const UNKNOWN: Host = { client: "unknown" };
const AT = new Date("2030-01-01T00:00:00Z");

async function diag(file: string, anchor = "pki/root.pem") {
  const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, file)));
  const trustAnchors = fromPem(fs.readFileSync(path.join(GENERATED, anchor), "latin1"));
  return diagnose(bytes, { trustAnchors, at: AT });
}

/** [fixture, trust anchor, the first ids expected (in order)] */
const CASES: [string, string, string[]][] = [
  ["messages/orphan-signature.eml", "pki/root.pem", ["smime-p7s-attachment", "smime-capable-software"]],
  ["messages/footer-appended.eml", "pki/root.pem", ["tampered-warning"]],
  ["messages/footer-appended-ja.eml", "pki/root.pem", ["tampered-warning"]],
  ["messages/tampered.eml", "pki/root.pem", ["tampered-warning"]],
  ["messages/charset-utf8-sjis.eml", "pki/root.pem", ["mojibake", "empty-body"]],
  ["messages/charset-iso2022jp-sjis.eml", "pki/root.pem", ["mojibake", "empty-body"]],
  ["messages/charset-undeclared-sjis.eml", "pki/root.pem", ["mojibake", "empty-body"]],
  ["messages/encrypted-aes256.eml", "pki/root.pem", ["empty-body", "keep-expired-revoked-keys"]],
  ["messages/valid-alice.eml", "pki/root.pem", ["register-sender-certificate", "outlook-encryption-error"]],
  [
    "messages/jcan-signed.eml",
    "pki/jcan-root.pem",
    [
      "register-sender-certificate",
      "outlook-encryption-error",
      "jcan-certificate",
      "root-certificate",
      "intermediate-ca-certificate",
      "common-name",
    ],
  ],
  ["messages/jcan-untrusted.eml", "pki/root.pem", ["root-certificate", "intermediate-ca-certificate"]],
  ["messages/expired-since-signing.eml", "pki/root.pem", ["expired-certificate"]],
  ["messages/signer-cert-missing.eml", "pki/root.pem", ["signature-not-received"]],
  ["pdf/signed-pdf.eml", "pdf/ca.pem", ["adobe-pdf-signature-error"]],
];

describe("FAQ guidance on fixture messages", () => {
  it.each(CASES)("%s → %j…", async (file, anchor, want) => {
    const d = await diag(file, anchor);
    const got = faqIdsFor(d, UNKNOWN);
    expect({ file, first: got.slice(0, want.length) }).toEqual({ file, first: want });
  });

  it("the other way round: a plain message and a clean signature get none of the problem entries", async () => {
    expect(faqIdsFor(await diag("messages/plain-unsigned.eml"), UNKNOWN)).toEqual([]);
    const clean = faqIdsFor(await diag("messages/valid-alice.eml"), UNKNOWN);
    for (const id of [
      "tampered-warning",
      "smime-p7s-attachment",
      "mojibake",
      "keep-expired-revoked-keys",
      "expired-certificate",
      "jcan-certificate",
    ]) {
      expect(clean).not.toContain(id);
    }
    // the correct ISO-2022-JP body is not mojibake
    expect(faqIdsFor(await diag("messages/charset-iso2022jp-ok.eml"), UNKNOWN)).not.toContain("mojibake");
    // an unsigned PDF is not an Adobe signature problem
    expect(faqIdsFor(await diag("pdf/unsigned-pdf.eml", "pdf/ca.pem"), UNKNOWN)).not.toContain(
      "adobe-pdf-signature-error",
    );
  });

  it("makes the guidance concrete with what the engine found", async () => {
    const appended = guidanceFor(await diag("messages/footer-appended-ja.eml"), UNKNOWN).items[0];
    expect(appended?.context?.en).toMatch(/a footer of \d+ lines? \(\d+ bytes\) was added/);
    expect(appended?.context?.ja).toContain("ウイルスチェック");

    const mojibake = guidanceFor(await diag("messages/charset-utf8-sjis.eml"), {
      client: "outlook-classic",
      version: "16.0.1",
    }).items[0];
    expect(mojibake?.encodingToPick).toBe("shift_jis");
    expect(mojibake?.encodingLabel?.ja).toBe("日本語(シフトJIS)");
    expect(mojibake?.steps[0]?.client).toBe("outlook-2010-2019-365");

    const onWeb = guidanceFor(await diag("messages/charset-utf8-sjis.eml"), { client: "outlook-web" })
      .items[0];
    expect(onWeb?.steps[0]?.client).toBe("webmail");
    expect(onWeb?.hostNote?.en).toMatch(/no menu to change the encoding/);

    const jcan = guidanceFor(await diag("messages/jcan-signed.eml", "pki/jcan-root.pem"), UNKNOWN);
    expect(jcan.items.find((i) => i.entry.id === "common-name")?.context?.ja).toContain("山田 太郎");
  });
});
