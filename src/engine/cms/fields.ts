/**
 * Small fields shared by the CMS decoders: versions, IssuerAndSerialNumber, AlgorithmIdentifier names.
 */
import { parseName } from "../x509/certificate";
import { children, decodeOid, expect, integerHex, isUniversal, TAG, type Tlv } from "../asn1";

export function smallInt(t: Tlv | undefined): number {
  if (!isUniversal(t, TAG.INTEGER) || t.value.length > 4) return -1;
  let v = 0;
  for (const b of t.value) v = v * 256 + b;
  return v;
}

export function parseIssuerSerial(t: Tlv): { issuerDer: Uint8Array; issuer: string; serialNumber: string } {
  const [nameT, serialT] = children(t);
  const name = expect(nameT, TAG.SEQUENCE, "IssuerAndSerialNumber issuer", t.offset);
  const serial = expect(serialT, TAG.INTEGER, "IssuerAndSerialNumber serialNumber", t.offset);
  return { issuerDer: name.raw, issuer: parseName(name).text, serialNumber: integerHex(serial.value) };
}

export function algName(t: Tlv | undefined, table: Record<string, string>): { oid: string; name: string } {
  if (!isUniversal(t, TAG.SEQUENCE)) return { oid: "", name: "unknown" };
  const o = children(t)[0];
  if (!isUniversal(o, TAG.OID)) return { oid: "", name: "unknown" };
  const oid = decodeOid(o.value);
  return { oid, name: table[oid] ?? oid };
}
