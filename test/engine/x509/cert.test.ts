/**
 * Certificate summary, chain building and certificate findings on real certificates: the Thunderbird
 * corpus (NSS test CA, Alice, Dave) and the committed OpenSSL PKI of test/fixtures/generated/p12/pki.
 */
import * as fs from "fs";
import * as path from "path";
import {
  buildChain,
  certificateFindings,
  emailUsageProblem,
  isEmailCertificate,
  rsaKeyBits,
  summarizeCertificate,
  trustFinding,
} from "../../../src/engine/x509/index";
import { Asn1Error, parseCms } from "../../../src/engine/cms/index";
import { utf8 } from "../../../src/engine/util/bytes";
import { TB_DIR, REPO_ROOT, base64Body, pemFile, readBytes } from "../cms/helpers";

const P12_PKI = path.join(REPO_ROOT, "test", "fixtures", "generated", "p12", "pki");
const tb = fs.existsSync(TB_DIR);
const pki = fs.existsSync(P12_PKI);
if (!tb)
  console.warn(
    `\n*** Thunderbird S/MIME corpus not found at ${TB_DIR}: skipping its certificate tests ***\n`,
  );
if (!pki) console.warn(`\n*** ${P12_PKI} not found: skipping the OpenSSL PKI certificate tests ***\n`);

function certsOf(file: string): Uint8Array[] {
  const cms = parseCms(base64Body(readBytes(path.join(TB_DIR, file))));
  if (cms.type !== "signed") throw new Error("not signed");
  return cms.certificates;
}
const pem = (f: string): Uint8Array => pemFile(path.join(P12_PKI, f))[0] as Uint8Array;

(tb ? describe : describe.skip)("Thunderbird certificates", () => {
  const ca = (): Uint8Array => pemFile(path.join(TB_DIR, "TestCA.pem"))[0] as Uint8Array;
  const alice = (): Uint8Array => certsOf("alice.sig.SHA256.opaque.eml")[0] as Uint8Array;

  test("summary of Alice's certificate", () => {
    const s = summarizeCertificate(alice());
    expect(s).toMatchObject({
      subject: "CN=Alice, emailAddress=Alice@example.com, O=BOGUS NSS, L=Mountain View, ST=California, C=US",
      commonName: "Alice",
      emails: ["alice@example.com"],
      issuer: "CN=NSS Test CA (RSA), O=BOGUS NSS, L=Mountain View, ST=California, C=US",
      serialNumber: "1e",
      notBefore: "2026-01-26T14:38:35.000Z",
      notAfter: "2031-01-26T14:38:35.000Z",
      organization: "BOGUS NSS",
      keyType: "rsa",
      keySize: 2048,
      selfSigned: false,
      jcan: false,
    });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(isEmailCertificate(s)).toBe(true);
    expect(rsaKeyBits(s)).toBe(2048);
  });

  test("the test CA is self-signed", () => {
    const s = summarizeCertificate(ca());
    expect(s.selfSigned).toBe(true);
    expect(s.commonName).toBe("NSS Test CA (RSA)");
  });

  test("chain Alice → anchor is trusted; without anchors it is complete only up to where it can go", async () => {
    const r = await buildChain(alice(), [], [ca()]);
    expect(r.trusted).toBe(true);
    expect(r.complete).toBe(true);
    expect(r.chain.map((c) => c.commonName)).toEqual(["Alice", "NSS Test CA (RSA)"]);
    expect(trustFinding(r.chain[0]!, r)).toBeUndefined();

    const none = await buildChain(alice(), [], []);
    expect(none.trusted).toBe(false);
    expect(none.chain).toHaveLength(1);
    const f = trustFinding(none.chain[0]!, none);
    expect(f?.code).toBe("CERT_UNTRUSTED");
    expect(f?.detail["reason"]).toBe("no-anchors");
  });

  test("the CA from the pool (not an anchor) ends self-signed and untrusted", async () => {
    const r = await buildChain(alice(), [ca()], []);
    expect(r.trusted).toBe(false);
    expect(r.complete).toBe(true);
    expect(r.chain).toHaveLength(2);
  });

  test("a self-signed certificate that is itself an anchor is trusted", async () => {
    const r = await buildChain(ca(), [], [ca()]);
    expect(r.trusted).toBe(true);
  });

  test("an unrelated anchor does not make the chain trusted", async () => {
    if (!pki) return;
    const r = await buildChain(alice(), [], [pem("ca.pem")]);
    expect(r.trusted).toBe(false);
    expect(r.reason).toBe("unknown-issuer");
  });

  test("certificateFindings: expired / not yet valid, both ways", () => {
    const s = summarizeCertificate(alice());
    const inside = certificateFindings(s, { at: new Date("2027-01-01T00:00:00Z") });
    expect(inside.map((f) => f.code)).toEqual([]);
    const expired = certificateFindings(s, {
      at: new Date("2031-06-01T00:00:00Z"),
      signingTime: new Date("2026-02-01T00:00:00Z"),
    });
    expect(expired.map((f) => f.code)).toEqual(["CERT_EXPIRED"]);
    expect(expired[0]?.detail["validAtSigningTime"]).toBe(true);
    expect(expired[0]?.message.ja).toMatch(/有効期限が切れています。/);
    const signedLate = certificateFindings(s, {
      at: new Date("2031-06-01T00:00:00Z"),
      signingTime: new Date("2031-03-01T00:00:00Z"),
    });
    expect(signedLate[0]?.detail["validAtSigningTime"]).toBe(false);
    const early = certificateFindings(s, { at: new Date("2025-06-01T00:00:00Z") });
    expect(early.map((f) => f.code)).toEqual(["CERT_NOT_YET_VALID"]);
  });
});

