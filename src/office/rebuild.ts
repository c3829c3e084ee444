/**
 * Exchange keeps an S/MIME message as an item of class IPM.Note.SMIME(.MultipartSigned) whose single
 * attachment smime.p7m holds the S/MIME data: for clear-signed mail the MIME entity
 * (Content-Type: multipart/signed …), for opaque-signed / encrypted mail the CMS blob itself. The outer
 * RFC 5322 headers (From, Subject, …) live in the item's properties, not in that attachment.
 *
 * toMimeMessage() turns that attachment's content into a MIME message for the engine: a bare CMS blob is
 * wrapped as application/pkcs7-mime (base64), and the From / Sender / Subject headers Outlook shows are
 * added when the entity lacks them (outer headers are outside the signed content, so adding them changes
 * nothing the signature covers). Pure functions: no Office.js.
 */
import {
  concat,
  decodeBase64String,
  detectBareLf,
  encodeBase64,
  latin1,
  parseHeaderBlock,
  utf8,
} from "../engine";

export interface OuterHeaders {
  from?: { name: string; address: string };
  sender?: { name: string; address: string };
  subject?: string;
}

export interface Rebuilt {
  bytes: Uint8Array;
  /** Header names the add-in added (e.g. ["From", "Subject"]). */
  added: string[];
  /** True when the content was a bare CMS blob that was wrapped as application/pkcs7-mime. */
  wrapped: boolean;
}

/** Builds the MIME message to diagnose from smime.p7m's bytes. Never throws. */
export function toMimeMessage(content: Uint8Array, outer: OuterHeaders): Rebuilt {
  const cms = asCms(content);
  if (cms) {
    const { lines, added } = headerLines(outer, new Set(), "\r\n");
    const head = [
      ...lines,
      "MIME-Version: 1.0",
      'Content-Type: application/pkcs7-mime; name="smime.p7m"',
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="smime.p7m"',
      "",
      "",
    ].join("\r\n");
    return { bytes: concat([utf8(head), utf8(encodeBase64(cms, 76)), utf8("\r\n")]), added, wrapped: true };
  }
  // Only the entity's own header block matters here (the engine parses the whole message afterwards):
  // reading just that keeps a 50 MB attachment off a second full parse on the pane's main thread.
  let present: Set<string>;
  let bareLf = false;
  try {
    const block = parseHeaderBlock(content, 0, content.length);
    present = new Set(block.headers.map((h) => h.name));
    bareLf = detectBareLf(content, block.crlf, block.lf);
  } catch {
    present = new Set();
  }
  const eol = bareLf ? "\n" : "\r\n";
  const { lines, added } = headerLines(outer, present, eol);
  if (lines.length === 0) return { bytes: content, added: [], wrapped: false };
  return { bytes: concat([utf8(lines.join(eol) + eol), content]), added, wrapped: false };
}

/** The CMS DER when the content is a bare blob (DER, or base64 text of DER), else undefined. */
function asCms(content: Uint8Array): Uint8Array | undefined {
  // A MIME entity starts with a header name (printable ASCII); DER starts with 0x30 and a length byte.
  if (content.length >= 2 && content[0] === 0x30 && !looksLikeText(content)) return content;
  const head = latin1(content, 0, Math.min(content.length, 4)).trim();
  if (head.startsWith("MI") && isBase64Text(content)) {
    const der = decodeBase64String(latin1(content));
    if (der.length > 0 && der[0] === 0x30) return der;
  }
  return undefined;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}

function isBase64Text(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const ok =
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2b ||
      b === 0x2f ||
      b === 0x3d ||
      b === 0x0d ||
      b === 0x0a ||
      b === 0x20 ||
      b === 0x09;
    if (!ok) return false;
  }
  return true;
}

function headerLines(
  outer: OuterHeaders,
  present: Set<string>,
  eol: string,
): { lines: string[]; added: string[] } {
  const lines: string[] = [];
  const added: string[] = [];
  if (outer.from?.address && !present.has("from")) {
    lines.push(`From: ${mailbox(outer.from, eol)}`);
    added.push("From");
  }
  if (
    outer.sender?.address &&
    outer.from?.address &&
    outer.sender.address.toLowerCase() !== outer.from.address.toLowerCase() &&
    !present.has("sender")
  ) {
    lines.push(`Sender: ${mailbox(outer.sender, eol)}`);
    added.push("Sender");
  }
  if (typeof outer.subject === "string" && outer.subject !== "" && !present.has("subject")) {
    lines.push(`Subject: ${encodeWords(clean(outer.subject), eol)}`);
    added.push("Subject");
  }
  return { lines, added };
}

/** No line breaks or NULs may enter a header we write. */
function clean(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c === 0x0d || c === 0x0a || c === 0 ? " " : ch;
  }
  return out.trim();
}

function mailbox(m: { name: string; address: string }, eol: string): string {
  const address = clean(m.address).replace(/[<>\s]/g, "");
  const name = clean(m.name ?? "");
  if (!name || name.toLowerCase() === address.toLowerCase()) return address;
  if (isAscii(name)) return `"${name.replace(/["\\]/g, (c) => "\\" + c)}" <${address}>`;
  return `${encodeWords(name, eol)} <${address}>`;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e || s.charCodeAt(i) < 0x20) return false;
  return true;
}

/** RFC 2047 B-encoding in UTF-8, words of at most 45 bytes (never splitting a character), folded. */
export function encodeWords(s: string, eol = "\r\n"): string {
  if (isAscii(s)) return s;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of s) {
    const b = utf8(ch);
    if (chunk.length + b.length > 45) {
      words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    for (const x of b) chunk.push(x);
  }
  if (chunk.length) words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
  return words.join(eol + " ");
}
