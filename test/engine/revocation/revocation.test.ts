/**
 * CRL and OCSP in the engine, offline (issue #14), on the OpenSSL-made artifacts of
 * test/fixtures/gen-revocation.sh: the OCSP request the engine builds is byte for byte OpenSSL's, an
 * OCSP answer and CRLs are judged at the pinned evaluation time, and damaged answers never crash and are
 * never read as "good" or "revoked".
 */
import fs from "node:fs";
import path from "node:path";
import { checkCrl, parseCrl } from "../../../src/engine/revocation/crl";
import { checkOcsp, ocspRequest } from "../../../src/engine/revocation/ocsp";
import { MIN_REVOCATION_REQUEST_MS, revocationFindings } from "../../../src/engine/revocation/index";
import { parseCertificate, summarizeCertificate } from "../../../src/engine/x509/index";
import type { Signer } from "../../../src/engine/types";
import { fromPem, toHex } from "../../../src/engine/util/bytes";

const DIR = path.resolve(__dirname, "../../fixtures/generated/revocation");
const AT = new Date("2030-01-01T00:00:00Z");
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(DIR, f)));
const pem = (f: string): Uint8Array => fromPem(fs.readFileSync(path.join(DIR, f), "latin1"))[0] as Uint8Array;
const ca = parseCertificate(pem("pki/ca.pem"));
const good = parseCertificate(pem("pki/good.pem"));
const before = parseCertificate(pem("pki/revoked-before.pem"));
const kc = parseCertificate(pem("pki/revoked-after-keycompromise.pem"));

describe("certificate extensions", () => {
  it("reads the CRL distribution point and the OCSP responder", () => {
    expect(good.crlUrls).toEqual(["http://127.0.0.1:18081/ca.crl"]);
    expect(good.ocspUrls).toEqual(["http://127.0.0.1:18082/"]);
    expect(parseCertificate(pem("pki/nourl.pem")).crlUrls).toBeUndefined();
  });
});

describe("OCSP", () => {
  it("builds the same DER request as `openssl ocsp -no_nonce`", () => {
    expect(toHex(ocspRequest(good, ca))).toBe(toHex(read("ocsp/good.req")));
  });

  it("accepts the delegated responder's answer for the certificate it is about", async () => {
    const a = await checkOcsp(read("ocsp/good.der"), good, ca, AT);
    expect(a).toMatchObject({ status: "good", responder: expect.stringMatching(/OCSP Responder/) });
  });

  it("refuses the same answer for another certificate", async () => {
    expect(await checkOcsp(read("ocsp/good.der"), kc, ca, AT)).toMatchObject({
      status: "unusable",
      code: "other-certificate",
    });
  });

  it("refuses it when out of date, and when it predates nothing (made after the evaluation time)", async () => {
    expect(await checkOcsp(read("ocsp/good.der"), good, ca, new Date("2099-01-01"))).toMatchObject({
      code: "stale",
    });
    expect(await checkOcsp(read("ocsp/good.der"), good, ca, new Date("2000-01-01"))).toMatchObject({
      code: "not-yet-valid",
    });
  });

  it("refuses an answer whose responder the issuer did not certify (an issuer with another key)", async () => {
    // The CA's name with another key: neither the answer nor the responder's certificate verifies with it.
    const otherIssuer = { ...ca, spki: good.spki };
    expect(await checkOcsp(read("ocsp/good.der"), good, otherIssuer, AT)).toMatchObject({
      status: "unusable",
      code: "bad-signature",
    });
  });

  it("never crashes on damaged answers, never reads them as good or revoked", async () => {
    const der = read("ocsp/good.der");
    for (const cut of [0, 1, 5, 40, 200, der.length - 1]) {
      const a = await checkOcsp(der.subarray(0, cut), good, ca, AT);
      expect(a.status).toBe("unusable");
    }
    const flipped = der.slice();
    flipped[der.length - 10] = (flipped[der.length - 10] as number) ^ 0xff;
    expect((await checkOcsp(flipped, good, ca, AT)).status).toBe("unusable");
  });
});

