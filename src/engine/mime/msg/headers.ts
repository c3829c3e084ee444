/**
 * Header lines of a message rebuilt from an item's properties: addresses, encoded words, RFC 5322 dates.
 */
import { encodeBase64, utf8 } from "../../util/bytes";
import { type OutlookMessage } from "./types";
import { PropertyObject, P } from "./properties";
import { type MsgRecipient } from "./item";

/**
 * The header lines put in front of the content, ending with nothing (the content brings its own header
 * fields and the blank line). The transport headers without their Content-* fields when Outlook kept them;
 * otherwise fields made from the properties.
 */
export function headerLines(
  message: PropertyObject,
  recipients: MsgRecipient[],
  transport: string | undefined,
  eol: string,
): { text: string; from: OutlookMessage["headers"]; unreadable: string[] } {
  const unreadable: string[] = [];
  if (transport !== undefined && /^[!-9;-~]+[ \t]*:/m.test(transport)) {
    // a lone CR is a line break too (so a field after one is seen, and dropped if it is a Content-* one);
    // other control characters become spaces
    const lines = transport.split(/\r\n|\r|\n/).map((l) => l.replace(CONTROL, " "));
    const kept: string[] = [];
    let skipping = false;
    for (const line of lines) {
      if (line === "") {
        if (kept.length > 0) break; // the end of the header block
        continue;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        if (!skipping && kept.length > 0) kept.push(line);
        continue;
      }
      const name = line
        .slice(0, Math.max(0, line.indexOf(":")))
        .trim()
        .toLowerCase();
      skipping = name.startsWith("content-") || name === "mime-version";
      if (!skipping) kept.push(line);
    }
    kept.push("MIME-Version: 1.0");
    return { text: kept.map((l) => l + eol).join(""), from: "transport", unreadable };
  }
  const lines: string[] = [];
  const smtp = (
    property: string,
    addr: string | undefined,
    type: string | undefined,
    smtpAddr: string | undefined,
  ): string => {
    const a =
      smtpAddr ||
      ((type ?? "SMTP").toUpperCase() === "SMTP" || (addr ?? "").includes("@") ? (addr ?? "") : "");
    return checkedAddress(property, a, unreadable);
  };
  const fromAddr = smtp(
    "PidTagSentRepresentingEmailAddress",
    message.string(P.SentRepresentingEmailAddress),
    message.string(P.SentRepresentingAddressType),
    message.string(P.SentRepresentingSmtpAddress),
  );
  const fromName = message.string(P.SentRepresentingName) ?? "";
  const senderAddr = smtp(
    "PidTagSenderEmailAddress",
    message.string(P.SenderEmailAddress),
    message.string(P.SenderAddressType),
    message.string(P.SenderSmtpAddress),
  );
  const senderName = message.string(P.SenderName) ?? "";
  if (fromAddr) lines.push(`From: ${mailboxText(fromName, fromAddr)}`);
  else if (senderAddr) lines.push(`From: ${mailboxText(senderName, senderAddr)}`);
  if (fromAddr && senderAddr && senderAddr.toLowerCase() !== fromAddr.toLowerCase()) {
    lines.push(`Sender: ${mailboxText(senderName, senderAddr)}`);
  }
  const list = (type: number): string =>
    recipients
      .filter((r) => r.type === type && r.address)
      .map((r) => ({
        ...r,
        address: checkedAddress("PidTagEmailAddress (recipient)", r.address, unreadable),
      }))
      .filter((r) => r.address)
      .map((r) => mailboxText(r.name, r.address))
      .join(", ");
  const to = list(1);
  const cc = list(2);
  if (to) lines.push(`To: ${to}`);
  if (cc) lines.push(`Cc: ${cc}`);
  const subject = message.string(P.Subject);
  if (subject !== undefined) lines.push(`Subject: ${headerText(subject)}`);
  const date = message.time(P.ClientSubmitTime) ?? message.time(P.MessageDeliveryTime);
  if (date) lines.push(`Date: ${rfc5322Date(date)}`);
  const id = message.string(P.InternetMessageId);
  // eslint-disable-next-line no-control-regex
  if (id && /^<[^<>\s\x00-\x1f\x7f]+>$/.test(id.trim())) lines.push(`Message-ID: ${id.trim()}`);
  lines.push("MIME-Version: 1.0");
  return { text: lines.map((l) => l + eol).join(""), from: "properties", unreadable };
}

// eslint-disable-next-line no-control-regex
export const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * An address from a property, as it may go into a header field: a plain addr-spec (local@domain) without
 * white space, control characters, angle brackets, commas, semicolons, double quotes, parentheses, square
 * brackets, backslashes or a second "@".
 * Anything else — a line break followed by a Content-Type field is how a crafted plain item would pass for
 * a signed one — is left out and recorded as unreadable.
 */
export function checkedAddress(property: string, address: string, unreadable: string[]): string {
  const a = address.trim();
  if (!a) return "";
  // eslint-disable-next-line no-control-regex
  if (/^[^\s\x00-\x1f\x7f<>,;"()[\]\\@]+@[^\s\x00-\x1f\x7f<>,;"()[\]\\@]+$/.test(a)) return a;
  if (!unreadable.includes(property)) unreadable.push(property);
  return "";
}

export function mailboxText(name: string, address: string): string {
  const clean = name.replace(CONTROL, " ").replace(/\t/g, " ").trim();
  if (!clean || clean.toLowerCase() === address.toLowerCase()) return `<${address}>`;
  if (!/^[\x20-\x7e]*$/.test(clean)) return `${encodedWord(clean)} <${address}>`;
  if (!/[()<>[\]:;@\\,."]/.test(clean)) return `${clean} <${address}>`;
  return `"${clean.replace(/["\\]/g, "\\$&")}" <${address}>`;
}

export function headerText(s: string): string {
  const clean = s.replace(/[\r\n]+/g, " ").replace(CONTROL, " ");
  return /^[\x20-\x7e]*$/.test(clean) ? clean : encodedWord(clean);
}

/** RFC 2047 encoded word(s), UTF-8, base64 (split so that no character is cut). */
export function encodedWord(s: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const ch of s) {
    if (utf8(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${encodeBase64(utf8(w))}?=`).join(" ");
}

export const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export function rfc5322Date(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
