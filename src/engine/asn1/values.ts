/** Primitive values: OBJECT IDENTIFIER, INTEGER. */
import { toHex } from "../util/bytes";
import { children, readTlv, type Tlv } from "./reader";
import { Asn1Error } from "./errors";
import { expect, isUniversal, TAG } from "./tags";

/** Dotted OID from the value octets. */
export function decodeOid(v: Uint8Array): string {
  const parts: number[] = [];
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    const b = v[i] as number;
    acc = acc * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = acc < 40 ? 0 : acc < 80 ? 1 : 2;
        parts.push(first, acc - first * 40);
      } else parts.push(acc);
      acc = 0;
    }
  }
  return parts.join(".");
}

export function oidOf(t: Tlv | undefined, what: string, parentOffset: number): string {
  return decodeOid(expect(t, TAG.OID, what, parentOffset).value);
}

/** INTEGER value octets as lower-case hex with leading zero octets stripped (keeps one for zero). */
export function integerHex(v: Uint8Array): string {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return toHex(v.subarray(i));
}

/** Unsigned big-endian bytes → bigint, in linear time (one hex parse, not a shift per byte). */
export function bigFromBytes(v: Uint8Array): bigint {
  return v.length === 0 ? 0n : BigInt(`0x${toHex(v)}`);
}

/**
 * The outer SEQUENCE { tbs SEQUENCE, signatureAlgorithm SEQUENCE, signature BIT STRING } that certificates and
 * CRLs share (RFC 5280 §4.1, §5.1). Throws Asn1Error naming `what` when the bytes are not one.
 */
export function signedEnvelope(
  der: Uint8Array,
  what: string,
): { top: Tlv; tbsT: Tlv; sigAlgT: Tlv; sigT: Tlv } {
  const top = readTlv(der, 0);
  if (!isUniversal(top, TAG.SEQUENCE)) throw new Asn1Error(`a ${what} must be a SEQUENCE`, top.offset);
  const [tbsT, sigAlgT, sigT] = children(top);
  if (
    !isUniversal(tbsT, TAG.SEQUENCE) ||
    !isUniversal(sigAlgT, TAG.SEQUENCE) ||
    !isUniversal(sigT, TAG.BIT_STRING)
  )
    throw new Asn1Error(`malformed ${what}`, top.offset);
  return { top, tbsT, sigAlgT, sigT };
}
