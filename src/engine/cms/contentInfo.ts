/**
 * ContentInfo (RFC 5652 §3): the outer wrapper, dispatching to SignedData / (Auth)EnvelopedData.
 */
import { CONTENT_TYPE_NAMES, OID } from "../asn1/oids";
import {
  children,
  Asn1Error,
  expect,
  isContext,
  isUniversal,
  oidOf,
  onlyMalformed,
  readTlv,
  TAG,
  tagName,
} from "../asn1";
import { type CmsInfo } from "./types";
import { parseSignedData } from "./signedData";
import { parseEnveloped } from "./envelopedData";

/**
 * Parses a CMS ContentInfo (DER or BER). Throws Asn1Error(message, offset) saying what is wrong and where.
 * Trailing bytes after the ContentInfo are ignored.
 */
export function parseCms(der: Uint8Array): CmsInfo {
  // Malformed input throws Asn1Error; anything else is the engine's own failure and goes up as is (the
  // caller reports it as INTERNAL_ERROR, never as malformed input).
  return parseCmsInner(der);
}

export function parseCmsInner(der: Uint8Array): CmsInfo {
  if (der.length === 0) throw new Asn1Error("the CMS data is empty", 0);
  const top = readTlv(der, 0);
  if (!isUniversal(top, TAG.SEQUENCE)) {
    throw new Asn1Error(
      `a CMS ContentInfo must start with a SEQUENCE, found ${tagName(top.cls, top.tag)}`,
      0,
    );
  }
  const [ctT, contentT] = children(top);
  const contentType = oidOf(ctT, "ContentInfo contentType", top.offset);
  if (!isContext(contentT, 0)) {
    if (
      contentType === OID.signedData ||
      contentType === OID.envelopedData ||
      contentType === OID.authEnvelopedData
    ) {
      throw new Asn1Error("ContentInfo has no [0] content", contentT?.offset ?? top.offset);
    }
    return { type: "unknown", contentType: CONTENT_TYPE_NAMES[contentType] ?? contentType };
  }
  const inner = children(contentT)[0];
  if (contentType === OID.signedData) {
    return parseSignedData(expect(inner, TAG.SEQUENCE, "SignedData", contentT.offset));
  }
  if (contentType === OID.envelopedData || contentType === OID.authEnvelopedData) {
    const auth = contentType === OID.authEnvelopedData;
    return parseEnveloped(
      expect(inner, TAG.SEQUENCE, auth ? "AuthEnvelopedData" : "EnvelopedData", contentT.offset),
      auth,
    );
  }
  return { type: "unknown", contentType: CONTENT_TYPE_NAMES[contentType] ?? contentType };
}

/**
 * The ContentInfo's contentType from its first bytes alone, for CMS data that cannot be parsed whole (cut
 * short, damaged further on): the OID sits right after the outer SEQUENCE's header. "signed", "enveloped"
 * or undefined. Malformed bytes give undefined; only the engine's own failures go up.
 */
export function peekContentType(der: Uint8Array): "signed" | "enveloped" | undefined {
  if (der[0] !== 0x30 || der.length < 2) return undefined;
  const lb = der[1] as number;
  // the outer length: short form, indefinite (0x80), or long form of 1–4 bytes
  const pos = lb < 0x80 || lb === 0x80 ? 2 : lb <= 0x84 ? 2 + (lb & 0x7f) : -1;
  if (pos < 0 || der[pos] !== 0x06) return undefined;
  try {
    const oid = oidOf(readTlv(der, pos), "ContentInfo contentType", 0);
    if (oid === OID.signedData) return "signed";
    if (oid === OID.envelopedData || oid === OID.authEnvelopedData) return "enveloped";
  } catch (err) {
    onlyMalformed(err); // not even the OID is whole
  }
  return undefined;
}
