/**
 * The rules (Diagnosis, Host) → Guidance, each tested both ways on Diagnosis objects built here, plus the
 * host → mail-client mapping ("the user's client first").
 */
import { type Diagnosis, finding, type Finding, type Signer } from "../../src/engine";
import { faqIdsFor, formatGuidanceTitles, guidanceFor } from "../../src/faq/index";
import { encodingMenuLabel, majorVersion, orderSteps, preferredClients } from "../../src/faq/hosts";
import { FAQ_ENTRIES } from "../../src/faq/entries";
import type { Host } from "../../src/faq/types";

const UNKNOWN: Host = { client: "unknown" };
const CLASSIC16: Host = { client: "outlook-classic", version: "16.0.17328.20000", platform: "PC" };
const WEB: Host = { client: "outlook-web", platform: "OfficeOnline" };
const NEW: Host = { client: "outlook-new" };

const msg = { en: "x", ja: "x" };

function signer(over: Partial<Signer> = {}): Signer {
  return {
    subject: "CN=Alice Example, O=Example, C=JP",
    commonName: "Alice Example",
    emails: ["alice@example.jp"],
    issuer: "CN=Example Intermediate CA, O=Example, C=JP",
    serialNumber: "01",
    notBefore: "2025-01-01T00:00:00.000Z",
    notAfter: "2045-01-01T00:00:00.000Z",
    sha256: "00",
    keyType: "rsa",
    selfSigned: false,
    jcan: false,
    digestAlgorithm: "sha-256",
    signatureAlgorithm: "rsassa-pkcs1-v1_5",
    chain: [],
    trusted: true,
    valid: true,
    layer: 0,
    certificate: "MIIB",
    ...over,
  };
}

function diag(over: Partial<Diagnosis> = {}, findings: Finding[] = []): Diagnosis {
  return { kind: "none", signature: "none", signers: [], recipients: [], findings, faq: [], ...over };
}

const validSigned = (over: Partial<Diagnosis> = {}, findings: Finding[] = []): Diagnosis =>
  diag({ kind: "signed", signature: "valid", signers: [signer()], ...over }, [
    finding("SIGNATURE_VALID", msg),
    ...findings,
  ]);

const ids = (d: Diagnosis, host: Host = UNKNOWN): string[] => faqIdsFor(d, host);

