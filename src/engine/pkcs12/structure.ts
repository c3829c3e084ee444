/**
 * The PKCS#12 structure (RFC 7292): PFX, AuthenticatedSafe, SafeContents, bags and their attributes.
 */
import { MalformedInputError } from "../asn1/errors";
import {
  children,
  decodeOid,
  isContext,
  isUniversal,
  octetStringContent,
  readTlv,
  TAG,
  type Tlv,
} from "../asn1";
import { report } from "../findings";
import type { Finding } from "../types";
import { toHex } from "../util/bytes";
import { decryptWithPassword, type PasswordForms } from "./ciphers";
import { type P12Result, MAX_BAG_DEPTH, MAX_BAGS } from "./types";

export const OIDS = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  envelopedData: "1.2.840.113549.1.7.3",
  encryptedData: "1.2.840.113549.1.7.6",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  localKeyId: "1.2.840.113549.1.9.21",
  friendlyName: "1.2.840.113549.1.9.20",
  pbmac1: "1.2.840.113549.1.5.14",
} as const;

/** A structural problem: becomes P12_MALFORMED (or P12_BAD_PASSWORD when the password was never confirmed). */
export class P12Error extends MalformedInputError {}

/** The iteration budget does not cover the file: P12_MALFORMED with reason "too-expensive". */
export class TooExpensiveError extends MalformedInputError {
  constructor(
    readonly part: string,
    readonly algorithm: string,
    readonly budget: number,
  ) {
    super(`${part} (${algorithm}) exceeds the iteration budget`);
  }
}

export function tooExpensiveResult(e: TooExpensiveError): P12Result {
  return {
    findings: [
      report("P12_MALFORMED", {
        reason: "too-expensive",
        part: e.part,
        algorithm: e.algorithm,
        iterationBudget: e.budget,
      }),
    ],
  };
}

export interface KeyEntry {
  pkcs8: Uint8Array;
  localKeyId?: string;
  friendlyName?: string;
}
export interface CertEntry {
  der: Uint8Array;
  localKeyId?: string;
  friendlyName?: string;
}

export interface Collected {
  keys: KeyEntry[];
  certs: CertEntry[];
  /** Shrouded keys that could not be decrypted. */
  lockedKeys: number;
  findings: Finding[];
  badPassword?: "decrypt";
  bags: number;
  /** The iteration budget the check started with (for the finding). */
  budget: number;
}

export function malformed(reason: string, detail: Record<string, unknown> = {}): P12Result {
  return { findings: [report("P12_MALFORMED", { reason, ...detail })] };
}

