/**
 * Mailing lists (RFC 2919 List-Id, RFC 2369 List-Post) and the Reply-To check.
 *
 * A list relays a member's message: it usually adds `Sender: <list>-bounces@<list domain>` (which is not the
 * author, so it must not count as a forged sender), and often adds a footer or rewrites the subject, which
 * breaks or narrows the author's signature.
 *
 * The list's own domain(s): the List-Id's namespace — the list-id without its first label (RFC 2919:
 * list-id = list-label "." list-id-namespace; `<users.lists.example.org>` → `lists.example.org`) — and
 * the domain of the List-Post `mailto:` address, each more than a bare public suffix (two labels at least,
 * three under the common two-level ccTLD suffixes such as `co.jp`, `ac.uk`).
 *
 * Anyone can write a List-Id, so what it exempts is kept narrow (security review: a forged
 * `List-Id: <x.evil.example>` used to exempt every address at evil.example and its parent and child
 * domains, Reply-To included):
 *  - a Sender is the list's own when it is the List-Post address or its domain equals a list domain
 *    exactly (no parent or child domains); the MAILING_LIST finding then names it (detail.sender,
 *    detail.senderAcceptedAsList), so the exemption stays visible;
 *  - a Reply-To is exempt only when it is exactly the List-Post address.
 *
 * Header values are read with index scans, no regular expressions over message text, and capped in length.
 */
import { report } from "../findings";
import { decodeEncodedWords, headerValue, headerValues, parseMailboxes } from "../mime/index";
import type { MimePart } from "../mime/types";
import type { Finding } from "../types";

/** Header values longer than this are cut before they are read (RFC 5322 lines are at most 998). */
const MAX_HEADER = 2048;

export interface MailingList {
  /** The list-id, lower-cased (e.g. "users.lists.example.org"). */
  id: string;
  /** The List-Id's phrase (display name), decoded, when it has one. */
  name?: string;
  /** The List-Post address, lower-cased, when there is one. */
  address?: string;
  /** The list's own domains (List-Id namespace, List-Post domain), de-duplicated. */
  domains: string[];
}

/** Second-level labels that, under a two-letter country code, form a public suffix (co.jp, ac.uk…). */
const SECOND_LEVEL = new Set([
  "ac",
  "ad",
  "co",
  "com",
  "ed",
  "edu",
  "go",
  "gov",
  "gr",
  "lg",
  "ne",
  "net",
  "or",
  "org",
]);

function enoughOfADomain(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) return false;
  if (labels.length === 2) {
    const [second, tld] = labels as [string, string];
    if (tld.length === 2 && SECOND_LEVEL.has(second)) return false;
  }
  return true;
}

