/**
 * The typed CMS structures the decoders produce and the verifier's options and result.
 */
import { type CryptoContext } from "../crypto/context";
import type { DistrustEntry, Finding, Recipient, SignatureVerdict, Signer, TrustAnchor } from "../types";
import { type Tlv } from "../asn1";

// ---------------------------------------------------------------------------------------------------
// Types

export type SignerId =
  | { kind: "issuer-serial"; issuerDer: Uint8Array; issuer: string; serialNumber: string }
  | { kind: "ski"; subjectKeyIdentifier: string };

export interface SignerInfoData {
  index: number;
  /** Offset of the SignerInfo in the CMS blob. */
  offset: number;
  version: number;
  sid: SignerId;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signatureParams: Tlv | undefined;
  signature: Uint8Array;
  /** DER of the signed attributes re-tagged as SET (0x31): what the signature covers. */
  signedAttrs?: Uint8Array;
  /** Attribute values (when signed attributes are present). */
  contentTypeAttr?: string;
  messageDigest?: Uint8Array;
  signingTime?: Date;
  /** Problems seen in the signed attributes (RFC 5652 §11: one instance, one value each). */
  attrProblems: AttributeProblem[];
}

export interface AttributeProblem {
  attribute: "content-type" | "message-digest" | "signing-time";
  problem: "repeated" | "several-values" | "unreadable";
  /** How many values (several-values). */
  values?: number;
}

export interface SignedCms {
  type: "signed";
  version: number;
  eContentType: string;
  /** The encapsulated content (chunks concatenated); absent for a detached signature. */
  eContent?: Uint8Array;
  /** DER of every certificate the message carries (the first MAX_CERTIFICATES). */
  certificates: Uint8Array[];
  /** How many certificates the message carries (more than `certificates` when the cap was hit). */
  certificateCount: number;
  /** How many SignerInfos there are; `signerInfos` holds the first MAX_SIGNERS. */
  signerCount: number;
  signerInfos: SignerInfoData[];
  digestAlgorithms: string[];
}

export interface EnvelopedCms {
  type: "enveloped" | "auth-enveloped";
  /** The first MAX_RECIPIENTS recipients. */
  recipients: Recipient[];
  /** How many recipients there are in all. */
  recipientCount: number;
  contentEncryptionAlgorithm: string;
  /** OID of the content-encryption algorithm. */
  contentEncryptionOid: string;
}

export interface UnknownCms {
  type: "unknown";
  /** Name ("digested-data"…) or OID of the content type. */
  contentType: string;
}

export type CmsInfo = SignedCms | EnvelopedCms | UnknownCms;

export interface VerifyOptions {
  /** The content of a detached signature (multipart/signed first part). */
  detachedContent?: Uint8Array;
  /** Trust anchors: DER (explicit, "command-line") or typed with their origin. */
  trustAnchors: readonly (Uint8Array | TrustAnchor)[];
  /** Explicitly distrusted certificates. */
  distrust?: readonly DistrustEntry[];
  /** Evaluation time. */
  at: Date;
  /** Depth of this S/MIME layer (0 = outermost). */
  layer: number;
  /** The engine's crypto (its port and caches); unset: a context of this call's own. */
  crypto?: CryptoContext;
}

export type Verifying = VerifyOptions & { crypto: CryptoContext };

/** The certificate path (DER, leaf first) built for each signer, for revocation checks. */
export const SIGNER_PATHS = new WeakMap<Signer, Uint8Array[]>();
export function signerPath(signer: Signer): Uint8Array[] | undefined {
  return SIGNER_PATHS.get(signer);
}

export interface SignedResult {
  verdict: SignatureVerdict;
  signers: Signer[];
  findings: Finding[];
  /** eContent of an opaque signature. */
  content?: Uint8Array;
}
