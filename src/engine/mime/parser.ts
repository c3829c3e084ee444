/**
 * The byte-exact MIME parser: every part keeps its raw span in the input (start, bodyStart, end).
 * Boundaries follow RFC 2046: a delimiter is a line break + "--" + boundary, optional transport padding
 * (spaces/tabs), then a line break; the closing delimiter adds "--". The line break before a delimiter
 * belongs to the delimiter, not to the part. Only header blocks are turned into strings; bodies are
 * scanned byte by byte (TypedArray.indexOf for line ends), so time and memory stay linear.
 */
import { MAX_HEADER_FIELDS, MAX_PARAMETERS } from "../limits";
import { fromLatin1 } from "../util/bytes";
import {
  DEFAULT_CONTENT_TYPE,
  parseContentType,
  parseDisposition,
  parseHeaderBlock,
  partFilename,
} from "./headers";
import type { ContentType, HeaderField, MimePart, MimeProblem, ParsedMessage } from "./types";

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;

export interface ParseOptions {
  /** Maximum nesting depth of multiparts / embedded messages (default 32). */
  maxDepth?: number;
  /** Maximum number of parts parsed (default 200000); further parts are skipped with a problem. */
  maxParts?: number;
}

const DEFAULT_MAX_DEPTH = 32;
const HARD_MAX_DEPTH = 256;
const DEFAULT_MAX_PARTS = 200000;
const MAX_PROBLEMS = 1000;

interface Ctx {
  bytes: Uint8Array;
  problems: MimeProblem[];
  maxDepth: number;
  maxParts: number;
  parts: number;
  partsCapped: boolean;
  /** Line-end counts of the root header block (bare-LF detection). */
  rootCrlf: number;
  rootLf: number;
}

function problem(ctx: Ctx, message: string, offset: number, part: string): void {
  if (ctx.problems.length < MAX_PROBLEMS) ctx.problems.push({ message, offset, part });
}

function childPath(path: string, index: number): string {
  return path === "" ? String(index) : `${path}.${index}`;
}

function first(headers: HeaderField[], name: string): string | undefined {
  for (const h of headers) if (h.name === name) return h.rawValue;
  return undefined;
}

function transferEncodingOf(raw: string | undefined): string {
  if (raw === undefined) return "7bit";
  // The first token, as one slice (a 30 MB value must not be built a character at a time).
  let a = 0;
  while (a < raw.length && (raw.charCodeAt(a) === 0x20 || raw.charCodeAt(a) === 0x09)) a++;
  let b = a;
  while (b < raw.length) {
    const c = raw.charCodeAt(b);
    if (c === 0x20 || c === 0x09 || c === 0x3b || c === 0x28) break;
    b++;
  }
  return b > a ? raw.slice(a, b).toLowerCase() : "7bit";
}

/** Whether bytes[at..] holds `b` (and stays before `end`). */
function matchAt(bytes: Uint8Array, at: number, b: Uint8Array, end: number): boolean {
  if (at + b.length > end) return false;
  for (let k = 0; k < b.length; k++) if (bytes[at + k] !== b[k]) return false;
  return true;
}

/**
 * If a delimiter line of boundary `b` starts at `pos` ("--" boundary ["--"] padding line-break), returns
 * the offset after its line break and whether it is the closing delimiter; otherwise undefined.
 */
function delimiterAt(
  bytes: Uint8Array,
  pos: number,
  b: Uint8Array,
  end: number,
): { next: number; closing: boolean } | undefined {
  if (pos + 2 > end || bytes[pos] !== DASH || bytes[pos + 1] !== DASH) return undefined;
  if (!matchAt(bytes, pos + 2, b, end)) return undefined;
  let q = pos + 2 + b.length;
  let closing = false;
  if (q + 1 < end && bytes[q] === DASH && bytes[q + 1] === DASH) {
    closing = true;
    q += 2;
  } else if (q + 1 === end && bytes[q] === DASH) {
    return undefined;
  }
  while (q < end && (bytes[q] === 0x20 || bytes[q] === 0x09)) q++;
  if (q >= end) return { next: end, closing };
  if (bytes[q] === LF) return { next: q + 1, closing };
  if (bytes[q] === CR) {
    if (q + 1 >= end) return { next: end, closing };
    if (bytes[q + 1] === LF) return { next: q + 2, closing };
  }
  return undefined;
}

/** A part whose end is not known yet: the chain from the root to the innermost open part. */
interface Open {
  part: MimePart;
  /** Boundary of an open multipart (undefined for leaves, embedded messages, closed multiparts). */
  boundary?: Uint8Array;
  /** Whether any delimiter line of this multipart has been seen. */
  seen: boolean;
  digest: boolean;
}

