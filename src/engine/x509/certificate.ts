/**
 * X.509 certificate parsing on the copy-free BER reader: raw pieces (TBS, names, SPKI, signature) for chain building and the decoded fields for CertificateSummary.
 */
import { BoundedCache, type CryptoContext } from "../crypto/context";
import {
  children,
  Asn1Error,
  decodeOid,
  decodeTime,
  forEachChild,
  integerHex,
  isContext,
  isUniversal,
  readTlv,
  TAG,
  type Tlv,
  signedEnvelope,
} from "../asn1";
import { equalBytes, latin1, toHex } from "../util/bytes";
import { parseName } from "./name";
import { onlyMalformed } from "../asn1/errors";

export interface ParsedCertificate {
  der: Uint8Array;
  tbs: Uint8Array;
  serialNumber: string;
  /** Signature algorithm of the certificate (outer). */
  sigAlgOid: string;
  sigAlgParams: Tlv | undefined;
  signature: Uint8Array;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  issuer: string;
  subject: string;
  /** RDN attributes in DER order, decoded. */
  subjectAttrs: { type: string; value: string }[];
  issuerAttrs: { type: string; value: string }[];
  notBefore: Date | undefined;
  notAfter: Date | undefined;
  spki: Uint8Array;
  keyUsage?: string[];
  extendedKeyUsage?: string[];
  sanEmails: string[];
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  isCA?: boolean;
  /** X.509 version as written (1, 2 or 3; 1 when the field is absent). */
  version: number;
  /**
   * basicConstraints (2.5.29.19) when present and readable: cA and pathLenConstraint. Absent: no such
   * extension, so the certificate is no CA (RFC 5280 4.2.1.9) unless it is a trust anchor.
   */
  basicConstraints?: { cA: boolean; pathLen?: number };
  /** CRL distribution point URIs (fullName uniformResourceIdentifier), as written. */
  crlUrls?: string[];
  /** OCSP responder URIs from the Authority Information Access extension. */
  ocspUrls?: string[];
}

export const KEY_USAGE_NAMES = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
];

export const EKU_NAMES: Record<string, string> = {
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "2.5.29.37.0": "anyExtendedKeyUsage",
  "1.3.6.1.4.1.311.10.3.12": "documentSigning",
  "1.3.6.1.4.1.311.10.3.4": "encryptingFileSystem",
  "1.3.6.1.4.1.311.20.2.2": "smartcardLogon",
  "1.2.840.113583.1.1.5": "adobePdfSigning",
};

/**
 * Certificates already parsed, keyed by length and signature tail and checked byte for byte on a hit: a
 * batch of mail repeats the same signer and CA certificates. Entries hold a copy of the DER, never a view
 * into a (possibly 50 MB) message. Bounded; the oldest entry goes first. Parsed certificates are data that
 * no caller modifies, so a hit can share the object.
 */
export const PARSE_CACHE_MAX = 256;

/**
 * Parses a DER certificate. Throws Asn1Error when it is not one. With the engine's crypto context, the
 * parse is kept in that engine's cache (see above); without, it is made afresh.
 */
export function parseCertificate(der: Uint8Array, engine?: CryptoContext): ParsedCertificate {
  if (!engine) return parseCertificateUncached(der.slice());
  const parseCache = engine.store(
    "certificates",
    () => new BoundedCache<string, ParsedCertificate>(PARSE_CACHE_MAX),
  );
  const key = `${der.length}:${toHex(der.subarray(Math.max(0, der.length - 24)))}`;
  const hit = parseCache.get(key);
  if (hit && equalBytes(hit.der, der)) return hit;
  const parsed = parseCertificateUncached(der.slice());
  parseCache.set(key, parsed);
  return parsed;
}

export function parseCertificateUncached(der: Uint8Array): ParsedCertificate {
  const { top, tbsT, sigAlgT, sigT } = signedEnvelope(der, "certificate");
  const tbs = children(tbsT);
  let i = 0;
  let version = 1;
  if (isContext(tbs[0], 0)) {
    const v = children(tbs[0])[0];
    if (isUniversal(v, TAG.INTEGER) && v.value.length === 1) version = (v.value[0] as number) + 1;
    else version = 0; // unreadable version: neither v1 nor v3
    i++;
  }
  const serialT = tbs[i++];
  i++; // inner signature algorithm
  const issuerT = tbs[i++];
  const validityT = tbs[i++];
  const subjectT = tbs[i++];
  const spkiT = tbs[i++];
  if (
    !isUniversal(serialT, TAG.INTEGER) ||
    !isUniversal(issuerT, TAG.SEQUENCE) ||
    !isUniversal(validityT, TAG.SEQUENCE) ||
    !isUniversal(subjectT, TAG.SEQUENCE) ||
    !isUniversal(spkiT, TAG.SEQUENCE)
  ) {
    throw new Asn1Error("malformed certificate body (TBSCertificate)", tbsT.offset);
  }
  const [sigOidT, sigParams] = children(sigAlgT);
  if (!isUniversal(sigOidT, TAG.OID))
    throw new Asn1Error("malformed certificate signature algorithm", sigAlgT.offset);
  const [nb, na] = children(validityT);
  const issuer = parseName(issuerT);
  const subject = parseName(subjectT);
  const cert: ParsedCertificate = {
    der: top.raw,
    tbs: tbsT.raw,
    serialNumber: integerHex(serialT.value),
    sigAlgOid: decodeOid(sigOidT.value),
    sigAlgParams: sigParams,
    signature: sigT.value.subarray(1),
    issuerDer: issuerT.raw,
    subjectDer: subjectT.raw,
    issuer: issuer.text,
    subject: subject.text,
    issuerAttrs: issuer.attrs,
    subjectAttrs: subject.attrs,
    notBefore: nb ? decodeTime(nb) : undefined,
    notAfter: na ? decodeTime(na) : undefined,
    spki: spkiT.raw,
    sanEmails: [],
    version,
  };
  for (; i < tbs.length; i++) {
    const t = tbs[i] as Tlv;
    if (!isContext(t, 3)) continue;
    const exts = children(t)[0];
    if (!isUniversal(exts, TAG.SEQUENCE)) continue;
    for (const ext of children(exts)) {
      try {
        readExtension(ext, cert);
      } catch (e) {
        onlyMalformed(e);
        // An unreadable extension is ignored (the certificate's other fields stay usable).
      }
    }
  }
  return cert;
}

