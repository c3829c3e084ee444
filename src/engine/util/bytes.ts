/** Byte helpers shared by the engine. Host-free: typed arrays only. */

const HEX_DIGITS = "0123456789abcdef";

/** Character codes that are all ASCII → string, natively (no per-character work in JavaScript). */
const ASCII = new TextDecoder();

/**
 * Lower-case hex. Written into a buffer of character codes and turned into one string at the end: adding
 * to a string two characters at a time leaves a chain of small string pieces for the garbage collector,
 * which was a large share of the time on a batch of messages.
 */
export function toHex(bytes: Uint8Array): string {
  const codes = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    codes[2 * i] = HEX_DIGITS.charCodeAt(b >> 4);
    codes[2 * i + 1] = HEX_DIGITS.charCodeAt(b & 15);
  }
  return ASCII.decode(codes);
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(i * 2, 2), 16);
  return out;
}

/** Bytes as a string of code points 0-255 (no decoding). Chunked so huge inputs do not blow the stack. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  // ASCII chunks go through the native decoder; the pieces are joined once (adding 30 MB to a string
  // chunk by chunk left a chain of pieces that cost seconds to flatten).
  if (end - start > 0x8000 && isAscii(bytes.subarray(start, end)))
    return ASCII.decode(bytes.subarray(start, end));
  const parts: string[] = [];
  const CHUNK = 0x8000;
  for (let i = start; i < end; i += CHUNK) {
    const sub = bytes.subarray(i, Math.min(i + CHUNK, end));
    parts.push(
      isAscii(sub) ? ASCII.decode(sub) : String.fromCharCode.apply(null, sub as unknown as number[]),
    );
  }
  return parts.length === 1 ? (parts[0] as string) : parts.join("");
}

/** Whether every byte is below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Maps a byte to its 6-bit value; 64 = skip (whitespace, other), 65 = padding '='. */
const B64_REV = (() => {
  const t = new Uint8Array(256).fill(64);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  t["-".charCodeAt(0)] = 62; // base64url
  t["_".charCodeAt(0)] = 63;
  t["=".charCodeAt(0)] = 65;
  return t;
})();

/**
 * Tolerant base64 decoder: skips whitespace and any non-alphabet byte, stops at padding.
 * Runs in one pass over the input; suitable for 50 MB bodies.
 */
export function decodeBase64(input: Uint8Array, start = 0, end = input.length): Uint8Array {
  const out = new Uint8Array(Math.ceil(((end - start) * 3) / 4));
  let o = 0;
  let acc = 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const v = B64_REV[input[i] as number] as number;
    if (v === 64) continue;
    if (v === 65) break;
    acc = (acc << 6) | v;
    if (++n === 4) {
      out[o++] = (acc >> 16) & 0xff;
      out[o++] = (acc >> 8) & 0xff;
      out[o++] = acc & 0xff;
      acc = 0;
      n = 0;
    }
  }
  if (n === 2) out[o++] = (acc >> 4) & 0xff;
  else if (n === 3) {
    out[o++] = (acc >> 10) & 0xff;
    out[o++] = (acc >> 2) & 0xff;
  }
  return out.subarray(0, o);
}

export function decodeBase64String(s: string): Uint8Array {
  return decodeBase64(fromLatin1(s));
}

/**
 * Base64 (standard alphabet, padded); with `lineLength`, lines joined by "\n", each `lineLength` characters
 * rounded up to a multiple of 4 (64 for PEM, 76 for MIME).
 */
export function encodeBase64(bytes: Uint8Array, lineLength = 0): string {
  const chars = Math.ceil(bytes.length / 3) * 4;
  const perLine = lineLength > 0 ? Math.ceil(lineLength / 4) * 4 : 0;
  const breaks = perLine > 0 && chars > 0 ? Math.ceil(chars / perLine) - 1 : 0;
  // Character codes first, one string at the end (see toHex).
  const codes = new Uint8Array(chars + breaks);
  let o = 0;
  let line = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    if (perLine > 0 && line === perLine) {
      codes[o++] = 10;
      line = 0;
    }
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    const triple = (a << 16) | (b << 8) | c;
    codes[o++] = B64.charCodeAt((triple >> 18) & 63);
    codes[o++] = B64.charCodeAt((triple >> 12) & 63);
    codes[o++] = i + 1 < bytes.length ? B64.charCodeAt((triple >> 6) & 63) : 61;
    codes[o++] = i + 2 < bytes.length ? B64.charCodeAt(triple & 63) : 61;
    line += 4;
  }
  return ASCII.decode(codes);
}

/** PEM armour for a DER certificate. */
export function toPem(der: Uint8Array, label = "CERTIFICATE"): string {
  return `-----BEGIN ${label}-----\n${encodeBase64(der, 64)}\n-----END ${label}-----\n`;
}

/** All PEM blocks of the given label in a text, as DER. */
export function fromPem(text: string, label = "CERTIFICATE"): Uint8Array[] {
  const out: Uint8Array[] = [];
  const begin = `-----BEGIN ${label}-----`;
  const endMark = `-----END ${label}-----`;
  let pos = 0;
  for (;;) {
    const b = text.indexOf(begin, pos);
    if (b < 0) break;
    const e = text.indexOf(endMark, b + begin.length);
    if (e < 0) break;
    out.push(decodeBase64String(text.slice(b + begin.length, e)));
    pos = e + endMark.length;
  }
  return out;
}

/** ArrayBuffer holding exactly these bytes (WebCrypto and PKIjs want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}
