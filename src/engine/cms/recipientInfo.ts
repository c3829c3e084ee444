/**
 * RecipientInfo (RFC 5652 §6.2): ktri, kari, kekri, pwri, ori — who can open an encrypted message.
 */
import type { Recipient } from "../types";
import { toHex } from "../util/bytes";
import { KEY_ENCRYPTION_OIDS } from "../asn1/oids";
import { MAX_RECIPIENTS } from "../limits";
import {
  children,
  childrenUpTo,
  Asn1Error,
  decodeOid,
  isContext,
  isUniversal,
  octetStringContent,
  TAG,
  tagName,
  type Tlv,
} from "../asn1";
import { parseIssuerSerial, algName } from "./fields";

export function ridOf(t: Tlv | undefined): Partial<Recipient> {
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

export function parseRecipients(set: Tlv): { recipients: Recipient[]; count: number } {
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
