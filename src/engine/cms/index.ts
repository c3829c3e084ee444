/**
 * CMS (RFC 5652) for S/MIME: parsing ContentInfo / SignedData / EnvelopedData / AuthEnvelopedData (BER
 * accepted: indefinite lengths, chunked eContent), and verification of every SignerInfo by hand with
 * WebCrypto (plus noble for what WebCrypto lacks). Host-free.
 */
import {
  buildChain,
  certificateFindings,
  parseCertificate,
  summaryOf,
  trustFinding,
  type ChainResult,
  type ParsedCertificate,
} from "../cert/index";
import { normalizedName, parseName } from "../cert/x509";
import { ownContext, type CryptoContext } from "../crypto/context";
import { digestSync, type HashName } from "../crypto/hashes";
import { finding } from "../findings";
import type { DistrustEntry, Finding, Recipient, SignatureVerdict, Signer, TrustAnchor } from "../types";
import { encodeBase64, equalBytes, toHex } from "../util/bytes";
import {
  CIPHER_OIDS,
  CONTENT_TYPE_NAMES,
  DIGEST_OIDS,
  KEY_ENCRYPTION_OIDS,
  OID,
  digestName,
  signatureName,
} from "../asn1/oids";
import { describeAppended, findPrefixesByDigest, lastBoundaryDigests } from "./appended";
import {
  MAX_APPENDED_SIGNATURE_CHECKS,
  MAX_CERTIFICATES,
  MAX_NAME_IN_MESSAGE,
  MAX_RECIPIENTS,
  MAX_SIGNERS,
  cutString,
} from "../limits";
import {
  children,
  childrenUpTo,
  Asn1Error,
  decodeOid,
  decodeTime,
  expect,
  integerHex,
  isContext,
  isUniversal,
  octetStringContent,
  oidOf,
  readTlv,
  TAG,
  tagName,
  type Tlv,
} from "../asn1";
import {
  keyWithinLimits,
  publicKeyOf,
  quickToCheck,
  rsaExponentBits,
  resolveScheme,
  verifyData,
  verifyDigest,
  type PublicKey,
  type Scheme,
} from "../crypto/signature";

export { Asn1Error } from "../asn1";

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
  /** Problems seen in the attributes (several values, unreadable time…). */
  attrProblems: string[];
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

type Verifying = VerifyOptions & { crypto: CryptoContext };

/** The certificate path (DER, leaf first) built for each signer, for revocation checks. */
const SIGNER_PATHS = new WeakMap<Signer, Uint8Array[]>();
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

// ---------------------------------------------------------------------------------------------------
// Parsing

function smallInt(t: Tlv | undefined): number {
  if (!isUniversal(t, TAG.INTEGER) || t.value.length > 4) return -1;
  let v = 0;
  for (const b of t.value) v = v * 256 + b;
  return v;
}

/**
 * Parses a CMS ContentInfo (DER or BER). Throws Asn1Error(message, offset) saying what is wrong and where.
 * Trailing bytes after the ContentInfo are ignored.
 */
export function parseCms(der: Uint8Array): CmsInfo {
  try {
    return parseCmsInner(der);
  } catch (err) {
    if (err instanceof Asn1Error) throw err;
    throw new Asn1Error(`unreadable CMS structure (${err instanceof Error ? err.message : String(err)})`);
  }
}

