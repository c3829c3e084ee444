/** ASN.1 tag classes, universal tag numbers and checked access to a node of expected type. */
import { Asn1Error } from "./errors";
import type { Tlv } from "./reader";

export const UNIVERSAL = 0;
export const CONTEXT = 2;

declare const checked: unique symbol;
/** A Tlv whose tag was checked (a brand, so that a failed check does not narrow the value to undefined). */
export type CheckedTlv = Tlv & { readonly [checked]: true };

export function isUniversal(t: Tlv | undefined, tag: number): t is CheckedTlv {
  return t !== undefined && t.cls === UNIVERSAL && t.tag === tag;
}
export function isContext(t: Tlv | undefined, tag: number): t is CheckedTlv {
  return t !== undefined && t.cls === CONTEXT && t.tag === tag;
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8: 12,
  SEQUENCE: 16,
  SET: 17,
  PRINTABLE: 19,
  T61: 20,
  IA5: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE: 26,
  UNIVERSAL_STRING: 28,
  BMP: 30,
} as const;

export function expect(t: Tlv | undefined, tag: number, what: string, parentOffset: number): Tlv {
  if (!t) throw new Asn1Error(`${what} is missing`, parentOffset);
  if (t.cls !== UNIVERSAL || t.tag !== tag) {
    throw new Asn1Error(
      `${what}: expected ${tagName(UNIVERSAL, tag)}, found ${tagName(t.cls, t.tag)}`,
      t.offset,
    );
  }
  return t;
}

export function tagName(cls: number, tag: number): string {
  if (cls === CONTEXT) return `[${tag}]`;
  if (cls !== UNIVERSAL) return `tag ${tag} (class ${cls})`;
  const names: Record<number, string> = {
    1: "BOOLEAN",
    2: "INTEGER",
    3: "BIT STRING",
    4: "OCTET STRING",
    5: "NULL",
    6: "OBJECT IDENTIFIER",
    12: "UTF8String",
    16: "SEQUENCE",
    17: "SET",
    19: "PrintableString",
    22: "IA5String",
    23: "UTCTime",
    24: "GeneralizedTime",
    30: "BMPString",
  };
  return names[tag] ?? `universal tag ${tag}`;
}
