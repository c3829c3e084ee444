/**
 * X.501 names: attribute types, directory strings, the RFC 4514 text of a Name and its normalised form for comparison.
 */
import { MAX_NAME_ATTRIBUTE_CHARS } from "../limits";
import { children, decodeOid, isUniversal, TAG, type Tlv } from "../asn1";
import { latin1 } from "../util/bytes";
import { type ParsedCertificate } from "./certificate";

export const ATTR_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.5": "serialNumber",
  "2.5.4.4": "SN",
  "2.5.4.42": "GN",
  "2.5.4.43": "initials",
  "2.5.4.12": "title",
  "2.5.4.17": "postalCode",
  "2.5.4.97": "organizationIdentifier",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID",
  "1.2.840.113549.1.9.1": "emailAddress",
};

/** Decodes an ASN.1 string value (UTF8String, BMPString, PrintableString, …). */
export function decodeString(t: Tlv): string {
  const v = t.value;
  switch (t.tag) {
    case TAG.UTF8:
      return new TextDecoder("utf-8").decode(v);
    case TAG.BMP: {
      // Code units collected in chunks and joined once (not a string built a character at a time).
      const parts: string[] = [];
      const codes: number[] = [];
      for (let i = 0; i + 1 < v.length; i += 2) {
        codes.push(((v[i] as number) << 8) | (v[i + 1] as number));
        if (codes.length === 0x2000) parts.push(String.fromCharCode.apply(null, codes.splice(0)));
      }
      parts.push(String.fromCharCode.apply(null, codes));
      return parts.join("");
    }
    case TAG.UNIVERSAL_STRING: {
      const parts: string[] = [];
      const cps: number[] = [];
      for (let i = 0; i + 3 < v.length; i += 4) {
        const cp =
          (((v[i] as number) << 24) |
            ((v[i + 1] as number) << 16) |
            ((v[i + 2] as number) << 8) |
            (v[i + 3] as number)) >>>
          0;
        cps.push(cp <= 0x10ffff ? cp : 0xfffd);
        if (cps.length === 0x2000) parts.push(String.fromCodePoint.apply(null, cps.splice(0)));
      }
      parts.push(String.fromCodePoint.apply(null, cps));
      return parts.join("");
    }
    case TAG.T61: {
      // T.61 in practice: often UTF-8, otherwise Latin-1.
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(v);
      } catch {
        return latin1(v);
      }
    }
    default:
      if (t.constructed) return "";
      return latin1(v);
  }
}

export function escapeRdnValue(s: string): string {
  let out = s.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`);
  if (out.startsWith("#") || out.startsWith(" ")) out = `\\${out}`;
  if (out.endsWith(" ") && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * A name attribute's value, cut at MAX_NAME_ATTRIBUTE_CHARS (limits.ts; marked as cut): only that much of
 * the value is decoded, so a 20 M-character CN does not become dozens of 20 M-character strings.
 */
export function nameValue(val: Tlv): string {
  const max = MAX_NAME_ATTRIBUTE_CHARS;
  if (val.value.length <= max) return decodeString(val);
  // At most 4 bytes per character in any of the string types: decode a bounded prefix, then cut.
  const head: Tlv = { ...val, value: val.value.subarray(0, 4 * max) };
  const s = decodeString(head);
  return `${s.slice(0, max)}…[cut: ${val.value.length} bytes]`;
}

export function parseName(t: Tlv): { attrs: { type: string; value: string }[]; text: string } {
  const rdns: { type: string; value: string }[][] = [];
  for (const set of children(t)) {
    const rdn: { type: string; value: string }[] = [];
    for (const atv of children(set)) {
      const [o, val] = children(atv);
      if (!isUniversal(o, TAG.OID)) continue;
      const oid = decodeOid(o.value);
      const type = ATTR_NAMES[oid] ?? oid;
      rdn.push({ type, value: val ? nameValue(val) : "" });
    }
    rdns.push(rdn);
  }
  const text = rdns
    .slice()
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${escapeRdnValue(a.value)}`).join("+"))
    .join(", ");
  return { attrs: rdns.flat(), text };
}

export const SUBJECT_NORM = new WeakMap<ParsedCertificate, string>();
export const ISSUER_NORM = new WeakMap<ParsedCertificate, string>();

/** normalizedName of the subject, made once per parsed certificate (names may be 100 KB and more). */
export function normalizedSubject(p: ParsedCertificate): string {
  let n = SUBJECT_NORM.get(p);
  if (n === undefined) {
    n = normalizedName(p.subjectAttrs);
    SUBJECT_NORM.set(p, n);
  }
  return n;
}

/** normalizedName of the issuer, made once per parsed certificate. */
export function normalizedIssuer(p: ParsedCertificate): string {
  let n = ISSUER_NORM.get(p);
  if (n === undefined) {
    n = normalizedName(p.issuerAttrs);
    ISSUER_NORM.set(p, n);
  }
  return n;
}

/** Normalised form of a DN for matching encodings that differ (PrintableString vs UTF8String, case). */
export function normalizedName(attrs: { type: string; value: string }[]): string {
  return attrs.map((a) => `${a.type}=${a.value.trim().replace(/\s+/g, " ").toLowerCase()}`).join("/");
}
