/**
 * Content-Type and Content-Disposition values and their parameters (RFC 2045, RFC 2231 continuations and charsets).
 */
import { MAX_PARAMETERS } from "../limits";
import { concat, latin1 } from "../util/bytes";
import type { ContentType } from "./types";
import { decodeEncodedWords, getDecoder, hexVal } from "./words";
import { trimWs, isSpace } from "./headers";

export interface ParsedParams {
  /** More than MAX_PARAMETERS parameters: the rest were not read. */
  capped?: true;
  params: Record<string, string>;
  /** Names whose value came from RFC 2231 (already charset-decoded; no RFC 2047 decoding wanted). */
  extended: Set<string>;
}

export interface RawParam {
  name: string;
  value: string;
}

/** Skips a comment "( ... )" starting at i (nesting and backslash escapes); returns the index after it. */
export function skipComment(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return s.length;
}

/** Reads a quoted string starting at the opening quote; returns [value, index after the closing quote]. */
export function readQuoted(s: string, i: number): [string, number] {
  let out = "";
  let from = i + 1;
  for (let k = i + 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x5c) {
      out += s.slice(from, k);
      from = k + 1;
      k++; // the escaped character is kept via `from`
    } else if (c === 0x22) {
      return [out + s.slice(from, k), k + 1];
    }
  }
  return [out + s.slice(from), s.length];
}

export function splitRawParams(s: string, i: number): RawParam[] {
  const out: RawParam[] = [];
  const n = s.length;
  while (i < n) {
    // skip separators, whitespace and comments
    const c = s.charCodeAt(i);
    if (c === 0x3b || isSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x28) {
      i = skipComment(s, i);
      continue;
    }
    // name
    const nameStart = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === 0x3d || d === 0x3b) break;
      i++;
    }
    const name = trimWs(s.slice(nameStart, i)).toLowerCase();
    if (i >= n || s.charCodeAt(i) === 0x3b) continue; // valueless: ignore
    i++; // '='
    while (i < n && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
    let value: string;
    if (i < n && s.charCodeAt(i) === 0x22) {
      const [v, next] = readQuoted(s, i);
      value = v;
      i = next;
      // anything up to the next ';' after a quoted string is dropped
      while (i < n && s.charCodeAt(i) !== 0x3b) i++;
    } else {
      const vStart = i;
      let cut = -1;
      while (i < n && s.charCodeAt(i) !== 0x3b) {
        // "charset=us-ascii (Plain text)": whitespace then a comment ends the value
        if (cut < 0 && s.charCodeAt(i) === 0x28 && i > vStart && isSpace(s.charCodeAt(i - 1))) cut = i;
        i++;
      }
      value = trimWs(s.slice(vStart, cut >= 0 ? cut : i));
    }
    if (name.length > 0 && name.length <= 200) out.push({ name, value });
    if (out.length > MAX_PARAMETERS) break;
  }
  return out;
}

export function percentDecode(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length) {
      const h = hexVal(s.charCodeAt(i + 1));
      const l = hexVal(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[o++] = (h << 4) | l;
        i += 2;
        continue;
      }
    }
    out[o++] = c & 0xff;
  }
  return out.subarray(0, o);
}

export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const d = getDecoder(charset || "utf-8") ?? getDecoder("utf-8");
  return d ? d.decode(bytes) : latin1(bytes);
}

/** Splits "charset'lang'value" of an RFC 2231 extended value. */
export function splitExtended(v: string): { charset: string; rest: string } {
  const a = v.indexOf("'");
  if (a < 0) return { charset: "", rest: v };
  const b = v.indexOf("'", a + 1);
  if (b < 0) return { charset: "", rest: v };
  return { charset: v.slice(0, a), rest: v.slice(b + 1) };
}

export const MAX_SEGMENTS = 1000;

