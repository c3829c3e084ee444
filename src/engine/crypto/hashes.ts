/**
 * The engine's one hash table: names, lengths, WebCrypto's names, and the synchronous and incremental
 * hashes (@noble/hashes) for small inputs, searches over prefixes and the many tiny hashes of the PKCS#12
 * KDF. Hashing of large inputs goes through the crypto port (see ./context.ts). Host-free.
 */
import { md5, sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";
import type { HashName } from "../asn1/oids";

export type { HashName };

/** The noble implementation of each hash (also given to noble's PBKDF2 where WebCrypto refuses). */
export const NOBLE_HASH = {
  "sha-1": sha1,
  "sha-224": sha224,
  "sha-256": sha256,
  "sha-384": sha384,
  "sha-512": sha512,
  md5,
};

const WEBCRYPTO_NAME: Partial<Record<HashName, string>> = {
  "sha-1": "SHA-1",
  "sha-256": "SHA-256",
  "sha-384": "SHA-384",
  "sha-512": "SHA-512",
};

/** WebCrypto's name for a hash it supports, or undefined (SHA-224, MD5). */
export function webCryptoHash(h: HashName): string | undefined {
  return WEBCRYPTO_NAME[h];
}

/** Incremental hash (noble) with clone(), for searches over prefixes. */
export interface IncrementalHash {
  update(data: Uint8Array): IncrementalHash;
  digest(): Uint8Array;
  clone(): IncrementalHash;
}

export function createHash(h: HashName): IncrementalHash {
  return NOBLE_HASH[h].create() as unknown as IncrementalHash;
}

/** Synchronous digest (noble): for small data and hand-made signature checks. */
export function digestSync(h: HashName, data: Uint8Array): Uint8Array {
  return createHash(h).update(data).digest();
}

const LENGTH: Record<HashName, number> = {
  "sha-1": 20,
  "sha-224": 28,
  "sha-256": 32,
  "sha-384": 48,
  "sha-512": 64,
  md5: 16,
};

/** Digest output length in bytes. */
export function hashLength(h: HashName): number {
  return LENGTH[h];
}
