/**
 * Partial diagnoses for the lower rungs of the ladder, built from what Office exposes when it does not
 * hand over the message itself: the internet headers, the attachment list, the body text as Outlook
 * decoded it, and the Exchange message class. Pure functions (no Office.js): the ladder feeds them.
 *
 * What can be said without the bytes: the outer S/MIME layer (Content-Type / message class), an orphaned
 * smime.p7s, the declared charset, and garbled text that bears the marks of a known charset mix-up.
 * The signature is never "valid" or "invalid" here: it cannot be checked.
 */
import {
  type Attachment,
  type ContentType,
  type DecodedText,
  type Diagnosis,
  type Finding,
  report,
  type Kind,
  mailingListFinding,
  mailingListOf,
  messageHeaders,
  openPgpFinding,
  parseMessage,
  type SignatureVerdict,
  utf8,
} from "../engine";

export interface OfficeAttachmentInfo {
  name: string;
  contentType?: string;
  size?: number;
  /** "file" | "item" | "cloud" */
  attachmentType?: string;
  isInline?: boolean;
}

export interface HeadersInput {
  /** item.getAllInternetHeadersAsync's value (RFC 5322 header block). */
  headers: string;
  attachments: OfficeAttachmentInfo[];
  /** item.body.getAsync(Text), as Outlook decoded it. */
  bodyText?: string;
  itemClass?: string;
}

export interface BasicInput {
  itemClass?: string;
  attachments: OfficeAttachmentInfo[];
}

/** Longest body text kept for display. */
const MAX_TEXT = 200_000;

export function partialFromHeaders(input: HeadersInput): Diagnosis {
  const headerText = typeof input.headers === "string" ? input.headers : "";
  // The header block alone, terminated by an empty line, parsed with the engine's MIME parser.
  const block = headerText.replace(/^(?:\r?\n)+/, "").replace(/(?:\r?\n)+$/, "");
  const msg = parseMessage(utf8(block + "\r\n\r\n"));
  const root = msg.root;
  const ct = root.contentType;

  const findings: Finding[] = [];
  let kind: Kind;
  let signature: SignatureVerdict;
  const layer = layerFromContentType(ct);
  const pgp = pgpFromContentType(ct);
  if (pgp) {
    // OpenPGP (RFC 3156), told by the protocol parameter: not S/MIME, not checked.
    kind = "none";
    signature = "unverifiable";
    findings.push(openPgpFinding([{ part: "", form: pgp }]));
  } else if (layer) {
    ({ kind, signature } = layer);
    if (kind === "encrypted") findings.push(encryptedFinding(false, input.itemClass));
    if (kind === "certs-only") findings.push(certsOnlyFinding());
  } else {
    ({ kind, signature } = fromClassAndAttachments(input.itemClass, input.attachments, findings));
  }

  const declared =
    ct.explicit && ct.type === "text" && ct.params["charset"]
      ? ct.params["charset"].toLowerCase()
      : undefined;
  const texts: DecodedText[] = [];
  if (typeof input.bodyText === "string" && input.bodyText.length > 0) {
    const text = input.bodyText.length > MAX_TEXT ? input.bodyText.slice(0, MAX_TEXT) : input.bodyText;
    const garbled = garbledCharset(text);
    const bodyCt = ct.type === "text" ? `${ct.type}/${ct.subtype}` : "text/plain";
    if (garbled) {
      const decl = declared ?? garbled.shownAs;
      if (decl !== garbled.writtenIn)
        findings.push(mismatchFinding(decl, garbled.writtenIn, bodyCt, declared));
    }
    const t: DecodedText = {
      part: "body",
      contentType: bodyCt,
      detectedCharset: garbled?.writtenIn ?? declared ?? "unknown",
      text,
    };
    if (declared) t.declaredCharset = declared;
    texts.push(t);
  }

  const list = mailingListOf(root);
  if (list) findings.push(mailingListFinding(root, list, false));

  const d: Diagnosis = {
    kind,
    signature,
    signers: [],
    recipients: [],
    findings,
    faq: [],
    headers: messageHeaders(root),
    attachments: attachmentList(input.attachments),
  };
  if (texts.length) d.texts = texts;
  return d;
}

