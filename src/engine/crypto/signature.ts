/**
 * Signature primitives shared by CMS signer verification and X.509 chain building:
 * public-key parsing (SubjectPublicKeyInfo), signature-scheme resolution from an AlgorithmIdentifier,
 * and verification — WebCrypto where it can, by hand otherwise (SHA-224, MD5, RSA-PSS with a different
 * MGF hash; RSA by BigInt modPow + EMSA encoding check, ECDSA and Ed25519 by @noble/curves, DSA by BigInt
 * with bounded sizes).
 */
export {
  keyDescription,
  keyWithinLimits,
  parseSpki,
  publicKeyOf,
  quickToCheck,
  rsaExponentBits,
  type PublicKey,
} from "./publicKey";
export { resolveScheme, type Scheme, type SchemeResult, type VerifyOutcome } from "./scheme";
export { ecdsaDerToRaw, recoverPkcs1Digest, verifyDigest } from "./byHand";
export { verifyData } from "./verify";
