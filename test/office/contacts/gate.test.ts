/**
 * The contacts gate: one test per reason on a diagnosis built as the engine builds it, and the real
 * messages (OpenSSL-made fixtures) that must pass or fail it.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnosis, type Finding, fromPem, type Signer } from "../../../src/engine";
import {
  approves,
  approvedSigners,
  contactCertificateGate,
  GATE_REASON_TEXT,
  isApproval,
  type GateReason,
} from "../../../src/office/contacts/gate";
import { trustedSigner, validDiagnosis } from "./approvals";

const SHA = "ab".repeat(32);
const base = (): Signer => trustedSigner({ address: "ceo@corp.example", sha256: SHA, name: "CEO" });

function finding(code: Finding["code"], detail: Record<string, unknown> = {}): Finding {
  return { code, severity: "warning", message: { en: code, ja: code }, detail };
}

function reasons(d: Diagnosis, s: Signer = d.signers[0] as Signer): GateReason[] {
  const g = contactCertificateGate(d, s);
  return g.allowed ? [] : g.reasons;
}

test("a valid signature from a trusted signer naming the From address passes, for that address", () => {
  const s = base();
  const d = validDiagnosis(s, "The CEO <CEO@corp.example>");
  const g = contactCertificateGate(d, s);
  expect(g.allowed).toBe(true);
  if (!g.allowed) return;
  expect(g.approval).toMatchObject({ address: "ceo@corp.example", sha256: SHA, name: "CEO" });
  expect(isApproval(g.approval)).toBe(true);
  expect(approves(g.approval, SHA, "ceo@corp.example")).toBe(true);
  expect(approves(g.approval, "cd".repeat(32), "ceo@corp.example")).toBe(false);
  expect(approves(g.approval, SHA, "someone@corp.example")).toBe(false);
  expect(isApproval({ ...g.approval })).toBe(false); // a copy is not an approval
  expect(Object.isFrozen(g.approval)).toBe(true);
});

describe("each reason", () => {
  test("signature-not-valid: verdict, SIGNATURE_VALID missing, SIGNATURE_INVALID, or this signer failed", () => {
    const s = base();
    expect(reasons({ ...validDiagnosis(s), signature: "invalid" })).toEqual(["signature-not-valid"]);
    expect(reasons({ ...validDiagnosis(s), signature: "unverifiable" })).toEqual(["signature-not-valid"]);
    expect(reasons({ ...validDiagnosis(s), findings: [] })).toEqual(["signature-not-valid"]);
    const d = validDiagnosis(s);
    expect(reasons({ ...d, findings: [...d.findings, finding("SIGNATURE_INVALID")] })).toEqual([
      "signature-not-valid",
    ]);
    const failed = { ...s, valid: false };
    expect(reasons(validDiagnosis(failed), failed)).toEqual(["signature-not-valid"]);
  });

  test("no-certificate", () => {
    const { certificate: _c, ...rest } = base();
    const s = rest as Signer;
    expect(reasons(validDiagnosis(s), s)).toEqual(["no-certificate"]);
  });

  test("untrusted: no chain to an anchor, or CERT_UNTRUSTED about this signer", () => {
    const s = { ...base(), trusted: false };
    expect(reasons(validDiagnosis(s), s)).toEqual(["untrusted"]);
    const t = base();
    const d = validDiagnosis(t);
    d.findings.push(finding("CERT_UNTRUSTED", { subject: t.subject, layer: 0 }));
    expect(reasons(d)).toEqual(["untrusted"]);
  });

  test("from-unclear: no From, or several From addresses", () => {
    const s = base();
    expect(reasons({ ...validDiagnosis(s), headers: {} })).toEqual(["from-unclear"]);
    expect(reasons(validDiagnosis(s, "ceo@corp.example, cfo@corp.example"))).toEqual(["from-unclear"]);
    expect(reasons(validDiagnosis(s, "undisclosed"))).toEqual(["from-unclear"]);
  });

  test("sender-mismatch: the certificate does not name From, or SENDER_MISMATCH", () => {
    // the attack of issue #11: a certificate for ceo@corp sent From someone else's address is refused …
    const s = base();
    expect(reasons(validDiagnosis(s, "mallory@evil.example"))).toEqual(["sender-mismatch"]);
    // … and so is any message the engine reports a sender mismatch for (e.g. a Sender header)
    const d = validDiagnosis(s);
    d.findings.push(finding("SENDER_MISMATCH", { reason: "sender-differs" }));
    expect(reasons(d)).toEqual(["sender-mismatch"]);
  });

  test("not-for-email: CERT_NOT_FOR_EMAIL about this signer", () => {
    const s = base();
    const d = validDiagnosis(s);
    d.findings.push(
      finding("CERT_NOT_FOR_EMAIL", { subject: s.subject, reason: "extended-key-usage", layer: 0 }),
    );
    expect(reasons(d)).toEqual(["not-for-email"]);
    // about another signer (another subject): not this one's problem
    const other = validDiagnosis(s);
    other.findings.push(finding("CERT_NOT_FOR_EMAIL", { subject: "CN=Someone else", layer: 0 }));
    expect(reasons(other)).toEqual([]);
  });

  test("not-valid-at-signing: signing time outside the validity; without one, expired or not yet valid now", () => {
    const before = { ...base(), signingTime: "2019-06-01T00:00:00.000Z" };
    expect(reasons(validDiagnosis(before), before)).toEqual(["not-valid-at-signing"]);
    const after = { ...base(), signingTime: "2031-06-01T00:00:00.000Z" };
    expect(reasons(validDiagnosis(after), after)).toEqual(["not-valid-at-signing"]);
    // valid when signed, expired since: the signature still vouches for it
    const since = { ...base(), signingTime: "2029-06-01T00:00:00.000Z" };
    const d = validDiagnosis(since);
    d.findings.push(finding("CERT_EXPIRED", { subject: since.subject, validAtSigningTime: true, layer: 0 }));
    expect(reasons(d, since)).toEqual([]);
    // no signing time: expired now means it cannot be told
    const unknown = base();
    const e = validDiagnosis(unknown);
    e.findings.push(
      finding("CERT_EXPIRED", { subject: unknown.subject, validAtSigningTime: null, layer: 0 }),
    );
    expect(reasons(e)).toEqual(["not-valid-at-signing"]);
    const f = validDiagnosis(unknown);
    f.findings.push(finding("CERT_NOT_YET_VALID", { subject: unknown.subject, layer: 0 }));
    expect(reasons(f)).toEqual(["not-valid-at-signing"]);
  });

  test("validity-unreadable", () => {
    const s = { ...base(), notBefore: "" };
    expect(reasons(validDiagnosis(s), s)).toEqual(["validity-unreadable"]);
  });

  test("several reasons at once, in a fixed order", () => {
    const s = { ...base(), trusted: false, valid: false };
    const d = { ...validDiagnosis(s, "mallory@evil.example"), signature: "invalid" as const };
    expect(reasons(d, s)).toEqual(["signature-not-valid", "untrusted", "sender-mismatch"]);
  });

  test("every reason has one sentence in English and Japanese", () => {
    for (const [r, t] of Object.entries(GATE_REASON_TEXT)) {
      expect({ r, en: t.en.split(/[.!?](\s|$)/).filter((x) => x.trim()).length }).toEqual({ r, en: 1 });
      expect({ r, ja: t.ja.split("。").filter((x) => x.trim()).length }).toEqual({ r, ja: 1 });
    }
  });
});

describe("real messages", () => {
  const GEN = path.resolve(__dirname, "..", "..", "fixtures", "generated");
  const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(GEN, f)));
  const root = fromPem(fs.readFileSync(path.join(GEN, "pki", "root.pem"), "latin1"));

  test("valid-alice.eml with the test root passes; without it, untrusted", async () => {
    const d = await diagnose(read("messages/valid-alice.eml"), { trustAnchors: root });
    expect(approvedSigners(d).map((a) => a.address)).toEqual(["alice@example.jp"]);
    const u = await diagnose(read("messages/valid-alice.eml"));
    expect(reasons(u)).toEqual(["untrusted"]);
  });

  test("a tampered message (footer appended) does not pass", async () => {
    const d = await diagnose(read("messages/footer-appended.eml"), { trustAnchors: root });
    expect(reasons(d)).toContain("signature-not-valid");
    expect(approvedSigners(d)).toEqual([]);
  });
});