function isDomainText(s: string): boolean {
  if (s.length === 0 || s.length > 255) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/** The list-id inside the angle brackets (or the bare value), and the phrase before it. */
function parseListId(raw: string): { id: string; name?: string } | undefined {
  const v = raw.slice(0, MAX_HEADER);
  const open = v.lastIndexOf("<");
  const close = open >= 0 ? v.indexOf(">", open) : -1;
  const id = (open >= 0 && close > open ? v.slice(open + 1, close) : v).trim().toLowerCase();
  if (!isDomainText(id) || !id.includes(".")) return undefined;
  const phrase = open > 0 ? decodeEncodedWords(v.slice(0, open)).trim() : "";
  const name =
    phrase.length >= 2 && phrase.startsWith('"') && phrase.endsWith('"') ? phrase.slice(1, -1) : phrase;
  return name ? { id, name } : { id };
}

/** The first `<mailto:…>` address of a List-Post value (RFC 2369), without its `?query`. */
function parseListPost(raw: string): string | undefined {
  const v = raw.slice(0, MAX_HEADER);
  const start = v.toLowerCase().indexOf("<mailto:");
  if (start < 0) return undefined;
  const end = v.indexOf(">", start);
  if (end < 0) return undefined;
  let addr = v.slice(start + 8, end).trim();
  const q = addr.indexOf("?");
  if (q >= 0) addr = addr.slice(0, q);
  addr = addr.toLowerCase();
  const at = addr.lastIndexOf("@");
  if (at <= 0 || !isDomainText(addr.slice(at + 1))) return undefined;
  return addr;
}

/** The mailing list that relayed the message (its List-Id), or undefined. */
export function mailingListOf(root: MimePart): MailingList | undefined {
  const rawId = headerValue(root, "list-id");
  if (rawId === undefined) return undefined;
  const parsed = parseListId(rawId);
  if (!parsed) return undefined;
  const rawPost = headerValue(root, "list-post");
  const address = rawPost !== undefined ? parseListPost(rawPost) : undefined;
  const domains: string[] = [];
  const namespace = parsed.id.slice(parsed.id.indexOf(".") + 1);
  if (enoughOfADomain(namespace)) domains.push(namespace);
  if (address) {
    const d = domainOf(address);
    if (enoughOfADomain(d) && !domains.includes(d)) domains.push(d);
  }
  const list: MailingList = { id: parsed.id, domains };
  if (parsed.name) list.name = parsed.name;
  if (address) list.address = address;
  return list;
}

/**
 * Whether `address` is the list's own (a Sender that does not count as a different sender): its List-Post
 * address, or an address whose domain is exactly one of the list's domains.
 */
export function isListAddress(list: MailingList | undefined, address: string): boolean {
  if (!list) return false;
  const a = address.trim().toLowerCase();
  if (isListPostAddress(list, a)) return true;
  const d = domainOf(a);
  return d !== "" && list.domains.includes(d);
}

/** Whether `address` is exactly the list's List-Post address (the only Reply-To a list exempts). */
export function isListPostAddress(list: MailingList | undefined, address: string): boolean {
  return list?.address !== undefined && address.trim().toLowerCase() === list.address;
}

/**
 * MAILING_LIST (info): the list's id and address; the Sender when it is the list's own; and, when the
 * signature failed or covers only part of the message, that lists often add footers or rewrite messages.
 */
export function mailingListFinding(root: MimePart, list: MailingList, signatureAffected: boolean): Finding {
  const senders = headerValues(root, "sender")
    .flatMap((v) => parseMailboxes(v.slice(0, MAX_HEADER)))
    .map((m) => m.address)
    .filter((a) => a !== "");
  const listSender = senders.find((a) => isListAddress(list, a));
  return report("MAILING_LIST", {
    listId: list.id,
    domains: list.domains,
    signatureAffected,
    ...(list.name ? { name: list.name } : {}),
    ...(list.address ? { address: list.address } : {}),
    ...(listSender ? { sender: listSender, senderAcceptedAsList: true as const } : {}),
  });
}

/**
 * REPLY_TO_MISMATCH (warning): the Reply-To names an address the signer certificate does not name, so that
 * replies would go to someone other than the signer. The list's List-Post address is exempt (lists often
 * set Reply-To to themselves); no other address is, whatever its domain.
 */
export function checkReplyTo(
  root: MimePart,
  signerEmails: string[],
  list: MailingList | undefined,
): Finding | undefined {
  const values = headerValues(root, "reply-to");
  if (values.length === 0) return undefined;
  const certEmails = [...new Set(signerEmails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ""))];
  const replyTo = values
    .flatMap((v) => parseMailboxes(v.slice(0, MAX_HEADER)))
    .map((m) => m.address.trim().toLowerCase())
    .filter((a) => a !== "");
  const other = replyTo.find((a) => !certEmails.includes(a) && !isListPostAddress(list, a));
  if (other === undefined) return undefined;
  return report("REPLY_TO_MISMATCH", {
    replyTo: other,
    signerEmails: certEmails,
    ...(replyTo.length > 1 ? { replyToAddresses: replyTo.slice(0, 20) } : {}),
  });
}
