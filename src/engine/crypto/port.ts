/**
 * The one crypto port the engine is given: the few WebCrypto operations it really uses, nothing more.
 *  - digest: hashing large contents (small ones are hashed in JS, see ./context.ts);
 *  - importKey + verify: signature checks (RSA PKCS#1 v1.5, RSA-PSS, ECDSA) of signers, chains, CRLs, OCSP;
 *  - importKey + exportKey: the public half of a PKCS#12 private key (EC, Ed25519);
 *  - importKey + deriveBits: PBKDF2 of a PKCS#12 file; importKey + decrypt: its AES-CBC bags.
 * The pane passes globalThis.crypto.subtle; the command line a plain object over node:crypto.
 */
export type CryptoPort = Pick<
  SubtleCrypto,
  "digest" | "importKey" | "exportKey" | "verify" | "decrypt" | "deriveBits"
>;

/** WebCrypto's SubtleCrypto of this environment (the pane, a Web Worker, Node, jest), or undefined. */
export function webCryptoPort(): CryptoPort | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle;
}