export function readExtension(ext: Tlv, cert: ParsedCertificate): void {
  const parts = children(ext);
  const oidT = parts[0];
  const valT = parts[parts.length - 1];
  if (!isUniversal(oidT, TAG.OID) || !isUniversal(valT, TAG.OCTET_STRING)) return;
  const oid = decodeOid(oidT.value);
  const inner = (): Tlv => readTlv(valT.value, 0);
  switch (oid) {
    case "2.5.29.15": {
      const bits = inner();
      const unused = bits.value[0] ?? 0;
      const names: string[] = [];
      const total = (bits.value.length - 1) * 8 - unused;
      for (let b = 0; b < total && b < KEY_USAGE_NAMES.length; b++) {
        const byte = bits.value[1 + (b >> 3)] ?? 0;
        if (byte & (0x80 >> (b & 7))) names.push(KEY_USAGE_NAMES[b] as string);
      }
      cert.keyUsage = names;
      break;
    }
    case "2.5.29.37":
      cert.extendedKeyUsage = children(inner())
        .filter((o) => isUniversal(o, TAG.OID))
        .map((o) => {
          const id = decodeOid(o.value);
          return EKU_NAMES[id] ?? id;
        });
      break;
    case "2.5.29.17":
      // rfc822Name ([1] IA5String, primitive): read without a node per GeneralName (there may be 100 000).
      forEachChild(inner(), (id, bytes, start, end) => {
        if (id === 0x81) cert.sanEmails.push(latin1(bytes, start, end));
      });
      break;
    case "2.5.29.14":
      cert.subjectKeyIdentifier = toHex(inner().value);
      break;
    case "2.5.29.35": {
      const kid = children(inner()).find((c) => isContext(c, 0));
      if (kid) cert.authorityKeyIdentifier = toHex(kid.value);
      break;
    }
    case "2.5.29.19": {
      // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
      const bc = children(inner());
      const cA = isUniversal(bc[0], TAG.BOOLEAN) && bc[0].value[0] !== 0;
      cert.isCA = cA;
      const lenT = bc.find((c) => isUniversal(c, TAG.INTEGER));
      let pathLen: number | undefined;
      if (lenT) {
        // Non-negative; a huge value is as good as none, a negative one allows nothing.
        const v = lenT.value;
        if ((v[0] ?? 0) & 0x80) pathLen = 0;
        else pathLen = v.length > 4 ? MAX_PATH_LEN : Math.min(MAX_PATH_LEN, parseInt(toHex(v) || "0", 16));
      }
      cert.basicConstraints = pathLen === undefined ? { cA } : { cA, pathLen };
      break;
    }
    case "2.5.29.31": {
      // CRLDistributionPoints: DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
      const urls: string[] = [];
      for (const dp of children(inner())) {
        const dpn = children(dp).find((c) => isContext(c, 0));
        const full = dpn ? children(dpn).find((c) => isContext(c, 0)) : undefined;
        for (const gn of full ? children(full) : []) {
          if (gn.cls === 2 && gn.tag === 6 && !gn.constructed) urls.push(latin1(gn.value));
        }
      }
      cert.crlUrls = urls;
      break;
    }
    case "1.3.6.1.5.5.7.1.1": {
      const urls: string[] = [];
      for (const ad of children(inner())) {
        const [m, loc] = children(ad);
        if (!isUniversal(m, TAG.OID) || decodeOid(m.value) !== "1.3.6.1.5.5.7.48.1") continue;
        if (loc && loc.cls === 2 && loc.tag === 6 && !loc.constructed) urls.push(latin1(loc.value));
      }
      cert.ocspUrls = urls;
      break;
    }
    default:
      break;
  }
}

/** A pathLenConstraint at least this large limits nothing (paths are far shorter). */
export const MAX_PATH_LEN = 1000;
export { decodeString, normalizedIssuer, normalizedName, normalizedSubject, parseName } from "./name";
