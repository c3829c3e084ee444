/**
 * Finds digital signatures in a PDF (for SIGNED_PDF_ATTACHMENT): signature dictionaries carrying
 * /ByteRange [a b c d] and /Contents <hex CMS>.
 *
 * Host-free and bounded: one linear byte scan for "/ByteRange", then for each hit (at most MAX_HITS) a
 * backward walk of at most BACK_WINDOW bytes to the enclosing "<<" and a forward parse of that one
 * dictionary (at most MAX_DICT bytes, nesting at most MAX_DEPTH, PARSE_BUDGET bytes over all hits). No regular expression touches the file.
 * Never throws: unreadable dictionaries are skipped.
 */
import { MalformedInputError } from "../asn1/errors";

export interface PdfSignature {
  /** [offset1, length1, offset2, length2]: the signed spans of the file. */
  byteRange: number[];
  /** The CMS SignedData (DER) from /Contents, hex-decoded, the zero padding trimmed by its DER length. */
  contents?: Uint8Array;
  /** /Name: the signer's name as the signing application wrote it. */
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** /M as ISO-8601 (UTC) when parseable. */
  signingTime?: string;
  /** /M as written, e.g. "D:20250101090000+09'00'". */
  signingTimeRaw?: string;
  /** /Type: "Sig" or "DocTimeStamp" (absent when the dictionary has no /Type). */
  type?: string;
  /** /Filter, e.g. "Adobe.PPKLite". */
  filter?: string;
  /** /SubFilter, e.g. "adbe.pkcs7.detached", "ETSI.CAdES.detached", "ETSI.RFC3161". */
  subFilter?: string;
  /** Offset of the signature dictionary's "<<". */
  offset: number;
  /** True when the byte range starts at 0 and ends at the end of the file (nothing was appended after signing). */
  coversWholeFile: boolean;
}

const MAX_HITS = 64;
const BACK_WINDOW = 1024 * 1024;
const MAX_DICT = 4 * 1024 * 1024;
const MAX_DEPTH = 32;
/** Bytes the forward parser may read over all dictionaries of one file. */
const PARSE_BUDGET = 8 * 1024 * 1024;

const BYTERANGE = [0x2f, 0x42, 0x79, 0x74, 0x65, 0x52, 0x61, 0x6e, 0x67, 0x65]; // "/ByteRange"

type PdfValue =
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "str"; v: Uint8Array }
  | { t: "arr"; v: PdfValue[] }
  | { t: "dict"; v: Map<string, PdfValue> }
  | { t: "ref"; v: string }
  | { t: "kw"; v: string };

