/**
 * The pane's verdict sentence and i18n on real engine output: the bundled samples diagnosed by the engine,
 * as the standalone page does (with the TEST root), and without trust anchors, as inside Outlook.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine/index";
import type { Diagnosis } from "../../src/engine/types";
import { fromPem } from "../../src/engine/util/bytes";
import { formatSize, languageOf, translate } from "../../src/taskpane/i18n/index";
import { daysUntil, formatFingerprint, sortFindings, verdictOf } from "../../src/taskpane/verdict";

const SAMPLES = path.resolve(__dirname, "..", "..", "assets", "samples");
const anchors = fromPem(fs.readFileSync(path.join(SAMPLES, "test-root.pem"), "latin1"));

async function sample(file: string, withAnchor = true): Promise<Diagnosis> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
  return diagnose(bytes, { trustAnchors: withAnchor ? anchors : [], at: new Date("2030-01-01T00:00:00Z") });
}

describe("verdictOf on the samples", () => {
  it("signed and intact (trusted) → success, names the signer", async () => {
    const d = await sample("sample-signed.eml");
    const en = verdictOf(d, "en");
    expect(en).toMatchObject({ kind: "signed-ok", intent: "success", title: "Signed and intact" });
    // The sample's TEST root is an explicit anchor (bare DER): the sentence says who vouched.
    expect(en.sentence).toBe(
      "山田 太郎 signed this message and it has not been changed since. The signer's certificate was verified with a root certificate given explicitly.",
    );
    const ja = verdictOf(d, "ja");
    expect(ja.sentence).toBe(
      "山田 太郎 さんが署名したメッセージで、署名の後に変更されていません。署名者の電子証明書は、指定されたルート証明書で確認済みです。",
    );
  });

  it("names Mozilla's store or the organisation's roots when they vouched", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, "sample-signed.eml")));
    const at = new Date("2030-01-01T00:00:00Z");
    const moz = await diagnose(bytes, { trustAnchors: [{ der: anchors[0]!, origin: "mozilla" }], at });
    expect(verdictOf(moz, "en").sentence).toMatch(/verified with Mozilla's root store\.$/);
    expect(verdictOf(moz, "ja").sentence).toMatch(/Mozilla のルート証明書で確認済みです。$/);
    const org = await diagnose(bytes, { trustAnchors: [{ der: anchors[0]!, origin: "organisation" }], at });
    expect(verdictOf(org, "ja").sentence).toMatch(/組織のルート証明書で確認済みです。$/);
    // Untrusted: nobody vouched, no such words.
    const none = await diagnose(bytes, { at });
    expect(verdictOf(none, "en").sentence).not.toMatch(/verified with/);
  });

  it("signed but untrusted (no anchors, as inside Outlook) → warning quoting the finding", async () => {
    const d = await sample("sample-signed.eml", false);
    const v = verdictOf(d, "en");
    expect(v.kind).toBe("signed-warn");
    expect(v.intent).toBe("warning");
    const untrusted = d.findings.find((f) => f.code === "CERT_UNTRUSTED");
    expect(untrusted).toBeDefined();
    expect(v.sentence).toContain(untrusted?.message.en ?? "<missing>");
  });

  it("tampered → error that says what was added", async () => {
    const d = await sample("sample-tampered.eml");
    const v = verdictOf(d, "ja");
    expect(v).toMatchObject({ kind: "broken", intent: "error", title: "署名が壊れています" });
    expect(v.sentence).toMatch(/末尾に 3 行の文章が追加/);
    expect(verdictOf(d, "en").sentence).toMatch(/3 line\(s\) of text was added at the end/);
  });

  it("orphan smime.p7s, encrypted, mojibake", async () => {
    expect(verdictOf(await sample("sample-orphan.eml"), "en")).toMatchObject({
      kind: "orphan",
      intent: "warning",
    });
    expect(verdictOf(await sample("sample-encrypted.eml"), "en")).toMatchObject({
      kind: "encrypted",
      intent: "info",
      sentence: "This message is encrypted for 1 recipient(s); only they can read it with their private key.",
    });
    const moji = verdictOf(await sample("sample-mojibake.eml"), "ja");
    expect(moji.kind).toBe("signed-warn");
    expect(moji.sentence).toMatch(/Shift_JIS/);
  });

  it("not signed, and unreadable input", async () => {
    const plain = await diagnose(
      new TextEncoder().encode("From: a@example.jp\r\nSubject: x\r\n\r\nhello\r\n"),
    );
    expect(verdictOf(plain, "en")).toMatchObject({ kind: "none", intent: "info", title: "Not signed" });
    const junk = await diagnose(new Uint8Array([0, 1, 2, 255, 0x30, 0x82]));
    expect(["none", "malformed"]).toContain(verdictOf(junk, "en").kind);
  });
});

describe("helpers", () => {
  it("sorts findings errors first, keeping order", () => {
    const mk = (code: string, severity: "error" | "warning" | "info") =>
      ({
        code,
        severity,
        message: { en: code, ja: code },
        detail: {},
      }) as unknown as Diagnosis["findings"][number];
    const out = sortFindings([mk("A", "info"), mk("B", "error"), mk("C", "warning"), mk("D", "error")]);
    expect(out.map((f) => f.code)).toEqual(["B", "D", "C", "A"]);
  });

  it("languages, sizes, fingerprints, days", () => {
    expect(languageOf("ja-JP")).toBe("ja");
    expect(languageOf("ja")).toBe("ja");
    expect(languageOf("jav")).toBe("en");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf(undefined)).toBe("en");
    expect(formatSize(50_003_116)).toBe("50.0 MB");
    expect(formatFingerprint("b60e40fd")).toBe("B6:0E:40:FD");
    expect(daysUntil("2030-01-11T00:00:00Z", new Date("2030-01-01T00:00:00Z"))).toBe(10);
    expect(daysUntil("not a date")).toBeUndefined();
    expect(translate("en", "daysLeft", { n: 3 })).toBe("3 days left");
    expect(translate("ja", "validRange", { from: "a", to: "b" })).toBe("a ～ b");
  });
});
