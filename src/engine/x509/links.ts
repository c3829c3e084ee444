/**
 * One link of a chain: the pool of candidate issuers and the check of a certificate's signature by its issuer (cached per engine).
 */
import { onlyMalformed } from "../asn1/errors";
import { BoundedCache, type CryptoContext } from "../crypto/context";
import { publicKeyOf, resolveScheme, verifyData, type VerifyOutcome } from "../crypto/signature";
import { equalBytes, toHex } from "../util/bytes";
import { normalizedIssuer, normalizedSubject, parseCertificate, type ParsedCertificate } from "./certificate";

export interface PoolEntry {
  p: ParsedCertificate;
  norm: string;
}

export function entry(der: Uint8Array, crypto: CryptoContext): PoolEntry | undefined {
  try {
    const p = parseCertificate(der, crypto);
    return { p, norm: normalizedSubject(p) };
  } catch (err) {
    onlyMalformed(err);
    return undefined;
  }
}

/**
 * Parsed pool entries per pool array: every signer of a message is checked against the same certificates,
 * and parsing them again per signer makes 100 signers × 200 certificates 20 000 parses (the parse cache
 * cannot help when many certificates share its key). Reused only while the array holds the same byte
 * arrays (compared by identity).
 */
export const POOLS = new WeakMap<readonly Uint8Array[], { ders: Uint8Array[]; entries: PoolEntry[] }>();

export function poolEntriesOf(pool: readonly Uint8Array[], crypto: CryptoContext): PoolEntry[] {
  const known = POOLS.get(pool);
  if (known && known.ders.length === pool.length && known.ders.every((d, i) => d === pool[i]))
    return known.entries;
  const entries = pool.map((d) => entry(d, crypto)).filter((e): e is PoolEntry => e !== undefined);
  POOLS.set(pool, { ders: [...pool], entries });
  return entries;
}

export function issuedBy(child: ParsedCertificate, parent: PoolEntry): boolean {
  if (!equalBytes(child.issuerDer, parent.p.subjectDer) && normalizedIssuer(child) !== parent.norm)
    return false;
  if (
    child.authorityKeyIdentifier !== undefined &&
    parent.p.subjectKeyIdentifier !== undefined &&
    child.authorityKeyIdentifier !== parent.p.subjectKeyIdentifier
  ) {
    return false;
  }
  return true;
}

/**
 * Outcomes of certificate signature checks already made, keyed by the length and the last bytes of the
 * child's signature value, and checked against the exact bytes (signature, signed part, issuer key) on a
 * hit: a batch of mail from one organisation repeats the same few links
 * (signer → intermediate → root) in every message. Bounded; the oldest entry goes first.
 */
export const LINK_CACHE_MAX = 512;
export type LinkCache = BoundedCache<
  string,
  { signature: Uint8Array; tbs: Uint8Array; spki: Uint8Array; sigAlg: string; outcome: VerifyOutcome }
>;
export const ED448_OID = "1.3.101.113";

/** Verifies the signature of `child` with the key of `parent`. */
export async function verifyCertificateSignature(
  crypto: CryptoContext,
  child: ParsedCertificate,
  parent: ParsedCertificate,
): Promise<VerifyOutcome> {
  const sig = child.signature;
  const key = `${sig.length}:${toHex(sig.subarray(Math.max(0, sig.length - 16)))}/${parent.spki.length}`;
  const sigAlg = `${child.sigAlgOid}/${child.sigAlgParams ? toHex(child.sigAlgParams.raw) : ""}`;
  // The engine's own cache: each crypto port's answers are its own.
  const cache = crypto.store("certificate-links", (): LinkCache => new BoundedCache(LINK_CACHE_MAX));
  const hit = cache.get(key);
  if (
    hit &&
    hit.sigAlg === sigAlg &&
    equalBytes(hit.signature, sig) &&
    equalBytes(hit.tbs, child.tbs) &&
    equalBytes(hit.spki, parent.spki)
  )
    return hit.outcome;
  let outcome: VerifyOutcome;
  try {
    const scheme = resolveScheme(child.sigAlgOid, child.sigAlgParams, undefined);
    const key = publicKeyOf(parent.spki);
    if (scheme.ok) outcome = await verifyData(crypto, scheme.scheme, key, child.tbs, child.signature);
    // An Ed448 signature from an issuer whose key is no Ed448 key cannot be genuine, checkable or not.
    else if (child.sigAlgOid === ED448_OID && !(key.kind === "other" && key.type === "ed448"))
      outcome = "bad";
    else outcome = "unsupported";
  } catch (err) {
    onlyMalformed(err); // an unreadable key or signature cannot verify anything
    outcome = "bad";
  }
  cache.set(key, {
    signature: sig.slice(),
    tbs: child.tbs.slice(),
    spki: parent.spki.slice(),
    sigAlg,
    outcome,
  });
  return outcome;
}