/**
 * The parser proper: one forward pass over the input with a stack of the open parts. A line starting
 * with "--" is checked against the boundaries of the open multiparts, innermost first; a delimiter of an
 * outer multipart ends every part inside it (an unterminated inner multipart is reported). Work is
 * linear in the input plus (delimiter-like lines × nesting depth).
 */
class Parser {
  readonly stack: Open[] = [];
  readonly n: number;

  constructor(readonly ctx: Ctx) {
    this.n = ctx.bytes.length;
  }

  /** Whether a delimiter line of an open multipart starts at pos. */
  readonly isDelimiter = (pos: number): boolean => {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const b = (this.stack[k] as Open).boundary;
      if (b && delimiterAt(this.ctx.bytes, pos, b, this.n)) return true;
    }
    return false;
  };

  /** Opens the part starting at `start`: parses its header block, pushes it (and what it nests). */
  open(start: number, path: string, depth: number, digestDefault: boolean): MimePart {
    const { ctx } = this;
    ctx.parts++;
    const hb = parseHeaderBlock(
      ctx.bytes,
      start,
      this.n,
      this.stack.length > 0 ? this.isDelimiter : undefined,
    );
    if (ctx.parts === 1) {
      ctx.rootCrlf = hb.crlf;
      ctx.rootLf = hb.lf;
    }
    if (hb.skipped > 0) {
      problem(
        ctx,
        `more than ${MAX_HEADER_FIELDS} header fields; ${hb.skipped} were skipped (the Content-*, address, Subject and Date fields were kept)`,
        start,
        path,
      );
    }
    const ctRaw = first(hb.headers, "content-type");
    let contentType: ContentType;
    if (ctRaw !== undefined) contentType = parseContentType(ctRaw);
    else if (digestDefault) contentType = { type: "message", subtype: "rfc822", params: {}, explicit: false };
    else contentType = { ...DEFAULT_CONTENT_TYPE, params: { charset: "us-ascii" } };
    if (contentType.paramsCapped) {
      problem(
        ctx,
        `Content-Type has more than ${MAX_PARAMETERS} parameters; the rest were not read`,
        start,
        path,
      );
    }
    const part: MimePart = {
      path,
      depth,
      headers: hb.headers,
      contentType,
      transferEncoding: transferEncodingOf(first(hb.headers, "content-transfer-encoding")),
      start,
      bodyStart: hb.bodyStart,
      end: this.n,
      children: [],
    };
    const dispRaw = first(hb.headers, "content-disposition");
    if (dispRaw !== undefined) {
      const t = parseDisposition(dispRaw).type;
      if (t !== "") part.disposition = t;
    }
    const filename = partFilename(ctRaw, dispRaw);
    if (filename !== undefined) part.filename = filename;

    const entry: Open = { part, seen: false, digest: false };
    this.stack.push(entry);
    const isMultipart = contentType.type === "multipart";
    const isMessage =
      contentType.type === "message" &&
      (contentType.subtype === "rfc822" || contentType.subtype === "global");
    if (!isMultipart && !isMessage) return part;
    if (depth + 1 > ctx.maxDepth) {
      problem(
        ctx,
        `MIME nesting deeper than ${ctx.maxDepth} levels at ${contentType.type}/${contentType.subtype}; its contents are not parsed`,
        start,
        path,
      );
      return part;
    }
    if (isMultipart) {
      const boundary = contentType.params["boundary"];
      if (boundary === undefined || boundary === "") {
        problem(ctx, `multipart/${contentType.subtype} has no boundary parameter`, start, path);
      } else {
        entry.boundary = fromLatin1(boundary);
        entry.digest = contentType.subtype === "digest";
      }
    } else if (part.transferEncoding !== "base64" && part.transferEncoding !== "quoted-printable") {
      part.message = this.open(part.bodyStart, path, depth + 1, false);
    }
    return part;
  }

  /** Ends the open parts above stack index k at `end`; reports unterminated multiparts. */
  closeAbove(k: number, end: number): void {
    const { ctx } = this;
    while (this.stack.length > k + 1) {
      const e = this.stack.pop() as Open;
      const p = e.part;
      p.end = Math.max(p.start, end);
      if (p.bodyStart > p.end) p.bodyStart = p.end;
      if (e.boundary) {
        p.closed = false;
        const where = `multipart/${p.contentType.subtype}`;
        const boundary = p.contentType.params["boundary"] ?? "";
        if (e.seen) {
          problem(
            ctx,
            `${where}: closing delimiter "--${boundary}--" missing; the last part runs to the end`,
            p.end,
            p.path,
          );
        } else {
          problem(ctx, `${where}: no delimiter line "--${boundary}" found`, p.bodyStart, p.path);
        }
      }
    }
  }

  run(): MimePart {
    const { bytes } = this.ctx;
    const n = this.n;
    const root = this.open(0, "", 0, false);
    let pos = (this.stack[this.stack.length - 1] as Open).part.bodyStart;
    while (pos < n) {
      if (bytes[pos] === DASH && bytes[pos + 1] === DASH) {
        let handled = false;
        for (let k = this.stack.length - 1; k >= 0; k--) {
          const e = this.stack[k] as Open;
          if (!e.boundary) continue;
          const d = delimiterAt(bytes, pos, e.boundary, n);
          if (!d) continue;
          // the line break before the delimiter belongs to the delimiter
          const floor = e.part.bodyStart;
          let dEnd = pos;
          if (dEnd > floor && bytes[dEnd - 1] === LF) {
            dEnd--;
            if (dEnd > floor && bytes[dEnd - 1] === CR) dEnd--;
          }
          this.closeAbove(k, dEnd);
          e.seen = true;
          if (d.closing) {
            e.part.closed = true;
            delete e.boundary; // epilogue follows; the part itself ends with its parent
            pos = d.next;
          } else if (this.ctx.parts >= this.ctx.maxParts) {
            if (!this.ctx.partsCapped) {
              this.ctx.partsCapped = true;
              problem(
                this.ctx,
                `more than ${this.ctx.maxParts} MIME parts; the rest are not parsed`,
                pos,
                e.part.path,
              );
            }
            pos = d.next;
          } else {
            const index = e.part.children.length + 1;
            const child = this.open(d.next, childPath(e.part.path, index), e.part.depth + 1, e.digest);
            e.part.children.push(child);
            pos = (this.stack[this.stack.length - 1] as Open).part.bodyStart;
          }
          handled = true;
          break;
        }
        if (handled) continue;
      }
      // next line starting with "--"
      let i = pos;
      const last = n - 2;
      while (i < last && !(bytes[i] === LF && bytes[i + 1] === DASH && bytes[i + 2] === DASH)) i++;
      pos = i < last ? i + 1 : n;
    }
    this.closeAbove(-1, n);
    return root;
  }
}

