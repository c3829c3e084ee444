/**
 * Signature checks by hand, from a digest: RSA by BigInt modPow with EMSA checks, ECDSA (noble), DSA (bounded).
 */

import { createHash, digestSync, hashLength, type HashName } from "./hashes";
import { fromHex, equalBytes } from "../util/bytes";
import { lazyCode } from "../util/lazyCode";
import { bigFromBytes, children, isUniversal, readTlv, TAG } from "../asn1";
import { type PublicKey, stripZeros, keyWithinLimits } from "./publicKey";
import { type Scheme, type VerifyOutcome } from "./scheme";

// ---------------------------------------------------------------------------------------------------
// By hand (from a digest)

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    e >>= 1n;
    if (e > 0n) b = (b * b) % mod;
  }
  return result;
}

export function i2osp(x: bigint, len: number): Uint8Array | undefined {
  const out = new Uint8Array(len);
  let v = x;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return v === 0n ? out : undefined;
}

/** DigestInfo prefixes (with NULL parameters) for EMSA-PKCS1-v1_5. */
export const DIGEST_INFO_PREFIX: Record<HashName, string> = {
  md5: "3020300c06082a864886f70d020505000410",
  "sha-1": "3021300906052b0e03021a05000414",
  "sha-224": "302d300d06096086480165030402040500041c",
  "sha-256": "3031300d060960864801650304020105000420",
  "sha-384": "3041300d060960864801650304020205000430",
  "sha-512": "3051300d060960864801650304020305000440",
};

export function digestInfos(hash: HashName, digest: Uint8Array): Uint8Array[] {
  const withNull = fromHex(DIGEST_INFO_PREFIX[hash]);
  // The same without the NULL parameters (also seen in the wild).
  const noNull = new Uint8Array(withNull.length - 2);
  noNull.set(withNull.subarray(0, withNull.length - 6));
  noNull.set(withNull.subarray(withNull.length - 4), withNull.length - 6);
  noNull[1] = (withNull[1] as number) - 2;
  noNull[3] = (withNull[3] as number) - 2;
  const out: Uint8Array[] = [];
  for (const p of [withNull, noNull]) {
    const d = new Uint8Array(p.length + digest.length);
    d.set(p);
    d.set(digest, p.length);
    out.push(d);
  }
  return out;
}

export function rsaPublic(key: Extract<PublicKey, { kind: "rsa" }>, sig: Uint8Array): bigint | undefined {
  const s = bigFromBytes(sig);
  if (s >= key.n || key.n === 0n) return undefined;
  return modPow(s, key.e, key.n);
}

export function mgf1(hash: HashName, seed: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  const hLen = hashLength(hash);
  const c = new Uint8Array(4);
  for (let counter = 0, o = 0; o < len; counter++, o += hLen) {
    c[0] = (counter >>> 24) & 0xff;
    c[1] = (counter >>> 16) & 0xff;
    c[2] = (counter >>> 8) & 0xff;
    c[3] = counter & 0xff;
    const block = createHash(hash).update(seed).update(c).digest();
    out.set(block.subarray(0, Math.min(hLen, len - o)), o);
  }
  return out;
}

export function pssVerify(
  key: Extract<PublicKey, { kind: "rsa" }>,
  s: Extract<Scheme, { scheme: "rsa-pss" }>,
  mHash: Uint8Array,
  sig: Uint8Array,
): boolean {
  const m = rsaPublic(key, sig);
  if (m === undefined) return false;
  const emBits = key.bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const em = i2osp(m, emLen);
  if (!em) return false;
  const hLen = hashLength(s.hash);
  const sLen = s.saltLength;
  if (emLen < hLen + sLen + 2) return false;
  if (em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const zeroBits = 8 * emLen - emBits;
  const topMask = zeroBits === 0 ? 0 : (0xff << (8 - zeroBits)) & 0xff;
  if (((maskedDb[0] as number) & topMask) !== 0) return false;
  const dbMask = mgf1(s.mgfHash, h, maskedDb.length);
  const db = new Uint8Array(maskedDb.length);
  for (let i = 0; i < db.length; i++) db[i] = (maskedDb[i] as number) ^ (dbMask[i] as number);
  db[0] = (db[0] as number) & ~topMask & 0xff;
  const psLen = emLen - hLen - sLen - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 0x01) return false;
  const salt = db.subarray(db.length - sLen);
  const mPrime = new Uint8Array(8 + mHash.length + sLen);
  mPrime.set(mHash, 8);
  mPrime.set(salt, 8 + mHash.length);
  return equalBytes(digestSync(s.hash, mPrime), h);
}

