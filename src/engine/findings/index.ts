/**
 * engine/findings: severities, the typed details per code (./details.ts) and the en/ja message catalogue
 * (./catalogue.ts). A finding site passes its code and detail; for codes already in the catalogue the
 * message is made there.
 */
import type { Finding, FindingCode, LocalizedText, Severity, TypedFinding } from "../types";
import { renderMessage } from "./catalogue";
import type { CataloguedCode, FindingDetails } from "./details";

export type { CataloguedCode, FindingDetails } from "./details";
export { renderMessage } from "./catalogue";
export { charsetDisplayName } from "./charsetNames";

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
  INTERNAL_ERROR: "error",
};

/**
 * Builds a finding with its message given (codes not yet in the catalogue; tests that fabricate
 * findings). Engine sites of catalogued codes use report(code, detail). Every finding carries a message in English and in natural Japanese
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

/** Builds a finding of a catalogued code from its code and detail only: the catalogue words it. */
export function report<C extends CataloguedCode>(
  code: C,
  detail: FindingDetails[C],
  severity: Severity = DEFAULT_SEVERITY[code],
): TypedFinding<C> {
  return { code, severity, message: renderMessage(code, detail), detail };
}

/**
 * INTERNAL_ERROR: the engine itself failed (a bug, never the input's fault) at `where`. The error's name
 * and message only: no input bytes.
 */
export function internalError(
  where: string,
  err: unknown,
  extra: Record<string, unknown> = {},
): TypedFinding<"INTERNAL_ERROR"> {
  const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return report("INTERNAL_ERROR", { ...extra, where, error });
}

/** The detail of `f` typed for `code`, when `f` is a finding of that code. */
export function detailOf<C extends FindingCode>(f: Finding, code: C): FindingDetails[C] | undefined {
  return f.code === code ? (f.detail as FindingDetails[C]) : undefined;
}