function parseCmsInner(der: Uint8Array): CmsInfo {
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

function parseSignedData(sd: Tlv): SignedCms {
  const parts = children(sd);
  let i = 0;
  const versionT = expect(parts[i++], TAG.INTEGER, "SignedData version", sd.offset);
  const digestAlgsT = expect(parts[i++], TAG.SET, "SignedData digestAlgorithms", sd.offset);
  const digestAlgorithms: string[] = [];
  for (const a of children(digestAlgsT)) {
    const o = children(expect(a, TAG.SEQUENCE, "digest AlgorithmIdentifier", digestAlgsT.offset))[0];
    digestAlgorithms.push(oidOf(o, "digest algorithm OID", a.offset));
  }
  const eci = expect(parts[i++], TAG.SEQUENCE, "SignedData encapContentInfo", sd.offset);
  const [eTypeT, eContentWrap] = children(eci);
  const eContentType = oidOf(eTypeT, "eContentType", eci.offset);
  let eContent: Uint8Array | undefined;
  if (eContentWrap) {
    if (!isContext(eContentWrap, 0)) {
      throw new Asn1Error(
        `eContent: expected [0], found ${tagName(eContentWrap.cls, eContentWrap.tag)}`,
        eContentWrap.offset,
      );
    }
    const os = children(eContentWrap)[0];
    if (os) {
      // PKCS#7 v1.5 allowed any type here; its digest covers the value octets.
      eContent = isUniversal(os, TAG.OCTET_STRING) ? octetStringContent(os) : os.value;
    }
  }
  const certificates: Uint8Array[] = [];
  let certificateCount = 0;
  let signerInfosT: Tlv | undefined;
  for (; i < parts.length; i++) {
    const t = parts[i] as Tlv;
    if (isContext(t, 0)) {
      const { list, count } = childrenUpTo(t, MAX_CERTIFICATES);
      for (const c of list) if (isUniversal(c, TAG.SEQUENCE)) certificates.push(c.raw);
      certificateCount += count;
    } else if (isContext(t, 1)) {
      // CRLs: not used.
    } else if (isUniversal(t, TAG.SET)) {
      signerInfosT = t;
    } else {
      throw new Asn1Error(`unexpected ${tagName(t.cls, t.tag)} in SignedData`, t.offset);
    }
  }
  if (!signerInfosT) throw new Asn1Error("SignedData signerInfos is missing", sd.offset);
  const signerTlvs = childrenUpTo(signerInfosT, MAX_SIGNERS);
  const signerInfos = signerTlvs.list.map((t, idx) => parseSignerInfo(t, idx));
  return {
    type: "signed",
    version: smallInt(versionT),
    eContentType,
    ...(eContent !== undefined ? { eContent } : {}),
    certificates,
    certificateCount,
    signerCount: signerTlvs.count,
    signerInfos,
    digestAlgorithms,
  };
}

function parseIssuerSerial(t: Tlv): { issuerDer: Uint8Array; issuer: string; serialNumber: string } {
  const [nameT, serialT] = children(t);
  const name = expect(nameT, TAG.SEQUENCE, "IssuerAndSerialNumber issuer", t.offset);
  const serial = expect(serialT, TAG.INTEGER, "IssuerAndSerialNumber serialNumber", t.offset);
  return { issuerDer: name.raw, issuer: parseName(name).text, serialNumber: integerHex(serial.value) };
}

function toDerSet(attrs: Tlv): Uint8Array {
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

function parseSignerInfo(t: Tlv, index: number): SignerInfoData {
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

function readSignedAttributes(attrs: Tlv, out: SignerInfoData): void {
  const seen = new Set<string>();
  for (const a of children(attrs)) {
    const [typeT, valuesT] = children(expect(a, TAG.SEQUENCE, "signed attribute", attrs.offset));
    const type = oidOf(typeT, "signed attribute type", a.offset);
    const values = children(expect(valuesT, TAG.SET, "signed attribute values", a.offset));
    if (
      seen.has(type) &&
      (type === OID.contentType || type === OID.messageDigest || type === OID.signingTime)
    ) {
      out.attrProblems.push(`attribute ${type} appears more than once`);
    }
    seen.add(type);
    const v = values[0];
    if (values.length !== 1 && (type === OID.contentType || type === OID.messageDigest)) {
      out.attrProblems.push(`attribute ${type} has ${values.length} values`);
    }
    if (!v) continue;
    if (type === OID.contentType && isUniversal(v, TAG.OID)) out.contentTypeAttr = decodeOid(v.value);
    else if (type === OID.messageDigest && isUniversal(v, TAG.OCTET_STRING))
      out.messageDigest = octetStringContent(v);
    else if (type === OID.signingTime) {
      const d = decodeTime(v);
      if (d) out.signingTime = d;
      else out.attrProblems.push("unreadable signing-time");
    }
  }
}

function algName(t: Tlv | undefined, table: Record<string, string>): { oid: string; name: string } {
  if (!isUniversal(t, TAG.SEQUENCE)) return { oid: "", name: "unknown" };
  const o = children(t)[0];
  if (!isUniversal(o, TAG.OID)) return { oid: "", name: "unknown" };
  const oid = decodeOid(o.value);
  return { oid, name: table[oid] ?? oid };
}

function ridOf(t: Tlv | undefined): Partial<Recipient> {
  if (isUniversal(t, TAG.SEQUENCE)) {
    const r = parseIssuerSerial(t);
    return { issuer: r.issuer, serialNumber: r.serialNumber };
  }
  if (isContext(t, 0)) {
    // SubjectKeyIdentifier ([0] IMPLICIT OCTET STRING), or RecipientKeyIdentifier in kari ([0] IMPLICIT SEQUENCE).
    if (t.constructed) {
      const first = children(t)[0];
      if (isUniversal(first, TAG.OCTET_STRING))
        return { subjectKeyIdentifier: toHex(octetStringContent(first)) };
      return {};
    }
    return { subjectKeyIdentifier: toHex(t.value) };
  }
  return {};
}

function parseRecipients(set: Tlv): { recipients: Recipient[]; count: number } {
  const out: Recipient[] = [];
  const all = childrenUpTo(set, MAX_RECIPIENTS);
  let extra = all.count - all.list.length;
  for (const ri of all.list) {
    if (isUniversal(ri, TAG.SEQUENCE)) {
      // KeyTransRecipientInfo
      const [, rid, kea] = children(ri);
      const alg = algName(kea, KEY_ENCRYPTION_OIDS);
      out.push({ type: "ktri", ...ridOf(rid), keyEncryptionAlgorithm: alg.name });
    } else if (isContext(ri, 1)) {
      // KeyAgreeRecipientInfo: one recipient per RecipientEncryptedKey.
      const parts = children(ri);
      let k = 1;
      if (isContext(parts[k], 0)) k++; // originator
      if (isContext(parts[k], 1)) k++; // ukm
      const alg = algName(parts[k++], KEY_ENCRYPTION_OIDS);
      const reks = parts[k];
      if (isUniversal(reks, TAG.SEQUENCE)) {
        const r = childrenUpTo(reks, MAX_RECIPIENTS);
        extra += r.count - r.list.length;
        for (const rek of r.list) {
          const rid = children(rek)[0];
          out.push({ type: "kari", ...ridOf(rid), keyEncryptionAlgorithm: alg.name });
        }
      }
    } else if (isContext(ri, 2)) {
      const parts = children(ri);
      out.push({ type: "kekri", keyEncryptionAlgorithm: algName(parts[2], KEY_ENCRYPTION_OIDS).name });
    } else if (isContext(ri, 3)) {
      const parts = children(ri);
      const kea = parts.find((p, idx) => idx > 0 && isUniversal(p, TAG.SEQUENCE));
      out.push({ type: "pwri", keyEncryptionAlgorithm: algName(kea, KEY_ENCRYPTION_OIDS).name });
    } else if (isContext(ri, 4)) {
      const o = children(ri)[0];
      out.push({
        type: "ori",
        ...(isUniversal(o, TAG.OID) ? { keyEncryptionAlgorithm: decodeOid(o.value) } : {}),
      });
    } else {
      throw new Asn1Error(`unknown RecipientInfo ${tagName(ri.cls, ri.tag)}`, ri.offset);
    }
  }
  const count = out.length + extra;
  return { recipients: out.length > MAX_RECIPIENTS ? out.slice(0, MAX_RECIPIENTS) : out, count };
}

function parseEnveloped(ed: Tlv, auth: boolean): EnvelopedCms {
  const parts = children(ed);
  let i = 0;
  expect(parts[i++], TAG.INTEGER, `${auth ? "AuthEnvelopedData" : "EnvelopedData"} version`, ed.offset);
  if (isContext(parts[i], 0)) i++; // originatorInfo
  const ris = expect(parts[i++], TAG.SET, "recipientInfos", ed.offset);
  const eci = expect(parts[i++], TAG.SEQUENCE, "encryptedContentInfo", ed.offset);
  const alg = algName(children(eci)[1], CIPHER_OIDS);
  const { recipients, count } = parseRecipients(ris);
  return {
    type: auth ? "auth-enveloped" : "enveloped",
    recipients,
    recipientCount: count,
    contentEncryptionAlgorithm: alg.name,
    contentEncryptionOid: alg.oid,
  };
}

// ---------------------------------------------------------------------------------------------------
// Verification

type Status = "ok" | "bad" | "unverifiable";

/** What the signers of one SignedData share for the appended-footer search (limits.ts). */
interface SharedSearch {
  /** The prefix length whose digest is `md`, searched once per hash for every signer. */
  appendedPrefix: (h: HashName, md: Uint8Array) => Promise<number | undefined>;
  /** Hand-made signature checks left for signers without signed attributes. */
  checksLeft: number;
  /** Results per distinct key, signature and hash. */
  bySignature: Map<string, number | undefined>;
}

interface SignerCheck {
  status: Status;
  /** SIGNATURE_INVALID reason, when bad. */
  reason?: string;
  findings: Finding[];
}

function signerLabel(s: Signer): string {
  const cut = (v: string): string => cutString(v, MAX_NAME_IN_MESSAGE);
  if (s.commonName) return s.emails[0] ? `${cut(s.commonName)} <${cut(s.emails[0])}>` : cut(s.commonName);
  if (s.emails[0]) return cut(s.emails[0]);
  if (s.subject) return cut(s.subject);
  return s.serialNumber ? `serial ${cut(s.serialNumber)}` : "an unknown signer";
}

function signerLabelJa(s: Signer): string {
  const l = signerLabel(s);
  return l === "an unknown signer" ? "不明な署名者" : l;
}

function findCertificate(
  sid: SignerId,
  certs: (ParsedCertificate | undefined)[],
): ParsedCertificate | undefined {
  for (const c of certs) {
    if (!c) continue;
    if (sid.kind === "issuer-serial") {
      if (c.serialNumber !== sid.serialNumber) continue;
      if (equalBytes(c.issuerDer, sid.issuerDer)) return c;
      try {
        if (normalizedName(c.issuerAttrs) === normalizedName(parseName(readTlv(sid.issuerDer, 0)).attrs))
          return c;
      } catch {
        // unreadable name: no match
      }
    } else {
      if (c.subjectKeyIdentifier === sid.subjectKeyIdentifier) return c;
      try {
        // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING value.
        const spki = children(readTlv(c.spki, 0));
        const bits = spki[1];
        if (bits && toHex(digestSync("sha-1", bits.value.subarray(1))) === sid.subjectKeyIdentifier) return c;
      } catch {
        // no match
      }
    }
  }
  return undefined;
}

/** Base64 of a certificate, made once per parsed certificate (signers sharing one do not each encode it). */
const BASE64 = new WeakMap<ParsedCertificate, string>();
function certificateBase64(cert: ParsedCertificate): string {
  let b = BASE64.get(cert);
  if (b === undefined) {
    b = encodeBase64(cert.der);
    BASE64.set(cert, b);
  }
  return b;
}

function placeholderSigner(si: SignerInfoData, layer: number): Signer {
  const issuer = si.sid.kind === "issuer-serial" ? si.sid.issuer : "";
  return {
    subject: "",
    commonName: "",
    emails: [],
    issuer,
    serialNumber: si.sid.kind === "issuer-serial" ? si.sid.serialNumber : "",
    notBefore: "",
    notAfter: "",
    sha256: "",
    keyType: "unknown",
    selfSigned: false,
    jcan: /jcan/i.test(issuer),
    digestAlgorithm: digestName(si.digestAlgorithm),
    signatureAlgorithm: signatureName(si.signatureAlgorithm),
    chain: [],
    trusted: false,
    valid: false,
    layer,
  };
}

function unsupported(
  kind: "digest" | "signature" | "key",
  name: string,
  detail: Record<string, unknown>,
): Finding {
  const en = {
    digest: `the digest algorithm ${name}`,
    signature: `the signature algorithm ${name}`,
    key: `a ${name} key`,
  }[kind];
  const ja = { digest: `ダイジェスト方式 ${name}`, signature: `署名方式 ${name}`, key: `${name} の鍵` }[kind];
  return finding(
    "UNSUPPORTED_ALGORITHM",
    {
      en: `This signature uses ${en}, which this tool cannot check. The signature may well be fine; it simply cannot be verified here.`,
      ja: `この署名には${ja}が使われていますが、このツールでは確認できません。署名が正しい可能性もありますが、ここでは検証できません。`,
    },
    { ...detail, kind },
  );
}

/**
 * MALFORMED_CMS for each cap of limits.ts this SignedData reached (more signers or certificates than are
 * read), with `detail.limit`: what was left unchecked is said, never dropped silently.
 */
export function cmsLimitFindings(cms: SignedCms, layer: number): Finding[] {
  const out: Finding[] = [];
  if (cms.signerCount > cms.signerInfos.length) {
    out.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The signature has ${cms.signerCount} signers, more than this tool checks (${MAX_SIGNERS}); only the first ${cms.signerInfos.length} were checked, so the signature as a whole cannot be confirmed.`,
          ja: `署名者が ${cms.signerCount} 件あり、このツールが確認する上限（${MAX_SIGNERS} 件）を超えています。最初の ${cms.signerInfos.length} 件だけを確認したため、署名全体が正しいとは確認できません。`,
        },
        { limit: "signers", cap: MAX_SIGNERS, count: cms.signerCount, layer },
      ),
    );
  }
  if (cms.certificateCount > MAX_CERTIFICATES) {
    out.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The signature carries ${cms.certificateCount} certificates, more than this tool reads (${MAX_CERTIFICATES}); the rest were ignored.`,
          ja: `署名データに電子証明書が ${cms.certificateCount} 件含まれており、このツールが読み取る上限（${MAX_CERTIFICATES} 件）を超えています。残りは読み取っていません。`,
        },
        { limit: "certificates", cap: MAX_CERTIFICATES, count: cms.certificateCount, layer },
      ),
    );
  }
  return out;
}