export function partialFromBasic(input: BasicInput): Diagnosis {
  const findings: Finding[] = [];
  const { kind, signature } = fromClassAndAttachments(input.itemClass, input.attachments, findings);
  return {
    kind,
    signature,
    signers: [],
    recipients: [],
    findings,
    faq: [],
    attachments: attachmentList(input.attachments),
  };
}

/** Without a Content-Type: the message class first for clear-signed mail, then an orphaned smime.p7s. */
function fromClassAndAttachments(
  itemClass: string | undefined,
  attachments: OfficeAttachmentInfo[],
  findings: Finding[],
): { kind: Kind; signature: SignatureVerdict } {
  const fromClass = layerFromItemClass(itemClass);
  if (fromClass?.kind === "signed") return fromClass;
  const orphan = orphanSignature(attachments);
  if (orphan) {
    findings.push(orphanFinding(orphan));
    return { kind: "orphan-signature", signature: "unverifiable" };
  }
  if (fromClass) {
    if (fromClass.kind === "encrypted") findings.push(encryptedFinding(true, itemClass));
    return fromClass;
  }
  return { kind: "none", signature: "none" };
}

/** The outer S/MIME layer named by a Content-Type header. */
/** PGP/MIME by the top-level Content-Type's protocol parameter (the parts themselves are not at hand). */
function pgpFromContentType(ct: ContentType): "pgp-signed" | "pgp-encrypted" | undefined {
  if (!ct.explicit || ct.type !== "multipart") return undefined;
  const protocol = (ct.params["protocol"] ?? "").trim().toLowerCase();
  if (ct.subtype === "signed" && protocol === "application/pgp-signature") return "pgp-signed";
  if (ct.subtype === "encrypted" && protocol === "application/pgp-encrypted") return "pgp-encrypted";
  return undefined;
}

export function layerFromContentType(
  ct: ContentType,
): { kind: Kind; signature: SignatureVerdict } | undefined {
  if (!ct.explicit) return undefined;
  if (ct.type === "multipart" && ct.subtype === "signed")
    return { kind: "signed", signature: "unverifiable" };
  if (ct.type === "application" && (ct.subtype === "pkcs7-mime" || ct.subtype === "x-pkcs7-mime")) {
    const st = (ct.params["smime-type"] ?? "").toLowerCase();
    if (st === "enveloped-data" || st === "authenveloped-data")
      return { kind: "encrypted", signature: "none" };
    if (st === "certs-only") return { kind: "certs-only", signature: "none" };
    // signed-data, or no smime-type (then most likely signed data too; the engine assumes the same)
    return { kind: "opaque-signed", signature: "unverifiable" };
  }
  return undefined;
}

/**
 * The S/MIME layer implied by Exchange's message class: IPM.Note.SMIME.MultipartSigned (clear-signed),
 * IPM.Note.SMIME (opaque: encrypted, or signed with the content inside the signature; the class does not
 * say which, encryption being far the more common), and the older IPM.Note.Secure(.Sign).
 */
export function layerFromItemClass(
  itemClass: string | undefined,
): { kind: Kind; signature: SignatureVerdict } | undefined {
  const c = (itemClass ?? "").toLowerCase();
  if (c.startsWith("ipm.note.smime.multipartsigned") || c.startsWith("ipm.note.secure.sign")) {
    return { kind: "signed", signature: "unverifiable" };
  }
  if (
    c === "ipm.note.smime" ||
    c.startsWith("ipm.note.smime.") ||
    c === "ipm.note.secure" ||
    c.startsWith("ipm.note.secure.")
  ) {
    return { kind: "encrypted", signature: "none" };
  }
  return undefined;
}