/** Parses the parameters of a structured header value starting at index i (after the main value). */
export function parseParams(s: string, i: number): ParsedParams {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const extended = new Set<string>();
  const segs = new Map<string, Map<number, { value: string; encoded: boolean }>>();
  const single = new Map<string, string>();
  const raw = splitRawParams(s, i);
  const capped = raw.length > MAX_PARAMETERS;
  if (capped) raw.length = MAX_PARAMETERS;
  for (const { name, value } of raw) {
    const star = name.indexOf("*");
    if (star < 0) {
      if (!(name in params)) params[name] = value;
      continue;
    }
    const base = name.slice(0, star);
    const rest = name.slice(star + 1);
    if (base.length === 0) continue;
    if (rest === "") {
      if (!single.has(base)) single.set(base, value);
      continue;
    }
    const encoded = rest.endsWith("*");
    const num = encoded ? rest.slice(0, -1) : rest;
    if (num.length === 0 || num.length > 4) continue;
    let n = 0;
    let ok = true;
    for (let k = 0; k < num.length; k++) {
      const d = num.charCodeAt(k) - 0x30;
      if (d < 0 || d > 9) ok = false;
      n = n * 10 + d;
    }
    if (!ok || n >= MAX_SEGMENTS) continue;
    let m = segs.get(base);
    if (!m) {
      m = new Map();
      segs.set(base, m);
    }
    if (!m.has(n)) m.set(n, { value, encoded });
  }
  for (const [base, m] of segs) {
    const order = [...m.keys()].sort((a, b) => a - b);
    const first = m.get(order[0] as number);
    let charset = "";
    const chunks: Uint8Array[] = [];
    let anyEncoded = false;
    for (const n of order) {
      const seg = m.get(n) as { value: string; encoded: boolean };
      let v = seg.value;
      if (seg.encoded) {
        anyEncoded = true;
        if (seg === first) {
          const sp = splitExtended(v);
          charset = sp.charset;
          v = sp.rest;
        }
        chunks.push(percentDecode(v));
      } else {
        const b = new Uint8Array(v.length);
        for (let k = 0; k < v.length; k++) b[k] = v.charCodeAt(k) & 0xff;
        chunks.push(b);
      }
    }
    const all = concat(chunks);
    params[base] = anyEncoded ? decodeBytes(all, charset) : latin1(all);
    if (anyEncoded) extended.add(base);
  }
  for (const [base, v] of single) {
    if (segs.has(base)) continue;
    const sp = splitExtended(v);
    params[base] = decodeBytes(percentDecode(sp.rest), sp.charset);
    extended.add(base);
  }
  return { params: { ...params }, extended, ...(capped ? { capped: true as const } : {}) };
}

export const MAIN_VALUE_SPECIAL = /[;("\x20\t\r\n]/g;

/** Reads the main value ("type/subtype", "attachment") up to the first ';' outside quotes/comments. */
export function mainValue(s: string): [string, number] {
  // Runs of ordinary characters are taken as slices (a 30 MB value must not be built a character at a time).
  // The next special character is found by a native scan (a character class: nothing to backtrack).
  const pieces: string[] = [];
  let i = 0;
  while (i < s.length) {
    MAIN_VALUE_SPECIAL.lastIndex = i;
    const m = MAIN_VALUE_SPECIAL.exec(s);
    const j = m ? m.index : s.length;
    if (j > i) pieces.push(s.slice(i, j));
    i = j;
    if (i >= s.length) break;
    const c = s.charCodeAt(i);
    if (c === 0x3b) break;
    if (c === 0x28) i = skipComment(s, i);
    else if (c === 0x22) {
      const [v, next] = readQuoted(s, i);
      pieces.push(v);
      i = next;
    } else i++;
  }
  return [pieces.join("").toLowerCase(), i];
}

export const DEFAULT_CONTENT_TYPE: ContentType = {
  type: "text",
  subtype: "plain",
  params: { charset: "us-ascii" },
  explicit: false,
};

/** Parses a Content-Type value (RFC 2045, RFC 2231 parameters). Absent → text/plain; charset=us-ascii. */
export function parseContentType(raw: string | undefined): ContentType {
  if (typeof raw !== "string") return { ...DEFAULT_CONTENT_TYPE, params: { charset: "us-ascii" } };
  try {
    const [mv, i] = mainValue(raw);
    const slash = mv.indexOf("/");
    let type = "text";
    let subtype = "plain";
    if (slash > 0 && slash < mv.length - 1) {
      type = mv.slice(0, slash);
      subtype = mv.slice(slash + 1);
    }
    const p = parseParams(raw, i);
    return {
      type,
      subtype,
      params: p.params,
      explicit: true,
      ...(p.capped ? { paramsCapped: true as const } : {}),
    };
  } catch {
    return { type: "text", subtype: "plain", params: {}, explicit: true };
  }
}

/** Parses a Content-Disposition value: the disposition type and its parameters. */
export function parseDisposition(raw: string): { type: string; params: ParsedParams } {
  const [mv, i] = mainValue(raw);
  return { type: mv, params: parseParams(raw, i) };
}

/** Filename from Content-Disposition filename or Content-Type name (RFC 2231 or RFC 2047 decoded). */
export function partFilename(ctRaw: string | undefined, dispRaw: string | undefined): string | undefined {
  if (dispRaw !== undefined) {
    const { params } = parseDisposition(dispRaw);
    const v = params.params["filename"];
    if (v !== undefined && v !== "") return params.extended.has("filename") ? v : decodeEncodedWords(v);
  }
  if (ctRaw !== undefined) {
    const [, i] = mainValue(ctRaw);
    const p = parseParams(ctRaw, i);
    const v = p.params["name"];
    if (v !== undefined && v !== "") return p.extended.has("name") ? v : decodeEncodedWords(v);
  }
  return undefined;
}
