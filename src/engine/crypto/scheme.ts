/**
 * Signature schemes from an AlgorithmIdentifier (RSA PKCS#1 v1.5, RSA-PSS, ECDSA, Ed25519, DSA) and the outcome type.
 */

import { type HashName } from "./hashes";
import { DIGEST_OIDS, OID, SIGNATURE_OIDS, digestName, signatureName } from "../asn1/oids";
import { children, decodeOid, isContext, isUniversal, TAG, type Tlv } from "../asn1";

export type Scheme =
  | { scheme: "rsa-pkcs1"; hash: HashName }
  | { scheme: "rsa-pss"; hash: HashName; mgfHash: HashName; saltLength: number; trailer: number }
  | { scheme: "ecdsa"; hash: HashName }
  | { scheme: "dsa"; hash: HashName }
  /** Pure EdDSA: the signature covers the data itself; `hash` is the digest of the content (SHA-512). */
  | { scheme: "ed25519"; hash: HashName };

export type SchemeResult =
  { ok: true; scheme: Scheme; name: string } | { ok: false; name: string; oid: string; reason: string };

export function algId(t: Tlv | undefined): { oid: string; params: Tlv | undefined } | undefined {
  if (!isUniversal(t, TAG.SEQUENCE)) return undefined;
  const [o, p] = children(t);
  if (!isUniversal(o, TAG.OID)) return undefined;
  return { oid: decodeOid(o.value), params: p };
}

export function smallInt(t: Tlv | undefined): number | undefined {
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