class ParseError extends MalformedInputError {}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
function isDelim(c: number): boolean {
  return (
    c === 0x28 || // (
    c === 0x29 || // )
    c === 0x3c || // <
    c === 0x3e || // >
    c === 0x5b || // [
    c === 0x5d || // ]
    c === 0x7b || // {
    c === 0x7d || // }
    c === 0x2f || // /
    c === 0x25 // %
  );
}
function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Forward parser over [pos, end) of the file. */
class Parser {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
    private readonly end: number,
  ) {}

  private at(i: number): number {
    if (i >= this.end) throw new ParseError("end of region");
    return this.b[i] as number;
  }

  skipWs(): void {
    while (this.pos < this.end) {
      const c = this.b[this.pos] as number;
      if (isWs(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && this.b[this.pos] !== 0x0a && this.b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  parse(depth: number): PdfValue {
    if (depth > MAX_DEPTH) throw new ParseError("too deep");
    this.skipWs();
    const c = this.at(this.pos);
    if (c === 0x3c) {
      if (this.at(this.pos + 1) === 0x3c) return this.dict(depth);
      return this.hex();
    }
    if (c === 0x28) return this.literal();
    if (c === 0x5b) return this.array(depth);
    if (c === 0x2f) return this.name();
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      const s = this.pos;
      while (this.pos < this.end && !isWs(this.b[this.pos] as number) && !isDelim(this.b[this.pos] as number))
        this.pos++;
      return { t: "kw", v: ascii(this.b, s, this.pos) };
    }
    throw new ParseError(`unexpected byte ${c} at ${this.pos}`);
  }

  /** A value in a dictionary or array: numbers followed by "G R" become references. */
  private value(depth: number): PdfValue {
    const v = this.parse(depth);
    if (v.t !== "num") return v;
    const save = this.pos;
    try {
      this.skipWs();
      const c = this.b[this.pos];
      if (c !== undefined && c >= 0x30 && c <= 0x39) {
        const gen = this.number();
        this.skipWs();
        if (this.b[this.pos] === 0x52 /* R */) {
          const n = this.b[this.pos + 1];
          if (n === undefined || isWs(n) || isDelim(n)) {
            this.pos++;
            return { t: "ref", v: `${v.v} ${gen.v} R` };
          }
        }
      }
    } catch {
      // not a reference
    }
    this.pos = save;
    return v;
  }

  private dict(depth: number): PdfValue {
    this.pos += 2;
    const m = new Map<string, PdfValue>();
    for (;;) {
      this.skipWs();
      const c = this.at(this.pos);
      if (c === 0x3e && this.at(this.pos + 1) === 0x3e) {
        this.pos += 2;
        return { t: "dict", v: m };
      }
      if (c !== 0x2f) throw new ParseError(`dictionary key expected at ${this.pos}`);
      const key = this.name();
      const val = this.value(depth + 1);
      if (!m.has(key.v)) m.set(key.v, val);
    }
  }

  private array(depth: number): PdfValue {
    this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWs();
      if (this.at(this.pos) === 0x5d) {
        this.pos++;
        return { t: "arr", v: items };
      }
      items.push(this.value(depth + 1));
    }
  }

  private name(): { t: "name"; v: string } {
    this.pos++;
    let s = "";
    while (this.pos < this.end) {
      const c = this.b[this.pos] as number;
      if (isWs(c) || isDelim(c)) break;
      if (c === 0x23 && this.pos + 2 < this.end) {
        const h = hexVal(this.b[this.pos + 1] as number);
        const l = hexVal(this.b[this.pos + 2] as number);
        if (h >= 0 && l >= 0) {
          s += String.fromCharCode(h * 16 + l);
          this.pos += 3;
          continue;
        }
      }
      s += String.fromCharCode(c);
      this.pos++;
    }
    return { t: "name", v: s };
  }

  private number(): { t: "num"; v: number } {
    const s = this.pos;
    while (this.pos < this.end) {
      const c = this.b[this.pos] as number;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) this.pos++;
      else break;
    }
    const v = Number(ascii(this.b, s, this.pos));
    if (!Number.isFinite(v)) throw new ParseError(`bad number at ${s}`);
    return { t: "num", v };
  }

  private hex(): { t: "str"; v: Uint8Array } {
    const close = this.b.indexOf(0x3e, this.pos + 1);
    if (close < 0 || close >= this.end) throw new ParseError("unterminated hex string");
    const out = new Uint8Array((close - this.pos) >> 1);
    let o = 0;
    let hi = -1;
    for (let i = this.pos + 1; i < close; i++) {
      const v = hexVal(this.b[i] as number);
      if (v < 0) {
        if (isWs(this.b[i] as number)) continue;
        throw new ParseError(`bad hex digit at ${i}`);
      }
      if (hi < 0) hi = v;
      else {
        out[o++] = hi * 16 + v;
        hi = -1;
      }
    }
    if (hi >= 0) out[o++] = hi * 16;
    this.pos = close + 1;
    return { t: "str", v: out.subarray(0, o) };
  }

  private literal(): { t: "str"; v: Uint8Array } {
    this.pos++;
    const out: number[] = [];
    let nest = 1;
    for (;;) {
      let c = this.at(this.pos++);
      if (c === 0x5c) {
        c = this.at(this.pos++);
        const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (esc[c] !== undefined) out.push(esc[c] as number);
        else if (c >= 0x30 && c <= 0x37) {
          let v = c - 0x30;
          for (let k = 0; k < 2; k++) {
            const d = this.b[this.pos];
            if (this.pos < this.end && d !== undefined && d >= 0x30 && d <= 0x37) {
              v = v * 8 + (d - 0x30);
              this.pos++;
            } else break;
          }
          out.push(v & 0xff);
        } else if (c === 0x0d) {
          if (this.b[this.pos] === 0x0a) this.pos++;
        } else if (c !== 0x0a) out.push(c);
        continue;
      }
      if (c === 0x28) nest++;
      else if (c === 0x29 && --nest === 0) return { t: "str", v: Uint8Array.from(out) };
      out.push(c);
    }
  }
}

