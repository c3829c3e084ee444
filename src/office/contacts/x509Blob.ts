/**
 * The value format Outlook reads from a contact's PidTagUserX509Certificate (MAPI 0x3A70,
 * PtypMultipleBinary): [MS-OXOABK] 2.2.4.36, "Non-ASN.1 Binary Value Format".
 *
 * Each binary value is either an ASN.1 DER SignedData BLOB (first byte 0x30) or a run of security
 * settings, one after another. A setting is TAG (2 bytes, little-endian), LENGTH (2 bytes,
 * little-endian, counting the 4-byte TAG+LENGTH header too) and DATA (LENGTH − 4 bytes).
 * The tags are the PR_CERT_* ids that Outlook also uses in its security profiles:
 *   0x0001 PropVersion (ULONG, MUST be 1)      0x0006 MessageEncoding (ULONG, 1 = S/MIME)
 *   0x0008 SignCertificate (DER X.509)         0x0003 KeyExchangeCertificate (DER X.509)
 *   0x0004 ChainCertificate (DER, may repeat)  0x0020 Defaults (ULONG bitmask)
 *   0x0051 DisplayName (UTF-16LE, NUL-terminated)
 *
 * Pure TypeScript, no Office.js: testable anywhere.
 */
import { sha256 } from "@noble/hashes/sha2";
import { concat, decodeBase64String, encodeBase64, toHex } from "../../engine";

export const TAG_PROP_VERSION = 0x0001;
export const TAG_ASYMMETRIC_CAPS = 0x0002;
export const TAG_KEYEX_CERTIFICATE = 0x0003;
export const TAG_CHAIN_CERTIFICATE = 0x0004;
export const TAG_MESSAGE_ENCODING = 0x0006;
export const TAG_SIGN_CERTIFICATE = 0x0008;
export const TAG_SIGN_SHA1_HASH = 0x0009;
export const TAG_DISPLAY_NAME_A = 0x000b;
export const TAG_DEFAULTS = 0x0020;
export const TAG_KEYEX_SHA1_HASH = 0x0022;
export const TAG_DISPLAY_NAME_W = 0x0051;

/** MessageEncoding value for S/MIME. */
export const ENCODING_SMIME = 1;
/** Defaults bits (PR_CERT_DEFAULTS). */
export const DEFAULTS_FOR_FORMAT = 0x1;
export const DEFAULTS_GLOBAL = 0x2;
export const DEFAULTS_SEND_CERT = 0x4;

/** Graph's id for the property (multiValueExtendedProperties). */
export const GRAPH_X509_PROPERTY_ID = "BinaryArray 0x3A70";

/** The largest DATA a 16-bit LENGTH (which counts the header) can describe. */
export const MAX_SETTING_DATA = 0xffff - 4;

export interface CertificateBlobInput {
  /** DER of the signing certificate (0x0008). */
  signing?: Uint8Array;
  /** DER of the encryption (key exchange) certificate (0x0003). */
  encryption?: Uint8Array;
  /** DER certificates to help build the chain (0x0004, repeated). */
  chain?: Uint8Array[];
  /** Display name (0x0051), e.g. the certificate's common name. */
  displayName?: string;
  /** Defaults bitmask (0x0020). */
  defaults?: number;
}

export interface BlobRecord {
  tag: number;
  /** DATA bytes (a view into the decoded value). */
  data: Uint8Array;
}

export type DecodedBlob =
  | {
      kind: "settings";
      records: BlobRecord[];
      version?: number;
      encoding?: number;
      signing?: Uint8Array;
      encryption?: Uint8Array;
      chain: Uint8Array[];
      displayName?: string;
      defaults?: number;
    }
  /** An ASN.1 DER SignedData BLOB (first byte 0x30): kept as is, not interpreted here. */
  | { kind: "asn1"; bytes: Uint8Array }
  | { kind: "malformed"; reason: string; offset: number };

function record(tag: number, data: Uint8Array): Uint8Array {
  if (data.length > MAX_SETTING_DATA) {
    throw new RangeError(`setting 0x${tag.toString(16).padStart(4, "0")} too long: ${data.length} bytes`);
  }
  const out = new Uint8Array(4 + data.length);
  const len = 4 + data.length;
  out[0] = tag & 0xff;
  out[1] = (tag >> 8) & 0xff;
  out[2] = len & 0xff;
  out[3] = (len >> 8) & 0xff;
  out.set(data, 4);
  return out;
}

function u32le(n: number): Uint8Array {
  const v = n >>> 0;
  return new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]);
}

function utf16leZ(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2 + 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
}

function readU32le(d: Uint8Array): number | undefined {
  if (d.length < 4) return undefined;
  return (
    ((d[0] as number) | ((d[1] as number) << 8) | ((d[2] as number) << 16) | ((d[3] as number) << 24)) >>> 0
  );
}