/** ECDSA-Sig-Value (DER) → r||s, each padded to `size` bytes; undefined when it cannot be a valid signature. */
export function ecdsaDerToRaw(sig: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const top = readTlv(sig, 0);
    if (!isUniversal(top, TAG.SEQUENCE) || top.raw.length !== sig.length) return undefined;
    const [r, s] = children(top);
    if (!isUniversal(r, TAG.INTEGER) || !isUniversal(s, TAG.INTEGER)) return undefined;
    const out = new Uint8Array(size * 2);
    for (const [i, v] of [r.value, s.value].entries()) {
      const x = stripZeros(v);
      if (x.length > size) return undefined;
      out.set(x, i * size + (size - x.length));
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * noble's NIST curves, loaded on first use (util/lazyCode.ts): building them runs when their module loads,
 * a few milliseconds the pane's analysis worker would otherwise spend before every first verdict (issue
 * #15), for the rare ECDSA signature WebCrypto cannot check (a hash it lacks, the appended-content search).
 */
const nistCurves = lazyCode("noble's NIST curves", () => import("@noble/curves/nist"));
export async function curveOf(
  name: "P-256" | "P-384" | "P-521",
): Promise<(typeof import("@noble/curves/nist"))["p256"]> {
  const { p256, p384, p521 } = await nistCurves();
  return { "P-256": p256, "P-384": p384, "P-521": p521 }[name];
}

/** Inverse of a modulo m (m prime, 0 < a < m), by the extended Euclidean algorithm. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/** a^x · b^y mod m in one pass over the exponents' bits (Shamir's trick): one squaring per bit, not two. */
export function modPow2(a: bigint, x: bigint, b: bigint, y: bigint, m: bigint): bigint {
  const ab = (a * b) % m;
  let r = 1n;
  for (let i = Math.max(x.toString(2).length, y.toString(2).length) - 1; i >= 0; i--) {
    r = (r * r) % m;
    const n = BigInt(i);
    const xi = (x >> n) & 1n;
    const yi = (y >> n) & 1n;
    if (xi && yi) r = (r * ab) % m;
    else if (xi) r = (r * a) % m;
    else if (yi) r = (r * b) % m;
  }
  return r;
}

/** DSA-Sig-Value (DER SEQUENCE { r, s }) → [r, s], or undefined. */
export function dsaSignature(sig: Uint8Array): [bigint, bigint] | undefined {
  try {
    const top = readTlv(sig, 0);
    if (!isUniversal(top, TAG.SEQUENCE) || top.raw.length !== sig.length) return undefined;
    const [r, s] = children(top);
    if (!isUniversal(r, TAG.INTEGER) || !isUniversal(s, TAG.INTEGER)) return undefined;
    // Negative values cannot be valid (and would be read as large positive ones).
    if (((r.value[0] ?? 0) & 0x80) !== 0 || ((s.value[0] ?? 0) & 0x80) !== 0) return undefined;
    if (r.value.length > 33 || s.value.length > 33) return undefined;
    return [bigFromBytes(r.value), bigFromBytes(s.value)];
  } catch {
    return undefined;
  }
}

/** FIPS 186-4 §4.7: DSA verification from the digest of the message. */
export function dsaVerify(
  key: Extract<PublicKey, { kind: "dsa" }>,
  digest: Uint8Array,
  sig: Uint8Array,
): boolean {
  const rs = dsaSignature(sig);
  if (!rs) return false;
  const [r, s] = rs;
  const { p, q, g, y } = key;
  if (r <= 0n || r >= q || s <= 0n || s >= q) return false;
  if (g <= 1n || g >= p || y <= 1n || y >= p) return false;
  // z: the leftmost min(N, outlen) bits of the digest.
  let z = bigFromBytes(digest);
  const outBits = digest.length * 8;
  if (outBits > key.qBits) z >>= BigInt(outBits - key.qBits);
  const w = modInverse(s, q);
  const u1 = (z * w) % q;
  const u2 = (r * w) % q;
  const v = modPow2(g, u1, y, u2, p) % q;
  return v === r;
}

/**
 * Verifies a signature given the digest of the signed data, by hand. Used for hashes WebCrypto lacks,
 * RSA-PSS with an MGF hash different from the message hash, and the appended-content search.
 */
export async function verifyDigest(
  scheme: Scheme,
  key: PublicKey,
  digest: Uint8Array,
  sig: Uint8Array,
): Promise<VerifyOutcome> {
  if (key.kind === "other" || !keyWithinLimits(key)) return "unsupported";
  // Pure EdDSA signs the data, not a digest of it: it cannot be checked from a digest.
  if (scheme.scheme === "ed25519") return key.kind === "ed25519" ? "unsupported" : "bad";
  if (scheme.scheme === "dsa" || key.kind === "dsa") {
    if (scheme.scheme !== "dsa" || key.kind !== "dsa") return "bad";
    return dsaVerify(key, digest, sig) ? "ok" : "bad";
  }
  if (scheme.scheme === "ecdsa") {
    if (key.kind !== "ec") return "bad";
    const raw = ecdsaDerToRaw(sig, key.bytes);
    if (!raw) return "bad";
    // outside the try: a failure to load the curves is the check's error (CodeUnavailableError), not "bad"
    const curve = await curveOf(key.curve);
    try {
      const ok = curve.verify(raw, digest, key.point, {
        prehash: false,
        lowS: false,
        format: "compact",
      });
      return ok ? "ok" : "bad";
    } catch {
      return "bad";
    }
  }
  if (key.kind !== "rsa") return "bad";
  if (scheme.scheme === "rsa-pss") return pssVerify(key, scheme, digest, sig) ? "ok" : "bad";
  const m = rsaPublic(key, sig);
  if (m === undefined) return "bad";
  const k = key.nBytes.length;
  const em = i2osp(m, k);
  if (!em || em[0] !== 0 || em[1] !== 1) return "bad";
  let i = 2;
  while (i < em.length && em[i] === 0xff) i++;
  if (i - 2 < 8 || em[i] !== 0) return "bad";
  const t = em.subarray(i + 1);
  return digestInfos(scheme.hash, digest).some((d) => equalBytes(d, t)) ? "ok" : "bad";
}

/**
 * RSA PKCS#1 v1.5 only: the digest the signature carries (from its DigestInfo), or undefined.
 */
export function recoverPkcs1Digest(key: PublicKey, sig: Uint8Array, hash: HashName): Uint8Array | undefined {
  if (key.kind !== "rsa" || !keyWithinLimits(key)) return undefined;
  const m = rsaPublic(key, sig);
  if (m === undefined) return undefined;
  const em = i2osp(m, key.nBytes.length);
  if (!em || em[0] !== 0 || em[1] !== 1) return undefined;
  const len = hashLength(hash);
  return em.length > len ? em.slice(em.length - len) : undefined;
}