/**
 * Verifies every SignerInfo of a SignedData. Never throws: unexpected problems become findings.
 */
export async function verifySigned(cms: SignedCms, options: VerifyOptions): Promise<SignedResult> {
  const opts: Verifying = { ...options, crypto: ownContext(options.crypto) };
  const opaqueContent = opts.detachedContent === undefined ? cms.eContent : undefined;
  try {
    return await verifySignedInner(cms, opts, opaqueContent);
  } catch (err) {
    return {
      verdict: "unverifiable",
      signers: [],
      findings: [
        finding(
          "MALFORMED_CMS",
          {
            en: `The signature could not be processed: ${err instanceof Error ? err.message : String(err)}.`,
            ja: `署名を処理できませんでした（${err instanceof Error ? err.message : String(err)}）。`,
          },
          { error: err instanceof Error ? err.message : String(err), layer: opts.layer },
        ),
      ],
      ...(opaqueContent !== undefined ? { content: opaqueContent } : {}),
    };
  }
}

async function verifySignedInner(
  cms: SignedCms,
  opts: Verifying,
  opaqueContent: Uint8Array | undefined,
): Promise<SignedResult> {
  const findings: Finding[] = [];
  const signers: Signer[] = [];
  const withContent = (r: Omit<SignedResult, "content">): SignedResult =>
    opaqueContent !== undefined ? { ...r, content: opaqueContent } : r;

  const embedded = cms.eContent;
  const attack = opts.detachedContent !== undefined && embedded !== undefined && embedded.length > 0;
  const content = attack ? embedded : (opts.detachedContent ?? embedded);

  if (cms.signerInfos.length === 0) {
    findings.push(
      finding(
        "SIGNATURE_INVALID",
        {
          en: "The signature contains no signer at all, so nothing vouches for this message.",
          ja: "署名データに署名者が 1 人も含まれていないため、このメッセージを保証するものはありません。",
        },
        { reason: "no-signers", layer: opts.layer },
      ),
    );
    return withContent({ verdict: "invalid", signers, findings });
  }

  const parsedCerts = cms.certificates.map((der) => {
    try {
      return parseCertificate(der);
    } catch {
      return undefined;
    }
  });
  const digestCache = new Map<HashName, Promise<Uint8Array>>();
  const contentDigest = (h: HashName): Promise<Uint8Array> => {
    let p = digestCache.get(h);
    if (!p) {
      p = opts.crypto.digest(h, content ?? new Uint8Array(0));
      digestCache.set(h, p);
    }
    return p;
  };

  // The appended-footer search: one pass per digest algorithm for every signer's message digest (not one
  // pass per signer), and a budget of hand-made signature checks for signers without signed attributes.
  const prefixCache = new Map<HashName, Promise<Map<string, number>>>();
  const shared: SharedSearch = {
    appendedPrefix: (h, md) => {
      let p = prefixCache.get(h);
      if (!p) {
        p = (async () => {
          const d = await contentDigest(h);
          const targets = new Set<string>();
          for (const x of cms.signerInfos) {
            if (x.messageDigest && DIGEST_OIDS[x.digestAlgorithm] === h && !equalBytes(x.messageDigest, d))
              targets.add(toHex(x.messageDigest));
          }
          return findPrefixesByDigest(content ?? new Uint8Array(0), h, targets);
        })();
        prefixCache.set(h, p);
      }
      return p.then((m) => m.get(toHex(md)));
    },
    checksLeft: MAX_APPENDED_SIGNATURE_CHECKS,
    bySignature: new Map(),
  };

  const statuses: Status[] = [];
  const limitFindings = cmsLimitFindings(cms, opts.layer);
  if (limitFindings.length > 0) {
    findings.push(...limitFindings);
  }
  for (const si of cms.signerInfos) {
    const { signer, check } = await verifyOne(si, cms, opts, parsedCerts, content, contentDigest, shared);
    if (attack) {
      signer.valid = false;
    }
    signers.push(signer);
    statuses.push(check.status);
    for (const f of check.findings) findings.push(f);
  }

  if (attack) {
    const sameAsShown = equalBytes(embedded, opts.detachedContent as Uint8Array);
    findings.unshift(
      finding(
        "SIGNATURE_INVALID",
        {
          en: sameAsShown
            ? "The detached signature unexpectedly carries its own copy of the content. A signature that embeds content must not be trusted for the message shown beside it."
            : "The signature carries its own, different content: it vouches for that hidden content, not for the message you see. Treat this message as forged.",
          ja: sameAsShown
            ? "分離署名の中に、本来含まれないはずの本文が埋め込まれています。このような署名は、表示されているメッセージの保証として信頼できません。"
            : "署名の中に、表示されている本文とは別の本文が埋め込まれています。署名が保証しているのはその隠れた本文で、表示されている内容ではありません。偽装されたメッセージとして扱ってください。",
        },
        {
          reason: "embedded-content",
          embeddedBytes: embedded.length,
          shownBytes: opts.detachedContent?.length ?? 0,
          sameAsShown,
          signatureOverEmbeddedValid: statuses.every((s) => s === "ok"),
          layer: opts.layer,
        },
      ),
    );
  }

  if (cms.signerCount > 1) {
    findings.push(
      finding(
        "MULTIPLE_SIGNERS",
        {
          en: `This message has ${cms.signerCount} signatures: ${signers.map(signerLabel).join("; ")}. Each is checked separately.`,
          ja: `このメッセージには ${cms.signerCount} 件の署名があります（${signers.map(signerLabelJa).join("、")}）。それぞれを個別に確認しています。`,
        },
        {
          count: cms.signerCount,
          signers: signers.map((s, i) => ({
            index: i,
            subject: s.subject,
            valid: s.valid,
            status: statuses[i],
          })),
          layer: opts.layer,
        },
      ),
    );
  }

  let verdict: SignatureVerdict;
  if (attack || statuses.includes("bad")) verdict = "invalid";
  else if (statuses.includes("unverifiable") || cms.signerCount > cms.signerInfos.length)
    verdict = "unverifiable";
  else verdict = "valid";

  if (verdict === "valid") {
    const names = signers.map(signerLabel).join("; ");
    const namesJa = signers.map(signerLabelJa).join("、");
    findings.unshift(
      finding(
        "SIGNATURE_VALID",
        signers.length === 1
          ? {
              en: `The signature of ${names} is valid: the message has not been changed since it was signed.`,
              ja: `${namesJa} の署名は正しく、署名されてから内容は変更されていません。`,
            }
          : {
              en: `All ${signers.length} signatures are valid (${names}): the message has not been changed since it was signed.`,
              ja: `${signers.length} 件の署名（${namesJa}）はすべて正しく、署名されてから内容は変更されていません。`,
            },
        { signers: signers.length, layer: opts.layer },
      ),
    );
  }
  return withContent({ verdict, signers, findings });
}

