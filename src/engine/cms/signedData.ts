/**
 * SignedData (RFC 5652 §5.1): digest algorithms, encapsulated content, certificates, SignerInfos.
 */
import { MAX_CERTIFICATES, MAX_SIGNERS } from "../limits";
import {
  children,
  childrenUpTo,
  Asn1Error,
  expect,
  isContext,
  isUniversal,
  octetStringContent,
  oidOf,
  TAG,
  tagName,
  type Tlv,
} from "../asn1";
import { type SignedCms } from "./types";
import { smallInt } from "./fields";
import { parseSignerInfo } from "./signerInfo";

export function parseSignedData(sd: Tlv): SignedCms {
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
