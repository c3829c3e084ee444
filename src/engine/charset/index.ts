/**
 * Charset detection and decoding for display (mojibake diagnosis and repair).
 *
 * Host-free: only TextDecoder (WHATWG Encoding; Node 20 and browsers decode shift_jis, euc-jp,
 * iso-2022-jp, koi8-u/r, windows-125x and iso-8859-x) and typed arrays. Never throws; detection looks at
 * a bounded sample (the first few MB) so a 50 MB body costs one linear decode at most.
 */
import { getDecoder } from "../util/textDecoders";
import { charsetDisplayName, finding, report } from "../findings";
import type { DecodedText, Finding } from "../types";

/** Detection looks at this many bytes at most. */
const SAMPLE_BYTES = 4 * 1024 * 1024;
/** A Japanese multibyte decoding must score at least this (see japaneseScore). */
const JAPANESE_THRESHOLD = 0.5;

const ALIASES: Record<string, string> = {
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
const NON_DECLARATIONS = new Set(["unknown-8bit", "x-unknown", "unknown", "x-user-defined-8bit", "8bit"]);

const JAPANESE_MULTIBYTE = new Set(["shift_jis", "euc-jp"]);
const CYRILLIC = new Set(["koi8-r", "koi8-u", "windows-1251", "iso-8859-5", "ibm866", "x-mac-cyrillic"]);
const LATIN_DEFAULTS = new Set(["us-ascii", "windows-1252", "iso-8859-1", "iso-8859-15"]);

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
function decoderName(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether TextDecoder can decode this (normalised) charset. */
function supported(charset: string): boolean {
  if (charset === "us-ascii") return true;
  return decoderName(charset) !== undefined;
}

function decoderLabel(charset: string): string {
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

/** Strict decode of a sample; true when there is no malformed sequence (a sequence cut at the end is fine). */
function validIn(sample: Uint8Array, charset: string): boolean {
  try {
    new TextDecoder(decoderLabel(charset), { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

interface ByteStats {
  high: number;
  /** ESC followed by a designation ISO-2022-JP uses: ESC $ @, ESC $ B, ESC ( B, ESC ( J, ESC ( I. */
  jisEscapes: number;
  asciiLetters: number;
  /** 0xC0-0xDF */
  c0df: number;
  /** 0xE0-0xFF */
  e0ff: number;
}

function byteStats(s: Uint8Array): ByteStats {
  const st: ByteStats = { high: 0, jisEscapes: 0, asciiLetters: 0, c0df: 0, e0ff: 0 };
  for (let i = 0; i < s.length; i++) {
    const b = s[i] as number;
    if (b >= 0x80) {
      st.high++;
      if (b >= 0xe0) st.e0ff++;
      else if (b >= 0xc0) st.c0df++;
    } else if (b === 0x1b) {
      const b1 = s[i + 1];
      const b2 = s[i + 2];
      if (
        (b1 === 0x24 && (b2 === 0x42 || b2 === 0x40)) ||
        (b1 === 0x28 && (b2 === 0x42 || b2 === 0x4a || b2 === 0x49))
      ) {
        st.jisEscapes++;
      }
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) {
      st.asciiLetters++;
    }
  }
  return st;
}

/**
 * How Japanese a byte sequence looks when read as Shift_JIS or EUC-JP: the mean weight of its non-ASCII
 * characters, classified by lead byte. Hiragana weighs most; punctuation, katakana and JIS level-1 kanji
 * count as common; level-2 kanji and symbols are neutral; half-width katakana, vendor extensions and
 * user-defined areas count against. Latin or Cyrillic single-byte text read this way scores ≤ 0; real
 * Japanese scores > 1.
 */
export function japaneseScore(s: Uint8Array, charset: "shift_jis" | "euc-jp"): number {
  let sum = 0;
  let n = 0;
  const sjis = charset === "shift_jis";
  for (let i = 0; i < s.length; i++) {
    const b = s[i] as number;
    if (b < 0x80) continue;
    n++;
    if (sjis) {
      if (b >= 0xa1 && b <= 0xdf) {
        sum -= 1; // half-width katakana
        continue;
      }
      i++; // trail byte
      if (b === 0x82) sum += 2;
      else if (b === 0x81 || b === 0x83 || (b >= 0x88 && b <= 0x98)) sum += 1;
      else if ((b >= 0x84 && b <= 0x87) || (b >= 0x99 && b <= 0x9f) || (b >= 0xe0 && b <= 0xea)) sum += 0;
      else if (b >= 0xf0 && b <= 0xf9) sum -= 2;
      else sum -= 1;
    } else {
      if (b === 0x8e) {
        sum -= 1; // half-width katakana
        i++;
        continue;
      }
      if (b === 0x8f) {
        sum -= 1; // JIS X 0212
        i += 2;
        continue;
      }
      i++;
      if (b === 0xa4) sum += 2;
      else if (b === 0xa1 || b === 0xa3 || b === 0xa5 || (b >= 0xb0 && b <= 0xcf)) sum += 1;
      else if (b === 0xa2 || (b >= 0xa6 && b <= 0xa8) || b === 0xad || (b >= 0xd0 && b <= 0xf4)) sum += 0;
      else if (b >= 0xf5) sum -= 2;
      else sum -= 1;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** Cyrillic single-byte text: non-ASCII letters make up a large share of the letters. */
function cyrillicGuess(st: ByteStats): string | undefined {
  const highLetters = st.c0df + st.e0ff;
  if (highLetters < 4 || highLetters < 0.4 * (highLetters + st.asciiLetters)) return undefined;
  // Lower case dominates running text: KOI8 puts а-я at 0xC0-0xDF, windows-1251 at 0xE0-0xFF.
  return st.c0df >= st.e0ff ? "koi8-u" : "windows-1251";
}

interface Detection {
  charset: string;
  stats: ByteStats;
  sample: Uint8Array;
}

function detect(bytes: Uint8Array): Detection {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  const st = byteStats(sample);
  const d = (charset: string): Detection => ({ charset, stats: st, sample });
  // Byte-order marks
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return d("utf-8");
  if (sample[0] === 0xfe && sample[1] === 0xff) return d("utf-16be");
  if (sample[0] === 0xff && sample[1] === 0xfe) return d("utf-16le");
  if (st.high === 0) return d(st.jisEscapes > 0 ? "iso-2022-jp" : "us-ascii");
  if (validIn(sample, "utf-8")) return d("utf-8");
  const sjisOk = validIn(sample, "shift_jis");
  const eucOk = validIn(sample, "euc-jp");
  const sjisScore = sjisOk ? japaneseScore(sample, "shift_jis") : -Infinity;
  const eucScore = eucOk ? japaneseScore(sample, "euc-jp") : -Infinity;
  if (Math.max(sjisScore, eucScore) >= JAPANESE_THRESHOLD) {
    return d(eucScore > sjisScore ? "euc-jp" : "shift_jis");
  }
  return d(cyrillicGuess(st) ?? "windows-1252");
}

/**
 * Best guess of the charset of a text body: "us-ascii", "iso-2022-jp", "utf-8", "shift_jis", "euc-jp",
 * "koi8-u", "windows-1251" or "windows-1252" (also "utf-16le/be" when a BOM says so). Never throws.
 */
export function detectCharset(bytes: Uint8Array): string {
  try {
    return detect(bytes).charset;
  } catch {
    return "utf-8";
  }
}

/** Human name of a charset for messages. */
export { charsetDisplayName };

/** Whether the declared charset fits the bytes; when it does not, detection names the better one. */
function declaredFits(declared: string, det: Detection): boolean {
  const { charset: detected, stats: st, sample } = det;
  if (declared === detected) return true;
  if (declared === "us-ascii") return st.high === 0 && st.jisEscapes === 0;
  if (declared === "iso-2022-jp") return st.high === 0;
  // Pure 7-bit: fine unless it carries ISO-2022-JP escapes that the declared charset would show raw.
  if (st.high === 0) return st.jisEscapes === 0;
  if (!validIn(sample, declared)) return false;
  if (declared === "utf-8" || declared.startsWith("utf-16")) return true;
  if (JAPANESE_MULTIBYTE.has(declared)) {
    // Valid, but does it read as Japanese? (UTF-8 or EUC-JP bytes often pass a Shift_JIS decoder.)
    if (detected === "utf-8") return false;
    if (JAPANESE_MULTIBYTE.has(detected)) {
      return japaneseScore(sample, declared as "shift_jis" | "euc-jp") >= JAPANESE_THRESHOLD;
    }
    return true;
  }
  // A single-byte declaration decodes anything: it is wrong when the bytes are clearly something else.
  if (detected === "utf-8" || JAPANESE_MULTIBYTE.has(detected)) return false;
  if (CYRILLIC.has(detected)) {
    if (LATIN_DEFAULTS.has(declared)) return false;
    if ((declared === "koi8-r" || declared === "koi8-u") && detected === "windows-1251") return false;
    if (declared === "windows-1251" && detected === "koi8-u") return false;
  }
  return true;
}

/**
 * Checks a transfer-decoded text body against its declared charset.
 * - CHARSET_MISMATCH when the declaration does not fit the bytes but another charset does;
 * - CHARSET_UNDECLARED when 8-bit (or ISO-2022-JP escaped) text has no charset parameter.
 * The returned text is decoded in the charset that fits (the declared one when it is fine), so the pane can
 * show a readable message at once; `detectedCharset` names that charset. Never throws.
 */
export function analyzeText(
  bytes: Uint8Array,
  declared: string | undefined,
  part: string,
  contentType: string,
): { text: DecodedText; finding?: Finding } {
  try {
    return analyze(bytes, declared, part, contentType);
  } catch {
    return {
      text: { part, contentType, detectedCharset: "utf-8", text: decodeText(bytes, "utf-8") },
    };
  }
}

function analyze(
  bytes: Uint8Array,
  declared: string | undefined,
  part: string,
  contentType: string,
): { text: DecodedText; finding?: Finding } {
  const det = detect(bytes);
  const detected = det.charset;
  const rawDeclared = declared?.trim() ?? "";
  const decl = rawDeclared === "" ? undefined : normalizeCharset(rawDeclared);
  const make = (used: string): DecodedText => {
    const t: DecodedText = { part, contentType, detectedCharset: used, text: decodeText(bytes, used) };
    if (decl !== undefined) t.declaredCharset = decl;
    return t;
  };
  const dn = charsetDisplayName(detected);

  if (decl === undefined || NON_DECLARATIONS.has(decl)) {
    if (detected === "us-ascii") return { text: make("us-ascii") };
    return {
      text: make(detected),
      finding: finding(
        "CHARSET_UNDECLARED",
        {
          en:
            `This text part does not say which character set it uses (no charset parameter). ` +
            `It looks like ${dn.en} and is shown decoded as such here; other mail programs may show it garbled.`,
          ja:
            `本文の文字コード（charset）が指定されていません。内容から ${dn.ja} と判断して表示しています。` +
            `受信した人のメールソフトによっては文字化けすることがあります。`,
        },
        { part, contentType, detected, ...(decl !== undefined ? { declared: decl } : {}) },
      ),
    };
  }

  if (!supported(decl)) {
    // A label we cannot decode: show the detected reading, without judging the declaration.
    return { text: make(detected) };
  }
  if (declaredFits(decl, det)) return { text: make(decl) };

  return {
    text: make(detected),
    finding: report("CHARSET_MISMATCH", {
      part,
      contentType,
      declared: decl,
      detected,
      ...(decl !== rawDeclared ? { declaredLabel: rawDeclared } : {}),
    }),
  };
}
