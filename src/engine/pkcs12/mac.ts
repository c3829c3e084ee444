/**
 * The password and the PFX's MAC (RFC 7292 Appendix B): which password form opens the file.
 */
import { DIGEST_OIDS } from "../asn1/oids";
import { type Tlv } from "../asn1";
import { equalBytes } from "../util/bytes";
import type { HashName } from "../crypto/hashes";
import { kdfCost, spend } from "./ciphers";
import {
  asciiWidenedPassword,
  bmpPassword,
  hashSize,
  hmac,
  KDF_ID,
  MAX_KDF_ITERATIONS,
  kdfSupported,
  pkcs12Kdf,
} from "./kdf";
import { OIDS, P12Error, TooExpensiveError, intValue, octets, oid, seq } from "./structure";

export function passwordForms(password: string): Uint8Array[] {
  const forms = [bmpPassword(password)];
  if (password === "") forms.push(new Uint8Array(0)); // "no password" (OpenSSL's NULL) rather than ""
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(password)) forms.push(asciiWidenedPassword(password));
  return forms;
}

export type MacOutcome =
  | { state: "ok"; forms: Uint8Array[]; algorithm: string }
  | { state: "bad"; algorithm: string }
  | { state: "none" | "unsupported"; algorithm?: string };

export function checkMac(
  macData: Tlv | undefined,
  authSafe: Uint8Array,
  forms: Uint8Array[],
  budget: { left: number; total: number },
): MacOutcome {
  if (macData === undefined) return { state: "none" };
  const [digestInfo, saltT, iterT] = seq(macData, "MacData");
  const [algT, digestT] = seq(digestInfo, "MAC DigestInfo");
  const [macOidT] = seq(algT, "MAC algorithm");
  const macOid = oid(macOidT, "MAC algorithm");
  const expected = octets(digestT, "MAC value");
  const salt = octets(saltT, "MAC salt");
  const iterations = iterT === undefined ? 1 : intValue(iterT, "MAC iteration count");
  if (macOid === OIDS.pbmac1) return { state: "unsupported", algorithm: "PBMAC1" };
  const hash: HashName | undefined = DIGEST_OIDS[macOid];
  if (!hash || !kdfSupported(hash)) return { state: "unsupported", algorithm: macOid };
  const algorithm = `HMAC-${hash.toUpperCase()}`;
  if (iterations < 1) throw new P12Error("MAC iteration count is zero");
  if (iterations > MAX_KDF_ITERATIONS)
    return { state: "unsupported", algorithm: `${algorithm} with ${iterations} iterations` };
  const size = hashSize(hash) as number;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as Uint8Array;
    // every password form tried is paid for: the MAC is part of the file's iteration budget
    if (!spend(budget, kdfCost(hash, iterations)))
      throw new TooExpensiveError(
        "integrity check (MAC)",
        `${algorithm}, ${iterations} iterations`,
        budget.total,
      );
    const key = pkcs12Kdf(hash, form, salt, iterations, KDF_ID.mac, size);
    if (equalBytes(hmac(hash, key, authSafe), expected)) {
      return { state: "ok", forms: [form, ...forms.filter((_, j) => j !== i)], algorithm };
    }
  }
  return { state: "bad", algorithm };
}
