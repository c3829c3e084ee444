/**
 * Decryption of PKCS#12 contents: PBES2 (PBKDF2 + AES-CBC via WebCrypto), the legacy PKCS#12 PBE schemes
 * (pbeWithSHAAnd3-KeyTripleDES-CBC, …2-KeyTripleDES-CBC, …128/40BitRC2-CBC, …128/40BitRC4) with the RFC 7292
 * KDF, and PBES1 (PBKDF1 + DES/RC2). WebCrypto has no DES or RC2: node-forge's pure-JS des/rc2 modules do
 * those (RC4 is a dozen lines, below). Never throws for bad input: returns a reason instead.
 */
import { pbkdf2 } from "@noble/hashes/pbkdf2";
import { children, decodeOid, isUniversal, octetStringContent, TAG, type Tlv } from "../asn1";
import { toArrayBuffer } from "../util/bytes";
import type { CryptoContext } from "../crypto/context";
import { createHash, NOBLE_HASH, webCryptoHash, type HashName } from "../crypto/hashes";
import { desCbc, rc2Cbc, rc4, unpad } from "../crypto/legacy";
import { KDF_ID, MAX_KDF_ITERATIONS, pkcs12Kdf } from "./kdf";

/** Upper bound of PBKDF2 iterations (native WebCrypto; real files use 1 – 600 000); guards against a crafted 2^31. */
export const MAX_ITERATIONS = 2_000_000;

export type DecryptResult =
  | { ok: true; plain: Uint8Array; algorithm: string }
  | {
      ok: false;
      /** "too-expensive": the file's iteration budget (ITERATION_BUDGET) does not cover this decryption. */
      reason: "bad-password" | "unsupported" | "malformed" | "too-expensive";
      algorithm: string;
      message?: string;
    };

/** Password in the encodings each scheme wants. */
export interface PasswordForms {
  /** UTF-8 bytes (PBES2 / PBKDF2, PBES1). */
  utf8: Uint8Array;
  /** Candidates for the PKCS#12 KDF, the one that verified the MAC first. */
  bmp: Uint8Array[];
  /**
   * Iterations left for the whole file (shared by every bag): a crafted file with many bags of large
   * iteration counts must not hang the check.
   */
  budget: { left: number };
  /** The engine's crypto (PBKDF2 and AES-CBC through its port). */
  crypto: CryptoContext;
}

/**
 * The iteration budget of one check, shared by the MAC, every key derivation and every bag decryption
 * (each password form tried counts), in units of one hash iteration of SHA-1/SHA-256 done in JS (about 4 µs
 * in Node on the test machine, up to 13 µs under instrumentation): 300 000 units is about one second.
 * SHA-384/SHA-512 iterations count 2 (kdfCost); PBKDF2 done natively by WebCrypto counts 1/8 per
 * iteration. Real files spend far less: OpenSSL 3 exports 2048 (MAC) + native PBKDF2; Windows' legacy
 * exports about 10 000; a heavy file with 50 000 iterations everywhere, 250 000. A file needing more is
 * reported as P12_MALFORMED with reason "too-expensive" instead of being opened.
 */
export const ITERATION_BUDGET = 300_000;

/** Budget units of `iterations` rounds of the PKCS#12 KDF / PBKDF1 with this hash (see ITERATION_BUDGET). */
export function kdfCost(hash: HashName, iterations: number): number {
  return hash === "sha-384" || hash === "sha-512" ? iterations * 2 : iterations;
}

/** Budget units of native (WebCrypto) PBKDF2. */
export function nativePbkdf2Cost(iterations: number): number {
  return Math.ceil(iterations / 8);
}

/** Takes n units from the budget; false (and nothing taken) when they are not left. */
export function spend(budget: { left: number }, n: number): boolean {
  if (budget.left < n) return false;
  budget.left -= n;
  return true;
}

function tooExpensive(algorithm: string, needed: number): DecryptResult {
  return {
    ok: false,
    reason: "too-expensive",
    algorithm,
    message: `the file needs more than ${ITERATION_BUDGET} key-derivation iterations in all (${needed} more for ${algorithm})`,
  };
}

interface Pkcs12Pbe {
  name: string;
  cipher: "3des" | "rc2" | "rc4";
  keyLength: number;
  /** RC2 effective key bits. */
  bits?: number;
}

