/**
 * RFC 2047 encoded words and raw 8-bit header text. Host-free; no backtracking regexes: every scan is a
 * forward loop, so a hostile header of any length decodes in linear time.
 */
import { decodeBase64, fromLatin1 } from "../util/bytes";
import { getDecoder } from "../util/textDecoders";

export { getDecoder, type BytesDecoder } from "../util/textDecoders";

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

/** Any character above U+00FF (a native scan: a character class, nothing to backtrack). */
const WIDE = /[\u0100-\uffff]/;
/** Any 8-bit character. */
const HIGH = /[\u0080-\u00ff]/;

function hasWide(s: string): boolean {
  return WIDE.test(s);
}

/**
 * Header text that is not an encoded word: raw 8-bit bytes (code points 0-255) are decoded as UTF-8
 * when valid, raw ISO-2022-JP (ESC sequences) as ISO-2022-JP; anything else is left as latin1.
 */
export function decodeRawText(s: string): string {
  if (!HIGH.test(s) && s.indexOf("\x1b") < 0) return s;
  let high = false;
  let esc = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) high = true;
    else if (c === 0x1b) esc = true;
  }
  if (high) {
    try {
      return utf8Fatal.decode(fromLatin1(s));
    } catch {
      return s;
    }
  }
  if (esc) {
    const d = getDecoder("iso-2022-jp");
    if (d) return d.decode(fromLatin1(s));
  }
  return s;
}

export function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The "Q" encoding of RFC 2047 (underscore = space, =XX = byte), tolerant of bad sequences. */
function decodeQ(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out[o++] = 0x20;
    else if (c === 0x3d && i + 2 < text.length) {
      const h = hexVal(text.charCodeAt(i + 1));
      const l = hexVal(text.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[o++] = (h << 4) | l;
        i += 2;
      } else out[o++] = c;
    } else out[o++] = c & 0xff;
  }
  return out.subarray(0, o);
}

function isCharsetChar(c: number): boolean {
  // token characters of RFC 2047 (no space, no CTLs, no especials except '*' for RFC 2231 language)
  return (
    c > 0x20 &&
    c < 0x7f &&
    c !== 0x28 && // (
    c !== 0x29 && // )
    c !== 0x3c && // <
    c !== 0x3e && // >
    c !== 0x40 && // @
    c !== 0x2c && // ,
    c !== 0x3b && // ;
    c !== 0x3a && // :
    c !== 0x22 && // "
    c !== 0x2f && // /
    c !== 0x5b && // [
    c !== 0x5d && // ]
    c !== 0x3f && // ?
    c !== 0x3d // =
  );
}

function isLinearWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

interface Run {
  charset: string;
  chunks: Uint8Array[];
  start: number;
  end: number;
}

/**
 * Decodes RFC 2047 encoded words (B and Q) in a header value given as raw bytes mapped to code points
 * 0-255 (as HeaderField.rawValue). Adjacent encoded words separated only by whitespace are joined, and
 * the bytes of adjacent words in the same charset are concatenated before decoding (so a multi-byte
 * character or an ISO-2022-JP escape sequence split across words decodes right). An encoded word in an
 * unknown charset is left as it is. Raw 8-bit text outside encoded words is decoded as UTF-8 when valid.
 * Never throws.
 */
export function decodeEncodedWords(raw: string): string {
  if (typeof raw !== "string" || raw.length === 0) return "";
  try {
    return decodeWordsUnsafe(raw);
  } catch {
    return raw;
  }
}

function decodeWordsUnsafe(raw: string): string {
  const wide = hasWide(raw);
  const plain = (s: string): string => (wide ? s : decodeRawText(s));
  let out = "";
  let plainStart = 0;
  let i = 0;
  let run: Run | undefined;
  let term = -1; // cached position of the next "?=" at or after some text start

  const flush = (): void => {
    if (!run) return;
    const d = getDecoder(run.charset);
    if (d) {
      let n = 0;
      for (const c of run.chunks) n += c.length;
      const all = new Uint8Array(n);
      let o = 0;
      for (const c of run.chunks) {
        all.set(c, o);
        o += c.length;
      }
      out += d.decode(all);
    } else {
      out += raw.slice(run.start, run.end);
    }
    run = undefined;
  };

  for (;;) {
    const s = raw.indexOf("=?", i);
    if (s < 0) break;
    // charset
    const q1 = raw.indexOf("?", s + 2);
    if (q1 < 0) break;
    if (q1 === s + 2 || q1 - s > 66) {
      i = s + 2;
      continue;
    }
    let okCharset = true;
    for (let k = s + 2; k < q1; k++) {
      if (!isCharsetChar(raw.charCodeAt(k))) {
        okCharset = false;
        break;
      }
    }
    const enc = raw.charCodeAt(q1 + 1) | 0x20; // lower-case
    if (!okCharset || (enc !== 0x62 && enc !== 0x71) || raw.charCodeAt(q1 + 2) !== 0x3f) {
      i = s + 2;
      continue;
    }
    const textStart = q1 + 3;
    if (term < textStart) term = raw.indexOf("?=", textStart);
    if (term < 0) break; // no terminator anywhere further on
    // Encoded text holds no whitespace; a word that would contain some is not a word, nor is any word
    // starting before that whitespace (it would end at the same terminator), so skip past it.
    let wsAt = -1;
    for (let k = textStart; k < term; k++) {
      if (isWs(raw.charCodeAt(k))) {
        wsAt = k;
        break;
      }
    }
    if (wsAt >= 0) {
      i = wsAt;
      continue;
    }
    const charset = raw.slice(s + 2, q1).toLowerCase();
    const text = raw.slice(textStart, term);
    const bytes = enc === 0x62 ? decodeBase64(fromLatin1(text)) : decodeQ(text);
    const end = term + 2;
    const between = raw.slice(plainStart, s);
    if (run && isLinearWhitespace(between)) {
      if (run.charset === charset) {
        run.chunks.push(bytes);
        run.end = end;
      } else {
        flush();
        run = { charset, chunks: [bytes], start: s, end };
      }
    } else {
      flush();
      out += plain(between);
      run = { charset, chunks: [bytes], start: s, end };
    }
    plainStart = end;
    i = end;
  }
  flush();
  out += plain(raw.slice(plainStart));
  return out;
}
