/**
 * ContentInfo (RFC 5652 §3): the outer wrapper, dispatching to SignedData / (Auth)EnvelopedData.
 */
import { CONTENT_TYPE_NAMES, OID } from "../asn1/oids";
import { children, Asn1Error, expect, isContext, isUniversal, oidOf, readTlv, TAG, tagName } from "../asn1";
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
