/**
 * The detail of a finding, typed per code. Every detail stays a JSON object (camelCase keys, open to
 * additions: the Diagnosis format is add-only); the codes whose messages the catalogue renders name the
 * fields the message is made from, so a finding site cannot forget one.
 */
import type { FindingCode, Recipient } from "../types";

/** An open JSON object: the fields every finding of a code may carry, plus whatever a site adds. */
export type Detail<T extends object = object> = T & Record<string, unknown>;

/** Where a finding was made, when it came from the Office adapter's headers-only diagnosis. */
interface Partial {
  partial: true;
}

export interface OrphanSignatureDetail {
  /** The attachment's file name (default smime.p7s). */
  filename: string;
  /** MIME path of the part (full message). */
  part?: string;
  /** "office-attachments": seen in Outlook's attachment list, without the bytes. */
  source?: "office-attachments";
}

export type EncryptedDetail =
  | {
      layer: number;
      part: string;
      contentEncryptionAlgorithm: string;
      /** The listed recipients (the first MAX_RECIPIENTS). */
      recipients: Recipient[];
      recipientCount: number;
      authenticated: boolean;
    }
  | (Partial & {
      /** Outlook's message class says S/MIME, not which kind: encryption is the likely one. */
      guessed?: true;
      itemClass?: string;
    });

export type CertsOnlyDetail =
  { certificates: { subject: string; sha256: string; commonName?: string }[] } | Partial;

export type CharsetMismatchDetail =
  | {
      part: string;
      contentType: string;
      declared: string;
      detected: string;
      /** The charset label as written, when it is an alias of `declared`. */
      declaredLabel?: string;
    }
  | {
      part: "body";
      contentType: string;
      declared: string;
      detected: string;
      /** Judged from text Outlook had already decoded: an informed guess. */
      heuristic: true;
      declaredGuessed?: true;
    };

export interface SignedPdfDetail {
  part: string;
  filename: string;
  signatures: number;
  /** Who signed (the CMS signer's name, else the PDF's /Name). */
  signers: string[];
  signingTimes: string[];
}

export interface SigningTimeMismatchDetail {
  signingTime: string;
  /** The Date header as written. */
  date: string | undefined;
  differenceHours: number;
  signer: string;
}

export interface OpenPgpDetail {
  forms: ("pgp-signed" | "pgp-encrypted" | "inline-signed" | "inline-encrypted")[];
  parts: { part: string; form: string }[];
  count: number;
}

export interface MailingListDetail {
  listId: string;
  domains: string[];
  /** The signature failed or covers part of the message: lists often add footers. */
  signatureAffected: boolean;
  name?: string;
  address?: string;
  /** The Sender, when it is the list's own address. */
  sender?: string;
  senderAcceptedAsList?: true;
}

export interface ReplyToMismatchDetail {
  /** The Reply-To address the certificate does not name. */
  replyTo: string;
  signerEmails: string[];
  replyToAddresses?: string[];
}

export interface CharsetUndeclaredDetail {
  part: string;
  contentType: string;
  detected: string;
  /** A label that declares nothing (unknown-8bit, x-unknown…). */
  declared?: string;
}

export interface InternalErrorDetail {
  /** The engine step that failed (e.g. "cms/verify", "x509/summary"). */
  where: string;
  /** The error's name and message (never input bytes). */
  error: string;
}

export type * from "./moreDetails";
import type {
  CertValidityDetail,
  CertNotForEmailDetail,
  WeakKeyDetail,
  CertUntrustedDetail,
  SignatureValidDetail,
  SignatureInvalidDetail,
  SignerCertificateMissingDetail,
  ContentAppendedDetail,
  MultipleSignersDetail,
  WeakDigestDetail,
  SenderMismatchDetail,
  CertRevokedDetail,
  RevocationGoodDetail,
  RevocationUnknownDetail,
  MalformedMimeDetail,
  PartiallySignedDetail,
  NestedSignatureDetail,
  MsgWithoutMimeDetail,
  MalformedCmsDetail,
  UnsupportedAlgorithmDetail,
  P12MalformedDetail,
  P12BadPasswordDetail,
  P12CertificateDetail,
  CertExpiringDetail,
  EmailMismatchDetail,
  ChainIncompleteDetail,
  P12OkDetail,
} from "./moreDetails";

/** The typed details; codes not listed carry an open JSON object. */
interface TypedDetails {
  ORPHAN_SIGNATURE: OrphanSignatureDetail;
  ENCRYPTED: EncryptedDetail;
  CERTS_ONLY: CertsOnlyDetail;
  CHARSET_MISMATCH: CharsetMismatchDetail;
  INTERNAL_ERROR: InternalErrorDetail;
  SIGNED_PDF_ATTACHMENT: SignedPdfDetail;
  SIGNING_TIME_MISMATCH: SigningTimeMismatchDetail;
  OPENPGP: OpenPgpDetail;
  MAILING_LIST: MailingListDetail;
  REPLY_TO_MISMATCH: ReplyToMismatchDetail;
  CHARSET_UNDECLARED: CharsetUndeclaredDetail;
  CERT_EXPIRED: CertValidityDetail;
  CERT_NOT_YET_VALID: CertValidityDetail;
  CERT_NOT_FOR_EMAIL: CertNotForEmailDetail;
  WEAK_KEY: WeakKeyDetail;
  CERT_UNTRUSTED: CertUntrustedDetail;
  SIGNATURE_VALID: SignatureValidDetail;
  SIGNATURE_INVALID: SignatureInvalidDetail;
  SIGNER_CERTIFICATE_MISSING: SignerCertificateMissingDetail;
  CONTENT_APPENDED: ContentAppendedDetail;
  MULTIPLE_SIGNERS: MultipleSignersDetail;
  WEAK_DIGEST: WeakDigestDetail;
  SENDER_MISMATCH: SenderMismatchDetail;
  CERT_REVOKED: CertRevokedDetail;
  REVOCATION_GOOD: RevocationGoodDetail;
  REVOCATION_UNKNOWN: RevocationUnknownDetail;
  MALFORMED_MIME: MalformedMimeDetail;
  PARTIALLY_SIGNED: PartiallySignedDetail;
  NESTED_SIGNATURE: NestedSignatureDetail;
  MSG_WITHOUT_MIME: MsgWithoutMimeDetail;
  MALFORMED_CMS: MalformedCmsDetail;
  UNSUPPORTED_ALGORITHM: UnsupportedAlgorithmDetail;
  P12_MALFORMED: P12MalformedDetail;
  P12_BAD_PASSWORD: P12BadPasswordDetail;
  P12_NO_KEY: P12CertificateDetail;
  P12_KEY_MISMATCH: P12CertificateDetail;
  CERT_EXPIRING: CertExpiringDetail;
  EMAIL_MISMATCH: EmailMismatchDetail;
  CHAIN_INCOMPLETE: ChainIncompleteDetail;
  P12_OK: P12OkDetail;
}

export type FindingDetails = {
  [C in FindingCode]: C extends keyof TypedDetails ? Detail<TypedDetails[C]> : Detail;
};

/** The codes whose message the catalogue renders from the detail alone: every code. */
export type CataloguedCode = keyof TypedDetails;

/** Compile-time guard: a finding code without a typed detail (and so without catalogue words) fails here. */
type Uncatalogued = Exclude<FindingCode, CataloguedCode>;
export const EVERY_CODE_CATALOGUED: [Uncatalogued] extends [never] ? true : Uncatalogued = true;