const PKCS12_PBE: Record<string, Pkcs12Pbe> = {
  "1.2.840.113549.1.12.1.1": { name: "pbeWithSHAAnd128BitRC4", cipher: "rc4", keyLength: 16 },
  "1.2.840.113549.1.12.1.2": { name: "pbeWithSHAAnd40BitRC4", cipher: "rc4", keyLength: 5 },
  "1.2.840.113549.1.12.1.3": { name: "pbeWithSHAAnd3-KeyTripleDES-CBC", cipher: "3des", keyLength: 24 },
  "1.2.840.113549.1.12.1.4": { name: "pbeWithSHAAnd2-KeyTripleDES-CBC", cipher: "3des", keyLength: 16 },
  "1.2.840.113549.1.12.1.5": { name: "pbeWithSHAAnd128BitRC2-CBC", cipher: "rc2", keyLength: 16, bits: 128 },
  "1.2.840.113549.1.12.1.6": { name: "pbeWithSHAAnd40BitRC2-CBC", cipher: "rc2", keyLength: 5, bits: 40 },
};

const PBES1: Record<string, { name: string; hash: HashName; cipher: "des" | "rc2" }> = {
  "1.2.840.113549.1.5.3": { name: "pbeWithMD5AndDES-CBC", hash: "md5", cipher: "des" },
  "1.2.840.113549.1.5.6": { name: "pbeWithMD5AndRC2-CBC", hash: "md5", cipher: "rc2" },
  "1.2.840.113549.1.5.10": { name: "pbeWithSHA1AndDES-CBC", hash: "sha-1", cipher: "des" },
  "1.2.840.113549.1.5.11": { name: "pbeWithSHA1AndRC2-CBC", hash: "sha-1", cipher: "rc2" },
};

const PBES2_OID = "1.2.840.113549.1.5.13";
const PBKDF2_OID = "1.2.840.113549.1.5.12";

const PRF: Record<string, HashName> = {
  "1.2.840.113549.2.7": "sha-1",
  "1.2.840.113549.2.8": "sha-224",
  "1.2.840.113549.2.9": "sha-256",
  "1.2.840.113549.2.10": "sha-384",
  "1.2.840.113549.2.11": "sha-512",
};

const PBES2_CIPHERS: Record<string, { name: string; kind: "aes" | "3des" | "des"; keyLength: number }> = {
  "2.16.840.1.101.3.4.1.2": { name: "aes-128-cbc", kind: "aes", keyLength: 16 },
  "2.16.840.1.101.3.4.1.22": { name: "aes-192-cbc", kind: "aes", keyLength: 24 },
  "2.16.840.1.101.3.4.1.42": { name: "aes-256-cbc", kind: "aes", keyLength: 32 },
  "1.2.840.113549.3.7": { name: "des-ede3-cbc", kind: "3des", keyLength: 24 },
  "1.3.14.3.2.7": { name: "des-cbc", kind: "des", keyLength: 8 },
};

/** Name of a content/key encryption algorithm, for messages. */
export function encryptionAlgorithmName(oid: string): string {
  return PKCS12_PBE[oid]?.name ?? PBES1[oid]?.name ?? (oid === PBES2_OID ? "PBES2" : oid);
}

