/**
 * Password-based key derivation for PKCS#12: the RFC 7292 Appendix B.2 KDF (MAC keys and the legacy
 * pbeWithSHAAnd… ciphers) and the password encodings. Host-free, synchronous (noble hashes): the KDF
 * runs thousands of tiny hash iterations, which WebCrypto's async digest would make needlessly slow.
 */
import { createHash, type HashName } from "../crypto/hashes";

/** Block size v (bytes) and output size u of the hashes the PKCS#12 KDF is used with. */
const HASH_SIZES: Partial<Record<HashName, { u: number; v: number }>> = {
  "sha-1": { u: 20, v: 64 },
  "sha-224": { u: 28, v: 64 },
  "sha-256": { u: 32, v: 64 },
  "sha-384": { u: 48, v: 128 },
  "sha-512": { u: 64, v: 128 },
  md5: { u: 16, v: 64 },
};

/**
 * Upper bound of PKCS#12-KDF iterations we run (real files: 1 – 10 000; each iteration is one hash in JS,
 * ~3 µs): guards against a crafted count that would hang the pane.
 */
export const MAX_KDF_ITERATIONS = 500_000;

/** Purpose byte of RFC 7292 B.3. */
export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

/**
 * The password as the PKCS#12 KDF wants it: BMPString (UTF-16 big-endian, which is what OpenSSL 3 makes of a
 * UTF-8 password) followed by two zero bytes. The empty password is therefore 00 00.
 */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[i * 2] = c >> 8;
    out[i * 2 + 1] = c & 0xff;
  }
  return out;
}

/**
 * The encoding OpenSSL 1.x used for a non-ASCII password typed in UTF-8: each UTF-8 byte widened to 16 bits
 * (OPENSSL_asc2uni). Files made that way only open with this variant.
 */
export function asciiWidenedPassword(password: string): Uint8Array {
  const bytes = new TextEncoder().encode(password);
  const out = new Uint8Array(bytes.length * 2 + 2);
  for (let i = 0; i < bytes.length; i++) out[i * 2 + 1] = bytes[i] as number;
  return out;
}

export function kdfSupported(hash: HashName): boolean {
  return HASH_SIZES[hash] !== undefined;
}

/** RFC 7292 B.2: derives `n` bytes for purpose `id` from the encoded password and salt. */
export function pkcs12Kdf(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  id: number,
  n: number,
): Uint8Array {
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new Error(`PKCS#12 KDF: unsupported hash ${hash}`);
  const { u, v } = sizes;
  const D = new Uint8Array(v).fill(id);
  const fill = (src: Uint8Array): Uint8Array => {
    if (src.length === 0) return new Uint8Array(0);
    const out = new Uint8Array(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const S = fill(salt);
  const P = fill(password);
  const I = new Uint8Array(S.length + P.length);
  I.set(S, 0);
  I.set(P, S.length);
  const c = Math.ceil(n / u);
  const out = new Uint8Array(c * u);
  const B = new Uint8Array(v);
  for (let i = 0; i < c; i++) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.set(A, i * u);
    if (i === c - 1) break;
    for (let j = 0; j < v; j++) B[j] = A[j % u] as number;
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (B[k] as number) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, n);
}

/** HMAC (RFC 2104) with one of the hashes above; synchronous, for the PKCS#12 MAC. */
export function hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new Error(`HMAC: unsupported hash ${hash}`);
  const { v } = sizes;
  let k = key;
  if (k.length > v) k = createHash(hash).update(k).digest();
  const ipad = new Uint8Array(v).fill(0x36);
  const opad = new Uint8Array(v).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] = (ipad[i] as number) ^ (k[i] as number);
    opad[i] = (opad[i] as number) ^ (k[i] as number);
  }
  const inner = createHash(hash).update(ipad).update(data).digest();
  return createHash(hash).update(opad).update(inner).digest();
}

/** Output length of a hash the KDF supports. */
export function hashSize(hash: HashName): number | undefined {
  return HASH_SIZES[hash]?.u;
}
