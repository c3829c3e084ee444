/** The verdict's types: its level, code, the pane's coarser kind, and the verdict itself. */
import type { FindingCode, LocalizedText } from "../../engine";

/** safe: green and calm; caution: look before acting; danger: do not act on this mail; info: neutral. */
export type VerdictLevel = "safe" | "caution" | "danger" | "info";

/** What the verdict is about (stable identifiers for tests, CSS and the self-test). */
export type VerdictCode =
  | "SENDER_MISMATCH"
  | "SENDER_ON_BEHALF"
  | "REPLY_TO_MISMATCH"
  | "TAMPERED_LIST_FOOTER"
  | "TAMPERED_FOOTER"
  | "SIGNATURE_INVALID"
  | "CERT_INVALID_AT_SIGNING"
  | "CERT_REVOKED"
  | "CERT_UNTRUSTED"
  | "MOJIBAKE"
  | "CERT_NOT_FOR_EMAIL"
  | "WEAK_ALGORITHM"
  | "PARTIALLY_SIGNED"
  | "SIGNING_TIME_MISMATCH"
  | "SIGNER_CERTIFICATE_MISSING"
  | "UNSUPPORTED_ALGORITHM"
  | "UNVERIFIABLE"
  | "ORPHAN_SIGNATURE"
  | "MALFORMED"
  | "ENCRYPTED"
  | "CERTS_ONLY"
  | "UNSIGNED"
  | "OPENPGP"
  | "SIGNED_OK";

/** The pane's older, coarser classification (kept for data-verdict attributes and the self-test). */
export type VerdictKind =
  | "signed-ok"
  | "signed-warn"
  | "broken"
  | "unverifiable"
  | "orphan"
  | "encrypted"
  | "certs-only"
  | "none"
  | "malformed";

export interface MessageVerdict {
  level: VerdictLevel;
  code: VerdictCode;
  kind: VerdictKind;
  /** Names the problem itself; one sentence, no full stop in Japanese. */
  headline: LocalizedText;
  /** One line: what to do now. */
  action: LocalizedText;
  /** The finding the verdict is about, when there is one. */
  finding?: FindingCode;
}
