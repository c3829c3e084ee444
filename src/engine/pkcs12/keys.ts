/**
 * The public half of a PKCS#8 private key, to compare with a certificate's SubjectPublicKeyInfo:
 * RSA modulus and exponent read from RSAPrivateKey; an EC public point derived by WebCrypto (import the
 * PKCS#8 key, export it as JWK), with @noble/curves as the fallback where WebCrypto refuses the encoding.
 */
import { p256, p384, p521 } from "@noble/curves/nist";
import type { CryptoContext } from "../crypto/context";
import { children, decodeOid, isContext, isUniversal, octetStringContent, readTlv, TAG } from "../asn1";
import { CURVES, OID, curveInfo } from "../asn1/oids";
import { parseSpki } from "../crypto/signature";
import { decodeBase64String, equalBytes, toArrayBuffer } from "../util/bytes";

export type KeyPublicPart =
  | { kind: "rsa"; n: Uint8Array; e: Uint8Array; bits: number }
  | { kind: "ec"; curve: string; point: Uint8Array }
  | { kind: "okp"; type: string; x: Uint8Array }
  | { kind: "unsupported"; type: string };

function strip(v: Uint8Array): Uint8Array {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return v.subarray(i);
}

function b64url(s: string | undefined): Uint8Array | undefined {
  return s === undefined ? undefined : decodeBase64String(s);
}

const NOBLE = { "P-256": p256, "P-384": p384, "P-521": p521 } as const;

/** The public part of a PKCS#8 PrivateKeyInfo. Throws on malformed input. */
export async function publicPartOfPkcs8(pkcs8: Uint8Array, crypto: CryptoContext): Promise<KeyPublicPart> {
  const top = readTlv(pkcs8, 0);
  if (!isUniversal(top, TAG.SEQUENCE)) throw new Error("the private key is not a PKCS#8 structure");
  const [version, alg, keyT] = children(top);
  if (
    !isUniversal(version, TAG.INTEGER) ||
    !isUniversal(alg, TAG.SEQUENCE) ||
    !isUniversal(keyT, TAG.OCTET_STRING)
  ) {
    throw new Error("malformed PKCS#8 private key");
  }
  const [oidT, params] = children(alg);
  if (!isUniversal(oidT, TAG.OID)) throw new Error("malformed private key algorithm");
  const oid = decodeOid(oidT.value);
  const key = octetStringContent(keyT);
  if (oid === OID.rsaEncryption || oid === OID.rsaPss) {
    const [, n, e] = children(readTlv(key, 0));
    if (!isUniversal(n, TAG.INTEGER) || !isUniversal(e, TAG.INTEGER))
      throw new Error("malformed RSA private key");
    const nb = strip(n.value);
    const bits = nb.length === 0 ? 0 : (nb.length - 1) * 8 + (32 - Math.clz32(nb[0] as number));
    return { kind: "rsa", n: nb, e: strip(e.value), bits };
  }
  if (oid === OID.ecPublicKey) {
    const curveOid = isUniversal(params, TAG.OID) ? decodeOid(params.value) : "";
    const known = CURVES[curveOid];
    if (!known) return { kind: "unsupported", type: `ec ${curveInfo(curveOid)?.name ?? curveOid}` };
    try {
      const k = await crypto.port.importKey(
        "pkcs8",
        toArrayBuffer(pkcs8),
        { name: "ECDSA", namedCurve: known.name },
        true,
        ["sign"],
      );
      const jwk = await crypto.port.exportKey("jwk", k);
      const x = b64url(jwk.x);
      const y = b64url(jwk.y);
      if (x && y) {
        const point = new Uint8Array(1 + x.length + y.length);
        point[0] = 4;
        point.set(x, 1);
        point.set(y, 1 + x.length);
        return { kind: "ec", curve: known.name, point };
      }
    } catch {
      // fall through to the scalar multiplication below
    }
    // ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters, [1] publicKey }
    const ecKey = children(readTlv(key, 0));
    const d = ecKey[1];
    if (!isUniversal(d, TAG.OCTET_STRING)) throw new Error("malformed EC private key");
    try {
      return { kind: "ec", curve: known.name, point: NOBLE[known.name].getPublicKey(d.value, false) };
    } catch {
      const pub = ecKey.find((t) => isContext(t, 1));
      if (pub) {
        const bits = children(pub)[0];
        if (isUniversal(bits, TAG.BIT_STRING))
          return { kind: "ec", curve: known.name, point: bits.value.subarray(1) };
      }
      throw new Error("the EC private key is not valid for its curve");
    }
  }
  if (oid === OID.ed25519) {
    try {
      const k = await crypto.port.importKey("pkcs8", toArrayBuffer(pkcs8), { name: "Ed25519" }, true, [
        "sign",
      ]);
      const x = b64url((await crypto.port.exportKey("jwk", k)).x);
      if (x) return { kind: "okp", type: "ed25519", x };
    } catch {
      // not supported here
    }
    return { kind: "unsupported", type: "ed25519" };
  }
  return { kind: "unsupported", type: oid };
}

/**
 * Whether the key belongs to the certificate with SubjectPublicKeyInfo `spki`:
 * true / false, or undefined when it cannot be told (unsupported key type).
 */
export function keyMatchesSpki(key: KeyPublicPart, spki: Uint8Array): boolean | undefined {
  if (key.kind === "unsupported") return undefined;
  let pub: ReturnType<typeof parseSpki>;
  try {
    pub = parseSpki(spki);
  } catch {
    return false;
  }
  if (key.kind === "rsa") {
    return pub.kind === "rsa" && equalBytes(pub.nBytes, key.n) && equalBytes(pub.eBytes, key.e);
  }
  if (key.kind === "ec") {
    if (pub.kind !== "ec" || pub.curve !== key.curve) return false;
    const p = pub.point;
    if (p[0] === 4) return equalBytes(p, key.point);
    // compressed point in the certificate: compare x and the parity of y
    const size = (key.point.length - 1) / 2;
    const x = key.point.subarray(1, 1 + size);
    const yOdd = ((key.point[key.point.length - 1] as number) & 1) === 1;
    return (p[0] === 2 || p[0] === 3) && equalBytes(p.subarray(1), x) && (p[0] === 3) === yOdd;
  }
  // Ed25519: the SPKI's BIT STRING is the raw public key
  const top = readTlv(spki, 0);
  const bits = children(top)[1];
  return isUniversal(bits, TAG.BIT_STRING) && equalBytes(bits.value.subarray(1), key.x);
}

/** Short fingerprint of a key's public part (for the report's detail). */
export function keyLabel(key: KeyPublicPart): string {
  switch (key.kind) {
    case "rsa":
      return `rsa ${key.bits}`;
    case "ec":
      return `ec ${key.curve}`;
    case "okp":
      return key.type;
    default:
      return key.type;
  }
}
