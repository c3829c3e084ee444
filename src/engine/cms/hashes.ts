/**
 * The engine's one door to cryptography: WebCrypto (globalThis.crypto.subtle) for everything it offers,
 * @noble/hashes for what it lacks (SHA-224, MD5) and for incremental hashing. Host-free.
 */
import { md5, sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";

let chosen: SubtleCrypto | undefined;

/**
 * Lets a host give the engine another implementation of the SubtleCrypto interface for signature checks
 * and digests (the command line passes one over Node's own crypto, which answers without WebCrypto's
 * job-queue round trip). `undefined` goes back to globalThis.crypto.subtle.
 */
export function setSubtle(s: SubtleCrypto | undefined): void {
  chosen = s;
}

/**
 * The SubtleCrypto in use: the one a host chose, else WebCrypto's (globalThis.crypto.subtle: the pane, a
 * Web Worker, Node and jest alike).
 */
export function subtle(): SubtleCrypto {
  if (chosen) return chosen;
  const c = globalThis.crypto;
  if (!c || !c.subtle) throw new Error("WebCrypto (crypto.subtle) is not available in this environment");
  return c.subtle;
}

const NO_SUBTLE = {};

/**
 * The entry of `store` for the SubtleCrypto in use (or for "none", where there is no WebCrypto), made on
 * first use. Caches of cryptographic answers are kept per implementation, so that one never answers for
 * another.
 */
export function perSubtle<T>(store: WeakMap<object, T>, make: () => T): T {
  let owner: object = NO_SUBTLE;
  try {
    owner = subtle();
  } catch {
    // No WebCrypto: the checks are made by hand, cached under NO_SUBTLE.
  }
  let entry = store.get(owner);
  if (entry === undefined) {
    entry = make();
    store.set(owner, entry);
  }
  return entry;
}

export type HashName = "sha-1" | "sha-224" | "sha-256" | "sha-384" | "sha-512" | "md5";

/** WebCrypto's name for a hash it supports, or undefined (SHA-224, MD5). */
export function webCryptoHash(h: HashName): string | undefined {
  switch (h) {
    case "sha-1":
      return "SHA-1";
    case "sha-256":
      return "SHA-256";
    case "sha-384":
      return "SHA-384";
    case "sha-512":
      return "SHA-512";
    default:
      return undefined;
  }
}

/** Incremental hash (noble) with clone(), for searches over prefixes. */
export interface IncrementalHash {
  update(data: Uint8Array): IncrementalHash;
  digest(): Uint8Array;
  clone(): IncrementalHash;
}

export function createHash(h: HashName): IncrementalHash {
  switch (h) {
    case "sha-1":
      return sha1.create() as unknown as IncrementalHash;
    case "sha-224":
      return sha224.create() as unknown as IncrementalHash;
    case "sha-256":
      return sha256.create() as unknown as IncrementalHash;
    case "sha-384":
      return sha384.create() as unknown as IncrementalHash;
    case "sha-512":
      return sha512.create() as unknown as IncrementalHash;
    case "md5":
      return md5.create() as unknown as IncrementalHash;
  }
}

/** Synchronous digest (noble): for small data and hand-made signature checks. */
export function digestSync(h: HashName, data: Uint8Array): Uint8Array {
  return createHash(h).update(data).digest();
}

/** Digest output length in bytes. */
export function hashLength(h: HashName): number {
  return { "sha-1": 20, "sha-224": 28, "sha-256": 32, "sha-384": 48, "sha-512": 64, md5: 16 }[h];
}

/** Below this many bytes `digest` hashes synchronously with noble. */
const SMALL_INPUT = 4096;

/**
 * Digest of possibly very large data, in one pass: WebCrypto where it can (no copy of the input: the view is
 * passed as is), noble otherwise.
 */
export async function digest(h: HashName, data: Uint8Array): Promise<Uint8Array> {
  const name = webCryptoHash(h);
  // Small inputs (certificates, most signed attributes and short mails): hashing in place costs a few
  // microseconds, less than WebCrypto's round trip through its job queue. A SubtleCrypto a host chose
  // (setSubtle) is used for every size: it is there because it answers faster.
  if (name && (chosen !== undefined || data.length > SMALL_INPUT))
    return new Uint8Array(await subtle().digest(name, data as Uint8Array<ArrayBuffer>));
  return digestSync(h, data);
}
