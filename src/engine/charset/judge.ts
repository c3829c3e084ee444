/**
 * The declared charset against the detected one: the decoded text for display, and CHARSET_MISMATCH / CHARSET_UNDECLARED.
 */
import { charsetDisplayName, internalError, report } from "../findings";
import type { DecodedText, Finding } from "../types";
import {
  JAPANESE_THRESHOLD,
  NON_DECLARATIONS,
  JAPANESE_MULTIBYTE,
  CYRILLIC,
  LATIN_DEFAULTS,
  normalizeCharset,
  supported,
  decodeText,
} from "./labels";
import { validIn, japaneseScore, type Detection, detect } from "./detect";

/** Human name of a charset for messages. */
export { charsetDisplayName };

/** Whether the declared charset fits the bytes; when it does not, detection names the better one. */
export function declaredFits(declared: string, det: Detection): boolean {
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
  } catch (err) {
    // Nothing in the analysis throws on bad bytes: a throw is the engine's own failure, and says so.
    return {
      text: { part, contentType, detectedCharset: "utf-8", text: decodeText(bytes, "utf-8") },
      finding: internalError("charset", err, { part }),
    };
  }
}

export function analyze(
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

  if (decl === undefined || NON_DECLARATIONS.has(decl)) {
    if (detected === "us-ascii") return { text: make("us-ascii") };
    return {
      text: make(detected),
      finding: report("CHARSET_UNDECLARED", {
        part,
        contentType,
        detected,
        ...(decl !== undefined ? { declared: decl } : {}),
      }),
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
