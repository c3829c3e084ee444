/**
 * EnvelopedData / AuthEnvelopedData (RFC 5652 §6, RFC 5083): recipients and the content-encryption algorithm.
 */
import { CIPHER_OIDS } from "../asn1/oids";
import { children, expect, isContext, TAG, type Tlv } from "../asn1";
import { type EnvelopedCms } from "./types";
import { algName } from "./fields";
import { parseRecipients } from "./recipientInfo";

export function parseEnveloped(ed: Tlv, auth: boolean): EnvelopedCms {
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