describe("rules: which entries, in which order", () => {
  it("an unsigned, unremarkable message gets no guidance", () => {
    expect(ids(diag())).toEqual([]);
  });

  it("ORPHAN_SIGNATURE → smime.p7s entry, then the S/MIME-capable software", () => {
    const d = diag({ kind: "orphan-signature", signature: "unverifiable" }, [
      finding("ORPHAN_SIGNATURE", {
        en: "The signature (smime.p7s) arrived as an attachment.",
        ja: "署名が添付として届いています。",
      }),
    ]);
    expect(ids(d).slice(0, 2)).toEqual(["smime-p7s-attachment", "smime-capable-software"]);
    expect(guidanceFor(d, UNKNOWN).items[0]?.context?.en).toContain("arrived as an attachment");
    // …and not without it
    expect(ids(validSigned())).not.toContain("smime-p7s-attachment");
  });

  it("an smime.p7s attachment alone also points to the smime.p7s entry", () => {
    const d = diag({
      attachments: [
        { part: "2", filename: "smime.p7s", contentType: "application/pkcs7-signature", size: 3000 },
      ],
    });
    expect(ids(d).slice(0, 2)).toEqual(["smime-p7s-attachment", "smime-capable-software"]);
    const other = diag({
      attachments: [{ part: "2", filename: "report.pdf", contentType: "application/pdf", size: 3000 }],
    });
    expect(ids(other)).toEqual([]);
  });

  it("on Outlook on the web the smime.p7s entry says what is different there", () => {
    const d = diag({ kind: "orphan-signature" }, [finding("ORPHAN_SIGNATURE", msg)]);
    expect(guidanceFor(d, WEB).items[0]?.hostNote?.en).toMatch(/only when S\/MIME is set up/);
    expect(guidanceFor(d, CLASSIC16).items[0]?.hostNote).toBeUndefined();
  });

  it("CONTENT_APPENDED → the tampered entry, made concrete with what was appended", () => {
    const d = diag({ kind: "signed", signature: "invalid", signers: [signer({ valid: false })] }, [
      finding("SIGNATURE_INVALID", {
        en: "The content was changed after signing.",
        ja: "署名後に内容が変更されています。",
      }),
      finding("CONTENT_APPENDED", msg, {
        addedBytes: 157,
        addedLines: 3,
        appendedPreview: "----\nThis mail was scanned by AntiVirus.\n",
        signatureVerified: true,
      }),
    ]);
    const g = guidanceFor(d, UNKNOWN);
    expect(g.items[0]?.entry.id).toBe("tampered-warning");
    expect(g.items[0]?.context?.en).toMatch(/a footer of 3 lines \(157 bytes\) was added/);
    expect(g.items[0]?.context?.en).toMatch(/antivirus software or a mail server/);
    expect(g.items[0]?.context?.en).toMatch(/mail administrator/);
    expect(g.items[0]?.context?.en).toContain("This mail was scanned by AntiVirus.");
    expect(g.items[0]?.context?.ja).toMatch(/3 行（157 バイト）のフッター/);
    expect(g.items[0]?.context?.ja).toContain("メール管理者に相談してください");
    // a tampered message's certificate is not offered for registration
    expect(ids(d)).not.toContain("register-sender-certificate");
  });

  it("SIGNATURE_INVALID alone → the tampered entry with the engine's reason", () => {
    const d = diag({ kind: "signed", signature: "invalid" }, [
      finding("SIGNATURE_INVALID", { en: "The digest does not match.", ja: "ダイジェストが一致しません。" }),
    ]);
    const g = guidanceFor(d, UNKNOWN);
    expect(g.items[0]?.entry.id).toBe("tampered-warning");
    expect(g.items[0]?.context?.en).toContain("The digest does not match.");
    expect(ids(validSigned())).not.toContain("tampered-warning");
  });

  it("CHARSET_MISMATCH → mojibake with the detected encoding to pick, the user's client first", () => {
    const d = validSigned({}, [
      finding("CHARSET_MISMATCH", msg, {
        part: "1",
        contentType: "text/plain",
        declared: "utf-8",
        detected: "shift_jis",
      }),
    ]);
    const g = guidanceFor(d, CLASSIC16);
    expect(g.items[0]?.entry.id).toBe("mojibake");
    expect(g.items[0]?.encodingToPick).toBe("shift_jis");
    expect(g.items[0]?.encodingLabel).toEqual({ ja: "日本語(シフトJIS)", en: "Japanese (Shift-JIS)" });
    expect(g.items[0]?.context?.ja).toContain("「日本語(シフトJIS)」を選んでください");
    expect(g.items[0]?.steps[0]?.client).toBe("outlook-2010-2019-365");
    // the charsets as the headline names them, not the detail's lower case
    expect(g.items[0]?.why.en).toMatch(/says it is UTF-8 but is written in Shift_JIS/);
    expect(g.items[0]?.why.ja).toBe(
      "本文は UTF-8 と宣言されていますが、実際には Shift_JIS で書かれているため、文字化けして表示されます。",
    );
    expect(g.items[0]?.context?.ja).toContain("Shift_JIS として読み直した本文");
    // the empty-body entry follows, with the same encoding steps
    expect(g.items[1]?.entry.id).toBe("empty-body");
    expect(g.items[1]?.steps.length).toBe(5);
    // no charset finding → no mojibake entry
    expect(ids(validSigned())).not.toContain("mojibake");
  });

  it("CHARSET_UNDECLARED → mojibake; on the web: webmail steps first and the honest note", () => {
    const d = diag({ kind: "none" }, [
      finding("CHARSET_UNDECLARED", msg, { part: "1", contentType: "text/plain", detected: "utf-8" }),
    ]);
    for (const host of [WEB, NEW]) {
      const g = guidanceFor(d, host);
      expect(g.items[0]?.entry.id).toBe("mojibake");
      expect(g.items[0]?.steps[0]?.client).toBe("webmail");
      expect(g.items[0]?.steps[1]?.client).toBe("outlook-2010-2019-365");
      expect(g.items[0]?.hostNote?.en).toMatch(/no menu to change the encoding/);
      expect(g.items[0]?.hostNote?.en).toMatch(/Unicode \(UTF-8\)/);
      expect(g.items[0]?.hostNote?.en).toMatch(/classic Outlook for Windows/);
      expect(g.items[0]?.hostNote?.ja).toContain("再送を依頼");
    }
    expect(guidanceFor(d, CLASSIC16).items[0]?.hostNote).toBeUndefined();
    // Thunderbird names the encodings differently
    expect(encodingMenuLabel("utf-8", "thunderbird").en).toBe("Unicode");
    expect(encodingMenuLabel("iso-2022-jp", "outlook-2010-2019-365").ja).toBe("日本語(JIS)");
  });

  it("ENCRYPTED → the empty-body entry (cannot open it), then keep expired/revoked keys", () => {
    const d = diag(
      { kind: "encrypted", recipients: [{ type: "ktri", issuer: "CN=Example CA", serialNumber: "0a1b" }] },
      [finding("ENCRYPTED", msg)],
    );
    const g = guidanceFor(d, UNKNOWN);
    expect(g.items.map((i) => i.entry.id)).toEqual(["empty-body", "keep-expired-revoked-keys"]);
    expect(g.items[1]?.context?.en).toContain("CN=Example CA, serial 0a1b");
    expect(g.items[0]?.why.en).toMatch(/could not decrypt/);
    expect(ids(validSigned())).not.toContain("keep-expired-revoked-keys");
    // an encrypted layer inside an opened signature: the keys entry, but the body is not empty
    const inner = validSigned({}, [finding("ENCRYPTED", msg)]);
    expect(ids(inner)[0]).toBe("keep-expired-revoked-keys");
    expect(ids(inner)).not.toContain("empty-body");
  });

  it("a signed message with a readable signer certificate → register the sender's certificate", () => {
    const g = guidanceFor(validSigned(), CLASSIC16);
    expect(g.items.map((i) => i.entry.id)).toEqual([
      "register-sender-certificate",
      "outlook-encryption-error",
    ]);
    expect(g.items[0]?.context?.en).toContain("Alice Example <alice@example.jp>");
    expect(g.items[0]?.steps[0]?.client).toBe("outlook");
    expect(g.items[0]?.hostNote).toBeUndefined();
    expect(guidanceFor(validSigned(), NEW).items[0]?.hostNote?.en).toMatch(/classic Outlook for Windows/);
    // without the certificate (or invalid, or expired) it is not offered
    const noCert = validSigned();
    delete noCert.signers[0]!.certificate;
    expect(ids(noCert)).not.toContain("register-sender-certificate");
    expect(ids(validSigned({ signature: "invalid" }))).not.toContain("register-sender-certificate");
    expect(ids(validSigned({ signature: "unverifiable" }))).not.toContain("register-sender-certificate");
    expect(ids(validSigned({}, [finding("SENDER_MISMATCH", msg)]))).not.toContain(
      "register-sender-certificate",
    );
  });

  it("CERT_EXPIRED → the expiry entry; for a JCAN certificate also how to get a new one", () => {
    const exp = finding(
      "CERT_EXPIRED",
      { en: "expired on 2027-12-31", ja: "期限切れ" },
      { validAtSigningTime: true },
    );
    expect(ids(validSigned({}, [exp]))[0]).toBe("expired-certificate");
    expect(ids(validSigned({}, [exp]))).not.toContain("register-sender-certificate");
    expect(ids(validSigned({}, [exp]))).not.toContain("get-jcan-certificate");
    expect(guidanceFor(validSigned({}, [exp]), UNKNOWN).items[0]?.context?.en).toBe("expired on 2027-12-31");
    const jcan = validSigned({ signers: [signer({ jcan: true, issuer: "CN=JCAN Public CA1 - G4" })] }, [exp]);
    expect(ids(jcan).slice(0, 2)).toEqual(["expired-certificate", "get-jcan-certificate"]);
    expect(ids(validSigned())).not.toContain("expired-certificate");
    // The default finding is a warning (expired when signed); valid when signed and expired since is info,
    // and the guidance says the signature stands.
    expect(guidanceFor(validSigned({}, [exp]), UNKNOWN).items[0]?.why.en).toMatch(/can no longer be used/);
    const since = { ...exp, severity: "info" as const };
    const g = guidanceFor(validSigned({}, [since]), UNKNOWN).items[0];
    expect(g?.entry.id).toBe("expired-certificate");
    expect(g?.why.en).toMatch(/expired since the message was signed\. The signature stays valid/);
    expect(g?.why.ja).toContain("署名はそのまま有効です");
  });

  it("SIGNED_PDF_ATTACHMENT → the Adobe entry", () => {
    const d = diag({}, [
      finding("SIGNED_PDF_ATTACHMENT", { en: "The attached PDF is signed.", ja: "PDF に署名があります。" }),
    ]);
    expect(ids(d)).toEqual(["adobe-pdf-signature-error"]);
    expect(ids(diag())).not.toContain("adobe-pdf-signature-error");
  });

  it("a JCAN signer → the JCAN / root / intermediate / common-name entries as background, last", () => {
    const j = validSigned({
      signers: [signer({ jcan: true, commonName: "山田 太郎", issuer: "CN=JCAN Test CA" })],
    });
    const got = ids(j);
    expect(got.slice(-4)).toEqual([
      "jcan-certificate",
      "root-certificate",
      "intermediate-ca-certificate",
      "common-name",
    ]);
    expect(got[0]).toBe("register-sender-certificate");
    const g = guidanceFor(j, UNKNOWN);
    expect(g.items.find((i) => i.entry.id === "common-name")?.context?.ja).toContain("「山田 太郎」");
    expect(ids(validSigned())).not.toContain("jcan-certificate");
    // also for a JCAN certificate in a certs-only bundle
    const bundle = diag({ kind: "certs-only", certificates: [signer({ jcan: true })] }, [
      finding("CERTS_ONLY", msg),
    ]);
    expect(ids(bundle)).toContain("jcan-certificate");
    expect(ids(bundle)[0]).toBe("register-sender-certificate");
  });

  it("CERT_UNTRUSTED → root / intermediate entries (intermediate first when the leaf's issuer is missing)", () => {
    const noIntermediate = finding("CERT_UNTRUSTED", msg, { reason: "unknown-issuer", chain: ["CN=Alice"] });
    expect(ids(validSigned({}, [noIntermediate])).slice(0, 2)).toEqual([
      "intermediate-ca-certificate",
      "root-certificate",
    ]);
    const noRoot = finding("CERT_UNTRUSTED", msg, {
      reason: "unknown-issuer",
      chain: ["CN=Alice", "CN=Example CA"],
    });
    expect(ids(validSigned({}, [noRoot])).slice(0, 2)).toEqual([
      "root-certificate",
      "intermediate-ca-certificate",
    ]);
    const selfSigned = finding("CERT_UNTRUSTED", msg, { reason: "self-signed" });
    expect(ids(validSigned({}, [selfSigned])).slice(0, 2)).toEqual([
      "root-certificate",
      "intermediate-ca-certificate",
    ]);
    // without any configured anchor there is nothing to point to
    expect(ids(validSigned({}, [finding("CERT_UNTRUSTED", msg, { reason: "no-anchors" })]))).not.toContain(
      "root-certificate",
    );
  });

  it("SIGNER_CERTIFICATE_MISSING → the entry for the sender whose certificate did not arrive", () => {
    const d = diag({ kind: "signed", signature: "unverifiable" }, [
      finding("SIGNER_CERTIFICATE_MISSING", msg),
    ]);
    expect(ids(d)[0]).toBe("signature-not-received");
    expect(ids(validSigned())).not.toContain("signature-not-received");
  });

  it("opaque-signed on a client without S/MIME → empty body and the capable software", () => {
    const d = validSigned({ kind: "opaque-signed" });
    expect(ids(d, WEB).slice(0, 2)).toEqual(["empty-body", "smime-capable-software"]);
    expect(ids(d, CLASSIC16)[0]).toBe("register-sender-certificate");
  });

  it("orders several problems: tampering first, then the smime.p7s entry, then mojibake", () => {
    const d = diag({ kind: "signed", signature: "invalid" }, [
      finding("CHARSET_MISMATCH", msg, { declared: "iso-2022-jp", detected: "shift_jis" }),
      finding("ORPHAN_SIGNATURE", msg),
      finding("SIGNATURE_INVALID", msg),
    ]);
    expect(ids(d).slice(0, 4)).toEqual([
      "tampered-warning",
      "smime-p7s-attachment",
      "smime-capable-software",
      "mojibake",
    ]);
  });

  it("never lists an entry twice and never throws on odd input", () => {
    const j = validSigned({ signers: [signer({ jcan: true })] }, [
      finding("CERT_UNTRUSTED", msg, { reason: "self-signed" }),
    ]);
    const got = ids(j);
    expect(new Set(got).size).toBe(got.length);
    const odd = {
      kind: "signed",
      findings: [{ code: "CONTENT_APPENDED", detail: { addedLines: "x" } }],
    } as unknown as Diagnosis;
    expect(() => guidanceFor(odd, UNKNOWN)).not.toThrow();
    expect(guidanceFor({} as Diagnosis, UNKNOWN)).toEqual({ items: [] });
  });

  it("formats the titles for the human diagnose output", () => {
    const g = guidanceFor(validSigned(), UNKNOWN);
    expect(formatGuidanceTitles(g, "en")[0]).toBe(
      "How do I register a correspondent’s digital certificate? (Outlook) [register-sender-certificate]",
    );
    expect(formatGuidanceTitles(g, "ja")[0]).toBe(
      "電子メールの送信相手の電子証明書を登録する方法を教えてください (Outlook) [register-sender-certificate]",
    );
  });
});

