/**
 * The certificate summary of the Diagnosis (CertificateSummary) and the facts judged from it: RSA size, e-mail usage.
 */
import { onlyMalformed } from "../asn1/errors";
import { digestSync, type HashName } from "../crypto/hashes";
import { SIGNATURE_OIDS } from "../asn1/oids";
import { keyDescription, publicKeyOf, resolveScheme } from "../crypto/signature";
import type { CertificateSummary } from "../types";
import { equalBytes, toHex } from "../util/bytes";
import { normalizedIssuer, normalizedSubject, parseCertificate, type ParsedCertificate } from "./certificate";

/** Extra facts about a summary that the contract type does not carry (kept out of the JSON). */
export interface SummaryInfo {
  parsed: ParsedCertificate;
  /** Hash of the certificate's own signature, when known. */
  signatureHash?: HashName;
}
export const INFO = new WeakMap<CertificateSummary, SummaryInfo>();

export const JCAN = /jcan/i;

export function iso(d: Date | undefined): string {
  return d ? d.toISOString() : "";
}

/** Summarises a DER certificate. Throws (Asn1Error) when the bytes are not a certificate. */
export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  const p = parseCertificate(der);
  return summaryOf(p);
}

/** SHA-256 fingerprints (hex) already computed, per parsed certificate. */
export const FINGERPRINTS = new WeakMap<ParsedCertificate, string>();

export function fingerprint(p: ParsedCertificate): string {
  let fp = FINGERPRINTS.get(p);
  if (fp === undefined) {
    fp = toHex(digestSync("sha-256", p.der));
    FINGERPRINTS.set(p, fp);
  }
  return fp;
}

/** Summaries already made, per parsed certificate (parseCertificate shares repeated certificates). */
export const SUMMARIES = new WeakMap<ParsedCertificate, CertificateSummary>();

export function summaryOf(p: ParsedCertificate): CertificateSummary {
  const known = SUMMARIES.get(p);
  const knownInfo = known && INFO.get(known);
  if (known && knownInfo) {
    // A fresh object each time (callers extend it); the arrays are copied as well.
    const copy: CertificateSummary = { ...known, emails: [...known.emails] };
    if (known.keyUsage) copy.keyUsage = [...known.keyUsage];
    if (known.extendedKeyUsage) copy.extendedKeyUsage = [...known.extendedKeyUsage];
    INFO.set(copy, knownInfo);
    return copy;
  }
  // Deduplicated with a Set: a certificate may name 100 000 addresses (linear, not quadratic).
  const emailSet = new Set<string>();
  const addEmail = (e: string): void => {
    const v = e.trim().toLowerCase();
    if (v) emailSet.add(v);
  };
  for (const e of p.sanEmails) addEmail(e);
  for (const a of p.subjectAttrs) if (a.type === "emailAddress") addEmail(a.value);
  const emails = [...emailSet];
  const cns = p.subjectAttrs.filter((a) => a.type === "CN");
  const org = p.subjectAttrs.find((a) => a.type === "O");
  let keyInfo: ReturnType<typeof keyDescription>;
  try {
    keyInfo = keyDescription(publicKeyOf(p.spki));
  } catch (err) {
    onlyMalformed(err);
    keyInfo = { keyType: "unknown" };
  }
  const selfSigned =
    (equalBytes(p.subjectDer, p.issuerDer) || normalizedSubject(p) === normalizedIssuer(p)) &&
    (p.authorityKeyIdentifier === undefined ||
      p.subjectKeyIdentifier === undefined ||
      p.authorityKeyIdentifier === p.subjectKeyIdentifier);
  const s: CertificateSummary = {
    subject: p.subject,
    commonName: cns[cns.length - 1]?.value ?? "",
    emails,
    issuer: p.issuer,
    serialNumber: p.serialNumber,
    notBefore: iso(p.notBefore),
    notAfter: iso(p.notAfter),
    sha256: fingerprint(p),
    ...(org ? { organization: org.value } : {}),
    ...(p.keyUsage ? { keyUsage: p.keyUsage } : {}),
    ...(p.extendedKeyUsage ? { extendedKeyUsage: p.extendedKeyUsage } : {}),
    keyType: keyInfo.keyType,
    ...(keyInfo.keySize !== undefined ? { keySize: keyInfo.keySize } : {}),
    ...(keyInfo.curve !== undefined ? { curve: keyInfo.curve } : {}),
    selfSigned,
    jcan: JCAN.test(p.issuer) || JCAN.test(p.subject),
  };
  const sigInfo = SIGNATURE_OIDS[p.sigAlgOid];
  const info: SummaryInfo = { parsed: p };
  const h = sigInfo?.hash ?? (p.sigAlgOid === "1.2.840.113549.1.1.10" ? pssHash(p) : undefined);
  if (h) info.signatureHash = h;
  INFO.set(s, info);
  // The cache keeps its own copy, so what a caller does with `s` cannot reach later callers.
  const pristine: CertificateSummary = { ...s, emails: [...s.emails] };
  if (s.keyUsage) pristine.keyUsage = [...s.keyUsage];
  if (s.extendedKeyUsage) pristine.extendedKeyUsage = [...s.extendedKeyUsage];
  INFO.set(pristine, info);
  SUMMARIES.set(p, pristine);
  return s;
}

export function pssHash(p: ParsedCertificate): HashName | undefined {
  const r = resolveScheme(p.sigAlgOid, p.sigAlgParams, undefined);
  return r.ok ? r.scheme.hash : undefined;
}

/** RSA modulus size in bits, or undefined for other keys. */
export function rsaKeyBits(cert: CertificateSummary): number | undefined {
  return cert.keyType === "rsa" || cert.keyType === "rsa-pss" ? cert.keySize : undefined;
}

/**
 * Why the certificate may not be used for signing e-mail, or undefined when it may:
 * keyUsage present without digitalSignature/nonRepudiation, or an EKU without emailProtection/any.
 */
export function emailUsageProblem(cert: CertificateSummary): "key-usage" | "extended-key-usage" | undefined {
  if (
    cert.keyUsage &&
    !cert.keyUsage.includes("digitalSignature") &&
    !cert.keyUsage.includes("nonRepudiation")
  ) {
    return "key-usage";
  }
  if (
    cert.extendedKeyUsage &&
    !cert.extendedKeyUsage.includes("emailProtection") &&
    !cert.extendedKeyUsage.includes("anyExtendedKeyUsage")
  ) {
    return "extended-key-usage";
  }
  return undefined;
}

export function isEmailCertificate(cert: CertificateSummary): boolean {
  return emailUsageProblem(cert) === undefined;
}
