/**
 * Header blocks (RFC 5322 fields, folded lines), header access and the decoded headers of a message.
 * Structured values (Content-Type, Content-Disposition, parameters) are in ./params.ts. Loops only.
 */
import type { Diagnosis } from "../types";
import { MAX_HEADER_FIELDS } from "../limits";
import { latin1 } from "../util/bytes";
import type { HeaderField, MimePart } from "./types";
import { decodeEncodedWords } from "./words";

export const CR = 0x0d;
export const LF = 0x0a;

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
export const NEEDED_FIELDS = new Set([
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
export const KEEP_PAST_CAP = 2;

export function isFieldNameByte(c: number): boolean {
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
export function unfold(bytes: Uint8Array, start: number, end: number): string {
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

export function isSpace(c: number): boolean {
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

export {
  DEFAULT_CONTENT_TYPE,
  parseContentType,
  parseDisposition,
  parseParams,
  partFilename,
  type ParsedParams,
} from "./params";