function intValue(t: Tlv | undefined): number | undefined {
  if (!isUniversal(t, TAG.INTEGER) || t.value.length === 0 || t.value.length > 6) return undefined;
  if (((t.value[0] as number) & 0x80) !== 0) return undefined;
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

function octets(t: Tlv | undefined): Uint8Array | undefined {
  if (!isUniversal(t, TAG.OCTET_STRING)) return undefined;
  return octetStringContent(t);
}

/** Plausibility check for an RC4 result (no padding to check): it must start like a DER SEQUENCE. */
function looksLikeDer(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x30;
}

/** PKCS#12 / PBES1 parameters: SEQUENCE { salt OCTET STRING, iterations INTEGER ≥ 1 }; undefined when malformed. */
function pbeParams(params: Tlv | undefined): { salt: Uint8Array; iterations: number } | undefined {
  if (!isUniversal(params, TAG.SEQUENCE)) return undefined;
  const [saltT, iterT] = children(params);
  const salt = octets(saltT);
  const iterations = intValue(iterT);
  return salt && iterations !== undefined && iterations >= 1 ? { salt, iterations } : undefined;
}

function pkcs12PbeDecrypt(
  scheme: Pkcs12Pbe,
  params: Tlv | undefined,
  data: Uint8Array,
  pw: PasswordForms,
): DecryptResult {
  const name = scheme.name;
  const pbe = pbeParams(params);
  if (!pbe) return { ok: false, reason: "malformed", algorithm: name };
  const { salt, iterations } = pbe;
  if (iterations > MAX_KDF_ITERATIONS) {
    return {
      ok: false,
      reason: "unsupported",
      algorithm: name,
      message: `iteration count ${iterations} too high`,
    };
  }
  const cost = kdfCost("sha-1", iterations) * (scheme.cipher === "rc4" ? 1 : 2); // key (and IV)
  for (const p of pw.bmp) {
    if (!spend(pw.budget, cost)) return tooExpensive(name, cost);
    let key = pkcs12Kdf("sha-1", p, salt, iterations, KDF_ID.key, scheme.keyLength);
    let plain: Uint8Array | undefined;
    if (scheme.cipher === "rc4") {
      plain = rc4(key, data);
      if (!looksLikeDer(plain)) plain = undefined;
    } else {
      const iv = pkcs12Kdf("sha-1", p, salt, iterations, KDF_ID.iv, 8);
      if (scheme.cipher === "3des") {
        if (key.length === 16) {
          const k3 = new Uint8Array(24);
          k3.set(key, 0);
          k3.set(key.subarray(0, 8), 16);
          key = k3;
        }
        const raw = desCbc(key, iv, data);
        plain = raw && unpad(raw, 8);
      } else {
        const raw = rc2Cbc(key, scheme.bits ?? 128, iv, data);
        plain = raw && unpad(raw, 8);
      }
    }
    if (plain) return { ok: true, plain, algorithm: name };
  }
  return { ok: false, reason: "bad-password", algorithm: name };
}

function pbes1Decrypt(
  scheme: { name: string; hash: HashName; cipher: "des" | "rc2" },
  params: Tlv | undefined,
  data: Uint8Array,
  pw: PasswordForms,
): DecryptResult {
  const name = scheme.name;
  const pbe = pbeParams(params);
  if (!pbe) return { ok: false, reason: "malformed", algorithm: name };
  const { salt, iterations } = pbe;
  if (iterations > MAX_KDF_ITERATIONS) return { ok: false, reason: "unsupported", algorithm: name };
  if (!spend(pw.budget, kdfCost(scheme.hash, iterations)))
    return tooExpensive(name, kdfCost(scheme.hash, iterations));
  // PBKDF1: T = H^c(P || S); key = T[0..8], IV = T[8..16]
  let t = createHash(scheme.hash).update(pw.utf8).update(salt).digest();
  for (let i = 1; i < iterations; i++) t = createHash(scheme.hash).update(t).digest();
  const key = t.subarray(0, 8);
  const iv = t.subarray(8, 16);
  const raw = scheme.cipher === "des" ? desCbc(key, iv, data) : rc2Cbc(key, 64, iv, data);
  const plain = raw && unpad(raw, 8);
  return plain
    ? { ok: true, plain, algorithm: name }
    : { ok: false, reason: "bad-password", algorithm: name };
}

/** PBKDF2, natively when WebCrypto can; undefined when the JS fallback would exceed the budget. */
async function pbkdf2Bits(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  length: number,
  budget: { left: number },
  crypto: CryptoContext,
): Promise<Uint8Array | undefined> {
  const name = webCryptoHash(hash);
  if (name) {
    try {
      const s = crypto.port;
      const k = await s.importKey("raw", toArrayBuffer(password), "PBKDF2", false, ["deriveBits"]);
      const bits = await s.deriveBits(
        { name: "PBKDF2", salt: toArrayBuffer(salt), iterations, hash: name },
        k,
        length * 8,
      );
      return new Uint8Array(bits);
    } catch {
      // Some WebCrypto implementations refuse an empty password: fall through to noble.
    }
  }
  // In JS each iteration is an HMAC (two hashes): charge the difference from the native estimate.
  const extra = kdfCost(hash, iterations) * 2 - nativePbkdf2Cost(iterations);
  if (!spend(budget, Math.max(0, extra))) return undefined;
  return pbkdf2(NOBLE_HASH[hash], password, salt, { c: iterations, dkLen: length });
}

async function pbes2Decrypt(
  params: Tlv | undefined,
  data: Uint8Array,
  pw: PasswordForms,
): Promise<DecryptResult> {
  let name = "PBES2";
  if (!isUniversal(params, TAG.SEQUENCE)) return { ok: false, reason: "malformed", algorithm: name };
  const [kdf, enc] = children(params);
  if (!isUniversal(kdf, TAG.SEQUENCE) || !isUniversal(enc, TAG.SEQUENCE)) {
    return { ok: false, reason: "malformed", algorithm: name };
  }
  const [kdfOid, kdfParams] = children(kdf);
  const [encOid, encParams] = children(enc);
  if (!isUniversal(kdfOid, TAG.OID) || !isUniversal(encOid, TAG.OID)) {
    return { ok: false, reason: "malformed", algorithm: name };
  }
  const kdfName = decodeOid(kdfOid.value);
  const encName = decodeOid(encOid.value);
  const cipher = PBES2_CIPHERS[encName];
  if (kdfName !== PBKDF2_OID) {
    return { ok: false, reason: "unsupported", algorithm: `PBES2 with key derivation ${kdfName}` };
  }
  if (!cipher) return { ok: false, reason: "unsupported", algorithm: `PBES2 with cipher ${encName}` };
  if (!isUniversal(kdfParams, TAG.SEQUENCE)) return { ok: false, reason: "malformed", algorithm: name };
  const kp = children(kdfParams);
  const salt = octets(kp[0]);
  const iterations = intValue(kp[1]);
  let idx = 2;
  let keyLength = cipher.keyLength;
  const maybeLen = intValue(kp[idx]);
  if (maybeLen !== undefined) {
    keyLength = maybeLen;
    idx++;
  }
  let prf: HashName = "sha-1";
  const prfT = kp[idx];
  if (isUniversal(prfT, TAG.SEQUENCE)) {
    const [prfOid] = children(prfT);
    const p = isUniversal(prfOid, TAG.OID) ? PRF[decodeOid(prfOid.value)] : undefined;
    if (!p) return { ok: false, reason: "unsupported", algorithm: "PBES2 with an unknown PRF" };
    prf = p;
  }
  name = `PBES2 (PBKDF2-HMAC-${prf.toUpperCase()}, ${cipher.name})`;
  const iv = octets(encParams);
  if (!salt || iterations === undefined || iterations < 1 || !iv || keyLength !== cipher.keyLength) {
    return { ok: false, reason: "malformed", algorithm: name };
  }
  if (iterations > MAX_ITERATIONS) {
    return {
      ok: false,
      reason: "unsupported",
      algorithm: name,
      message: `iteration count ${iterations} too high`,
    };
  }
  if (!spend(pw.budget, nativePbkdf2Cost(iterations)))
    return tooExpensive(name, nativePbkdf2Cost(iterations));
  const key = await pbkdf2Bits(prf, pw.utf8, salt, iterations, keyLength, pw.budget, pw.crypto);
  if (!key) return tooExpensive(name, kdfCost(prf, iterations) * 2);
  if (cipher.kind === "aes") {
    if (iv.length !== 16 || data.length === 0 || data.length % 16 !== 0) {
      return { ok: false, reason: "malformed", algorithm: name };
    }
    let k: CryptoKey;
    try {
      k = await pw.crypto.port.importKey("raw", toArrayBuffer(key), "AES-CBC", false, ["decrypt"]);
    } catch {
      return { ok: false, reason: "unsupported", algorithm: name };
    }
    try {
      const plain = await pw.crypto.port.decrypt(
        { name: "AES-CBC", iv: toArrayBuffer(iv) },
        k,
        toArrayBuffer(data),
      );
      return { ok: true, plain: new Uint8Array(plain), algorithm: name };
    } catch {
      return { ok: false, reason: "bad-password", algorithm: name };
    }
  }
  const raw = desCbc(key, iv, data);
  const plain = raw && unpad(raw, 8);
  return plain
    ? { ok: true, plain, algorithm: name }
    : { ok: false, reason: "bad-password", algorithm: name };
}

/** Decrypts `data` encrypted with the password-based scheme of AlgorithmIdentifier `alg`. */
export async function decryptWithPassword(
  alg: Tlv,
  data: Uint8Array,
  pw: PasswordForms,
): Promise<DecryptResult> {
  if (!isUniversal(alg, TAG.SEQUENCE)) return { ok: false, reason: "malformed", algorithm: "?" };
  const [oidT, params] = children(alg);
  if (!isUniversal(oidT, TAG.OID)) return { ok: false, reason: "malformed", algorithm: "?" };
  const oid = decodeOid(oidT.value);
  const p12 = PKCS12_PBE[oid];
  if (p12) return pkcs12PbeDecrypt(p12, params, data, pw);
  const p1 = PBES1[oid];
  if (p1) return pbes1Decrypt(p1, params, data, pw);
  if (oid === PBES2_OID) return pbes2Decrypt(params, data, pw);
  return { ok: false, reason: "unsupported", algorithm: oid };
}
