/**
 * The legacy ciphers of old PKCS#12 files that WebCrypto lacks: DES, 3DES and RC2 through node-forge's
 * pure-JS modules, RC4 by hand; and PKCS#7 padding removal. Decryption only. Host-free.
 */
import forge from "node-forge/lib/forge";
import "node-forge/lib/des";
import "node-forge/lib/rc2";
import { fromLatin1, latin1 } from "../util/bytes";

/** Strict PKCS#7 padding removal; undefined when the padding is wrong (the usual sign of a wrong key). */
export function unpad(data: Uint8Array, block: number): Uint8Array | undefined {
  if (data.length === 0 || data.length % block !== 0) return undefined;
  const n = data[data.length - 1] as number;
  if (n === 0 || n > block) return undefined;
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) return undefined;
  return data.subarray(0, data.length - n);
}

function forgeBuffer(b: Uint8Array) {
  return forge.util.createBuffer(latin1(b));
}

/** DES-CBC / 3DES-CBC (EDE, 24-byte key) without padding removal. */
export function desCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  if (data.length % 8 !== 0 || iv.length !== 8) return undefined;
  const c = forge.cipher.createDecipher(key.length === 8 ? "DES-CBC" : "3DES-CBC", forgeBuffer(key));
  c.start({ iv: forgeBuffer(iv) });
  c.update(forgeBuffer(data));
  if (!c.finish(() => true)) return undefined;
  return fromLatin1(c.output.getBytes());
}

export function rc2Cbc(
  key: Uint8Array,
  bits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array | undefined {
  if (data.length % 8 !== 0 || iv.length !== 8) return undefined;
  const c = forge.rc2.createDecryptionCipher(forgeBuffer(key), bits);
  c.start(forgeBuffer(iv), null);
  c.update(forgeBuffer(data));
  if (!c.finish(() => true)) return undefined;
  return fromLatin1(c.output.getBytes());
}

/** RC4 (symmetric: decrypting is encrypting). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const S = new Uint8Array(256);
  for (let i = 0; i < 256; i++) S[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (S[i] as number) + (key[i % key.length] as number)) & 0xff;
    const t = S[i] as number;
    S[i] = S[j] as number;
    S[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + (S[i] as number)) & 0xff;
    const t = S[i] as number;
    S[i] = S[j] as number;
    S[j] = t;
    out[k] = (data[k] as number) ^ (S[((S[i] as number) + (S[j] as number)) & 0xff] as number);
  }
  return out;
}
