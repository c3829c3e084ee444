/**
 * Public keys (SubjectPublicKeyInfo): RSA, EC, Ed25519, DSA; their sizes and the limits of what is checked.
 */

import { equalBytes } from "../util/bytes";
import { CURVES, OID, curveInfo } from "../asn1/oids";
import { bigFromBytes, children, Asn1Error, decodeOid, isUniversal, readTlv, TAG, type Tlv } from "../asn1";
import {
  MAX_APPENDED_SEARCH_EXPONENT_BITS,
  MAX_APPENDED_SEARCH_RSA_BITS,
  MAX_RSA_EXPONENT_BITS,
  MAX_RSA_MODULUS_BITS,
} from "../limits";

export type PublicKey =
  | { kind: "rsa"; oid: string; n: bigint; e: bigint; nBytes: Uint8Array; eBytes: Uint8Array; bits: number }
  | {
      kind: "ec";
      oid: string;
      curve: "P-256" | "P-384" | "P-521";
      point: Uint8Array;
      bytes: number;
      bits: number;
    }
  /** DSA with its domain parameters (FIPS 186-4), within the sizes we check (see DSA_LIMITS). */
  | { kind: "dsa"; oid: string; p: bigint; q: bigint; g: bigint; y: bigint; bits: number; qBits: number }
  /** Ed25519 (RFC 8410): the 32-byte public key. */
  | { kind: "ed25519"; oid: string; raw: Uint8Array; bits: 256 }
  | { kind: "other"; oid: string; type: string; curve?: string; bits?: number };

/**
 * DSA sizes we verify: p up to 3072 bits (FIPS 186-4's largest; a bound on the BigInt work a hostile
 * certificate can ask for), q of 160, 224 or 256 bits. Anything else is reported as unsupported.
 */
export const DSA_LIMITS = { maxPBits: 3072, minPBits: 512, qBits: [160, 224, 256] } as const;

export function stripZeros(v: Uint8Array): Uint8Array {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return v.subarray(i);
}

export function bitLength(v: Uint8Array): number {
  const s = stripZeros(v);
  if (s.length === 0) return 0;
  return (s.length - 1) * 8 + (32 - Math.clz32(s[0] as number));
}

/** Parses a DER SubjectPublicKeyInfo. */
export function parseSpki(spki: Uint8Array): PublicKey {
  const top = readTlv(spki, 0);
  const [alg, bits] = children(top);
  if (!isUniversal(alg, TAG.SEQUENCE) || !isUniversal(bits, TAG.BIT_STRING)) {
    throw new Asn1Error("malformed SubjectPublicKeyInfo", top.offset);
  }
  const [oidT, params] = children(alg);
  if (!isUniversal(oidT, TAG.OID)) throw new Asn1Error("malformed public key algorithm", alg.offset);
  const oid = decodeOid(oidT.value);
  const key = bits.value.subarray(1);
  if (oid === OID.rsaEncryption || oid === OID.rsaPss || oid === OID.x500Rsa) {
    const [n, e] = children(readTlv(key, 0));
    if (!isUniversal(n, TAG.INTEGER) || !isUniversal(e, TAG.INTEGER))
      throw new Asn1Error("malformed RSA public key");
    const nBytes = stripZeros(n.value);
    const eBytes = stripZeros(e.value);
    return {
      kind: "rsa",
      oid,
      n: bigFromBytes(nBytes),
      e: bigFromBytes(eBytes),
      nBytes,
      eBytes,
      bits: bitLength(nBytes),
    };
  }
  if (oid === OID.ecPublicKey) {
    const curveOid = isUniversal(params, TAG.OID) ? decodeOid(params.value) : "";
    const known = CURVES[curveOid];
    if (known)
      return { kind: "ec", oid, curve: known.name, point: key, bytes: known.bytes, bits: known.bits };
    const other = curveInfo(curveOid);
    return {
      kind: "other",
      oid,
      type: "ec",
      curve: other?.name ?? (curveOid || "explicit parameters"),
      ...(other ? { bits: other.bits } : {}),
    };
  }
  if (oid === OID.ed25519) {
    if (key.length !== 32) return { kind: "other", oid, type: "ed25519", bits: 256 };
    return { kind: "ed25519", oid, raw: key, bits: 256 };
  }
  if (oid === OID.ed448) return { kind: "other", oid, type: "ed448", bits: 448 };
  if (oid === OID.dsa) return parseDsaKey(oid, params, key);
  return { kind: "other", oid, type: oid };
}

