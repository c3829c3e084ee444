/**
 * Header blocks (RFC 5322 fields, folded lines) and structured values: Content-Type / Content-Disposition
 * with RFC 2045 parameters and RFC 2231 extensions (continuations, charset'lang'%XX). Loops only.
 */
import type { Diagnosis } from "../types";
import { MAX_HEADER_FIELDS, MAX_PARAMETERS } from "../limits";
import { concat, latin1 } from "../util/bytes";
import type { ContentType, HeaderField, MimePart } from "./types";
import { decodeEncodedWords, getDecoder, hexVal } from "./words";

const CR = 0x0d;
const LF = 0x0a;

export interface HeaderBlock {
  headers: HeaderField[];
  /** Offset of the first body byte (after the blank line), or the end when there is none. */
  bodyStart: number;
  /** Line ends seen in the block: CRLF and bare LF counts. */
  crlf: number;
  lf: number;
  /** Fields skipped past MAX_HEADER_FIELDS (limits.ts); the parser reports them as a problem. */
  skipped: number;
}

/**
 * Fields still kept past MAX_HEADER_FIELDS, at most KEEP_PAST_CAP of each name: those the analysis needs,
 * so that a message padded with thousands of fields is still recognised and checked.
 */
const NEEDED_FIELDS = new Set([
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
  "mime-version",
  "from",
  "sender",
  "to",
  "subject",
  "date",
  "reply-to",
  "list-id",
  "list-post",
]);
const KEEP_PAST_CAP = 2;

function isFieldNameByte(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x3a;
}

/**
 * Parses the header block starting at `start` (bounded by `end`). A first line that is not a header
 * field (no "name:") means the entity has no headers and its body starts right there; an mbox "From "
 * line at the very start is skipped. A delimiter line of an enclosing multipart (`isDelimiter`) ends the
 * block: the part is then empty.
 */
export function parseHeaderBlock(
  bytes: Uint8Array,
  start: number,
  end: number,
  isDelimiter?: (pos: number) => boolean,
): HeaderBlock {
  const fields: { start: number; colon: number; end: number }[] = [];
  let skipped = 0;
  const keptPastCap = new Map<string, number>();
  /** The last field line seen was skipped (its continuation lines are skipped with it). */
  let skipping = false;
  let crlf = 0;
  let lf = 0;
  let pos = start;
  let bodyStart = end;
  let first = true;
  while (pos < end) {
    let lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0 || lineEnd >= end) lineEnd = end;
    let contentEnd = lineEnd;
    if (lineEnd < end) {
      if (lineEnd > pos && bytes[lineEnd - 1] === CR) {
        contentEnd = lineEnd - 1;
        crlf++;
      } else lf++;
    }
    const next = lineEnd < end ? lineEnd + 1 : end;
    if (contentEnd === pos) {
      bodyStart = next;
      break;
    }
    const c0 = bytes[pos] as number;
    if (c0 === 0x2d && bytes[pos + 1] === 0x2d && isDelimiter?.(pos)) {
      // a part that ends inside its header block: the delimiter line is not a header
      bodyStart = pos;
      break;
    }
    if (c0 === 0x20 || c0 === 0x09) {
      const last = fields[fields.length - 1];
      if (skipping) {
        // continuation of a skipped field
      } else if (last) last.end = next;
      else if (first) {
        // leading whitespace on the first line: not a header block
        bodyStart = pos;
        break;
      }
    } else {
      let k = pos;
      while (k < contentEnd && isFieldNameByte(bytes[k] as number)) k++;
      let colon = k;
      while (colon < contentEnd && (bytes[colon] === 0x20 || bytes[colon] === 0x09)) colon++;
      if (k > pos && colon < contentEnd && bytes[colon] === 0x3a) {
        skipping = false;
        if (fields.length < MAX_HEADER_FIELDS) fields.push({ start: pos, colon, end: next });
        else {
          const name = k - pos <= 25 ? latin1(bytes, pos, k).toLowerCase() : "";
          const kept = keptPastCap.get(name) ?? 0;
          if (NEEDED_FIELDS.has(name) && kept < KEEP_PAST_CAP) {
            keptPastCap.set(name, kept + 1);
            fields.push({ start: pos, colon, end: next });
          } else {
            skipped++;
            skipping = true;
          }
        }
      } else if (
        first &&
        pos === 0 &&
        contentEnd - pos >= 5 &&
        bytes[pos] === 0x46 &&
        bytes[pos + 1] === 0x72 &&
        bytes[pos + 2] === 0x6f &&
        bytes[pos + 3] === 0x6d &&
        bytes[pos + 4] === 0x20
      ) {
        // mbox "From " separator line: skip
      } else if (fields.length === 0) {
        bodyStart = pos;
        break;
      }
      // else: a stray line inside the block; ignored
    }
    first = false;
    pos = next;
  }
  const headers: HeaderField[] = fields.map((f) => {
    let k = f.start;
    while (isFieldNameByte(bytes[k] as number) && k < f.colon) k++;
    const name = latin1(bytes, f.start, k).toLowerCase();
    return { name, rawValue: unfold(bytes, f.colon + 1, f.end), start: f.start, end: f.end };
  });
  return { headers, bodyStart, crlf, lf, skipped };
}

