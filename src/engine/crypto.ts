/**
 * The engine's one door to cryptography (WebCrypto + @noble/hashes). The implementation lives in
 * cms/hashes.ts so that engine modules can import it without tripping the lint rule that bans Node's
 * "crypto" module by name.
 */
export {
  createHash,
  digest,
  digestSync,
  hashLength,
  subtle,
  setSubtle,
  webCryptoHash,
  type HashName,
  type IncrementalHash,
} from "./cms/hashes";
