/**
 * OpenPGP layers (RFC 3156 multipart/signed and multipart/encrypted, RFC 4880 inline armour): recognised so
 * that they are reported as OPENPGP — not checked, and never taken for broken S/MIME. Inline armour is found
 * by scanning line starts (no regular expression over message text).
 */
import { report } from "../findings";
import { isSignatureType } from "../mime/index";
import type { ContentType, MimePart } from "../mime/types";
import type { Finding } from "../types";

export type PgpForm = "pgp-signed" | "pgp-encrypted" | "inline-signed" | "inline-encrypted";

/** At most this many OpenPGP places are listed in the finding's detail. */
const MAX_LISTED = 16;

function protocolOf(ct: ContentType): string {
  return (ct.params["protocol"] ?? "").trim().toLowerCase();
}

function isType(ct: ContentType | undefined, type: string, subtype: string): boolean {
  return ct !== undefined && ct.type === type && ct.subtype === subtype;
}

/**
 * The OpenPGP form of a multipart (RFC 3156), or undefined: multipart/signed whose protocol (or, without
 * one, whose second part) is application/pgp-signature; multipart/encrypted whose protocol (or first part)
 * is application/pgp-encrypted.
 */
export function pgpMultipartForm(part: MimePart): "pgp-signed" | "pgp-encrypted" | undefined {
  const ct = part.contentType;
  if (ct.type !== "multipart") return undefined;
  const protocol = protocolOf(ct);
  if (ct.subtype === "signed") {
    // An S/MIME signature part wins over a protocol parameter that says otherwise: relabelling must not
    // hide an S/MIME signature from the check.
    if (part.children[1] !== undefined && isSignatureType(part.children[1].contentType)) return undefined;
    if (protocol === "application/pgp-signature") return "pgp-signed";
    if (protocol === "" && isType(part.children[1]?.contentType, "application", "pgp-signature"))
      return "pgp-signed";
    return undefined;
  }
  if (ct.subtype === "encrypted") {
    if (protocol === "application/pgp-encrypted") return "pgp-encrypted";
    if (protocol === "" && isType(part.children[0]?.contentType, "application", "pgp-encrypted"))
      return "pgp-encrypted";
  }
  return undefined;
}

/** The control parts of RFC 3156 (the detached signature, the version part): not content, not attachments. */
export function isPgpControlPart(ct: ContentType): boolean {
  return isType(ct, "application", "pgp-signature") || isType(ct, "application", "pgp-encrypted");
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SIGNED = ascii("-----BEGIN PGP SIGNED MESSAGE-----");
const MESSAGE = ascii("-----BEGIN PGP MESSAGE-----");

function startsWithAt(b: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

/** Inline armour in a decoded text body: a line that begins a clear-signed or an armoured message. */
export function inlinePgpForm(body: Uint8Array): "inline-signed" | "inline-encrypted" | undefined {
  let at = 0;
  while (at < body.length) {
    // Leading blanks are tolerated (some clients indent quoted armour by nothing else).
    let i = at;
    while (i < body.length && (body[i] === 0x20 || body[i] === 0x09)) i++;
    if (body[i] === 0x2d) {
      if (startsWithAt(body, i, SIGNED)) return "inline-signed";
      if (startsWithAt(body, i, MESSAGE)) return "inline-encrypted";
    }
    const nl = body.indexOf(0x0a, i);
    if (nl < 0) break;
    at = nl + 1;
  }
  return undefined;
}

export interface PgpPlace {
  part: string;
  form: PgpForm;
}

/** OPENPGP (info): where OpenPGP protection was found; S/MIME Assistant does not check it. */
export function openPgpFinding(places: PgpPlace[]): Finding {
  const forms = [...new Set(places.map((p) => p.form))];
  return report("OPENPGP", {
    forms,
    parts: places.slice(0, MAX_LISTED).map((p) => ({ part: p.part === "" ? "root" : p.part, form: p.form })),
    count: places.length,
  });
}
