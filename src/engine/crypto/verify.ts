/**
 * verifyData: the check of a signature over data, through the engine's crypto port where it can, by hand otherwise.
 */
import type { CryptoContext } from "./context";
import { digestSync, webCryptoHash } from "./hashes";
import { encodeBase64 } from "../util/bytes";
import { type PublicKey, keyWithinLimits } from "./publicKey";
import { type Scheme, type VerifyOutcome } from "./scheme";
import { ecdsaDerToRaw, verifyDigest } from "./byHand";
import { lazyCode } from "../util/lazyCode";

/** noble's Ed25519, loaded on first use: its module builds the curve when it loads (byHand.ts curveOf). */
const edwardsCurve = lazyCode("noble's Ed25519", () => import("@noble/curves/ed25519"));

// ---------------------------------------------------------------------------------------------------
// WebCrypto (from the data)

export function b64url(b: Uint8Array): string {
  return encodeBase64(b).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The key's material in base64url (RSA: n and e, as a JWK; EC: the point), made once per parsed key. */
export type KeyMaterial = { id: string; jwk: JsonWebKey } | { id: string; raw: Uint8Array<ArrayBuffer> };
export const MATERIAL = new WeakMap<PublicKey, KeyMaterial>();
export function keyMaterial(key: Extract<PublicKey, { kind: "rsa" | "ec" }>): KeyMaterial {
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
export async function importKey(
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
    // outside the try: a failure to load the curve is the check's error (CodeUnavailableError), not "bad"
    const { ed25519 } = await edwardsCurve();
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