/** Bare LF when the root header block's line ends are mostly LF without CR. */
/**
 * Whether the message uses bare LF line ends: the majority in its header block (crlf / lf counts from
 * parseHeaderBlock), else the first line end in the bytes.
 */
export function detectBareLf(bytes: Uint8Array, crlf: number, lf: number): boolean {
  if (crlf + lf > 0) return lf > crlf;
  const i = bytes.indexOf(LF);
  return i >= 0 && (i === 0 || bytes[i - 1] !== CR);
}

/**
 * Parses a whole message (CRLF or bare LF line ends) or a bare MIME entity (as Exchange keeps in
 * smime.p7m). Never throws: structural damage is reported in `problems`.
 */
export function parseMessage(bytes: Uint8Array, opts?: ParseOptions): ParsedMessage {
  const input = bytes instanceof Uint8Array ? bytes : new Uint8Array(0);
  const maxDepth = Math.max(0, Math.min(HARD_MAX_DEPTH, Math.floor(opts?.maxDepth ?? DEFAULT_MAX_DEPTH)));
  const ctx: Ctx = {
    bytes: input,
    problems: [],
    maxDepth: Number.isFinite(maxDepth) ? maxDepth : DEFAULT_MAX_DEPTH,
    maxParts: Math.max(1, opts?.maxParts ?? DEFAULT_MAX_PARTS),
    parts: 0,
    partsCapped: false,
    rootCrlf: 0,
    rootLf: 0,
  };
  let bareLf = false;
  try {
    const root = new Parser(ctx).run();
    bareLf = detectBareLf(input, ctx.rootCrlf, ctx.rootLf);
    return { root, bytes: input, bareLf, problems: ctx.problems };
  } catch (e) {
    problem(ctx, `internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0, "");
    const root: MimePart = {
      path: "",
      depth: 0,
      headers: [],
      contentType: { ...DEFAULT_CONTENT_TYPE, params: { charset: "us-ascii" } },
      transferEncoding: "7bit",
      start: 0,
      bodyStart: 0,
      end: input.length,
      children: [],
    };
    return { root, bytes: input, bareLf, problems: ctx.problems };
  }
}

/** Depth-first, pre-order; descends into embedded messages (message/rfc822) too. */
export function walkParts(root: MimePart, fn: (p: MimePart) => void): void {
  const stack: MimePart[] = [root];
  while (stack.length > 0) {
    const p = stack.pop() as MimePart;
    fn(p);
    if (p.message) stack.push(p.message);
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i] as MimePart);
  }
}