/** A DSA key: Dss-Parms { p, q, g } in the algorithm parameters, the INTEGER y in the BIT STRING. */
export function parseDsaKey(oid: string, params: Tlv | undefined, key: Uint8Array): PublicKey {
  // Parameters inherited from the issuer (absent here) are not supported: nothing to check against.
  if (!isUniversal(params, TAG.SEQUENCE)) return { kind: "other", oid, type: "dsa (no parameters)" };
  const [pT, qT, gT] = children(params);
  const y = readTlv(key, 0);
  if (
    !isUniversal(pT, TAG.INTEGER) ||
    !isUniversal(qT, TAG.INTEGER) ||
    !isUniversal(gT, TAG.INTEGER) ||
    !isUniversal(y, TAG.INTEGER)
  )
    throw new Asn1Error("malformed DSA public key");
  const bits = bitLength(pT.value);
  const qBits = bitLength(qT.value);
  if (
    bits > DSA_LIMITS.maxPBits ||
    bits < DSA_LIMITS.minPBits ||
    !(DSA_LIMITS.qBits as readonly number[]).includes(qBits)
  )
    return { kind: "other", oid, type: `dsa (p ${bits} bits, q ${qBits} bits)`, bits };
  return {
    kind: "dsa",
    oid,
    p: bigFromBytes(stripZeros(pT.value)),
    q: bigFromBytes(stripZeros(qT.value)),
    g: bigFromBytes(stripZeros(gT.value)),
    y: bigFromBytes(stripZeros(y.value)),
    bits,
    qBits,
  };
}

/**
 * parseSpki, remembered per byte array (a certificate parsed once is shared across a batch, and so is its
 * SubjectPublicKeyInfo view); a hit is checked byte for byte.
 */
export const SPKI_KEYS = new WeakMap<Uint8Array, { bytes: Uint8Array; key: PublicKey }>();

export function publicKeyOf(spki: Uint8Array): PublicKey {
  const hit = SPKI_KEYS.get(spki);
  if (hit && equalBytes(hit.bytes, spki)) return hit.key;
  const key = parseSpki(spki);
  SPKI_KEYS.set(spki, { bytes: spki.slice(), key });
  return key;
}

/** Size of an RSA public exponent in bits. */
export function rsaExponentBits(key: Extract<PublicKey, { kind: "rsa" }>): number {
  return bitLength(key.eBytes);
}

/**
 * Whether this engine checks signatures of the key at all (limits.ts): an RSA key above the caps is
 * "unsupported" — one check by hand could take minutes.
 */
export function keyWithinLimits(key: PublicKey): boolean {
  return (
    key.kind !== "rsa" || (key.bits <= MAX_RSA_MODULUS_BITS && rsaExponentBits(key) <= MAX_RSA_EXPONENT_BITS)
  );
}

/** Whether one hand-made check of this key is quick enough to repeat for the appended-footer search. */
export function quickToCheck(key: PublicKey): boolean {
  if (key.kind === "ec") return true;
  return (
    key.kind === "rsa" &&
    key.bits <= MAX_APPENDED_SEARCH_RSA_BITS &&
    rsaExponentBits(key) <= MAX_APPENDED_SEARCH_EXPONENT_BITS
  );
}

/** Short description of a key, e.g. "rsa 2048", "ec P-256". */
export function keyDescription(key: PublicKey): { keyType: string; keySize?: number; curve?: string } {
  if (key.kind === "rsa") return { keyType: key.oid === OID.rsaPss ? "rsa-pss" : "rsa", keySize: key.bits };
  if (key.kind === "ec") return { keyType: "ec", keySize: key.bits, curve: key.curve };
  if (key.kind === "dsa") return { keyType: "dsa", keySize: key.bits };
  if (key.kind === "ed25519") return { keyType: "ed25519", keySize: 256 };
  return {
    // "dsa (p 4096 bits, q 256 bits)" → "dsa": the sizes are in keySize and in the finding.
    keyType: key.type.split(" ")[0] ?? key.type,
    ...(key.bits !== undefined ? { keySize: key.bits } : {}),
    ...(key.curve !== undefined ? { curve: key.curve } : {}),
  };
}
