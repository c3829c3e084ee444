/**
 * SignerInfo (RFC 5652 §5.3) and its signed attributes (content type, message digest, signing time).
 */
import { toHex } from "../util/bytes";
import { OID } from "../asn1/oids";
import {
  children,
  Asn1Error,
  decodeOid,
  decodeTime,
  expect,
  isContext,
  isUniversal,
  octetStringContent,
  oidOf,
  TAG,
  type Tlv,
} from "../asn1";
import { type AttributeProblem, type SignerId, type SignerInfoData } from "./types";
import { parseIssuerSerial, smallInt } from "./fields";

export function toDerSet(attrs: Tlv): Uint8Array {
  if (!attrs.indefinite) {
    const out = attrs.raw.slice();
    out[0] = 0x31;
    return out;
  }
  const len = attrs.value.length;
  const lenBytes: number[] = [];
  if (len < 0x80) lenBytes.push(len);
  else {
    const b: number[] = [];
    for (let v = len; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
    lenBytes.push(0x80 | b.length, ...b);
  }
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = 0x31;
  out.set(lenBytes, 1);
  out.set(attrs.value, 1 + lenBytes.length);
  return out;
}

export function parseSignerInfo(t: Tlv, index: number): SignerInfoData {
  const si = expect(t, TAG.SEQUENCE, `SignerInfo #${index + 1}`, t.offset);
  const parts = children(si);
  let i = 0;
  const version = smallInt(expect(parts[i++], TAG.INTEGER, "SignerInfo version", si.offset));
  const sidT = parts[i++];
  let sid: SignerId;
  if (isUniversal(sidT, TAG.SEQUENCE)) sid = { kind: "issuer-serial", ...parseIssuerSerial(sidT) };
  else if (isContext(sidT, 0))
    sid = {
      kind: "ski",
      subjectKeyIdentifier: toHex(sidT.constructed ? octetStringContent(sidT) : sidT.value),
    };
  else
    throw new Asn1Error(
      "SignerInfo sid is neither IssuerAndSerialNumber nor SubjectKeyIdentifier",
      sidT?.offset ?? si.offset,
    );
  const dAlg = expect(parts[i++], TAG.SEQUENCE, "SignerInfo digestAlgorithm", si.offset);
  const digestAlgorithm = oidOf(children(dAlg)[0], "SignerInfo digestAlgorithm OID", dAlg.offset);
  const out: SignerInfoData = {
    index,
    offset: si.offset,
    version,
    sid,
    digestAlgorithm,
    signatureAlgorithm: "",
    signatureParams: undefined,
    signature: new Uint8Array(0),
    attrProblems: [],
  };
  if (isContext(parts[i], 0)) {
    const attrs = parts[i++] as Tlv;
    out.signedAttrs = toDerSet(attrs);
    readSignedAttributes(attrs, out);
  }
  const sAlg = expect(parts[i++], TAG.SEQUENCE, "SignerInfo signatureAlgorithm", si.offset);
  const [sOid, sParams] = children(sAlg);
  out.signatureAlgorithm = oidOf(sOid, "SignerInfo signatureAlgorithm OID", sAlg.offset);
  out.signatureParams = sParams;
  out.signature = octetStringContent(expect(parts[i++], TAG.OCTET_STRING, "SignerInfo signature", si.offset));
  return out;
}

/** The signed attributes RFC 5652 §11 allows once, with one value. */
const ATTRIBUTE_NAMES: Record<string, AttributeProblem["attribute"]> = {
  [OID.contentType]: "content-type",
  [OID.messageDigest]: "message-digest",
  [OID.signingTime]: "signing-time",
};

export function readSignedAttributes(attrs: Tlv, out: SignerInfoData): void {
  const seen = new Set<string>();
  for (const a of children(attrs)) {
    const [typeT, valuesT] = children(expect(a, TAG.SEQUENCE, "signed attribute", attrs.offset));
    const type = oidOf(typeT, "signed attribute type", a.offset);
    const values = children(expect(valuesT, TAG.SET, "signed attribute values", a.offset));
    const name = ATTRIBUTE_NAMES[type];
    if (name && seen.has(type)) out.attrProblems.push({ attribute: name, problem: "repeated" });
    seen.add(type);
    const v = values[0];
    if (values.length !== 1 && (name === "content-type" || name === "message-digest")) {
      out.attrProblems.push({ attribute: name, problem: "several-values", values: values.length });
    }
    if (!v) continue;
    if (type === OID.contentType && isUniversal(v, TAG.OID)) out.contentTypeAttr = decodeOid(v.value);
    else if (type === OID.messageDigest && isUniversal(v, TAG.OCTET_STRING))
      out.messageDigest = octetStringContent(v);
    else if (type === OID.signingTime) {
      const d = decodeTime(v);
      if (d) out.signingTime = d;
      else out.attrProblems.push({ attribute: "signing-time", problem: "unreadable" });
    }
  }
}
