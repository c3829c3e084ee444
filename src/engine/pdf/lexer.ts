/**
 * A bounded reader of PDF objects (dictionaries, strings, names, numbers): no recursion past MAX_DEPTH, a parse budget.
 */
import { MalformedInputError } from "../asn1/errors";
import { ascii } from "./signatures";

export const MAX_HITS = 64;
export const BACK_WINDOW = 1024 * 1024;
export const MAX_DICT = 4 * 1024 * 1024;
export const MAX_DEPTH = 32;
/** Bytes the forward parser may read over all dictionaries of one file. */
export const PARSE_BUDGET = 8 * 1024 * 1024;

export const BYTERANGE = [0x2f, 0x42, 0x79, 0x74, 0x65, 0x52, 0x61, 0x6e, 0x67, 0x65]; // "/ByteRange"

export type PdfValue =
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "str"; v: Uint8Array }
  | { t: "arr"; v: PdfValue[] }
  | { t: "dict"; v: Map<string, PdfValue> }
  | { t: "ref"; v: string }
  | { t: "kw"; v: string };

export class ParseError extends MalformedInputError {}

export function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
export function isDelim(c: number): boolean {
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
export function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Forward parser over [pos, end) of the file. */
export class Parser {
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