export function intValue(t: Tlv | undefined, what: string): number {
  if (
    !isUniversal(t, TAG.INTEGER) ||
    t.value.length === 0 ||
    t.value.length > 6 ||
    (t.value[0] as number) & 0x80
  ) {
    throw new P12Error(`${what} is not a usable INTEGER`);
  }
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

export function octets(t: Tlv | undefined, what: string): Uint8Array {
  if (!isUniversal(t, TAG.OCTET_STRING)) throw new P12Error(`${what} is not an OCTET STRING`);
  return octetStringContent(t);
}

export function oid(t: Tlv | undefined, what: string): string {
  if (!isUniversal(t, TAG.OID)) throw new P12Error(`${what} is not an OBJECT IDENTIFIER`);
  return decodeOid(t.value);
}

export function seq(t: Tlv | undefined, what: string): Tlv[] {
  if (!isUniversal(t, TAG.SEQUENCE)) throw new P12Error(`${what} is not a SEQUENCE`);
  return children(t);
}

/** The content of a ContentInfo's [0] EXPLICIT field. */
export function explicit0(t: Tlv | undefined, what: string): Tlv {
  if (!isContext(t, 0) || !t.constructed) throw new P12Error(`${what}: the [0] content is missing`);
  const [inner] = children(t);
  if (!inner) throw new P12Error(`${what}: the [0] content is empty`);
  return inner;
}

export function parseAttributes(t: Tlv | undefined): { localKeyId?: string; friendlyName?: string } {
  const out: { localKeyId?: string; friendlyName?: string } = {};
  if (!isUniversal(t, TAG.SET)) return out;
  for (const attr of children(t)) {
    if (!isUniversal(attr, TAG.SEQUENCE)) continue;
    const [idT, valuesT] = children(attr);
    if (!isUniversal(idT, TAG.OID) || !isUniversal(valuesT, TAG.SET)) continue;
    const id = decodeOid(idT.value);
    const [v] = children(valuesT);
    if (id === OIDS.localKeyId && isUniversal(v, TAG.OCTET_STRING))
      out.localKeyId = toHex(octetStringContent(v));
    if (id === OIDS.friendlyName && isUniversal(v, TAG.BMP)) {
      let s = "";
      for (let i = 0; i + 1 < v.value.length; i += 2) {
        s += String.fromCharCode(((v.value[i] as number) << 8) | (v.value[i + 1] as number));
      }
      out.friendlyName = s;
    }
  }
  return out;
}

export function withAttrs<T extends object>(o: T, a: { localKeyId?: string; friendlyName?: string }): T {
  return {
    ...o,
    ...(a.localKeyId !== undefined ? { localKeyId: a.localKeyId } : {}),
    ...(a.friendlyName !== undefined ? { friendlyName: a.friendlyName } : {}),
  };
}

export function unsupportedFinding(what: string, detail: Record<string, unknown> = {}): Finding {
  return report("UNSUPPORTED_ALGORITHM", { algorithm: what, ...detail, scope: "pkcs12" });
}

/** Reads the bags of one SafeContents (recursing into safeContentsBag). */
export async function readSafeContents(
  bytes: Uint8Array,
  pw: PasswordForms,
  into: Collected,
  depth: number,
): Promise<void> {
  if (depth > MAX_BAG_DEPTH) throw new P12Error("SafeContents nested too deep");
  const top = readTlv(bytes, 0);
  for (const bag of seq(top, "SafeContents")) {
    if (++into.bags > MAX_BAGS) throw new P12Error("too many bags");
    const [idT, valueT, attrsT] = seq(bag, "SafeBag");
    const bagId = oid(idT, "SafeBag id");
    const value = explicit0(valueT, "SafeBag");
    const attrs = parseAttributes(attrsT);
    switch (bagId) {
      case OIDS.keyBag:
        into.keys.push(withAttrs({ pkcs8: value.raw }, attrs));
        break;
      case OIDS.shroudedKeyBag: {
        const [algT, encT] = seq(value, "EncryptedPrivateKeyInfo");
        if (!algT) throw new P12Error("EncryptedPrivateKeyInfo has no algorithm");
        const r = await decryptWithPassword(algT, octets(encT, "encrypted private key"), pw);
        if (r.ok) {
          into.keys.push(withAttrs({ pkcs8: r.plain }, attrs));
        } else if (r.reason === "too-expensive") {
          throw new TooExpensiveError("private key", r.algorithm, into.budget);
        } else if (r.reason === "bad-password") {
          into.lockedKeys++;
          into.badPassword = "decrypt";
        } else if (r.reason === "unsupported") {
          into.lockedKeys++;
          into.findings.push(
            unsupportedFinding(r.algorithm, {
              part: "private key",
              ...(r.message ? { reason: r.message } : {}),
            }),
          );
        } else {
          throw new P12Error(`the private key's encryption parameters (${r.algorithm}) are malformed`);
        }
        break;
      }
      case OIDS.certBag: {
        const [typeT, certValueT] = seq(value, "CertBag");
        if (oid(typeT, "CertBag type") !== OIDS.x509Certificate) break; // SDSI certificates: ignored
        into.certs.push(withAttrs({ der: octets(explicit0(certValueT, "CertBag"), "certificate") }, attrs));
        break;
      }
      case OIDS.safeContentsBag:
        await readSafeContents(value.raw, pw, into, depth + 1);
        break;
      default:
        break; // CRL and secret bags: not needed for the check
    }
  }
}
