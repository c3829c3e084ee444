/**
 * A small, copy-free BER/DER reader. CMS messages made by NSS use indefinite lengths and chunked
 * (constructed) OCTET STRINGs; 50 MB contents must not be copied or re-parsed, and a malformed structure
 * must be reported with what went wrong and where. Nodes keep subarrays of the input, never copies.
 */
import { Asn1Error } from "./errors";
import { tagName } from "./tags";

export interface Tlv {
  /** 0 universal, 1 application, 2 context, 3 private. */
  cls: number;
  constructed: boolean;
  tag: number;
  /** Offset of the identifier octet in the whole input. */
  offset: number;
  /** The value octets (for indefinite length: up to, not including, the end-of-contents). */
  value: Uint8Array;
  /** The whole encoding (identifier, length, value, end-of-contents). */
  raw: Uint8Array;
  indefinite: boolean;
  /** Offset of the value in the whole input. */
  valueOffset: number;
}

const MAX_DEPTH = 64;

/** Reads one TLV at `pos` of `buf` (whose first byte sits at `base` in the whole input). */
export function readTlv(buf: Uint8Array, pos: number, base = 0, depth = 0): Tlv {
  const start = pos;
  if (pos >= buf.length)
    throw new Asn1Error("unexpected end of data where an ASN.1 element should start", base + pos);
  const id = buf[pos++] as number;
  const cls = id >> 6;
  const constructed = (id & 0x20) !== 0;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let n = 0; ; n++) {
      if (pos >= buf.length) throw new Asn1Error("truncated ASN.1 tag", base + start);
      const b = buf[pos++] as number;
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
      if (n > 4) throw new Asn1Error("ASN.1 tag number too large", base + start);
    }
  }
  if (pos >= buf.length) throw new Asn1Error("truncated ASN.1 length", base + start);
  const lb = buf[pos++] as number;
  let len = -1;
  if (lb < 0x80) len = lb;
  else if (lb === 0x80) {
    if (!constructed) throw new Asn1Error("indefinite length on a primitive ASN.1 element", base + start);
  } else {
    const n = lb & 0x7f;
    if (n > 6) throw new Asn1Error(`ASN.1 length field of ${n} bytes is too long`, base + start);
    if (pos + n > buf.length) throw new Asn1Error("truncated ASN.1 length", base + start);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[pos++] as number);
  }
  const valueStart = pos;
  if (len >= 0) {
    if (valueStart + len > buf.length) {
      throw new Asn1Error(
        `ASN.1 element of length ${len} runs past the end of the data (${buf.length - valueStart} bytes left)`,
        base + start,
      );
    }
    return {
      cls,
      constructed,
      tag,
      offset: base + start,
      value: buf.subarray(valueStart, valueStart + len),
      raw: buf.subarray(start, valueStart + len),
      indefinite: false,
      valueOffset: base + valueStart,
    };
  }
  // Indefinite length: walk the children up to the end-of-contents octets.
  if (depth >= MAX_DEPTH) throw new Asn1Error("ASN.1 nesting too deep", base + start);
  let p = valueStart;
  for (;;) {
    if (p + 2 > buf.length)
      throw new Asn1Error("indefinite-length ASN.1 element is not terminated", base + start);
    if (buf[p] === 0 && buf[p + 1] === 0) break;
    p = skipTlv(buf, p, base);
  }
  return {
    cls,
    constructed,
    tag,
    offset: base + start,
    value: buf.subarray(valueStart, p),
    raw: buf.subarray(start, p + 2),
    indefinite: true,
    valueOffset: base + valueStart,
  };
}

/** The children of a constructed element. */
export function children(t: Tlv, depth = 0): Tlv[] {
  if (!t.constructed) throw new Asn1Error("expected a constructed ASN.1 element", t.offset);
  const out: Tlv[] = [];
  let p = 0;
  const v = t.value;
  while (p < v.length) {
    const c = readTlv(v, p, t.valueOffset, depth + 1);
    out.push(c);
    p += c.raw.length;
  }
  return out;
}

/**
 * The first `max` children of a constructed element, and how many there are in all (the rest are counted,
 * not kept: a SET of a million elements costs no million objects).
 */
export function childrenUpTo(t: Tlv, max: number): { list: Tlv[]; count: number } {
  if (!t.constructed) throw new Asn1Error("expected a constructed ASN.1 element", t.offset);
  const list: Tlv[] = [];
  let count = 0;
  let p = 0;
  const v = t.value;
  while (p < v.length) {
    if (count < max) {
      const c = readTlv(v, p, t.valueOffset, 1);
      list.push(c);
      p += c.raw.length;
    } else p = skipTlv(v, p, t.valueOffset);
    count++;
  }
  return { list, count };
}

/**
 * Calls fn(identifier octet, bytes, valueStart, valueEnd) for each child of a constructed element, building
 * no node: for long lists (a certificate naming 100 000 addresses) where only a few fields are wanted.
 */
export function forEachChild(
  t: Tlv,
  fn: (id: number, bytes: Uint8Array, valueStart: number, valueEnd: number) => void,
): void {
  if (!t.constructed) throw new Asn1Error("expected a constructed ASN.1 element", t.offset);
  const v = t.value;
  let p = 0;
  while (p < v.length) {
    const id = v[p] as number;
    const start = headerAt(v, p, t.valueOffset);
    if (headerLen < 0) {
      const end = skipTlv(v, p, t.valueOffset);
      fn(id, v, start, end - 2);
      p = end;
    } else {
      fn(id, v, start, start + headerLen);
      p = start + headerLen;
    }
  }
}