/** Field value bytes as latin1 with line breaks removed (unfolded) and outer whitespace trimmed. */
function unfold(bytes: Uint8Array, start: number, end: number): string {
  let s = latin1(bytes, start, end);
  if (s.indexOf("\n") >= 0 || s.indexOf("\r") >= 0) {
    let out = "";
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === CR || c === LF) {
        out += s.slice(from, i);
        from = i + 1;
      }
    }
    s = out + s.slice(from);
  }
  return trimWs(s);
}

export function trimWs(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === CR || c === LF;
}

/** Raw value of the first header of that name (case-insensitive), unfolded, or undefined. */
export function headerValue(part: MimePart, name: string): string | undefined {
  const n = name.toLowerCase();
  for (const h of part.headers) if (h.name === n) return h.rawValue;
  return undefined;
}

/** Raw values of every header of that name, in order. */
export function headerValues(part: MimePart, name: string): string[] {
  const n = name.toLowerCase();
  const out: string[] = [];
  for (const h of part.headers) if (h.name === n) out.push(h.rawValue);
  return out;
}

/** The headers a Diagnosis reports (From, Sender, To, Subject, Date), encoded words decoded. */
export function messageHeaders(root: MimePart): NonNullable<Diagnosis["headers"]> {
  const h: NonNullable<Diagnosis["headers"]> = {};
  const from = headerValues(root, "from");
  if (from.length) h.from = from.map((v) => decodeEncodedWords(v.trim()));
  const sender = headerValue(root, "sender");
  if (sender !== undefined) h.sender = decodeEncodedWords(sender.trim());
  const to = headerValues(root, "to");
  if (to.length) h.to = to.map((v) => decodeEncodedWords(v.trim()));
  const subject = headerValue(root, "subject");
  if (subject !== undefined) h.subject = decodeEncodedWords(subject.trim());
  const date = headerValue(root, "date");
  if (date !== undefined) h.date = date.trim();
  return h;
}

// ------------------------------------------------------------------------------------------------
// Content-Type, Content-Disposition, parameters

export interface ParsedParams {
  /** More than MAX_PARAMETERS parameters: the rest were not read. */
  capped?: true;
  params: Record<string, string>;
  /** Names whose value came from RFC 2231 (already charset-decoded; no RFC 2047 decoding wanted). */
  extended: Set<string>;
}

interface RawParam {
  name: string;
  value: string;
}

/** Skips a comment "( ... )" starting at i (nesting and backslash escapes); returns the index after it. */
function skipComment(s: string, i: number): number {
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
function readQuoted(s: string, i: number): [string, number] {
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

function splitRawParams(s: string, i: number): RawParam[] {
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

function percentDecode(s: string): Uint8Array {
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

function decodeBytes(bytes: Uint8Array, charset: string): string {
  const d = getDecoder(charset || "utf-8") ?? getDecoder("utf-8");
  return d ? d.decode(bytes) : latin1(bytes);
}

/** Splits "charset'lang'value" of an RFC 2231 extended value. */
function splitExtended(v: string): { charset: string; rest: string } {
  const a = v.indexOf("'");
  if (a < 0) return { charset: "", rest: v };
  const b = v.indexOf("'", a + 1);
  if (b < 0) return { charset: "", rest: v };
  return { charset: v.slice(0, a), rest: v.slice(b + 1) };
}

const MAX_SEGMENTS = 1000;

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

const MAIN_VALUE_SPECIAL = /[;("\x20\t\r\n]/g;

/** Reads the main value ("type/subtype", "attachment") up to the first ';' outside quotes/comments. */
function mainValue(s: string): [string, number] {
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
