/**
 * CA constraints in chain building (security review): a certificate that issues another one in a path must
 * be allowed to (basicConstraints cA, keyCertSign, pathLenConstraint), else the chain is untrusted and the
 * contacts gate refuses the signer. Fixtures: test/fixtures/gen-ca-constraints.sh (OpenSSL-made; OpenSSL's
 * own verify refuses each bad chain there). Also: a link that cannot be checked is "not checked" only when
 * the path leads to an anchor.
 */
import * as path from "path";
import {
  buildChain,
  parseCertificate,
  summarizeCertificate,
  trustFinding,
} from "../../../src/engine/x509/index";
import { MOZILLA_EMAIL_ROOTS } from "../../../src/engine/x509/mozillaRoots";
import { diagnose } from "../../../src/engine/index";
import type { Diagnosis } from "../../../src/engine/types";
import { decodeBase64String } from "../../../src/engine/util/bytes";
import { approvedSigners, contactCertificateGate } from "../../../src/office/contacts/gate";
import { GEN_DIR, TB_DIR, pemFile, readBytes } from "../cms/helpers";

const DIR = path.join(GEN_DIR, "constraints");
const AT = new Date("2030-01-01T00:00:00Z");
const ROOT = pemFile(path.join(GEN_DIR, "pki", "root.pem"))[0] as Uint8Array;
const pem = (f: string): Uint8Array => pemFile(path.join(DIR, "pki", f))[0] as Uint8Array;
const run = (f: string): Promise<Diagnosis> =>
  diagnose(readBytes(path.join(DIR, f)), { at: AT, trustAnchors: [ROOT] });
const untrusted = (d: Diagnosis): Record<string, unknown> | undefined =>
  d.findings.find((f) => f.code === "CERT_UNTRUSTED")?.detail;

describe("an issuer that may not issue certificates", () => {
  test("an end-entity certificate (CA:FALSE) that issued a 'CEO' certificate: untrusted, not-a-ca", async () => {
    const d = await run("ee-issued.eml");
    expect(d.signature).toBe("valid"); // the message itself is intact…
    expect(d.signers[0]?.trusted).toBe(false); // …but the certificate is made up
    const f = d.findings.find((x) => x.code === "CERT_UNTRUSTED");
    expect(f?.detail).toMatchObject({
      reason: "not-a-ca",
      why: "basic-constraints-ca-false",
      certificate: expect.stringContaining("Mallory Attacker"),
      complete: true,
    });
    expect(f?.message.en).toContain("not allowed to issue certificates");
    expect(f?.message.ja).toContain("発行することを認められていません");
    expect(d.findings.some((x) => x.code === "UNSUPPORTED_ALGORITHM")).toBe(false);
  });

  test("the contacts gate refuses the forged certificate (and accepts the control)", async () => {
    const d = await run("ee-issued.eml");
    const s = d.signers[0];
    if (!s) throw new Error("no signer");
    expect(s.emails).toEqual(["ceo@example.jp"]);
    const g = contactCertificateGate(d, s);
    expect(g.allowed).toBe(false);
    if (!g.allowed) expect(g.reasons).toEqual(["untrusted"]);
    expect(approvedSigners(d)).toEqual([]);
    const good = await run("good.eml");
    expect(approvedSigners(good).map((a) => a.address)).toEqual(["gina@example.jp"]);
  });

  test.each([
    ["no-bc.eml", "not-a-ca", { why: "no-basic-constraints" }],
    ["ku-no-certsign.eml", "not-a-ca", { why: "key-usage" }],
    ["path-length.eml", "path-length", { pathLenConstraint: "0", intermediatesBelow: "1" }],
  ])("%s: untrusted, %s", async (file, reason, extra) => {
    const d = await run(file);
    expect(d.signers[0]?.trusted).toBe(false);
    expect(untrusted(d)).toMatchObject({ reason, ...extra });
  });

  test("control: a proper intermediate with pathlen:0 directly above the leaf is trusted", async () => {
    const d = await run("good.eml");
    expect(d.signers[0]?.trusted).toBe(true);
    expect(untrusted(d)).toBeUndefined();
  });

  test("the same chains through buildChain: every issuer is checked, the anchor trusted as given", async () => {
    const inter = pemFile(path.join(GEN_DIR, "pki", "intermediate.pem"))[0] as Uint8Array;
    const bad = await buildChain(pem("pathlen-leaf.pem"), [pem("subca.pem"), inter], [ROOT], { time: AT });
    expect(bad).toMatchObject({ trusted: false, reason: "path-length", complete: true });
    expect(bad.chain.map((c) => c.commonName)).toEqual([
      "Pat Pathlen",
      "Sub-CA Below a pathlen:0 Intermediate",
      "S-MIME Assistant Test Intermediate CA",
      "S-MIME Assistant Test Root CA",
    ]);
    // The sub-CA alone as the anchor: pathlen:0 on the intermediate above it no longer applies.
    const anchored = await buildChain(pem("pathlen-leaf.pem"), [inter], [pem("subca.pem")], { time: AT });
    expect(anchored.trusted).toBe(true);
    // An end-entity certificate given as the anchor is held to what it says (CA:FALSE).
    const eeAnchor = await buildChain(pem("forged.pem"), [], [pem("attacker.pem")], { time: AT });
    expect(eeAnchor).toMatchObject({ trusted: false, reason: "not-a-ca" });
    const finding = trustFinding(summarizeCertificate(pem("forged.pem")), eeAnchor);
    expect(finding?.code).toBe("CERT_UNTRUSTED");
  });

  test("parsing: basicConstraints and the version", () => {
    expect(parseCertificate(pem("attacker.pem"))).toMatchObject({
      version: 3,
      basicConstraints: { cA: false },
    });
    expect(parseCertificate(pem("inter-good.pem")).basicConstraints).toEqual({ cA: true, pathLen: 0 });
    expect(parseCertificate(pem("subca.pem")).basicConstraints).toEqual({ cA: true });
    expect(parseCertificate(pem("inter-nobc.pem")).basicConstraints).toBeUndefined();
  });
});

