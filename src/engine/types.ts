/**
 * The engine's public contract: the Diagnosis (see shared docs/architecture.md).
 * Field names and finding codes are part of the product's contract: add, never rename.
 */

import type { FindingDetails } from "./findings/details";
import type { RevocationOptions } from "./revocation/index";
export type { RevocationOptions, RevocationRequest } from "./revocation/index";

export type Kind = "none" | "signed" | "opaque-signed" | "encrypted" | "certs-only" | "orphan-signature";

export type SignatureVerdict = "valid" | "invalid" | "unverifiable" | "none";

export type Severity = "error" | "warning" | "info";

/** Every finding code the engine (and the setup check) can emit. Stable: add, never rename. */
export const FINDING_CODES = [
  "SIGNATURE_VALID",
  "SIGNATURE_INVALID",
  "CONTENT_APPENDED",
  "SIGNER_CERTIFICATE_MISSING",
  "MALFORMED_CMS",
  "MALFORMED_MIME",
  "UNSUPPORTED_ALGORITHM",
  "ORPHAN_SIGNATURE",
  "PARTIALLY_SIGNED",
  "MULTIPLE_SIGNERS",
  "ENCRYPTED",
  "CERTS_ONLY",
  "SENDER_MISMATCH",
  "CERT_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_NOT_FOR_EMAIL",
  "WEAK_DIGEST",
  "WEAK_KEY",
  "SIGNING_TIME_MISMATCH",
  "CHARSET_MISMATCH",
  "CHARSET_UNDECLARED",
  "SIGNED_PDF_ATTACHMENT",
  "MAILING_LIST",
  "REPLY_TO_MISMATCH",
  "OPENPGP",
  "CERT_REVOKED",
  "REVOCATION_GOOD",
  "REVOCATION_UNKNOWN",
  "INTERNAL_ERROR",
  // added by S/MIME Assistant beyond the architecture note's list
  "NESTED_SIGNATURE",
  "MSG_WITHOUT_MIME",
  // signing-setup check (check-p12)
  "P12_OK",
  "P12_BAD_PASSWORD",
  "P12_MALFORMED",
  "P12_NO_KEY",
  "P12_KEY_MISMATCH",
  "CERT_EXPIRING",
  "EMAIL_MISMATCH",
  "CHAIN_INCOMPLETE",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface LocalizedText {
  en: string;
  ja: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: LocalizedText;
  /** Technical detail, JSON-serialisable. Keys are camelCase; typed per code in FindingDetails. */
  detail: Record<string, unknown>;
}

/** A finding of code C, its detail typed (engine/findings/details.ts). Assignable to Finding. */
export interface TypedFinding<C extends FindingCode> extends Finding {
  code: C;
  detail: FindingDetails[C];
}

/** Summary of an X.509 certificate (used for signers, bundles, PKCS#12 contents). */
export interface CertificateSummary {
  subject: string;
  commonName: string;
  /** Lower-cased, de-duplicated: SAN rfc822Name first, then DN emailAddress. */
  emails: string[];
  issuer: string;
  /** Lower-case hex, no separators, as encoded (leading 00 stripped). */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 fingerprint of the DER, lower-case hex. */
  sha256: string;
  organization?: string;
  keyUsage?: string[];
  extendedKeyUsage?: string[];
  /** "rsa" | "rsa-pss" | "ec" | "ed25519" | "dsa" | other OID */
  keyType: string;
  /** RSA modulus bits or EC field bits. */
  keySize?: number;
  curve?: string;
  selfSigned: boolean;
  /** Issued under the JCAN hierarchy (recognised from issuer DN). */
  jcan: boolean;
}

export interface Signer extends CertificateSummary {
  signingTime?: string;
  /** "sha-1" | "sha-224" | "sha-256" | "sha-384" | "sha-512" | other */
  digestAlgorithm: string;
  signatureAlgorithm: "rsassa-pkcs1-v1_5" | "rsa-pss" | "ecdsa" | "dsa" | "ed25519" | string;
  /** Subject of each certificate from the signer up to the anchor (or as far as it could be built). */
  chain: string[];
  trusted: boolean;
  /** Who vouched for the chain's anchor (present when trusted). */
  trustedBy?: TrustOrigin;
  /** Whether this signer's own signature verified. */
  valid: boolean;
  /** Depth of the S/MIME layer the signer belongs to: 0 = outermost. */
  layer: number;
  /** Base64 DER of the signer certificate (for export); absent when missing. */
  certificate?: string;
}

export interface Recipient {
  issuer?: string;
  serialNumber?: string;
  subjectKeyIdentifier?: string;
  /** "ktri" (key transport) | "kari" (key agreement) | "kekri" | "pwri" | "ori" */
  type: string;
  keyEncryptionAlgorithm?: string;
}

/** Text part decoded for display (mojibake repair; never HTML rendering). */
export interface DecodedText {
  /** Index path of the MIME part, e.g. "1.2". */
  part: string;
  contentType: string;
  declaredCharset?: string;
  detectedCharset: string;
  text: string;
}

export interface Attachment {
  part: string;
  filename?: string;
  contentType: string;
  size: number;
}

export interface Diagnosis {
  /** Path as given (CLI only). */
  file?: string;
  kind: Kind;
  signature: SignatureVerdict;
  signers: Signer[];
  recipients: Recipient[];
  findings: Finding[];
  /** Ids of the fitting FAQ entries, best first (filled by src/faq rules; the engine leaves it empty). */
  faq: string[];
  // ---- additions (allowed by the contract: add, never rename) ----
  /** Content-encryption algorithm of an encrypted message, e.g. "aes-256-cbc". */
  contentEncryptionAlgorithm?: string;
  /** Certificates of a certs-only bundle (or all certificates seen in the message). */
  certificates?: CertificateSummary[];
  /** Headers of the (outer) message, decoded (RFC 2047). */
  headers?: { from?: string[]; sender?: string; to?: string[]; subject?: string; date?: string };
  /** Text parts decoded in the detected charset (for display). */
  texts?: DecodedText[];
  attachments?: Attachment[];
  /** Milliseconds spent. */
  elapsedMs?: number;
  /** The input was an Outlook .msg item: its message class and where the checked message came from. */
  outlookItem?: {
    messageClass: string;
    /**
     * "transport": the headers as received (PidTagTransportMessageHeaders); "properties": made from the
     * item's properties; "attachment": the S/MIME attachment holds the whole message with its headers.
     */
    headers: "transport" | "properties" | "attachment";
    /** The S/MIME entity or DER kept in the item's attachment, or (plain items) text from its properties. */
    content: "smime-entity" | "smime-der" | "properties";
  };
}

/** Where a trust anchor comes from: Mozilla's root store for e-mail, the organisation's build, the CLI. */
export type TrustOrigin = "mozilla" | "organisation" | "command-line";

/** A trust anchor with its origin. A bare DER given as an anchor counts as "command-line" (explicit). */
export interface TrustAnchor {
  der: Uint8Array;
  origin: TrustOrigin;
  /** Certificates issued below this anchor with a notBefore after this time are not trusted (NSS email distrust-after). */
  distrustAfter?: Date;
  /** A name for messages (e.g. the NSS label). */
  label?: string;
}

/** An explicitly distrusted certificate (NSS CKT_NSS_NOT_TRUSTED), by issuer Name (DER) and serial number (hex). */
export interface DistrustEntry {
  issuer: Uint8Array;
  serialNumber: string;
  label?: string;
  origin?: TrustOrigin;
}

export interface DiagnoseOptions {
  /**
   * Trust anchors: DER certificates (counted as explicit, "command-line") or typed anchors with their origin.
   * The engine has no default: the caller passes Mozilla's roots (src/engine/x509/defaultAnchors.ts) if wanted.
   * Pass the same array object for a batch: its index is built once.
   */
  trustAnchors?: readonly (Uint8Array | TrustAnchor)[];
  /** Certificates refused in any path, whatever anchor they lead to. */
  distrust?: readonly DistrustEntry[];
  /** Evaluation time (default: now). */
  at?: Date;
  /** Progress callback (0..1) for big inputs. */
  onProgress?: (fraction: number) => void;
  /** Maximum MIME nesting depth (default 32). */
  maxDepth?: number;
  /**
   * Revocation checks (CRL, OCSP): the caller's fetcher (transport only; every answer is verified by the
   * engine), offline CRLs, the time limit per request. Unset: nothing is fetched, REVOCATION_UNKNOWN.
   */
  revocation?: RevocationOptions;
}