function readUtf16leZ(d: Uint8Array): string {
  let s = "";
  for (let i = 0; i + 1 < d.length; i += 2) {
    const c = (d[i] as number) | ((d[i + 1] as number) << 8);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

/**
 * Builds one PidTagUserX509Certificate value: version 1, S/MIME encoding, [defaults], [display name],
 * signing certificate, encryption certificate, [chain certificates]. Throws RangeError when a
 * certificate does not fit a 16-bit LENGTH, and TypeError when no certificate is given.
 */
export function encodeCertificateBlob(input: CertificateBlobInput): Uint8Array {
  if (!input.signing && !input.encryption)
    throw new TypeError("a signing or encryption certificate is required");
  const parts: Uint8Array[] = [
    record(TAG_PROP_VERSION, u32le(1)),
    record(TAG_MESSAGE_ENCODING, u32le(ENCODING_SMIME)),
  ];
  if (input.defaults !== undefined) parts.push(record(TAG_DEFAULTS, u32le(input.defaults)));
  if (input.displayName !== undefined && input.displayName !== "") {
    // Keep the display name well inside the 16-bit limit.
    parts.push(record(TAG_DISPLAY_NAME_W, utf16leZ(input.displayName.slice(0, 256))));
  }
  if (input.signing) parts.push(record(TAG_SIGN_CERTIFICATE, input.signing));
  if (input.encryption) parts.push(record(TAG_KEYEX_CERTIFICATE, input.encryption));
  for (const c of input.chain ?? []) parts.push(record(TAG_CHAIN_CERTIFICATE, c));
  return concat(parts);
}

/** Reads one PidTagUserX509Certificate value. Never throws; bounded by the input length. */
export function decodeCertificateBlob(blob: Uint8Array): DecodedBlob {
  if (blob.length > 0 && blob[0] === 0x30) return { kind: "asn1", bytes: blob };
  const records: BlobRecord[] = [];
  let pos = 0;
  while (pos < blob.length) {
    if (pos + 4 > blob.length) return { kind: "malformed", reason: "truncated setting header", offset: pos };
    const tag = (blob[pos] as number) | ((blob[pos + 1] as number) << 8);
    const len = (blob[pos + 2] as number) | ((blob[pos + 3] as number) << 8);
    if (len < 4) return { kind: "malformed", reason: `setting length ${len} is below 4`, offset: pos };
    if (pos + len > blob.length) {
      return { kind: "malformed", reason: `setting length ${len} runs past the end`, offset: pos };
    }
    records.push({ tag, data: blob.subarray(pos + 4, pos + len) });
    pos += len;
  }
  if (records.length === 0) return { kind: "malformed", reason: "empty value", offset: 0 };
  const out: Extract<DecodedBlob, { kind: "settings" }> = { kind: "settings", records, chain: [] };
  for (const r of records) {
    switch (r.tag) {
      case TAG_PROP_VERSION: {
        const v = readU32le(r.data);
        if (v !== undefined) out.version = v;
        break;
      }
      case TAG_MESSAGE_ENCODING: {
        const v = readU32le(r.data);
        if (v !== undefined) out.encoding = v;
        break;
      }
      case TAG_DEFAULTS: {
        const v = readU32le(r.data);
        if (v !== undefined) out.defaults = v;
        break;
      }
      case TAG_SIGN_CERTIFICATE:
        out.signing = r.data;
        break;
      case TAG_KEYEX_CERTIFICATE:
        out.encryption = r.data;
        break;
      case TAG_CHAIN_CERTIFICATE:
        out.chain.push(r.data);
        break;
      case TAG_DISPLAY_NAME_W:
        out.displayName = readUtf16leZ(r.data);
        break;
      case TAG_DISPLAY_NAME_A:
        if (out.displayName === undefined) {
          let s = "";
          for (const b of r.data) {
            if (b === 0) break;
            s += String.fromCharCode(b);
          }
          out.displayName = s;
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** SHA-256 fingerprint (lower-case hex) of a DER certificate — the same form as CertificateSummary.sha256. */
export function fingerprint(der: Uint8Array): string {
  return toHex(sha256(der));
}

/**
 * SHA-256 fingerprints of the end-entity certificates a value names (signing and encryption).
 * An ASN.1 or malformed value gives a fingerprint of the whole value, so identical values still match.
 */
export function blobFingerprints(blob: Uint8Array): string[] {
  const d = decodeCertificateBlob(blob);
  if (d.kind !== "settings") return [`value:${fingerprint(blob)}`];
  const out = new Set<string>();
  if (d.signing) out.add(fingerprint(d.signing));
  if (d.encryption) out.add(fingerprint(d.encryption));
  if (out.size === 0) out.add(`value:${fingerprint(blob)}`);
  return [...out];
}

export interface MergeResult {
  /** Base64 values to write: every existing value, untouched and in order, then the new one if added. */
  values: string[];
  /** Whether the new value was appended (false: a value with the same certificate was already there). */
  added: boolean;
}

/**
 * Merges a new value into the values already on a contact (base64, as Graph returns them).
 * Existing values are kept byte for byte; the new one is appended unless one of the existing values
 * already carries its signing (or encryption) certificate, by SHA-256 fingerprint.
 */
export function mergeCertificateValues(existing: readonly string[], newBlob: Uint8Array): MergeResult {
  const have = new Set<string>();
  for (const v of existing) for (const f of blobFingerprints(decodeBase64String(v))) have.add(f);
  const mine = blobFingerprints(newBlob);
  const duplicate = mine.some((f) => have.has(f));
  const values = [...existing];
  if (!duplicate) values.push(encodeBase64(newBlob));
  return { values, added: !duplicate };
}
