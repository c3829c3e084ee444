/**
 * Hashes and WebCrypto access for the PKCS#12 check (noble for the many small synchronous hashes of the
 * RFC 7292 KDF; WebCrypto for PBKDF2, AES and key import). Host-free.
 */
import { md5, sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";
import type { DIGEST_OIDS } from "../../asn1/oids";

/** "sha-1" | "sha-224" | "sha-256" | "sha-384" | "sha-512" | "md5", as engine/crypto names them. */
export type HashName = (typeof DIGEST_OIDS)[string];

export const NOBLE_HASH = {
  "sha-1": sha1,
  "sha-224": sha224,
  "sha-256": sha256,
  "sha-384": sha384,
  "sha-512": sha512,
  md5,
};

export interface Hasher {
  update(data: Uint8Array): Hasher;
  digest(): Uint8Array;
}

export function createHash(h: HashName): Hasher {
  return NOBLE_HASH[h].create() as unknown as Hasher;
}

/** WebCrypto's name for a hash, or undefined when WebCrypto lacks it. */
export function webCryptoHash(h: HashName): string | undefined {
  return { "sha-1": "SHA-1", "sha-256": "SHA-256", "sha-384": "SHA-384", "sha-512": "SHA-512" }[h as string];
}

export function subtle(): SubtleCrypto {
  const c = globalThis.crypto;
  if (!c?.subtle) throw new Error("WebCrypto (crypto.subtle) is not available in this environment");
  return c.subtle;
}
