/**
 * Signature primitives shared by CMS signer verification and X.509 chain building:
 * public-key parsing (SubjectPublicKeyInfo), signature-scheme resolution from an AlgorithmIdentifier,
 * and verification — WebCrypto where it can, by hand otherwise (SHA-224, MD5, RSA-PSS with a different
 * MGF hash; RSA by BigInt modPow + EMSA encoding check, ECDSA and Ed25519 by @noble/curves, DSA by BigInt
 * with bounded sizes).
 */
import { ed25519 } from "@noble/curves/ed25519";
import { p256, p384, p521 } from "@noble/curves/nist";
import type { CryptoContext } from "./context";
import { createHash, digestSync, hashLength, webCryptoHash, type HashName } from "./hashes";
import { encodeBase64, fromHex, equalBytes } from "../util/bytes";
import { CURVES, DIGEST_OIDS, OID, SIGNATURE_OIDS, curveInfo, digestName, signatureName } from "../asn1/oids";
import {
  bigFromBytes,
  children,
  Asn1Error,
  decodeOid,
  isContext,
  isUniversal,
  readTlv,
  TAG,
  type Tlv,
} from "../asn1";
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
const DSA_LIMITS = { maxPBits: 3072, minPBits: 512, qBits: [160, 224, 256] } as const;

function stripZeros(v: Uint8Array): Uint8Array {
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  return v.subarray(i);
}

