/**
 * Charset detection from the bytes: validity per charset, byte statistics, Japanese and Cyrillic scores.
 */
import { SAMPLE_BYTES, JAPANESE_THRESHOLD, decoderLabel } from "./labels";

/** Strict decode of a sample; true when there is no malformed sequence (a sequence cut at the end is fine). */
export function validIn(sample: Uint8Array, charset: string): boolean {
  try {
    new TextDecoder(decoderLabel(charset), { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export interface ByteStats {
  high: number;
  /** ESC followed by a designation ISO-2022-JP uses: ESC $ @, ESC $ B, ESC ( B, ESC ( J, ESC ( I. */
  jisEscapes: number;
  asciiLetters: number;
  /** 0xC0-0xDF */
  c0df: number;
  /** 0xE0-0xFF */
  e0ff: number;
}

export function byteStats(s: Uint8Array): ByteStats {
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
export function cyrillicGuess(st: ByteStats): string | undefined {
  const highLetters = st.c0df + st.e0ff;
  if (highLetters < 4 || highLetters < 0.4 * (highLetters + st.asciiLetters)) return undefined;
  // Lower case dominates running text: KOI8 puts а-я at 0xC0-0xDF, windows-1251 at 0xE0-0xFF.
  return st.c0df >= st.e0ff ? "koi8-u" : "windows-1251";
}

export interface Detection {
  charset: string;
  stats: ByteStats;
  sample: Uint8Array;
}

export function detect(bytes: Uint8Array): Detection {
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
