/** Part bodies: raw spans, transfer decoding, and the signed content of a multipart/signed. */
import { decodeBase64 } from "../util/bytes";
import type { ContentType, MimePart, ParsedMessage } from "./types";
import { hexVal } from "./words";

const CR = 0x0d;
const LF = 0x0a;

/** The raw body span of a part (a subarray of the input; no decoding). */
export function bodyBytes(msg: ParsedMessage, part: MimePart): Uint8Array {
  const start = Math.min(part.bodyStart, part.end);
  return msg.bytes.subarray(start, part.end);
}

/** The body with its Content-Transfer-Encoding undone (base64, quoted-printable; others as is). */
export function decodedBody(msg: ParsedMessage, part: MimePart): Uint8Array {
  const start = Math.min(part.bodyStart, part.end);
  switch (part.transferEncoding) {
    case "base64":
      return decodeBase64(msg.bytes, start, part.end);
    case "quoted-printable":
      return decodeQuotedPrintable(msg.bytes, start, part.end);
    default:
      return msg.bytes.subarray(start, part.end);
  }
}

/**
 * Quoted-printable (RFC 2045 6.7): =XX, soft line breaks ("=" + optional whitespace + CRLF or LF),
 * trailing whitespace before a line break dropped; a bad "=" sequence is kept literally. One pass.
 */
export function decodeQuotedPrintable(input: Uint8Array, start = 0, end = input.length): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  let o = 0;
  let i = start;
  while (i < end) {
    const c = input[i] as number;
    if (c === 0x3d) {
      // '='
      if (i + 2 < end) {
        const h = hexVal(input[i + 1] as number);
        const l = hexVal(input[i + 2] as number);
        if (h >= 0 && l >= 0) {
          out[o++] = (h << 4) | l;
          i += 3;
          continue;
        }
      }
      // soft line break: '=' [WSP*] (CRLF | LF | end)
      let k = i + 1;
      while (k < end && (input[k] === 0x20 || input[k] === 0x09)) k++;
      if (k >= end) {
        i = end;
        continue;
      }
      if (input[k] === LF) {
        i = k + 1;
        continue;
      }
      if (input[k] === CR && (k + 1 >= end || input[k + 1] === LF)) {
        i = Math.min(end, k + 2);
        continue;
      }
      out[o++] = c;
      i++;
      continue;
    }
    if (c === 0x20 || c === 0x09) {
      // whitespace run: dropped when it ends the line
      let k = i;
      while (k < end && (input[k] === 0x20 || input[k] === 0x09)) k++;
      if (k >= end || input[k] === LF || (input[k] === CR && (k + 1 >= end || input[k + 1] === LF))) {
        i = k;
        continue;
      }
      out.set(input.subarray(i, k), o);
      o += k - i;
      i = k;
      continue;
    }
    out[o++] = c;
    i++;
  }
  return out.subarray(0, o);
}

/** Bare LF (not preceded by CR) → CRLF; lone CR and existing CRLF untouched. Two linear passes. */
export function lfToCrlf(src: Uint8Array): Uint8Array {
  const n = src.length;
  let bare = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const c = src[i] as number;
    if (c === LF && prev !== CR) bare++;
    prev = c;
  }
  if (bare === 0) return src;
  const out = new Uint8Array(n + bare);
  let o = 0;
  prev = -1;
  for (let i = 0; i < n; i++) {
    const c = src[i] as number;
    if (c === LF && prev !== CR) out[o++] = CR;
    out[o++] = c;
    prev = c;
  }
  return out;
}

/**
 * For a multipart/signed: the exact bytes of its first part, from after the line break ending the
 * first delimiter line to before the line break preceding the next delimiter. When the message's line
 * ends are bare LF (msg.bareLf), bare LFs are turned into CRLF (the canonical form that was signed).
 * Empty when the part has no children.
 */
export function signedContent(msg: ParsedMessage, part: MimePart): Uint8Array {
  const firstPart = part.children[0];
  if (!firstPart) return new Uint8Array(0);
  const raw = msg.bytes.subarray(firstPart.start, Math.max(firstPart.start, firstPart.end));
  return msg.bareLf ? lfToCrlf(raw) : raw;
}

/** application/pkcs7-signature or application/x-pkcs7-signature. */
export function isSignatureType(ct: ContentType): boolean {
  return (
    ct.type === "application" && (ct.subtype === "pkcs7-signature" || ct.subtype === "x-pkcs7-signature")
  );
}

/** application/pkcs7-mime or application/x-pkcs7-mime. */
export function isPkcs7MimeType(ct: ContentType): boolean {
  return ct.type === "application" && (ct.subtype === "pkcs7-mime" || ct.subtype === "x-pkcs7-mime");
}
