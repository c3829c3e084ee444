/**
 * readOutlookMessage: an Outlook item (.msg) to the MIME message it holds or describes (MS-OXMSG).
 */
import { concat, encodeBase64, utf8 } from "../../util/bytes";
import { getDecoder } from "../../util/textDecoders";
import { MsgError, type Streams, readStreams } from "./compound";
import { type OutlookMessage } from "./types";
import {
  PropertyObject,
  P,
  PT_STRING8,
  PT_UNICODE,
  charsetOf,
  propertiesPath,
  substgPath,
} from "./properties";
import { headerLines, encodedWord } from "./headers";

/** Reads an Outlook item and rebuilds it as MIME. Throws MsgError when the file cannot be read. */
export async function readOutlookMessage(bytes: Uint8Array): Promise<OutlookMessage> {
  const report = { cutShort: [] as string[] };
  const streams = readStreams(bytes, undefined, report);
  // Without its own properties whole the item cannot be told for what it is (a signed item read as a
  // plain one with an empty class): the file is unreadable, not an item with a few streams short.
  const own = [
    propertiesPath(""),
    substgPath("", P.MessageClass, PT_UNICODE),
    substgPath("", P.MessageClass, PT_STRING8),
  ];
  if (report.cutShort.some((p) => own.includes(p.toUpperCase())))
    throw new MsgError("the file is cut short inside the item's own properties (its class)");
  const item = itemOf(streams);
  return report.cutShort.length > 0 ? { ...item, cutStreams: report.cutShort } : item;
}