function ascii(b: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let i = s; i < e && i - s < 256; i++) out += String.fromCharCode(b[i] as number);
  return out;
}

/**
 * Walks back from pos to the "<<" that opens the innermost dictionary around it, skipping nested
 * dictionaries and hex strings. Returns -1 when none within the window.
 */
function findDictStart(b: Uint8Array, pos: number): number {
  const low = Math.max(0, pos - BACK_WINDOW);
  let depth = 0;
  let i = pos - 1;
  while (i >= low) {
    const c = b[i] as number;
    if (c === 0x3e) {
      if (i - 1 >= low && b[i - 1] === 0x3e) {
        depth++;
        i -= 2;
      } else {
        // end of a hex string: jump to its "<"
        const open = b.lastIndexOf(0x3c, i - 1);
        if (open < low) return -1;
        i = open - 1;
      }
    } else if (c === 0x3c) {
      if (i - 1 >= low && b[i - 1] === 0x3c) {
        if (depth === 0) return i - 1;
        depth--;
        i -= 2;
      } else i--;
    } else i--;
  }
  return -1;
}

/** End offset of the BER/DER TLV at off (definite or indefinite length), or -1. */
function tlvEnd(b: Uint8Array, off: number, depth: number): number {
  if (depth > 64 || off + 2 > b.length) return -1;
  let p = off;
  const tag = b[p++] as number;
  if ((tag & 0x1f) === 0x1f) {
    let k = 0;
    while (p < b.length && ((b[p++] as number) & 0x80) !== 0) if (++k > 4) return -1;
  }
  if (p >= b.length) return -1;
  const l0 = b[p++] as number;
  if (l0 === 0x80) {
    if ((tag & 0x20) === 0) return -1; // indefinite length only for constructed
    for (let n = 0; n < 100000; n++) {
      if (p + 2 > b.length) return -1;
      if (b[p] === 0 && b[p + 1] === 0) return p + 2;
      const e = tlvEnd(b, p, depth + 1);
      if (e < 0) return -1;
      p = e;
    }
    return -1;
  }
  let len = l0;
  if (l0 > 0x80) {
    const n = l0 & 0x7f;
    if (n > 4 || p + n > b.length) return -1;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + (b[p++] as number);
  }
  const end = p + len;
  return end <= b.length ? end : -1;
}

/** The CMS from /Contents: cut at the end of its outer TLV; failing that, trailing zero bytes dropped. */
function trimCms(v: Uint8Array): Uint8Array {
  if (v[0] === 0x30) {
    const e = tlvEnd(v, 0, 0);
    if (e > 0) return v.slice(0, e);
  }
  let e = v.length;
  while (e > 0 && v[e - 1] === 0) e--;
  return v.slice(0, e);
}

