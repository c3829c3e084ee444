import type { Finding, FindingCode, LocalizedText, Severity } from "./types";

/** Default severity of each code; a module may override it where the context calls for it. */
export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  SIGNATURE_VALID: "info",
  SIGNATURE_INVALID: "error",
  CONTENT_APPENDED: "warning",
  SIGNER_CERTIFICATE_MISSING: "error",
  MALFORMED_CMS: "error",
  MALFORMED_MIME: "error",
  UNSUPPORTED_ALGORITHM: "warning",
  ORPHAN_SIGNATURE: "warning",
  PARTIALLY_SIGNED: "warning",
  MULTIPLE_SIGNERS: "info",
  ENCRYPTED: "info",
  CERTS_ONLY: "info",
  SENDER_MISMATCH: "warning",
  CERT_EXPIRED: "warning",
  CERT_NOT_YET_VALID: "warning",
  CERT_UNTRUSTED: "warning",
  CERT_NOT_FOR_EMAIL: "warning",
  WEAK_DIGEST: "warning",
  WEAK_KEY: "warning",
  SIGNING_TIME_MISMATCH: "warning",
  CHARSET_MISMATCH: "warning",
  CHARSET_UNDECLARED: "warning",
  SIGNED_PDF_ATTACHMENT: "info",
  MAILING_LIST: "info",
  REPLY_TO_MISMATCH: "warning",
  OPENPGP: "info",
  CERT_REVOKED: "error",
  REVOCATION_GOOD: "info",
  REVOCATION_UNKNOWN: "info",
  NESTED_SIGNATURE: "info",
  MSG_WITHOUT_MIME: "info",
  P12_OK: "info",
  P12_BAD_PASSWORD: "error",
  P12_MALFORMED: "error",
  P12_NO_KEY: "error",
  P12_KEY_MISMATCH: "error",
  CERT_EXPIRING: "warning",
  EMAIL_MISMATCH: "warning",
  CHAIN_INCOMPLETE: "warning",
};

/**
 * Builds a finding. Every finding carries a message in English and in natural Japanese
 * (です・ます調, full-width punctuation 。、).
 */
export function finding(
  code: FindingCode,
  message: LocalizedText,
  detail: Record<string, unknown> = {},
  severity: Severity = DEFAULT_SEVERITY[code],
): Finding {
  return { code, severity, message, detail };
}