describe("CRL", () => {
  it("lists the revoked serials with dates and reasons", () => {
    const crl = parseCrl(read("crl/ca.crl"));
    expect([...crl.revoked.values()].map((e) => e.reason).sort()).toEqual([
      "cessationOfOperation",
      "keyCompromise",
      "superseded",
    ]);
    expect(crl.revoked.get(before.serialNumber)?.revocationDate).toBeInstanceOf(Date);
  });

  it("judges good and revoked, and refuses expired and foreign CRLs", async () => {
    expect((await checkCrl(read("crl/ca.crl"), good, ca, AT)).status).toBe("good");
    expect(await checkCrl(read("crl/ca.crl"), before, ca, AT)).toMatchObject({
      status: "revoked",
      entry: { reason: "cessationOfOperation" },
    });
    expect(await checkCrl(read("crl/expired.crl"), before, ca, AT)).toMatchObject({ code: "stale" });
    expect(await checkCrl(read("crl/other-ca.crl"), before, ca, AT)).toMatchObject({ code: "bad-signature" });
  });

  it("never crashes on a damaged CRL, never reads it as good or revoked", async () => {
    const der = read("crl/ca.crl");
    for (const cut of [0, 1, 3, 50, der.length - 1]) {
      expect((await checkCrl(der.subarray(0, cut), before, ca, AT)).status).toBe("unusable");
    }
    const flipped = der.slice();
    flipped[60] = (flipped[60] as number) ^ 0x01;
    expect((await checkCrl(flipped, good, ca, AT)).status).toBe("unusable");
  });
});

describe("judgement", () => {
  const signer = (der: Uint8Array, signingTime?: string): Signer => ({
    ...summarizeCertificate(der),
    digestAlgorithm: "sha-256",
    signatureAlgorithm: "rsassa-pkcs1-v1_5",
    chain: [],
    trusted: true,
    valid: true,
    layer: 0,
    ...(signingTime ? { signingTime } : {}),
  });

  it("a signature without signing time and a revoked certificate: revoked (it cannot be shown to predate it)", async () => {
    const [f] = await revocationFindings(
      signer(before.der),
      [before.der, ca.der],
      { crls: [read("crl/ca.crl")] },
      AT,
      {},
    );
    expect(f?.code).toBe("CERT_REVOKED");
    expect(f?.message.en).toMatch(/no signing time/);
  });

  it("a fetcher that throws or returns nothing: REVOCATION_UNKNOWN with the reasons", async () => {
    const [f] = await revocationFindings(
      signer(good.der, "2026-01-01T00:00:00Z"),
      [good.der, ca.der],
      {
        fetch: (r) => (r.kind === "ocsp" ? Promise.reject(new Error("boom")) : Promise.resolve(undefined)),
      },
      AT,
      {},
    );
    expect(f?.code).toBe("REVOCATION_UNKNOWN");
    expect(f?.detail["reasons"]).toEqual([
      "http://127.0.0.1:18082/: boom",
      "http://127.0.0.1:18081/ca.crl: no answer",
    ]);
  });

  it("a fetcher that never answers: bounded per request and in all", async () => {
    const [f] = await revocationFindings(
      signer(good.der, "2026-01-01T00:00:00Z"),
      [good.der, ca.der],
      { fetch: () => new Promise<undefined>(() => undefined), timeoutMs: 60_000, totalTimeoutMs: 500 },
      AT,
      {},
    );
    expect(f?.code).toBe("REVOCATION_UNKNOWN");
    const reasons = f?.detail["reasons"] as string[];
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/^http:\/\/127\.0\.0\.1:18082\/: time-out \(no answer within \d+ ms\)$/);
    expect(reasons[1]).toBe(
      "http://127.0.0.1:18081/ca.crl: not asked (the time for revocation checks was spent)",
    );
  });

  it("less time left than a request needs: not asked at all, and the fetcher never called", async () => {
    let calls = 0;
    const [f] = await revocationFindings(
      signer(good.der, "2026-01-01T00:00:00Z"),
      [good.der, ca.der],
      {
        fetch: () => {
          calls++;
          return new Promise<undefined>(() => undefined);
        },
        totalTimeoutMs: MIN_REVOCATION_REQUEST_MS - 1,
      },
      AT,
      {},
    );
    expect(calls).toBe(0);
    expect(f?.detail["reasons"]).toEqual([
      "http://127.0.0.1:18082/: not asked (the time for revocation checks was spent)",
      "http://127.0.0.1:18081/ca.crl: not asked (the time for revocation checks was spent)",
    ]);
  });

  it("the issuer missing: REVOCATION_UNKNOWN, nothing fetched", async () => {
    let asked = 0;
    const [f] = await revocationFindings(
      signer(good.der),
      [good.der],
      { fetch: () => (asked++, Promise.resolve(undefined)) },
      AT,
      {},
    );
    expect(f?.detail["reason"]).toBe("issuer-missing");
    expect(asked).toBe(0);
  });
});
