/**
 * Charset labels: aliases, what counts as a declaration, which charsets this host can decode, and decoding.
 */
import { getDecoder } from "../util/textDecoders";

/** Detection looks at this many bytes at most. */
export const SAMPLE_BYTES = 4 * 1024 * 1024;
/** A Japanese multibyte decoding must score at least this (see japaneseScore). */
export const JAPANESE_THRESHOLD = 0.5;

export const ALIASES: Record<string, string> = {
  // Shift_JIS family (Windows' cp932 is what everyone sends under these names)
  sjis: "shift_jis",
  "x-sjis": "shift_jis",
  "shift-jis": "shift_jis",
  shift_jis: "shift_jis",
  cp932: "shift_jis",
  ms932: "shift_jis",
  "ms-932": "shift_jis",
  "windows-31j": "shift_jis",
  "x-ms-cp932": "shift_jis",
  ms_kanji: "shift_jis",
  csshiftjis: "shift_jis",
  cswindows31j: "shift_jis",
  // EUC-JP
  eucjp: "euc-jp",
  "euc-jp": "euc-jp",
  "x-euc-jp": "euc-jp",
  "x-eucjp": "euc-jp",
  cseucpkdfmtjapanese: "euc-jp",
  "euc-jp-ms": "euc-jp",
  "eucjp-ms": "euc-jp",
  "eucjp-win": "euc-jp",
  cp51932: "euc-jp",
  // ISO-2022-JP (the -1/-2/-3 and MS extensions are decoded as ISO-2022-JP: what matters is the kanji set)
  "iso-2022-jp": "iso-2022-jp",
  iso2022jp: "iso-2022-jp",
  csiso2022jp: "iso-2022-jp",
  "iso-2022-jp-1": "iso-2022-jp",
  "iso-2022-jp-2": "iso-2022-jp",
  "iso-2022-jp-3": "iso-2022-jp",
  "iso-2022-jp-ms": "iso-2022-jp",
  cp50220: "iso-2022-jp",
  cp50221: "iso-2022-jp",
  cp50222: "iso-2022-jp",
  "x-iso-2022-jp": "iso-2022-jp",
  // UTF-8
  utf8: "utf-8",
  "utf-8": "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "x-unicode20utf8": "utf-8",
  // ASCII
  ascii: "us-ascii",
  "us-ascii": "us-ascii",
  "ansi_x3.4-1968": "us-ascii",
  "iso646-us": "us-ascii",
  "iso-ir-6": "us-ascii",
  us: "us-ascii",
  csascii: "us-ascii",
  // Latin-1 keeps its name (decoded as windows-1252, as WHATWG says)
  latin1: "iso-8859-1",
  "latin-1": "iso-8859-1",
  "iso8859-1": "iso-8859-1",
  iso_8859_1: "iso-8859-1",
  "iso-8859-1": "iso-8859-1",
  l1: "iso-8859-1",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  cp1251: "windows-1251",
  "x-cp1251": "windows-1251",
};

/** Labels that mean "the sender did not know": treated as no declaration. */
export const NON_DECLARATIONS = new Set([
  "unknown-8bit",
  "x-unknown",
  "unknown",
  "x-user-defined-8bit",
  "8bit",
]);

export const JAPANESE_MULTIBYTE = new Set(["shift_jis", "euc-jp"]);
export const CYRILLIC = new Set([
  "koi8-r",
  "koi8-u",
  "windows-1251",
  "iso-8859-5",
  "ibm866",
  "x-mac-cyrillic",
]);
export const LATIN_DEFAULTS = new Set(["us-ascii", "windows-1252", "iso-8859-1", "iso-8859-15"]);

/**
 * Normalises a charset label: trims, unquotes, lower-cases and maps aliases (sjis, cp932, windows-31j →
 * shift_jis; utf8 → utf-8; csISO2022JP → iso-2022-jp; …). Unknown labels are resolved through TextDecoder
 * when it knows them, else returned lower-cased.
 */
export function normalizeCharset(label: string): string {
  const l = label
    .trim()
    .replace(/^["']+|["']+$/g, "")
    .trim()
    .toLowerCase();
  const alias = ALIASES[l];
  if (alias !== undefined) return alias;
  const whatwg = decoderName(l);
  return whatwg ?? l;
}

/** The WHATWG encoding name TextDecoder uses for a label, or undefined when it does not know it. */
export function decoderName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether TextDecoder can decode this (normalised) charset. */
export function supported(charset: string): boolean {
  if (charset === "us-ascii") return true;
  return decoderName(charset) !== undefined;
}

export function decoderLabel(charset: string): string {
  // WHATWG maps us-ascii to windows-1252 anyway; be explicit.
  return charset === "us-ascii" ? "windows-1252" : charset;
}

/** Decodes bytes in a charset for display. Unknown charsets fall back to UTF-8 with replacement. Never throws. */
export function decodeText(bytes: Uint8Array, charset: string): string {
  const cs = normalizeCharset(charset || "utf-8");
  try {
    const decoder = getDecoder(decoderLabel(cs));
    if (decoder) return decoder.decode(bytes);
    return new TextDecoder("utf-8").decode(bytes);
  } catch {
    try {
      return new TextDecoder("utf-8").decode(bytes);
    } catch {
      return "";
    }
  }
}