describe("hosts: the user's own client first", () => {
  const mojibake = FAQ_ENTRIES.find((e) => e.id === "mojibake")!.steps;
  const notReceived = FAQ_ENTRIES.find((e) => e.id === "signature-not-received")!.steps;
  const first = (steps: typeof mojibake, host: Host): string | undefined =>
    orderSteps(steps, host)[0]?.client;

  it("maps classic Outlook versions to the page's clients", () => {
    expect(majorVersion({ client: "outlook-classic", version: "16.0.1" })).toBe(16);
    expect(majorVersion({ client: "outlook-classic" })).toBeUndefined();
    const v = (version: string): Host => ({ client: "outlook-classic", version });
    expect(first(notReceived, v("16.0.17328.20000"))).toBe("outlook-2013-2016");
    expect(first(notReceived, v("15.0.5023.1000"))).toBe("outlook-2013-2016");
    expect(first(notReceived, v("14.0.7015.1000"))).toBe("outlook-2010");
    expect(first(notReceived, v("12.0.6700.5000"))).toBe("outlook-2007");
    expect(first(notReceived, v("11.0.8169.0"))).toBe("outlook-2003");
    expect(first(mojibake, v("16.0.1"))).toBe("outlook-2010-2019-365");
    expect(first(mojibake, v("14.0.1"))).toBe("outlook-2010-2019-365");
    expect(first(mojibake, v("12.0.1"))).toBe("outlook-2010-and-earlier");
    expect(first(mojibake, v("11.0.1"))).toBe("outlook-2010-and-earlier");
    expect(first(mojibake, { client: "outlook-classic" })).toBe("outlook-2010-2019-365");
  });

  it("web, new Outlook and mobile get webmail first; unknown and Mac keep the page's order", () => {
    for (const client of ["outlook-web", "outlook-new", "outlook-mobile"] as const) {
      expect(first(mojibake, { client })).toBe("webmail");
      expect(preferredClients({ client })[0]).toBe("webmail");
    }
    for (const client of ["unknown", "outlook-mac"] as const) {
      expect(orderSteps(mojibake, { client }).map((s) => s.client)).toEqual(mojibake.map((s) => s.client));
    }
    // every step set is kept, only reordered
    expect(orderSteps(mojibake, WEB)).toHaveLength(mojibake.length);
  });
});
