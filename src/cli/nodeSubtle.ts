/**
 * The crypto port the command line gives the engine (a plain object implementing CryptoPort): Node's own WebCrypto for everything, except that a
 * signature check on a key it imported runs at once through node:crypto (the same OpenSSL underneath)
 * instead of through WebCrypto's job queue. On a batch of small messages that round trip, not the RSA
 * arithmetic, was the largest single cost (a thread hand-off per signature on a 2-core machine).
 *
 * Keys are still imported by WebCrypto, so which keys are accepted or refused does not change; `verify`
 * and `digest` take the direct path, and a test checks that every fixture gets the same Diagnosis both
 * ways.
 */
import { constants, createHash, KeyObject, verify as nodeVerify } from "node:crypto";
import { webcrypto } from "node:crypto";
import type { CryptoPort } from "../engine";

type Algorithm = AlgorithmIdentifier | RsaPssParams | EcdsaParams;

/** Node's digest name for a WebCrypto hash ("SHA-256" or { name: "SHA-256" }), or undefined. */
function hashOf(h: unknown): string | undefined {
  const name = typeof h === "string" ? h : (h as { name?: unknown } | undefined)?.name;
  switch (typeof name === "string" ? name.toUpperCase() : "") {
    case "SHA-1":
      return "sha1";
    case "SHA-256":
      return "sha256";
    case "SHA-384":
      return "sha384";
    case "SHA-512":
      return "sha512";
    default:
      return undefined;
  }
}

export function nodeCryptoPort(): CryptoPort {
  const web = webcrypto.subtle as unknown as SubtleCrypto;
  const keys = new WeakMap<CryptoKey, KeyObject>();

  const importKey = async (...args: Parameters<SubtleCrypto["importKey"]>): Promise<CryptoKey> => {
    const key = await (web.importKey as (...a: unknown[]) => Promise<CryptoKey>)(...args);
    if (key.type === "public") keys.set(key, KeyObject.from(key as unknown as webcrypto.CryptoKey));
    return key;
  };

  const verify = async (
    algorithm: Algorithm,
    key: CryptoKey,
    signature: BufferSource,
    data: BufferSource,
  ): Promise<boolean> => {
    const object = keys.get(key);
    const name = typeof algorithm === "string" ? algorithm : algorithm.name;
    const direct = object ? directVerify(name, algorithm, key, object, signature, data) : undefined;
    return direct ?? web.verify(algorithm, key, signature, data);
  };

  const digest = async (algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer> => {
    const hash = hashOf(typeof algorithm === "string" ? algorithm : algorithm.name);
    if (!hash) return web.digest(algorithm, data);
    const out = createHash(hash).update(view(data)).digest();
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  };

  return {
    importKey: importKey as CryptoPort["importKey"],
    verify,
    digest,
    exportKey: web.exportKey.bind(web) as CryptoPort["exportKey"],
    decrypt: web.decrypt.bind(web),
    deriveBits: web.deriveBits.bind(web),
  };
}

function view(b: BufferSource): Uint8Array {
  return b instanceof Uint8Array
    ? b
    : ArrayBuffer.isView(b)
      ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
      : new Uint8Array(b);
}

/**
 * The check by node:crypto, or undefined for a case left to WebCrypto: anything but a plain answer on a
 * key imported for verifying (a key without the "verify" usage, a negative or fractional salt length, an
 * error from OpenSSL) goes to WebCrypto, so that its answer or its exception is the one the engine sees.
 */
function directVerify(
  name: string,
  algorithm: Algorithm,
  key: CryptoKey,
  object: KeyObject,
  signature: BufferSource,
  data: BufferSource,
): boolean | undefined {
  if (!key.usages.includes("verify")) return undefined;
  const keyHash = hashOf((key.algorithm as Partial<RsaHashedKeyAlgorithm>).hash);
  const sig = view(signature);
  const msg = view(data);
  try {
    switch (name.toUpperCase()) {
      case "RSASSA-PKCS1-V1_5":
        if (!keyHash || key.algorithm.name !== "RSASSA-PKCS1-v1_5") return undefined;
        return nodeVerify(keyHash, msg, object, sig);
      case "RSA-PSS": {
        const saltLength = (algorithm as RsaPssParams).saltLength;
        if (!keyHash || key.algorithm.name !== "RSA-PSS") return undefined;
        if (typeof saltLength !== "number" || !Number.isInteger(saltLength) || saltLength < 0)
          return undefined;
        return nodeVerify(
          keyHash,
          msg,
          { key: object, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
          sig,
        );
      }
      case "ECDSA": {
        const hash = hashOf((algorithm as EcdsaParams).hash);
        if (!hash || key.algorithm.name !== "ECDSA") return undefined;
        return nodeVerify(hash, msg, { key: object, dsaEncoding: "ieee-p1363" }, sig);
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