function bitLength(v: Uint8Array): number {
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
function parseDsaKey(oid: string, params: Tlv | undefined, key: Uint8Array): PublicKey {
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
const SPKI_KEYS = new WeakMap<Uint8Array, { bytes: Uint8Array; key: PublicKey }>();

export function publicKeyOf(spki: Uint8Array): PublicKey {
  const hit = SPKI_KEYS.get(spki);
  if (hit && equalBytes(hit.bytes, spki)) return hit.key;
  const key = parseSpki(spki);
  SPKI_KEYS.set(spki, { bytes: spki.slice(), key });
  return key;
}

export type Scheme =
  | { scheme: "rsa-pkcs1"; hash: HashName }
  | { scheme: "rsa-pss"; hash: HashName; mgfHash: HashName; saltLength: number; trailer: number }
  | { scheme: "ecdsa"; hash: HashName }
  | { scheme: "dsa"; hash: HashName }
  /** Pure EdDSA: the signature covers the data itself; `hash` is the digest of the content (SHA-512). */
  | { scheme: "ed25519"; hash: HashName };

export type SchemeResult =
  { ok: true; scheme: Scheme; name: string } | { ok: false; name: string; oid: string; reason: string };

function algId(t: Tlv | undefined): { oid: string; params: Tlv | undefined } | undefined {
  if (!isUniversal(t, TAG.SEQUENCE)) return undefined;
  const [o, p] = children(t);
  if (!isUniversal(o, TAG.OID)) return undefined;
  return { oid: decodeOid(o.value), params: p };
}

function smallInt(t: Tlv | undefined): number | undefined {
  if (!isUniversal(t, TAG.INTEGER) || t.value.length > 4) return undefined;
  let v = 0;
  for (const b of t.value) v = v * 256 + b;
  return v;
}

/**
 * The signature scheme of an AlgorithmIdentifier. For RSA-PSS the hash, MGF and salt length come from its
 * parameters (never from the certificate). `digestHash` is the SignerInfo's digest algorithm, used when the
 * signature OID does not name a hash (rsaEncryption, id-ecPublicKey).
 */
export function resolveScheme(
  oid: string,
  params: Tlv | undefined,
  digestHash: HashName | undefined,
): SchemeResult {
  const name = signatureName(oid);
  const known = SIGNATURE_OIDS[oid];
  if (!known) return { ok: false, name, oid, reason: `${name}${name === oid ? "" : ` (${oid})`}` };
  if (known.scheme === "rsa-pss") {
    let hash: HashName = "sha-1";
    let mgfHash: HashName = "sha-1";
    let saltLength = 20;
    let trailer = 1;
    if (isUniversal(params, TAG.SEQUENCE)) {
      for (const f of children(params)) {
        if (isContext(f, 0)) {
          const a = algId(children(f)[0]);
          const h = a ? DIGEST_OIDS[a.oid] : undefined;
          if (!a || !h)
            return { ok: false, name, oid, reason: `RSA-PSS (hash ${a ? digestName(a.oid) : "?"})` };
          hash = h;
        } else if (isContext(f, 1)) {
          const a = algId(children(f)[0]);
          if (!a || a.oid !== OID.mgf1)
            return { ok: false, name, oid, reason: `RSA-PSS (mask generation ${a?.oid ?? "?"})` };
          const inner = algId(a.params);
          const h = inner ? DIGEST_OIDS[inner.oid] : undefined;
          if (!h)
            return {
              ok: false,
              name,
              oid,
              reason: `RSA-PSS (MGF1 hash ${inner ? digestName(inner.oid) : "?"})`,
            };
          mgfHash = h;
        } else if (isContext(f, 2)) {
          const v = smallInt(children(f)[0]);
          if (v === undefined) return { ok: false, name, oid, reason: "RSA-PSS (salt length)" };
          saltLength = v;
        } else if (isContext(f, 3)) {
          trailer = smallInt(children(f)[0]) ?? -1;
        }
      }
    }
    if (trailer !== 1) return { ok: false, name, oid, reason: `RSA-PSS (trailer field ${trailer})` };
    return { ok: true, scheme: { scheme: "rsa-pss", hash, mgfHash, saltLength, trailer }, name };
  }
  const hash = known.hash ?? digestHash;
  if (!hash) return { ok: false, name, oid, reason: `${name} (no digest algorithm)` };
  return { ok: true, scheme: { scheme: known.scheme, hash }, name };
}

export type VerifyOutcome = "ok" | "bad" | "unsupported";

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

// ---------------------------------------------------------------------------------------------------
// By hand (from a digest)

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
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

function i2osp(x: bigint, len: number): Uint8Array | undefined {
  const out = new Uint8Array(len);
  let v = x;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return v === 0n ? out : undefined;
}

/** DigestInfo prefixes (with NULL parameters) for EMSA-PKCS1-v1_5. */
const DIGEST_INFO_PREFIX: Record<HashName, string> = {
  md5: "3020300c06082a864886f70d020505000410",
  "sha-1": "3021300906052b0e03021a05000414",
  "sha-224": "302d300d06096086480165030402040500041c",
  "sha-256": "3031300d060960864801650304020105000420",
  "sha-384": "3041300d060960864801650304020205000430",
  "sha-512": "3051300d060960864801650304020305000440",
};

function digestInfos(hash: HashName, digest: Uint8Array): Uint8Array[] {
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

function rsaPublic(key: Extract<PublicKey, { kind: "rsa" }>, sig: Uint8Array): bigint | undefined {
  const s = bigFromBytes(sig);
  if (s >= key.n || key.n === 0n) return undefined;
  return modPow(s, key.e, key.n);
}

function mgf1(hash: HashName, seed: Uint8Array, len: number): Uint8Array {
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

function pssVerify(
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

const NOBLE_CURVES = { "P-256": p256, "P-384": p384, "P-521": p521 } as const;

/** Inverse of a modulo m (m prime, 0 < a < m), by the extended Euclidean algorithm. */
function modInverse(a: bigint, m: bigint): bigint {
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
function modPow2(a: bigint, x: bigint, b: bigint, y: bigint, m: bigint): bigint {
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
function dsaSignature(sig: Uint8Array): [bigint, bigint] | undefined {
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
function dsaVerify(key: Extract<PublicKey, { kind: "dsa" }>, digest: Uint8Array, sig: Uint8Array): boolean {
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
export function verifyDigest(
  scheme: Scheme,
  key: PublicKey,
  digest: Uint8Array,
  sig: Uint8Array,
): VerifyOutcome {
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
    try {
      const ok = NOBLE_CURVES[key.curve].verify(raw, digest, key.point, {
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

// ---------------------------------------------------------------------------------------------------
// WebCrypto (from the data)

function b64url(b: Uint8Array): string {
  return encodeBase64(b).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The key's material in base64url (RSA: n and e, as a JWK; EC: the point), made once per parsed key. */
type KeyMaterial = { id: string; jwk: JsonWebKey } | { id: string; raw: Uint8Array<ArrayBuffer> };
const MATERIAL = new WeakMap<PublicKey, KeyMaterial>();
function keyMaterial(key: Extract<PublicKey, { kind: "rsa" | "ec" }>): KeyMaterial {
  let m = MATERIAL.get(key);
  if (!m) {
    if (key.kind === "rsa") {
      const jwk: JsonWebKey = { kty: "RSA", n: b64url(key.nBytes), e: b64url(key.eBytes), ext: true };
      m = { id: `${jwk.n}|${jwk.e}`, jwk };
    } else m = { id: b64url(key.point), raw: key.point as Uint8Array<ArrayBuffer> };
    MATERIAL.set(key, m);
  }
  return m;
}

/** Imports a verification key through the engine's port, once per engine (its own bounded cache). */
async function importKey(
  crypto: CryptoContext,
  key: PublicKey,
  alg: RsaHashedImportParams | EcKeyImportParams,
): Promise<CryptoKey> {
  const s = crypto.port;
  const cache = crypto.keys;
  if (key.kind !== "rsa" && key.kind !== "ec") throw new Error("unsupported key");
  const material = keyMaterial(key);
  const id = `${JSON.stringify(alg)}|${material.id}`;
  const make = (): Promise<CryptoKey> =>
    "jwk" in material
      ? s.importKey("jwk", material.jwk, alg, false, ["verify"])
      : s.importKey("raw", material.raw, alg, false, ["verify"]);
  const hit = cache.get(id);
  if (hit) return hit;
  const made = make();
  cache.set(id, made);
  // A key WebCrypto refused is not remembered: the caller reports it, and a later call tries again.
  made.catch(() => cache.delete(id));
  return made;
}

/**
 * Verifies `sig` over `data` (hashing it once). WebCrypto when the scheme allows, else noble + by hand.
 */
export async function verifyData(
  crypto: CryptoContext,
  scheme: Scheme,
  key: PublicKey,
  data: Uint8Array,
  sig: Uint8Array,
): Promise<VerifyOutcome> {
  if (key.kind === "other" || !keyWithinLimits(key)) return "unsupported";
  if (scheme.scheme === "ed25519" || key.kind === "ed25519") {
    if (scheme.scheme !== "ed25519" || key.kind !== "ed25519" || sig.length !== 64) return "bad";
    try {
      // RFC 8032 verification (not ZIP-215's more lenient rules): what OpenSSL accepts.
      return ed25519.verify(sig, data, key.raw, { zip215: false }) ? "ok" : "bad";
    } catch {
      return "bad";
    }
  }
  const wcHash = webCryptoHash(scheme.hash);
  const webOk =
    wcHash !== undefined &&
    (scheme.scheme !== "rsa-pss" || (scheme.mgfHash === scheme.hash && scheme.trailer === 1)) &&
    ((scheme.scheme === "ecdsa" && key.kind === "ec") ||
      ((scheme.scheme === "rsa-pkcs1" || scheme.scheme === "rsa-pss") && key.kind === "rsa"));
  if (webOk && wcHash) {
    try {
      const s = crypto.port;
      if (scheme.scheme === "ecdsa" && key.kind === "ec") {
        const raw = ecdsaDerToRaw(sig, key.bytes);
        if (!raw) return "bad";
        const k = await importKey(crypto, key, { name: "ECDSA", namedCurve: key.curve });
        const ok = await s.verify(
          { name: "ECDSA", hash: wcHash },
          k,
          raw as Uint8Array<ArrayBuffer>,
          data as Uint8Array<ArrayBuffer>,
        );
        return ok ? "ok" : "bad";
      }
      if (scheme.scheme === "rsa-pss") {
        const k = await importKey(crypto, key, { name: "RSA-PSS", hash: wcHash });
        const ok = await s.verify(
          { name: "RSA-PSS", saltLength: scheme.saltLength },
          k,
          sig as Uint8Array<ArrayBuffer>,
          data as Uint8Array<ArrayBuffer>,
        );
        return ok ? "ok" : "bad";
      }
      const k = await importKey(crypto, key, { name: "RSASSA-PKCS1-v1_5", hash: wcHash });
      const ok = await s.verify(
        "RSASSA-PKCS1-v1_5",
        k,
        sig as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
      return ok ? "ok" : "bad";
    } catch {
      // Key import refused (unusual size, compressed point…): fall back to the hand-made check.
    }
  }
  return verifyDigest(scheme, key, digestSync(scheme.hash, data), sig);
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