/** True for an attachment that is a detached S/MIME signature (smime.p7s or application/pkcs7-signature). */
export function isSignatureAttachment(a: OfficeAttachmentInfo): boolean {
  const name = (a.name ?? "").toLowerCase();
  const type = (a.contentType ?? "").toLowerCase();
  return (
    name.endsWith(".p7s") ||
    type.startsWith("application/pkcs7-signature") ||
    type.startsWith("application/x-pkcs7-signature")
  );
}

/** True for an attachment that holds S/MIME data (smime.p7m or application/pkcs7-mime, or Exchange's multipart/signed). */
export function isSmimeAttachment(a: OfficeAttachmentInfo): boolean {
  const name = (a.name ?? "").toLowerCase();
  const type = (a.contentType ?? "").toLowerCase();
  return (
    name === "smime.p7m" ||
    type.startsWith("application/pkcs7-mime") ||
    type.startsWith("application/x-pkcs7-mime") ||
    type.startsWith("multipart/signed")
  );
}

function orphanSignature(attachments: OfficeAttachmentInfo[]): OfficeAttachmentInfo | undefined {
  return attachments.find(isSignatureAttachment);
}

function orphanFinding(a: OfficeAttachmentInfo): Finding {
  return report("ORPHAN_SIGNATURE", {
    filename: a.name || "smime.p7s",
    source: "office-attachments",
    partial: true,
  });
}

function encryptedFinding(guessed: boolean, itemClass: string | undefined): Finding {
  return report("ENCRYPTED", {
    partial: true,
    ...(guessed ? { guessed: true as const } : {}),
    ...(itemClass ? { itemClass } : {}),
  });
}

function certsOnlyFinding(): Finding {
  return report("CERTS_ONLY", { partial: true });
}

function mismatchFinding(
  declared: string,
  detected: string,
  contentType: string,
  headerCharset: string | undefined,
): Finding {
  return report("CHARSET_MISMATCH", {
    part: "body",
    contentType,
    declared,
    detected,
    heuristic: true,
    ...(headerCharset ? {} : { declaredGuessed: true as const }),
  });
}

/** Characters Windows-1252 maps bytes 0x80-0x9F to (what a UTF-8 continuation byte becomes). */
const CP1252_HIGH = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);

/**
 * Marks of a known charset mix-up in text already decoded by Outlook:
 * - UTF-8 Japanese read as Shift_JIS (CP932) yields runs of 縺 繧 繝 (from the lead bytes E3 81/82/83);
 * - UTF-8 read as Windows-1252 / Latin-1 yields "ã" / "Ã" followed by C1 or typographic characters.
 * Linear scan, no backtracking; needs a few occurrences to say anything.
 */
export function garbledCharset(text: string): { writtenIn: string; shownAs: string } | undefined {
  let sjisMarks = 0;
  let latinMarks = 0;
  const n = Math.min(text.length, MAX_TEXT);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7e3a /* 縺 */ || c === 0x7e67 /* 繧 */ || c === 0x7e5d /* 繝 */) sjisMarks++;
    else if ((c === 0xe3 || c === 0xc3 || c === 0xc2 || c === 0xe2) && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if ((d >= 0x80 && d <= 0xbf) || CP1252_HIGH.has(d)) {
        latinMarks++;
      }
    }
  }
  if (sjisMarks >= 3) return { writtenIn: "utf-8", shownAs: "shift_jis" };
  if (latinMarks >= 3) return { writtenIn: "utf-8", shownAs: "windows-1252" };
  return undefined;
}

function attachmentList(attachments: OfficeAttachmentInfo[]): Attachment[] {
  return attachments.map((a, i) => {
    const out: Attachment = {
      part: `attachment-${i + 1}`,
      contentType: (a.contentType || "application/octet-stream").toLowerCase(),
      size: typeof a.size === "number" && Number.isFinite(a.size) ? a.size : 0,
    };
    if (a.name) out.filename = a.name;
    return out;
  });
}