function itemOf(streams: Streams): OutlookMessage {
  const message = new PropertyObject(streams, "", 32);
  const charset = charsetOf(message.int(P.MessageCodepage)) ?? charsetOf(message.int(P.InternetCodepage));
  if (charset) message.setCodepage(charset);
  const messageClass = message.string(P.MessageClass);
  if (messageClass === undefined || !streams.has(propertiesPath(""))) {
    throw new MsgError("it has no Outlook message properties (no message class)", true);
  }
  const attachments = listAttachments(streams, charset);
  const recipients = listRecipients(streams, charset);
  const transport = message.string(P.TransportMessageHeaders);
  const isSmime = /\bsmime\b/i.test(messageClass);

  if (isSmime) {
    const a = smimeAttachment(attachments);
    if (a) {
      const der = firstNonSpace(a.data) === 0x30;
      const eol = der ? "\r\n" : lineEnding(a.data);
      const head = headerLines(message, recipients, transport, eol);
      const unreadable = head.unreadable.length ? { unreadableProperties: head.unreadable } : {};
      if (der) {
        const smimeType = /smime-type\s*=\s*"?([a-z-]+)/i.exec(a.mimeTag)?.[1];
        const entity = [
          `Content-Type: application/pkcs7-mime; name="smime.p7m"${smimeType ? `; smime-type=${smimeType}` : ""}`,
          "Content-Transfer-Encoding: base64",
          'Content-Disposition: attachment; filename="smime.p7m"',
          "",
          encodeBase64(a.data, 76).replace(/\n/g, "\r\n"),
          "",
        ].join("\r\n");
        return {
          messageClass,
          mime: concat([utf8(head.text), utf8(entity)]),
          headers: head.from,
          content: "smime-der",
          plain: false,
          ...unreadable,
        };
      }
      if (isWholeMessage(a.data)) {
        // Some writers keep the whole message, headers and all, in the attachment: use it as it is
        // (putting the item's headers in front would give it two From fields).
        return { messageClass, mime: a.data, headers: "attachment", content: "smime-entity", plain: false };
      }
      return {
        messageClass,
        mime: concat([utf8(head.text), a.data]),
        headers: head.from,
        content: "smime-entity",
        plain: false,
        ...unreadable,
      };
    }
  }

  // A plain item (or an S/MIME item without its S/MIME attachment): text and attachments from properties.
  // Its MIME structure is made here only — one text part, attachments as base64 parts under a boundary
  // the text does not contain, no multipart type from a property — so nothing in a property can make it
  // a signed or encrypted message (the header fields from properties are checked in headerLines).
  const eol = "\r\n";
  const head = headerLines(message, recipients, transport, eol);
  let bodyFrom: OutlookMessage["body"] = "none";
  let text = message.string(P.Body);
  let subtype = "plain";
  if (text !== undefined) bodyFrom = "PidTagBody";
  else {
    const html = message.binary(P.Html);
    const htmlText = message.string(P.Html);
    if (html) text = (getDecoder(charset ?? "utf-8") ?? getDecoder("utf-8"))?.decode(html);
    else if (htmlText !== undefined) text = htmlText;
    if (text !== undefined) {
      bodyFrom = "PidTagHtml";
      subtype = "html";
    }
  }
  const textPart = [
    `Content-Type: text/${subtype}; charset=utf-8`,
    "Content-Transfer-Encoding: 8bit",
    "",
    "",
  ].join(eol);
  const bodyText = (text ?? "").replace(/\r?\n/g, eol);
  const textBody = utf8(bodyText);
  const skipped: string[] = [];
  const carried = attachments.filter((a) => {
    if (a.method === 1 || a.method === undefined) return true;
    skipped.push(a.filename || `#${a.index}`);
    return false;
  });
  const parts: Uint8Array[] = [utf8(head.text)];
  if (carried.length === 0) {
    parts.push(utf8(textPart), textBody);
  } else {
    let boundary = "----=_smime_assistant_msg_" + carried.length;
    // base64 never holds "_": only the text could hold the boundary (and so end the text part early)
    for (let k = 0; bodyText.includes(boundary); k++)
      boundary = `----=_smime_assistant_msg_${carried.length}_${k}`;
    parts.push(
      utf8(`MIME-Version: 1.0${eol}Content-Type: multipart/mixed; boundary="${boundary}"${eol}${eol}`),
    );
    parts.push(utf8(`--${boundary}${eol}${textPart}`), textBody, utf8(eol));
    for (const a of carried) {
      const name = (a.filename || "attachment").replace(/["\\\r\n]/g, "_");
      const encodedName = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : `"${encodedWord(name)}"`;
      parts.push(
        utf8(
          [
            `--${boundary}`,
            `Content-Type: ${partType(a.mimeTag)}; name=${encodedName}`,
            "Content-Transfer-Encoding: base64",
            `Content-Disposition: attachment; filename=${encodedName}`,
            "",
            encodeBase64(a.data, 76).replace(/\n/g, eol),
            "",
          ].join(eol),
        ),
      );
    }
    parts.push(utf8(`--${boundary}--${eol}`));
  }
  const out: OutlookMessage = {
    messageClass,
    mime: concat(parts),
    headers: head.from,
    content: "properties",
    plain: !isSmime,
    body: bodyFrom,
  };
  const cp = message.int(P.InternetCodepage);
  if (cp !== undefined) out.codepage = cp;
  if (isSmime) out.smimeMissing = true;
  if (skipped.length > 0) out.skippedAttachments = skipped;
  if (head.unreadable.length > 0) out.unreadableProperties = head.unreadable;
  return out;
}

export interface MsgAttachment {
  index: number;
  data: Uint8Array;
  mimeTag: string;
  filename: string;
  method: number | undefined;
}

export function storageIds(streams: Streams, kind: "ATTACH" | "RECIP"): string[] {
  const re = new RegExp(`^(__${kind}_VERSION1\\.0_#[0-9A-F]{8})/`);
  const ids = new Set<string>();
  for (const k of streams.keys()) {
    const m = re.exec(k);
    if (m?.[1]) ids.add(m[1]);
  }
  return [...ids].sort();
}

export function listAttachments(streams: Streams, charset: string | undefined): MsgAttachment[] {
  return storageIds(streams, "ATTACH").map((id, index) => {
    const o = new PropertyObject(streams, `${id}/`, 8, charset);
    return {
      index,
      data: o.binary(P.AttachDataBinary) ?? new Uint8Array(0),
      mimeTag: o.string(P.AttachMimeTag) ?? "",
      filename: o.string(P.AttachLongFilename) ?? o.string(P.AttachFilename) ?? "",
      method: o.int(P.AttachMethod),
    };
  });
}

export interface MsgRecipient {
  type: number;
  name: string;
  address: string;
}

export function listRecipients(streams: Streams, charset: string | undefined): MsgRecipient[] {
  return storageIds(streams, "RECIP").map((id) => {
    const o = new PropertyObject(streams, `${id}/`, 8, charset);
    const addrType = (o.string(P.AddressType) ?? "").toUpperCase();
    const email = o.string(P.EmailAddress) ?? "";
    const address = o.string(P.SmtpAddress) ?? (addrType === "SMTP" || email.includes("@") ? email : "");
    return { type: o.int(P.RecipientType) ?? 1, name: o.string(P.DisplayName) ?? "", address };
  });
}

/** The attachment that holds an S/MIME item's content. */
export function smimeAttachment(attachments: MsgAttachment[]): MsgAttachment | undefined {
  const withData = attachments.filter((a) => a.data.length > 0);
  return (
    withData.find((a) => /^(multipart\/signed|application\/(x-)?pkcs7-mime)/i.test(a.mimeTag.trim())) ??
    withData.find((a) => /^smime\.p7m$/i.test(a.filename)) ??
    (withData.length === 1 ? withData[0] : undefined)
  );
}

/** Whether an entity's own header block has the fields of a whole message (From, Date). */
export function isWholeMessage(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024);
  let text = "";
  for (let i = 0; i < n; i++) text += String.fromCharCode(b[i] as number);
  const end = text.search(/\r?\n\r?\n/);
  const head = end >= 0 ? text.slice(0, end) : text;
  return /^from[ \t]*:/im.test(head) && /^date[ \t]*:/im.test(head);
}

export function firstNonSpace(b: Uint8Array): number | undefined {
  for (let i = 0; i < b.length && i < 64; i++) {
    const c = b[i] as number;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return c;
  }
  return undefined;
}

export function lineEnding(b: Uint8Array): string {
  const lf = b.indexOf(0x0a);
  return lf > 0 && b[lf - 1] === 0x0d ? "\r\n" : lf >= 0 ? "\n" : "\r\n";
}

/** An attachment part's type: its mime tag, but never a multipart type (its structure would be the tag's). */
export function partType(tag: string): string {
  const t = mimeTypeOnly(tag);
  return t && !t.startsWith("multipart/") ? t : "application/octet-stream";
}

export function mimeTypeOnly(tag: string): string {
  const t = tag.split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t) ? t : "";
}