/**
 * The offset just past the TLV at `pos`, without building nodes: one pass with a counter of open
 * indefinite-length elements (readTlv's own walk makes an object per descendant).
 */
export function skipTlv(buf: Uint8Array, pos: number, base = 0): number {
  let open = 0;
  let p = pos;
  do {
    if (open > 0 && p + 2 > buf.length)
      throw new Asn1Error("indefinite-length ASN.1 element is not terminated", base + pos);
    if (open > 0 && buf[p] === 0 && buf[p + 1] === 0) {
      p += 2;
      open--;
      continue;
    }
    const valueStart = headerAt(buf, p, base);
    if (headerLen < 0) {
      if (open >= MAX_DEPTH) throw new Asn1Error("ASN.1 nesting too deep", base + p);
      open++;
      p = valueStart;
    } else p = valueStart + headerLen;
  } while (open > 0);
  return p;
}

/** The length read by the last headerAt() call (-1: indefinite). A scratch value: no object per call. */
let headerLen = 0;

/** Where the value of the TLV at `pos` starts; its length goes to headerLen (allocation-free). */
function headerAt(buf: Uint8Array, pos: number, base: number): number {
  const lb = buf[pos + 1];
  // The common case inline: a one-byte tag and a short definite length.
  if (lb !== undefined && lb < 0x80 && ((buf[pos] as number) & 0x1f) !== 0x1f && pos + 2 + lb <= buf.length) {
    headerLen = lb;
    return pos + 2;
  }
  const h = tlvHeader(buf, pos, base);
  headerLen = h.len;
  return h.valueStart;
}

/** Identifier and length of the TLV at `pos`: where its value starts, its length (-1: indefinite). */
function tlvHeader(buf: Uint8Array, pos: number, base: number): { valueStart: number; len: number } {
  const start = pos;
  if (pos >= buf.length)
    throw new Asn1Error("unexpected end of data where an ASN.1 element should start", base + pos);
  const id = buf[pos++] as number;
  if ((id & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      if (pos >= buf.length) throw new Asn1Error("truncated ASN.1 tag", base + start);
      const b = buf[pos++] as number;
      if ((b & 0x80) === 0) break;
      if (n > 4) throw new Asn1Error("ASN.1 tag number too large", base + start);
    }
  }
  if (pos >= buf.length) throw new Asn1Error("truncated ASN.1 length", base + start);
  const lb = buf[pos++] as number;
  if (lb < 0x80) {
    if (pos + lb > buf.length)
      throw new Asn1Error(
        `ASN.1 element of length ${lb} runs past the end of the data (${buf.length - pos} bytes left)`,
        base + start,
      );
    return { valueStart: pos, len: lb };
  }
  if (lb === 0x80) {
    if ((id & 0x20) === 0)
      throw new Asn1Error("indefinite length on a primitive ASN.1 element", base + start);
    return { valueStart: pos, len: -1 };
  }
  const n = lb & 0x7f;
  if (n > 6) throw new Asn1Error(`ASN.1 length field of ${n} bytes is too long`, base + start);
  if (pos + n > buf.length) throw new Asn1Error("truncated ASN.1 length", base + start);
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (buf[pos++] as number);
  if (pos + len > buf.length)
    throw new Asn1Error(
      `ASN.1 element of length ${len} runs past the end of the data (${buf.length - pos} bytes left)`,
      base + start,
    );
  return { valueStart: pos, len };
}

/**
 * The content octets of an OCTET STRING, primitive or constructed (chunks concatenated, as BER allows and
 * NSS does). A primitive string is returned as a subarray (no copy).
 */
export function octetStringContent(t: Tlv): Uint8Array {
  if (!t.constructed) return t.value;
  // One pass over the encoding, copying each piece into one buffer (the content is never longer than the
  // encoding): no node, no list of pieces — a 48 MB string of 1-byte pieces costs 48 MB, not gigabytes.
  const v = t.value;
  const out = new Uint8Array(v.length);
  let o = 0;
  let p = 0;
  /** Ends of the open definite-length constructed pieces; -1 for indefinite ones. */
  const ends: number[] = [];
  while (p < v.length || ends.length > 0) {
    const top = ends.length > 0 ? (ends[ends.length - 1] as number) : v.length;
    if (top >= 0 && p >= top) {
      if (p > top)
        throw new Asn1Error("a chunk of a constructed OCTET STRING runs past its parent", t.valueOffset + p);
      ends.pop();
      continue;
    }
    if (top < 0 && p + 1 < v.length && v[p] === 0 && v[p + 1] === 0) {
      p += 2;
      ends.pop();
      continue;
    }
    if (p >= v.length)
      throw new Asn1Error("indefinite-length OCTET STRING chunk is not terminated", t.valueOffset + p);
    const id = v[p] as number;
    if (id !== 0x04 && id !== 0x24) {
      const c = readTlv(v, p, t.valueOffset);
      throw new Asn1Error(`a chunk of a constructed OCTET STRING is ${tagName(c.cls, c.tag)}`, c.offset);
    }
    const valueStart = headerAt(v, p, t.valueOffset);
    const len = headerLen;
    if (id === 0x04) {
      // Small pieces byte by byte (a subarray per 1-byte piece would cost more than the copy).
      if (len < 32) for (let k = 0; k < len; k++) out[o + k] = v[valueStart + k] as number;
      else out.set(v.subarray(valueStart, valueStart + len), o);
      o += len;
      p = valueStart + len;
    } else {
      if (ends.length >= MAX_DEPTH)
        throw new Asn1Error("OCTET STRING chunks nested too deep", t.valueOffset + p);
      ends.push(len < 0 ? -1 : valueStart + len);
      p = valueStart;
    }
  }
  return out.subarray(0, o);
}
