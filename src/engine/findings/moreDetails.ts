/**
 * The typed details of the codes moved into the catalogue last (issue #13): certificates, signatures,
 * From / Sender, revocation, structure, CMS, the certificate-file check. Re-exported by ./details.ts.
 */
/** A certificate's validity against the evaluation time and the signing time. */
export interface CertValidityDetail {
  /** The certificate's display name (common name, else first address, else subject). */
  name: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  /** The evaluation time (ISO). */
  at: string;
  signingTime?: string;
  /** null: the message carries no signing time. */
  validAtSigningTime?: boolean | null;
  /** Found by the certificate-file check (pkcs12/): said of the file, without signing times. */
  certificateFile?: true;
}

export interface CertNotForEmailDetail {
  name: string;
  subject: string;
  reason: "key-usage" | "extended-key-usage";
  keyUsage: string[] | null;
  extendedKeyUsage: string[] | null;
}

export interface WeakKeyDetail {
  name: string;
  subject: string;
  keyType: string;
  keySize: number;
}

export interface CertUntrustedDetail {
  /** The leaf's display name. */
  name: string;
  subject: string;
  reason: string;
  /** Subjects from the leaf up. */
  chain: string[];
  complete: boolean;
  top?: string;
  /** The top certificate's common name, else subject. */
  topName?: string;
  topIssuer?: string;
  chainIncomplete?: true;
  missingIssuer?: string;
  /** The chain length cap (reason "too-long"). */
  maxChain?: number;
  jcan?: true;
}

/** Where a signer's finding was made: which SignerInfo of which layer, and the signer's label. */
interface SignerRef {
  /** The signer's label (common name <address>, else address, else subject); absent: unknown. */
  name?: string;
  /** The SignerInfo's index. */
  signer?: number;
  subject?: string;
  layer?: number;
}

export interface SignatureValidDetail {
  /** The signers' labels (as SignerRef.name; null: unknown, as JSON keeps it). */
  names: (string | null)[];
  signers: number;
  layer: number;
}

export interface SignatureInvalidDetail extends SignerRef {
  reason:
    | "no-signers"
    | "embedded-content"
    | "signed-attributes-invalid"
    | "content-type-missing"
    | "content-type-mismatch"
    | "message-digest-missing"
    | "message-digest-mismatch"
    | "signature-mismatch";
  sameAsShown?: boolean;
  attributeProblems?: { attribute: string; problem: string; values?: number }[];
  signedContentType?: string;
  eContentType?: string;
}

export interface SignerCertificateMissingDetail extends SignerRef {
  issuer?: string;
  serialNumber?: string;
  subjectKeyIdentifier?: string;
}

export interface ContentAppendedDetail extends SignerRef {
  addedBytes: number;
  addedLines: number;
  appendedPreview: string;
  signatureVerified: boolean;
}

export interface MultipleSignersDetail {
  count: number;
  signers: { index: number; subject: string; valid: boolean; status?: string | undefined; name?: string }[];
  layer: number;
}

export interface WeakDigestDetail extends SignerRef {
  source: "signature" | "certificate";
  digestAlgorithm: string;
  /** The digest is fine; the signature algorithm hashes with a weak one. */
  signatureAlgorithmOnly?: true;
}

export interface SenderMismatchDetail {
  reason:
    | "from-missing"
    | "from-multiple-headers"
    | "from-empty"
    | "from-multiple-mailboxes"
    | "address-in-display-name"
    | "sender-differs"
    | "not-in-certificate";
  /** The From address (else the From header as shown). */
  from: string;
  signerEmails: string[];
  reasons?: string[];
  /** The From headers, decoded. */
  fromHeaders?: string[];
  fromAddresses?: string[];
  /** An address hidden in the From display name. */
  displayNameAddress?: string;
  /** The Sender address. */
  sender?: string;
}

/** One certificate's revocation answer (OCSP or CRL). */
export interface RevocationCheck {
  status: "good" | "revoked";
  source: "ocsp" | "crl";
  url?: string;
  /** OCSP responder ("issuer" or a delegated responder's subject) or the CRL's issuer. */
  by: string;
  thisUpdate?: string;
  nextUpdate?: string;
  revocationTime?: string;
  reason?: string;
  subject: string;
}

