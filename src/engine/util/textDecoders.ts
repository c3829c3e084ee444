/**
 * Text decoders for MIME charset names. Host-free: TextDecoder (WHATWG Encoding), except windows-1252,
 * which is decoded by table because Node 20's ICU TextDecoder drops its bytes 0x80-0x9F.
 */

import { isAscii } from "./bytes";

const ASCII = new TextDecoder();

/** Charset names seen in mail that the WHATWG Encoding Standard does not know under that label. */
const CHARSET_ALIASES: Record<string, string> = {
  cp932: "shift_jis",
  ms932: "shift_jis",
  "x-ms-cp932": "shift_jis",
  "shift-jis": "shift_jis",
  sjis: "shift_jis",
  "iso-2022-jp-1": "iso-2022-jp",
  "iso-2022-jp-2": "iso-2022-jp",
  "iso-2022-jp-3": "iso-2022-jp",
  "iso-2022-jp-2004": "iso-2022-jp",
  "euc-jis-2004": "euc-jp",
  eucjp: "euc-jp",
  "x-euc-jp": "euc-jp",
  cp1252: "windows-1252",
  utf_8: "utf-8",
};

/** What decoding needs of a TextDecoder. */
export interface BytesDecoder {
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

/** windows-1252 0x80-0x9F (WHATWG); 0 = same code point. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/**
 * windows-1252 (also what "iso-8859-1" and "us-ascii" mean in WHATWG) decoded by table: Node 20's ICU
 * TextDecoder drops bytes 0x80-0x9F of this encoding (e.g. 0x80 "€" comes out as nothing).
 */
const windows1252: BytesDecoder = {
  encoding: "windows-1252",
  decode(bytes: Uint8Array): string {
    const parts: string[] = [];
    const CHUNK = 0x4000;
    for (let i = 0; i < bytes.length; i += CHUNK) {
      const end = Math.min(bytes.length, i + CHUNK);
      const sub = bytes.subarray(i, end);
      // ASCII runs through the native decoder, and the pieces are joined once (no chain of string pieces).
      if (isAscii(sub)) {
        parts.push(ASCII.decode(sub));
        continue;
      }
      const codes = new Array<number>(end - i);
      for (let k = i; k < end; k++) {
        const b = bytes[k] as number;
        codes[k - i] = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) || b : b;
      }
      parts.push(String.fromCharCode.apply(null, codes));
    }
    return parts.join("");
  },
};

/**
 * A decoder that makes a new TextDecoder for every call. For ISO-2022-JP, whose decoder keeps state: Chromium's
 * carries it over from one `decode()` call to the next when the previous input ended just after an escape
 * sequence (the next text then starts with U+FFFD), although the Encoding Standard resets it. A shared,
 * cached instance would let one header's bytes spoil the next one's.
 */
function freshEachTime(label: string): BytesDecoder {
  return { encoding: label, decode: (bytes) => new TextDecoder(label).decode(bytes) };
}

const decoderCache = new Map<string, BytesDecoder | null>();
const MAX_CACHED_DECODERS = 64;

/** A (non-fatal) decoder for a MIME charset name, or undefined when the charset is unknown. */
export function getDecoder(charset: string): BytesDecoder | undefined {
  let label = charset.trim().toLowerCase();
  // RFC 2231 section 5: "charset*language" inside an encoded word.
  const star = label.indexOf("*");
  if (star >= 0) label = label.slice(0, star);
  label = CHARSET_ALIASES[label] ?? label;
  const cached = decoderCache.get(label);
  if (cached !== undefined) return cached ?? undefined;
  let d: BytesDecoder | null = null;
  try {
    d = new TextDecoder(label);
    // The "replacement" encoding (iso-2022-kr, hz-gb-2312, ...) only yields U+FFFD: treat as unknown.
    if (d.encoding === "replacement") d = null;
    else if (d.encoding === "windows-1252") d = windows1252;
    else if (d.encoding === "iso-2022-jp") d = freshEachTime("iso-2022-jp");
  } catch {
    d = null;
  }
  if (decoderCache.size < MAX_CACHED_DECODERS) decoderCache.set(label, d);
  return d ?? undefined;
}