async function verifyOne(
  si: SignerInfoData,
  cms: SignedCms,
  opts: Verifying,
  parsedCerts: (ParsedCertificate | undefined)[],
  content: Uint8Array | undefined,
  contentDigest: (h: HashName) => Promise<Uint8Array>,
  shared: SharedSearch,
): Promise<{ signer: Signer; check: SignerCheck }> {
  const out: Finding[] = [];
  const idx = si.index;
  const cert = findCertificate(si.sid, parsedCerts);
  let signer: Signer;
  let chain: ChainResult | undefined;
  let datesUnreadable = false;
  if (cert) {
    const summary = summaryOf(cert);
    // The chain is judged at the time of signing (the signing time, else the evaluation time).
    chain = await buildChain(cert.der, cms.certificates, opts.trustAnchors, {
      time: si.signingTime ?? opts.at,
      ...(opts.distrust ? { distrust: opts.distrust } : {}),
      crypto: opts.crypto,
    });
    signer = {
      ...summary,
      jcan: summary.jcan || chain.chain.some((c) => c.jcan),
      digestAlgorithm: digestName(si.digestAlgorithm),
      signatureAlgorithm: signatureName(si.signatureAlgorithm),
      chain: chain.chain.map((c) => c.subject),
      trusted: chain.trusted,
      ...(chain.trusted && chain.trustedBy ? { trustedBy: chain.trustedBy } : {}),
      valid: false,
      layer: opts.layer,
      certificate: certificateBase64(cert),
    };
    SIGNER_PATHS.set(signer, chain.ders ?? [cert.der]);
    const cf = certificateFindings(summary, {
      at: opts.at,
      ...(si.signingTime ? { signingTime: si.signingTime } : {}),
    });
    const tf = trustFinding(summary, chain);
    for (const f of tf ? [...cf, tf] : cf)
      out.push({ ...f, detail: { ...f.detail, signer: idx, layer: opts.layer } });
    // Validity dates that cannot be read (certificateFindings says so): the signer cannot count as valid.
    datesUnreadable = cf.some((f) => f.code === "MALFORMED_CMS");
  } else {
    signer = placeholderSigner(si, opts.layer);
  }
  if (si.signingTime) signer.signingTime = si.signingTime.toISOString();
  const label = signerLabel(signer);
  const labelJa = signerLabelJa(signer);
  const base = { signer: idx, subject: signer.subject, layer: opts.layer };

  if (!cert) {
    out.push(
      finding(
        "SIGNER_CERTIFICATE_MISSING",
        {
          en: `The certificate of the signer (${si.sid.kind === "issuer-serial" ? `issued by ${si.sid.issuer}, serial ${si.sid.serialNumber}` : `key id ${si.sid.subjectKeyIdentifier}`}) is not included in the message, so the signature cannot be checked. Ask the sender to send a signed message that includes the certificate.`,
          ja: `署名者の証明書（${si.sid.kind === "issuer-serial" ? `発行者 ${si.sid.issuer}、シリアル番号 ${si.sid.serialNumber}` : `鍵識別子 ${si.sid.subjectKeyIdentifier}`}）がメールに含まれていないため、署名を確認できません。証明書を含めて署名したメールを送ってもらうよう、送信者に依頼してください。`,
        },
        {
          ...base,
          ...(si.sid.kind === "issuer-serial"
            ? { issuer: si.sid.issuer, serialNumber: si.sid.serialNumber }
            : { subjectKeyIdentifier: si.sid.subjectKeyIdentifier }),
        },
      ),
    );
  }

  const hash: HashName | undefined = DIGEST_OIDS[si.digestAlgorithm];
  if (hash === "sha-1" || hash === "md5") {
    const h = hash === "md5" ? "MD5" : "SHA-1";
    out.push(
      finding(
        "WEAK_DIGEST",
        {
          en: `The signature of ${label} uses ${h}, which is no longer considered secure. Current mail clients (Thunderbird, recent Outlook) may reject it; the sender should switch to SHA-256.`,
          ja: `${labelJa} の署名には ${h} が使われています。${h} は現在では安全とはみなされず、最近のメールソフト（Thunderbird や新しい Outlook など）では署名が受け付けられないことがあります。送信者に SHA-256 へ切り替えてもらってください。`,
        },
        { ...base, source: "signature", digestAlgorithm: hash },
      ),
    );
  }

  const fail = (reason: string, en: string, ja: string, extra: Record<string, unknown> = {}): SignerCheck => {
    out.unshift(finding("SIGNATURE_INVALID", { en, ja }, { ...base, reason, ...extra }));
    return { status: "bad", reason, findings: out };
  };
  const unverifiable = (): SignerCheck => ({ status: "unverifiable", findings: out });
  const done = (check: SignerCheck): { signer: Signer; check: SignerCheck } => {
    signer.valid = check.status === "ok";
    return { signer, check };
  };

  if (!hash) {
    out.push(
      unsupported("digest", digestName(si.digestAlgorithm), {
        ...base,
        algorithm: digestName(si.digestAlgorithm),
        oid: si.digestAlgorithm,
      }),
    );
    return done(unverifiable());
  }
  if (content === undefined) {
    return done(unverifiable());
  }

  // Signed attributes: content type and message digest first (a mismatch is a failure even without a key).
  let digestOk = true;
  if (si.signedAttrs) {
    if (si.contentTypeAttr === undefined) {
      return done(
        fail(
          "content-type-missing",
          `The signature of ${label} lacks the required content-type attribute, so it cannot be valid.`,
          `${labelJa} の署名には必須の content-type 属性がないため、有効な署名ではありません。`,
        ),
      );
    }
    if (si.contentTypeAttr !== cms.eContentType) {
      return done(
        fail(
          "content-type-mismatch",
          `The signature of ${label} was made for another kind of content (${si.contentTypeAttr}) than the message carries (${cms.eContentType}).`,
          `${labelJa} の署名は、このメッセージとは別の種類の内容（${si.contentTypeAttr}）に対するものです。`,
          { signedContentType: si.contentTypeAttr, eContentType: cms.eContentType },
        ),
      );
    }
    if (!si.messageDigest) {
      return done(
        fail(
          "message-digest-missing",
          `The signature of ${label} lacks the message-digest attribute, so it does not vouch for any content.`,
          `${labelJa} の署名には message-digest 属性がないため、どの内容も保証していません。`,
        ),
      );
    }
    const d = await contentDigest(hash);
    digestOk = equalBytes(d, si.messageDigest);
  }

  // The signature itself.
  let sigOutcome: "ok" | "bad" | "unsupported" | "no-key" = "no-key";
  let scheme: Scheme | undefined;
  let key: PublicKey | undefined;
  const resolved = resolveScheme(si.signatureAlgorithm, si.signatureParams, hash);
  if (!resolved.ok) {
    out.push(
      unsupported("signature", resolved.reason, {
        ...base,
        algorithm: resolved.name,
        oid: resolved.oid,
      }),
    );
    sigOutcome = "unsupported";
  } else if (cert) {
    scheme = resolved.scheme;
    if (scheme.hash === "sha-1" || scheme.hash === "md5") {
      if (hash !== scheme.hash && !out.some((f) => f.code === "WEAK_DIGEST")) {
        out.push(
          finding(
            "WEAK_DIGEST",
            {
              en: `The signature of ${label} uses ${scheme.hash.toUpperCase()}, which is no longer considered secure.`,
              ja: `${labelJa} の署名には ${scheme.hash.toUpperCase()} が使われています。現在では安全とはみなされていません。`,
            },
            { ...base, source: "signature", digestAlgorithm: scheme.hash },
          ),
        );
      }
    }
    try {
      key = publicKeyOf(cert.spki);
    } catch {
      key = undefined;
    }
    if (!key || key.kind === "other") {
      const kt =
        key && key.kind === "other" ? `${key.type}${key.curve ? ` ${key.curve}` : ""}` : "unreadable";
      out.push(unsupported("key", kt, { ...base, algorithm: kt, oid: key?.oid ?? "" }));
      sigOutcome = "unsupported";
    } else if (!keyWithinLimits(key)) {
      // limits.ts: a key this large would take this tool minutes to check by hand.
      const kt =
        key.kind === "rsa" ? `RSA ${key.bits}-bit (exponent of ${rsaExponentBits(key)} bits)` : key.kind;
      out.push(
        unsupported("key", kt, {
          ...base,
          algorithm: kt,
          oid: key.oid,
          limit: "rsa-key-size",
          ...(key.kind === "rsa" ? { keyBits: key.bits, exponentBits: rsaExponentBits(key) } : {}),
        }),
      );
      sigOutcome = "unsupported";
    } else {
      sigOutcome = await verifyData(opts.crypto, scheme, key, si.signedAttrs ?? content, si.signature);
    }
  }

  if (sigOutcome === "unsupported" && !out.some((f) => f.code === "UNSUPPORTED_ALGORITHM")) {
    out.push(
      unsupported("signature", signatureName(si.signatureAlgorithm), {
        ...base,
        algorithm: signatureName(si.signatureAlgorithm),
        oid: si.signatureAlgorithm,
      }),
    );
  }

  if (!digestOk) {
    const appended = await shared.appendedPrefix(hash, si.messageDigest as Uint8Array);
    const check = fail(
      "message-digest-mismatch",
      `The message was changed after ${label} signed it: its content no longer matches the signature.`,
      `${labelJa} が署名した後に、メッセージの内容が変更されています。内容が署名と一致しません。`,
      { signatureVerified: sigOutcome === "ok" },
    );
    if (appended !== undefined)
      out.push(appendedFinding(content, appended, base, sigOutcome === "ok", label, labelJa));
    return done(check);
  }

  if (sigOutcome === "bad") {
    let appended: number | undefined;
    let appendedSearch: string | undefined;
    if (!si.signedAttrs && scheme && key) {
      // Once per distinct key, signature and hash; only for keys quick to check, within the budget.
      const id = `${scheme.scheme}|${scheme.hash}|${toHex(si.signature)}|${cert ? toHex(cert.spki) : ""}`;
      if (shared.bySignature.has(id)) appended = shared.bySignature.get(id);
      else if (!quickToCheck(key)) appendedSearch = "skipped: the key is too large to check repeatedly";
      else {
        const candidates = lastBoundaryDigests(content, scheme.hash, 64).reverse();
        if (candidates.length > shared.checksLeft) appendedSearch = "skipped: check budget used up";
        else {
          for (const c of candidates) {
            shared.checksLeft--;
            if (verifyDigest(scheme, key, c.digest, si.signature) === "ok") {
              appended = c.length;
              break;
            }
          }
          shared.bySignature.set(id, appended);
        }
      }
    }
    const check = fail(
      appended !== undefined ? "message-digest-mismatch" : "signature-mismatch",
      appended !== undefined
        ? `The message was changed after ${label} signed it: its content no longer matches the signature.`
        : `The signature of ${label} does not match: the signed data or the signature was altered, or the signature was not made with this certificate's key.`,
      appended !== undefined
        ? `${labelJa} が署名した後に、メッセージの内容が変更されています。内容が署名と一致しません。`
        : `${labelJa} の署名が一致しません。署名されたデータか署名そのものが変更されたか、この証明書の鍵で作られた署名ではありません。`,
      appendedSearch !== undefined ? { appendedSearch } : {},
    );
    if (appended !== undefined) out.push(appendedFinding(content, appended, base, true, label, labelJa));
    return done(check);
  }
  if (sigOutcome === "ok" && !datesUnreadable) return done({ status: "ok", findings: out });
  return done(unverifiable());
}

function appendedFinding(
  content: Uint8Array,
  signedBytes: number,
  base: Record<string, unknown>,
  signatureVerified: boolean,
  label: string,
  labelJa: string,
): Finding {
  const d = describeAppended(content, signedBytes);
  const preview = d.appendedPreview.length > 80 ? `${d.appendedPreview.slice(0, 80)}…` : d.appendedPreview;
  return finding(
    "CONTENT_APPENDED",
    {
      en: `${d.addedBytes} bytes (${d.addedLines} line${d.addedLines === 1 ? "" : "s"}) were added at the end of the message after ${label} signed it — typically a disclaimer or virus-scan note appended by a mail server. ${signatureVerified ? "The part that was signed is intact." : "The part before it matches what was signed."} The added text begins: "${preview}"`,
      ja: `${labelJa} が署名した後で、メッセージの末尾に ${d.addedBytes} バイト（${d.addedLines} 行）が追加されています。多くはメールサーバーが付け加える免責事項やウイルスチェックの通知です。${signatureVerified ? "署名された部分そのものは変更されていません。" : "追加部分より前は、署名された内容と一致しています。"}追加された部分の冒頭：「${preview}」`,
    },
    { ...base, ...d, signatureVerified },
  );
}