/** A PDF text string: UTF-16BE or UTF-8 with BOM, else PDFDocEncoding (read as Latin-1). */
function textString(v: PdfValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.t === "name") return v.v;
  if (v.t !== "str") return undefined;
  const b = v.v;
  try {
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
      return new TextDecoder("utf-8").decode(b.subarray(3));
  } catch {
    // fall through
  }
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** PDF date "D:YYYYMMDDHHmmSSOHH'mm'" → ISO-8601 UTC; undefined when not a date. */
export function parsePdfDate(raw: string): string | undefined {
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      raw.trim().slice(0, 64),
    );
  if (!m) return undefined;
  const num = (s: string | undefined, d: number): number => (s === undefined ? d : Number(s));
  const [y, mo, d, h, mi, s] = [
    num(m[1], 0),
    num(m[2], 1),
    num(m[3], 1),
    num(m[4], 0),
    num(m[5], 0),
    num(m[6], 0),
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMin = 0;
  if (m[8] !== undefined) offsetMin = (m[8] === "-" ? -1 : 1) * (num(m[9], 0) * 60 + num(m[10], 0));
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60000;
  if (!Number.isFinite(t)) return undefined;
  return new Date(t).toISOString();
}

function matchAt(b: Uint8Array, i: number, pat: readonly number[]): boolean {
  for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) return false;
  return true;
}

function readSignature(b: Uint8Array, p: Parser, start: number): PdfSignature | undefined {
  const d = p.parse(0);
  if (d.t !== "dict") return undefined;
  const m = d.v;
  const br = m.get("ByteRange");
  if (br?.t !== "arr") return undefined;
  const byteRange: number[] = [];
  for (const x of br.v) {
    if (x.t !== "num" || !Number.isInteger(x.v) || x.v < 0) return undefined;
    byteRange.push(x.v);
  }
  if (byteRange.length < 4 || byteRange.length % 2 !== 0) return undefined;
  const type = m.get("Type");
  if (type !== undefined && (type.t !== "name" || (type.v !== "Sig" && type.v !== "DocTimeStamp")))
    return undefined;

  const last = byteRange.length - 2;
  const sig: PdfSignature = {
    byteRange,
    offset: start,
    coversWholeFile:
      byteRange[0] === 0 && (byteRange[last] as number) + (byteRange[last + 1] as number) === b.length,
  };
  const contents = m.get("Contents");
  if (contents?.t === "str" && contents.v.length > 0) {
    const cms = trimCms(contents.v);
    if (cms.length > 0) sig.contents = cms;
  }
  const set = (
    k: "name" | "reason" | "location" | "contactInfo" | "filter" | "subFilter",
    key: string,
  ): void => {
    const s = textString(m.get(key));
    if (s !== undefined && s !== "") sig[k] = s;
  };
  set("name", "Name");
  set("reason", "Reason");
  set("location", "Location");
  set("contactInfo", "ContactInfo");
  set("filter", "Filter");
  set("subFilter", "SubFilter");
  if (type?.t === "name") sig.type = type.v;
  const mRaw = textString(m.get("M"));
  if (mRaw !== undefined) {
    sig.signingTimeRaw = mRaw;
    const iso = parsePdfDate(mRaw);
    if (iso !== undefined) sig.signingTime = iso;
  }
  return sig;
}

/** Signature dictionaries of a PDF, in file order. Empty for an unsigned, broken or non-PDF input. Never throws. */
export function findPdfSignatures(bytes: Uint8Array): PdfSignature[] {
  const out: PdfSignature[] = [];
  try {
    const seen = new Set<number>();
    let hits = 0;
    let pos = 0;
    let budget = PARSE_BUDGET;
    while (hits < MAX_HITS && budget > 0) {
      const i = bytes.indexOf(0x2f, pos);
      if (i < 0) break;
      pos = i + 1;
      if (!matchAt(bytes, i, BYTERANGE)) continue;
      const next = bytes[i + BYTERANGE.length];
      if (next !== undefined && !isWs(next) && !isDelim(next)) continue; // e.g. "/ByteRangeX"
      hits++;
      const start = findDictStart(bytes, i);
      if (start < 0 || seen.has(start)) continue;
      seen.add(start);
      const p = new Parser(bytes, start, Math.min(bytes.length, start + MAX_DICT, start + budget));
      try {
        const sig = readSignature(bytes, p, start);
        if (sig) out.push(sig);
      } catch {
        // unreadable dictionary: skip it
      } finally {
        budget -= Math.max(1, p.pos - start);
      }
    }
  } catch {
    // never throw
  }
  return out;
}
