/**
 * Test helpers for the contacts gate: a diagnosis of a validly signed message from a trusted signer
 * (built as the engine builds it, without the message), and approvals made from it by the real gate.
 */
import { contactCertificateGate, type ContactApproval } from "../../../src/office/contacts/gate";
import type { Diagnosis, Finding, Signer } from "../../../src/engine";

export interface SignerSpec {
  address: string;
  sha256: string;
  notBefore?: string;
  notAfter?: string;
  name?: string;
  certificate?: string;
}

export function trustedSigner(spec: SignerSpec, extra: Partial<Signer> = {}): Signer {
  return {
    subject: `CN=${spec.name ?? "Signer"}`,
    commonName: spec.name ?? "",
    emails: [spec.address.toLowerCase()],
    issuer: "CN=Issuing CA",
    serialNumber: "01",
    notBefore: spec.notBefore ?? "2020-01-01T00:00:00.000Z",
    notAfter: spec.notAfter ?? "2030-01-01T00:00:00.000Z",
    sha256: spec.sha256,
    keyType: "rsa",
    keySize: 2048,
    selfSigned: false,
    jcan: false,
    digestAlgorithm: "sha-256",
    signatureAlgorithm: "rsassa-pkcs1-v1_5",
    chain: [`CN=${spec.name ?? "Signer"}`, "CN=Issuing CA", "CN=Root"],
    trusted: true,
    valid: true,
    layer: 0,
    certificate: spec.certificate ?? "MAA=",
    ...extra,
  };
}

const VALID: Finding = {
  code: "SIGNATURE_VALID",
  severity: "info",
  message: { en: "valid", ja: "正しい" },
  detail: { signers: 1, layer: 0 },
};

export function validDiagnosis(signer: Signer, from = `Sender <${signer.emails[0] ?? ""}>`): Diagnosis {
  return {
    kind: "signed",
    signature: "valid",
    signers: [signer],
    recipients: [],
    findings: [VALID],
    faq: [],
    headers: { from: [from] },
  };
}

/** An approval for this certificate and address, made by the real gate from a valid, trusted signature. */
export function approval(spec: SignerSpec): ContactApproval {
  const s = trustedSigner(spec);
  const g = contactCertificateGate(validDiagnosis(s, `<${spec.address}>`), s);
  if (!g.allowed) throw new Error(`gate refused the test signer: ${g.reasons.join(", ")}`);
  return g.approval;
}