test("every bundled Mozilla root passes the checks made on a trust anchor", () => {
  const refused = MOZILLA_EMAIL_ROOTS.filter((r) => {
    const p = parseCertificate(decodeBase64String(r.der));
    return (
      (p.basicConstraints && !p.basicConstraints.cA) || (p.keyUsage && !p.keyUsage.includes("keyCertSign"))
    );
  }).map((r) => r.label);
  expect(MOZILLA_EMAIL_ROOTS.length).toBeGreaterThan(50);
  expect(refused).toEqual([]);
});

test("the Thunderbird corpus CA is a proper CA certificate", () => {
  const ca = parseCertificate(pemFile(path.join(TB_DIR, "TestCA.pem"))[0] as Uint8Array);
  expect(ca.basicConstraints?.cA).toBe(true);
});

describe("a link that cannot be checked", () => {
  const TRUST = path.join(GEN_DIR, "trust", "pki");
  const trustPem = (f: string): Uint8Array => pemFile(path.join(TRUST, f))[0] as Uint8Array;

  test("leading to the anchor: not checked (UNSUPPORTED_ALGORITHM)", async () => {
    const r = await buildChain(trustPem("ed448leaf.pem"), [], [trustPem("ed448root.pem")], { time: AT });
    expect(r).toMatchObject({ trusted: false, reason: "unsupported-algorithm" });
    expect(trustFinding(summarizeCertificate(trustPem("ed448leaf.pem")), r)?.code).toBe(
      "UNSUPPORTED_ALGORITHM",
    );
  });

  test("leading nowhere (an Ed448 root that is no anchor): untrusted, self-signed", async () => {
    const r = await buildChain(trustPem("ed448leaf.pem"), [trustPem("ed448root.pem")], [ROOT], { time: AT });
    expect(r).toMatchObject({ trusted: false, reason: "self-signed" });
    expect(trustFinding(summarizeCertificate(trustPem("ed448leaf.pem")), r)?.code).toBe("CERT_UNTRUSTED");
  });

  test("an Ed448 signature claimed from an RSA anchor: untrusted, bad-signature", async () => {
    const d = await run("ed448-impostor.eml");
    expect(d.signers[0]?.trusted).toBe(false);
    expect(untrusted(d)).toMatchObject({ reason: "bad-signature" });
    expect(d.findings.some((x) => x.code === "UNSUPPORTED_ALGORITHM")).toBe(false);
  });
});