export interface CertRevokedDetail {
  status?: "revoked";
  source?: "ocsp" | "crl";
  url?: string;
  by?: string;
  thisUpdate?: string;
  nextUpdate?: string;
  revocationTime?: string;
  /** The revocation reason (RFC 5280 CRLReason name). */
  reason?: string;
  /** The revoked certificate's subject. */
  subject?: string;
  /** The signer's name (common name, else subject). */
  name: string;
  /** The revoked certificate is a CA above the signer (its subject is `subject`). */
  issuerRevoked?: true;
  signingTime?: string;
  compromise: boolean;
}

export interface RevocationGoodDetail {
  name: string;
  checks: RevocationCheck[];
  revokedAfterSigning?: true;
}

export interface RevocationUnknownDetail {
  name: string;
  reason: "unavailable" | "not-checked" | "unreadable" | "self-signed" | "issuer-missing" | "not-checkable";
  /** Why the host cannot check (reason "unavailable"), in its words. */
  unavailable?: { en: string; ja: string };
  reasons?: string[];
}

export interface MalformedMimeDetail {
  problem:
    | "too-deep"
    | "signed-parts-missing"
    | "unanalysable"
    | "empty"
    | "not-a-message"
    | "msg-unreadable"
    | "msg-properties"
    | "msg-cut"
    | "smime-missing"
    | "structure";
  part?: string;
  layer?: number;
  maxLayers?: number;
  children?: string[];
  error?: string;
  input?: "empty" | "not-a-message";
  length?: number;
  format?: "msg";
  notOutlook?: true;
  messageClass?: string;
  unreadableProperties?: string[];
  /** msg-cut: the first 20 streams that hold fewer bytes than their entries say, and how many there were. */
  cutStreams?: string[];
  cutStreamCount?: number;
  /** The first 20 problems of the MIME parser, and how many there were. */
  problems?: { message: string; offset: number }[];
  problemCount?: number;
}

export interface PartiallySignedDetail {
  /** MIME paths of the signed parts ("" is the root). */
  signedParts: string[];
  layer: number;
}

export interface NestedSignatureDetail {
  layer: number;
  form: string;
  innerSigners: string[];
  outerSigner?: string;
  /** The first inner signer's name <address>, and the outer signer's name. */
  innerName?: string;
  outerName?: string;
}

export interface MsgWithoutMimeDetail {
  messageClass: string;
  headers: string;
  skippedAttachments?: string[];
  unreadableProperties?: string[];
}

export interface MalformedCmsDetail {
  problem: "validity-unreadable" | "unprocessable" | "too-many" | "not-a-signature" | "unreadable";
  /** validity-unreadable: the certificate's name and which date cannot be read. */
  name?: string;
  unreadable?: "notBefore" | "notAfter";
  /** too-many: what is over the cap, how many there are, how many were checked. */
  limit?: "signers" | "certificates";
  cap?: number;
  count?: number;
  checked?: number;
  part?: string;
  contentType?: string;
  error?: string;
  offset?: number;
  layer?: number;
}

export interface UnsupportedAlgorithmDetail {
  /** signer: a signer's digest, signature or key; chain: a certificate above the signer; cms-content: an
   * S/MIME part's CMS content type; pkcs12: a .p12 file's algorithm. */
  scope: "signer" | "chain" | "cms-content" | "pkcs12";
  kind?: "digest" | "signature" | "key";
  /** The algorithm as the message names it. */
  what?: string;
  algorithm?: string;
  name?: string;
  part?: string;
  contentType?: string;
}

export interface P12MalformedDetail {
  /** A short code ("too-expensive", "certificate", "private-key") or the reason in words (English). */
  reason: string;
  /** The reason in words, when `reason` is a short code. */
  why?: string;
  iterationBudget?: number;
}

export interface P12BadPasswordDetail {
  stage: "mac" | "decrypt";
}

export interface P12CertificateDetail {
  /** The certificate's name (common name, else first address, else subject); absent: no certificate. */
  name?: string;
}

export interface CertExpiringDetail {
  name: string;
  subject: string;
  notAfter: string;
  at: string;
  daysLeft: number;
}

export interface EmailMismatchDetail {
  email: string;
  certificateEmails: string[];
}

export interface ChainIncompleteDetail {
  subject: string;
  issuer: string;
  certificatesInFile: string[];
}

export interface P12OkDetail {
  name: string;
  subject: string;
  emails: string[];
  notAfter: string;
}
