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
  finding,
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
  const name = a.name || "smime.p7s";
  return finding(
    "ORPHAN_SIGNATURE",
    {
      en:
        `The signature (${name}) shows as an ordinary attachment, separated from the content it signs, so it cannot ` +
        `be checked. This happens when a mail program or web mail without S/MIME support, or a server on the way, ` +
        `restructured the message.`,
      ja:
        `電子署名（${name}）が、署名対象の本文から切り離された普通の添付ファイルとして表示されています。このままでは検証できません。` +
        `S/MIME に対応していないメールソフトや Web メール、途中のサーバーがメッセージを組み替えたときに起こります。`,
    },
    { filename: name, source: "office-attachments", partial: true },
  );
}

function encryptedFinding(guessed: boolean, itemClass: string | undefined): Finding {
  return finding(
    "ENCRYPTED",
    guessed
      ? {
          en:
            "The message is protected with S/MIME: most likely encrypted (it could also be signed with the content " +
            "inside the signature; Outlook's message type does not say which). Only a recipient's private key can open it.",
          ja:
            "このメッセージは S/MIME で保護されています。暗号化されている可能性が高いです（本文を署名の中に含める形式の署名" +
            "の場合もあり、Outlook のメッセージの種類からはどちらか判別できません）。開けるのは受信者の秘密鍵だけです。",
        }
      : {
          en: "The message is encrypted with S/MIME. Only a recipient's private key can open it; its content, and any signature inside, cannot be checked here.",
          ja: "このメッセージは S/MIME で暗号化されています。開けるのは受信者の秘密鍵だけで、本文や内側の署名はここでは確認できません。",
        },
    { partial: true, ...(guessed ? { guessed: true } : {}), ...(itemClass ? { itemClass } : {}) },
  );
}

function certsOnlyFinding(): Finding {
  return finding(
    "CERTS_ONLY",
    {
      en: "This is a certificate bundle, not a signed message.",
      ja: "これは署名付きメールではなく、証明書だけをまとめたものです。",
    },
    { partial: true },
  );
}

function mismatchFinding(
  declared: string,
  detected: string,
  contentType: string,
  headerCharset: string | undefined,
): Finding {
  return finding(
    "CHARSET_MISMATCH",
    {
      en:
        `The text appears garbled: it looks like ${displayName(detected)} text read as ${displayName(declared)}. ` +
        `Outlook decoded it before the add-in could see the original bytes, so this is an informed guess.`,
      ja:
        `本文が文字化けしているようです。${displayName(detected)} で書かれた文字を ${displayName(declared)} として読んだときの` +
        `崩れ方をしています。アドインは Outlook が変換した後の本文しか受け取れないため、これは推定です。`,
    },
    {
      part: "body",
      contentType,
      declared,
      detected,
      heuristic: true,
      ...(headerCharset ? {} : { declaredGuessed: true }),
    },
  );
}

function displayName(charset: string): string {
  switch (charset) {
    case "utf-8":
      return "UTF-8";
    case "shift_jis":
      return "Shift_JIS";
    case "windows-1252":
      return "Western European (Windows-1252)";
    case "iso-2022-jp":
      return "ISO-2022-JP";
    case "euc-jp":
      return "EUC-JP";
    default:
      return charset;
  }
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