(pki ? describe : describe.skip)("OpenSSL PKI certificates (p12 fixtures)", () => {
  test("user certificate: email usage, SAN e-mail, chain to the CA", async () => {
    const s = summarizeCertificate(pem("user.pem"));
    expect(s.emails.length).toBeGreaterThan(0);
    expect(s.emails.every((e) => e === e.toLowerCase())).toBe(true);
    expect(new Set(s.emails).size).toBe(s.emails.length);
    expect(isEmailCertificate(s)).toBe(true);
    const r = await buildChain(pem("user.pem"), [], [pem("ca.pem")]);
    expect(r.trusted).toBe(true);
    expect(r.chain).toHaveLength(2);
  });

  test("server certificate is not for e-mail (CERT_NOT_FOR_EMAIL), the user certificate is", () => {
    const server = summarizeCertificate(pem("server.pem"));
    expect(emailUsageProblem(server)).toBeDefined();
    const f = certificateFindings(server, { at: new Date(server.notBefore) });
    expect(f.map((x) => x.code)).toContain("CERT_NOT_FOR_EMAIL");
    const user = summarizeCertificate(pem("user.pem"));
    expect(certificateFindings(user, { at: new Date(user.notBefore) }).map((x) => x.code)).not.toContain(
      "CERT_NOT_FOR_EMAIL",
    );
  });

  test("weak RSA key → WEAK_KEY; 2048-bit → none", () => {
    const weak = summarizeCertificate(pem("weakkey.pem"));
    expect(rsaKeyBits(weak)).toBeLessThan(2048);
    const codes = certificateFindings(weak, { at: new Date(weak.notBefore) }).map((x) => x.code);
    expect(codes).toContain("WEAK_KEY");
    const user = summarizeCertificate(pem("user.pem"));
    expect(certificateFindings(user, { at: new Date(user.notBefore) }).map((x) => x.code)).not.toContain(
      "WEAK_KEY",
    );
  });

  test("certificate signed with SHA-1 → WEAK_DIGEST (source certificate)", () => {
    const s = summarizeCertificate(pem("weakdigest.pem"));
    const f = certificateFindings(s, { at: new Date(s.notBefore) }).find((x) => x.code === "WEAK_DIGEST");
    expect(f?.detail["source"]).toBe("certificate");
    const user = summarizeCertificate(pem("user.pem"));
    expect(certificateFindings(user, { at: new Date(user.notBefore) }).map((x) => x.code)).not.toContain(
      "WEAK_DIGEST",
    );
  });

  test("EC certificate: keyType ec, curve and size", () => {
    const s = summarizeCertificate(pem("ec.pem"));
    expect(s.keyType).toBe("ec");
    expect(s.curve).toMatch(/^P-(256|384|521)$/);
    expect(s.keySize).toBeGreaterThanOrEqual(256);
    expect(rsaKeyBits(s)).toBeUndefined();
  });
});

test("summarizeCertificate rejects non-certificates with a Asn1Error", () => {
  expect(() => summarizeCertificate(utf8("not a certificate"))).toThrow(Asn1Error);
});
