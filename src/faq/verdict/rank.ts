/** Risk ranking: of the verdict codes, and of findings (by severity, then risk) for the pane's list. */
import type { Finding } from "../../engine";
import type { VerdictCode } from "./types";

/** Risk rank of every verdict code: lower is worse; the pane lists findings in this order too. */
export const VERDICT_RANK: readonly VerdictCode[] = [
  "SENDER_MISMATCH",
  "REPLY_TO_MISMATCH",
  "SIGNATURE_INVALID",
  "TAMPERED_FOOTER",
  "TAMPERED_LIST_FOOTER",
  "CERT_REVOKED",
  "CERT_INVALID_AT_SIGNING",
  "MALFORMED",
  "MOJIBAKE",
  "CERT_UNTRUSTED",
  "SENDER_ON_BEHALF",
  "CERT_NOT_FOR_EMAIL",
  "WEAK_ALGORITHM",
  "PARTIALLY_SIGNED",
  "SIGNING_TIME_MISMATCH",
  "SIGNER_CERTIFICATE_MISSING",
  "UNSUPPORTED_ALGORITHM",
  "UNVERIFIABLE",
  "ORPHAN_SIGNATURE",
  "ENCRYPTED",
  "CERTS_ONLY",
  "UNSIGNED",
  "OPENPGP",
  "SIGNED_OK",
];

/**
 * Finding codes by risk (lower first), for listing findings under the verdict. Codes added in parallel
 * (CERT_REVOKED, REVOCATION_*) are placed by name; unknown codes go last within their severity.
 */
export const FINDING_RANK: readonly string[] = [
  "SENDER_MISMATCH",
  "REPLY_TO_MISMATCH",
  "SIGNATURE_INVALID",
  "CONTENT_APPENDED",
  "CERT_REVOKED",
  "CERT_EXPIRED",
  "CERT_NOT_YET_VALID",
  "MALFORMED_CMS",
  "MALFORMED_MIME",
  "CHARSET_MISMATCH",
  "CHARSET_UNDECLARED",
  "CERT_UNTRUSTED",
  "CERT_NOT_FOR_EMAIL",
  "WEAK_DIGEST",
  "WEAK_KEY",
  "PARTIALLY_SIGNED",
  "SIGNING_TIME_MISMATCH",
  "SIGNER_CERTIFICATE_MISSING",
  "UNSUPPORTED_ALGORITHM",
  "REVOCATION_UNKNOWN",
  "ORPHAN_SIGNATURE",
  "MAILING_LIST",
  "REVOCATION_GOOD",
];

export const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Findings by severity, then by risk (FINDING_RANK), keeping the engine's order otherwise. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const r = (f: Finding): number => {
    const i = FINDING_RANK.indexOf(f.code);
    return i < 0 ? FINDING_RANK.length : i;
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || r(a.f) - r(b.f) || a.i - b.i)
    .map((x) => x.f);
}
