/**
 * CMS verification against the Thunderbird/NSS S/MIME corpus (real messages made by NSS: BER with
 * indefinite lengths and chunked eContent). Skips loudly when the corpus is absent.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCms, verifySigned, type SignedCms, type SignedResult } from "../../../src/engine/cms/index";
import { concat, latin1, utf8 } from "../../../src/engine/util/bytes";
import { TB_DIR, base64Body, pemFile, readBytes, splitMultipartSigned } from "./helpers";

const present = fs.existsSync(TB_DIR);
if (!present)
  console.warn(`\n*** Thunderbird S/MIME corpus not found at ${TB_DIR}: skipping its CMS tests ***\n`);
const d = present ? describe : describe.skip;

const AT = new Date("2026-06-01T00:00:00Z");
const HASHES = ["SHA1", "SHA256", "SHA384", "SHA512"] as const;

function codes(r: SignedResult): string[] {
  return r.findings.map((f) => f.code);
}

function signedOf(bytes: Uint8Array): SignedCms {
  const cms = parseCms(bytes);
  if (cms.type !== "signed") throw new Error(`expected signed-data, got ${cms.type}`);
  return cms;
}

function anchors(): Uint8Array[] {
  return pemFile(path.join(TB_DIR, "TestCA.pem"));
}

function opaque(name: string): SignedCms {
  return signedOf(base64Body(readBytes(path.join(TB_DIR, name))));
}

function detached(name: string): { cms: SignedCms; content: Uint8Array } {
  const { content, signature } = splitMultipartSigned(readBytes(path.join(TB_DIR, name)));
  return { cms: signedOf(signature), content };
}

d("Thunderbird corpus: opaque signatures", () => {
  for (const h of HASHES) {
    test(`alice.sig.${h}.opaque.eml verifies and yields its content`, async () => {
      const cms = opaque(`alice.sig.${h}.opaque.eml`);
      expect(cms.eContent).toBeDefined();
      const r = await verifySigned(cms, { trustAnchors: anchors(), at: AT, layer: 0 });
      expect(r.verdict).toBe("valid");
      expect(latin1(r.content as Uint8Array)).toContain("This is a test message from Alice to Bob.");
      expect(codes(r)).toContain("SIGNATURE_VALID");
      expect(codes(r)).not.toContain("SIGNATURE_INVALID");
      expect(codes(r)).not.toContain("CERT_UNTRUSTED");
      expect(codes(r)).not.toContain("CERT_EXPIRED");
      expect(codes(r)).not.toContain("MULTIPLE_SIGNERS");
      expect(r.signers).toHaveLength(1);
      const s = r.signers[0]!;
      expect(s.commonName).toBe("Alice");
      expect(s.emails).toEqual(["alice@example.com"]);
      expect(s.subject).toBe(
        "CN=Alice, emailAddress=Alice@example.com, O=BOGUS NSS, L=Mountain View, ST=California, C=US",
      );
      expect(s.issuer).toBe("CN=NSS Test CA (RSA), O=BOGUS NSS, L=Mountain View, ST=California, C=US");
      expect(s.digestAlgorithm).toBe(`sha-${h.slice(3)}`);
      expect(s.signatureAlgorithm).toBe("rsassa-pkcs1-v1_5");
      expect(s.keyType).toBe("rsa");
      expect(s.keySize).toBe(2048);
      expect(s.valid).toBe(true);
      expect(s.trusted).toBe(true);
      expect(s.chain).toHaveLength(2);
      expect(s.chain[1]).toContain("NSS Test CA");
      expect(s.signingTime).toMatch(/^2026-01-26T14:4\d:\d\d\.000Z$/);
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(s.certificate).toMatch(/^MII/);
      expect(s.layer).toBe(0);
      if (h === "SHA1") {
        const weak = r.findings.find((f) => f.code === "WEAK_DIGEST");
        expect(weak?.detail["digestAlgorithm"]).toBe("sha-1");
      } else {
        expect(codes(r)).not.toContain("WEAK_DIGEST");
      }
    });
  }

  test("the NSS eContent is a BER constructed OCTET STRING (chunks concatenated)", () => {
    const raw = base64Body(readBytes(path.join(TB_DIR, "alice.sig.SHA256.opaque.eml")));
    // ContentInfo with indefinite length, as NSS writes it.
    expect([raw[0], raw[1]]).toEqual([0x30, 0x80]);
    const cms = signedOf(raw);
    expect(latin1(cms.eContent as Uint8Array)).toMatch(/^Content-Type: text\/plain\r\n\r\nThis is a test/);
  });

  test("layer is reported as given", async () => {
    const r = await verifySigned(opaque("alice.sig.SHA256.opaque.eml"), {
      trustAnchors: anchors(),
      at: AT,
      layer: 2,
    });
    expect(r.signers[0]?.layer).toBe(2);
  });
});

d("Thunderbird corpus: detached signatures", () => {
  for (const h of HASHES) {
    test(`alice.dsig.${h}.multipart.eml verifies over the first part`, async () => {
      const { cms, content } = detached(`alice.dsig.${h}.multipart.eml`);
      expect(cms.eContent).toBeUndefined();
      const r = await verifySigned(cms, {
        detachedContent: content,
        trustAnchors: anchors(),
        at: AT,
        layer: 0,
      });
      expect(r.verdict).toBe("valid");
      expect(r.content).toBeUndefined();
      expect(codes(r)).toContain("SIGNATURE_VALID");
      expect(codes(r)).not.toContain("CONTENT_APPENDED");
      expect(r.signers[0]?.valid).toBe(true);
    });

    test(`alice.dsig.${h}.multipart.bad.eml (altered text) is invalid, not an appended footer`, async () => {
      const { cms, content } = detached(`alice.dsig.${h}.multipart.bad.eml`);
      const r = await verifySigned(cms, {
        detachedContent: content,
        trustAnchors: anchors(),
        at: AT,
        layer: 0,
      });
      expect(r.verdict).toBe("invalid");
      const inv = r.findings.find((f) => f.code === "SIGNATURE_INVALID");
      expect(inv?.detail["reason"]).toBe("message-digest-mismatch");
      expect(inv?.message.ja).toMatch(/改ざんされています。/);
      expect(codes(r)).not.toContain("SIGNATURE_VALID");
      expect(codes(r)).not.toContain("CONTENT_APPENDED");
      expect(r.signers[0]?.valid).toBe(false);
    });

    test(`alice.dsig.${h}.multipart.mismatch-econtent.eml: embedded content is an attack`, async () => {
      const { cms, content } = detached(`alice.dsig.${h}.multipart.mismatch-econtent.eml`);
      expect(cms.eContent?.length).toBeGreaterThan(0);
      const r = await verifySigned(cms, {
        detachedContent: content,
        trustAnchors: anchors(),
        at: AT,
        layer: 0,
      });
      expect(r.verdict).toBe("invalid");
      const inv = r.findings.find((f) => f.code === "SIGNATURE_INVALID");
      expect(inv?.detail["reason"]).toBe("embedded-content");
      expect(inv?.detail["sameAsShown"]).toBe(false);
      expect(codes(r)).not.toContain("SIGNATURE_VALID");
      expect(r.signers.every((s) => !s.valid)).toBe(true);
      expect(r.content).toBeUndefined();
    });
  }

  test("a footer appended after signing is found: CONTENT_APPENDED with the added size and text", async () => {
    const { cms, content } = detached("alice.dsig.SHA256.multipart.eml");
    const footer = "-- \r\nこのメールはウイルスチェック済みです。\r\nScanned by MailGuard.\r\n";
    const tampered = concat([content, utf8(footer)]);
    const r = await verifySigned(cms, {
      detachedContent: tampered,
      trustAnchors: anchors(),
      at: AT,
      layer: 0,
    });
    expect(r.verdict).toBe("invalid");
    expect(r.findings.find((f) => f.code === "SIGNATURE_INVALID")?.detail["reason"]).toBe(
      "message-digest-mismatch",
    );
    const app = r.findings.find((f) => f.code === "CONTENT_APPENDED");
    expect(app).toBeDefined();
    expect(app?.detail["signedBytes"]).toBe(content.length);
    expect(app?.detail["addedBytes"]).toBe(utf8(footer).length);
    expect(app?.detail["addedLines"]).toBe(3);
    expect(app?.detail["appendedPreview"]).toBe(
      "-- \nこのメールはウイルスチェック済みです。\nScanned by MailGuard.\n",
    );
    expect(app?.detail["signatureVerified"]).toBe(true);
    expect(app?.message.en).toMatch(/added at the end/);
    expect(app?.message.ja).toMatch(/追加されています。/);
  });
});

d("Thunderbird corpus: trust, validity, missing certificate, no signers", () => {
  test("without trust anchors the signature still verifies but the chain is untrusted", async () => {
    const r = await verifySigned(opaque("alice.sig.SHA256.opaque.eml"), {
      trustAnchors: [],
      at: AT,
      layer: 0,
    });
    expect(r.verdict).toBe("valid");
    const u = r.findings.find((f) => f.code === "CERT_UNTRUSTED");
    expect(u?.detail["reason"]).toBe("no-anchors");
    expect(r.signers[0]?.trusted).toBe(false);
  });

  test("a foreign anchor does not make the chain trusted", async () => {
    // Alice's own certificate as the only anchor for Dave's signature: names differ, nothing chains.
    const alice = opaque("alice.sig.SHA256.opaque.eml").certificates[0] as Uint8Array;
    const dave = opaque("alice.plain.sig.SHA256.opaque.dave.sig.SHA256.opaque.eml");
    const r = await verifySigned(dave, { trustAnchors: [alice], at: AT, layer: 0 });
    expect(r.signers[0]?.commonName).toBe("Dave");
    expect(r.signers[0]?.trusted).toBe(false);
    expect(r.findings.find((f) => f.code === "CERT_UNTRUSTED")?.detail["reason"]).toBe("unknown-issuer");
  });

  test("CERT_EXPIRED after notAfter, saying it was valid when signed", async () => {
    const r = await verifySigned(opaque("alice.sig.SHA256.opaque.eml"), {
      trustAnchors: anchors(),
      at: new Date("2032-01-01T00:00:00Z"),
      layer: 0,
    });
    const e = r.findings.find((f) => f.code === "CERT_EXPIRED");
    expect(e?.detail["validAtSigningTime"]).toBe(true);
    expect(e?.message.en).toMatch(/still valid when the message was signed/);
    expect(codes(r)).not.toContain("CERT_NOT_YET_VALID");
    expect(r.verdict).toBe("valid");
  });

  test("CERT_NOT_YET_VALID before notBefore", async () => {
    const r = await verifySigned(opaque("alice.sig.SHA256.opaque.eml"), {
      trustAnchors: anchors(),
      at: new Date("2025-01-01T00:00:00Z"),
      layer: 0,
    });
    expect(codes(r)).toContain("CERT_NOT_YET_VALID");
    expect(codes(r)).not.toContain("CERT_EXPIRED");
  });

  test("signer certificate missing: unverifiable, SIGNER_CERTIFICATE_MISSING names issuer and serial", async () => {
    const cms = { ...opaque("alice.sig.SHA256.opaque.eml"), certificates: [] };
    const r = await verifySigned(cms, { trustAnchors: anchors(), at: AT, layer: 0 });
    expect(r.verdict).toBe("unverifiable");
    const m = r.findings.find((f) => f.code === "SIGNER_CERTIFICATE_MISSING");
    expect(m?.detail["serialNumber"]).toBe("1e");
    expect(m?.detail["issuer"]).toContain("NSS Test CA");
    expect(codes(r)).not.toContain("SIGNATURE_VALID");
    expect(codes(r)).not.toContain("SIGNATURE_INVALID");
    expect(r.signers[0]?.valid).toBe(false);
    expect(r.signers[0]?.certificate).toBeUndefined();
    expect(r.signers[0]?.serialNumber).toBe("1e");
  });

  test("missing certificate but altered content: still invalid (the digest check fails without a key)", async () => {
    const { cms, content } = detached("alice.dsig.SHA256.multipart.bad.eml");
    const r = await verifySigned(
      { ...cms, certificates: [] },
      { detachedContent: content, trustAnchors: [], at: AT, layer: 0 },
    );
    expect(r.verdict).toBe("invalid");
    expect(codes(r)).toContain("SIGNER_CERTIFICATE_MISSING");
  });

  test("zero SignerInfos: SIGNATURE_INVALID (no-signers)", async () => {
    const cms = { ...opaque("alice.sig.SHA256.opaque.eml"), signerInfos: [], signerCount: 0 };
    const r = await verifySigned(cms, { trustAnchors: anchors(), at: AT, layer: 0 });
    expect(r.verdict).toBe("invalid");
    expect(r.findings.find((f) => f.code === "SIGNATURE_INVALID")?.detail["reason"]).toBe("no-signers");
  });

  test("a corrupted signature value is invalid (signature-mismatch), never a throw", async () => {
    const cms = opaque("alice.sig.SHA256.opaque.eml");
    const si = cms.signerInfos[0]!;
    const sig = si.signature.slice();
    sig[10] = (sig[10] as number) ^ 0xff;
    const r = await verifySigned(
      { ...cms, signerInfos: [{ ...si, signature: sig }] },
      { trustAnchors: anchors(), at: AT, layer: 0 },
    );
    expect(r.verdict).toBe("invalid");
    expect(r.findings.find((f) => f.code === "SIGNATURE_INVALID")?.detail["reason"]).toBe(
      "signature-mismatch",
    );
  });
});

d("Thunderbird corpus: enveloped data", () => {
  test("alice.env.eml lists its ktri recipient and the content-encryption algorithm", () => {
    const cms = parseCms(base64Body(readBytes(path.join(TB_DIR, "alice.env.eml"))));
    expect(cms.type).toBe("enveloped");
    if (cms.type !== "enveloped") return;
    expect(cms.contentEncryptionAlgorithm).toBe("aes-128-cbc");
    expect(cms.recipients).toEqual([
      {
        type: "ktri",
        issuer: "CN=NSS Test CA (RSA), O=BOGUS NSS, L=Mountain View, ST=California, C=US",
        serialNumber: "28",
        keyEncryptionAlgorithm: "rsaes-pkcs1-v1_5",
      },
    ]);
  });
});
