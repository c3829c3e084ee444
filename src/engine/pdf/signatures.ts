/**
 * Finding the signature dictionaries of a PDF (/ByteRange with /Contents) and reading what they say.
 */
import { type PdfSignature } from "./types";
import {
  MAX_HITS,
  BACK_WINDOW,
  MAX_DICT,
  PARSE_BUDGET,
  BYTERANGE,
  type PdfValue,
  isWs,
  isDelim,
  Parser,
} from "./lexer";

export function ascii(b: Uint8Array, s: number, e: number): string {
  let out = "";
  for (let i = s; i < e && i - s < 256; i++) out += String.fromCharCode(b[i] as number);
  return out;
}

/**
 * Walks back from pos to the "<<" that opens the innermost dictionary around it, skipping nested
 * dictionaries and hex strings. Returns -1 when none within the window.
 */
export function findDictStart(b: Uint8Array, pos: number): number {
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
export function tlvEnd(b: Uint8Array, off: number, depth: number): number {
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
export function trimCms(v: Uint8Array): Uint8Array {
  if (v[0] === 0x30) {
    const e = tlvEnd(v, 0, 0);
    if (e > 0) return v.slice(0, e);
  }
  let e = v.length;
  while (e > 0 && v[e - 1] === 0) e--;
  return v.slice(0, e);
}

/** A PDF text string: UTF-16BE or UTF-8 with BOM, else PDFDocEncoding (read as Latin-1). */
export function textString(v: PdfValue | undefined): string | undefined {
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

export function matchAt(b: Uint8Array, i: number, pat: readonly number[]): boolean {
  for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) return false;
  return true;
}

export function readSignature(b: Uint8Array, p: Parser, start: number): PdfSignature | undefined {
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
