/**
 * The read-message ladder: get as much of the current message as this Outlook allows, best first.
 *
 *  1. "eml"              item.getAsFileAsync (Mailbox 1.14): the whole message, Base64 EML → bytes.
 *  2. "smime-attachment" Exchange keeps S/MIME mail as IPM.Note.SMIME(.MultipartSigned) with one attachment,
 *                        smime.p7m, holding the S/MIME data: item.getAttachmentContentAsync (1.8) → bytes.
 *  3. "headers"          item.getAllInternetHeadersAsync (1.8) + attachment list + body text → partial Diagnosis.
 *  4. "basic"            item.itemClass + attachment list (1.1) → partial Diagnosis.
 *
 * Each rung is guarded by Office.context.requirements.isSetSupported, each Office call has its own time
 * limit (15 s) and error handling; a failing rung adds a LadderNote and the next rung is tried.
 * readCurrentMessage() never throws and always resolves.
 *
 * Mailboxes on Exchange Server on premises (userProfile.accountType "enterprise") are capped at Mailbox 1.5
 * whatever the Outlook version: the notes say so instead of pointing to a newer Outlook. Items in shared
 * folders and shared mailboxes (getSharedPropertiesAsync, Mailbox 1.8 / 1.13) are read through the same
 * item methods; the owner is recorded. After the engine has run, secondLook() (secondLook.ts) handles
 * classic Outlook for Windows' rebuilt MIME.
 */
import { utf8 } from "../engine";
import { beforeLongDecode, decodeOfficeBase64 } from "./base64";
import { isComposeItem, takeEarlyRead } from "./earlyRead";
import { DEFAULT_TIMEOUT_MS, OfficeCallError, callOffice } from "./async";
import { isOnPremisesExchange, userAddress } from "./host";
import {
  COMPOSE_NOTE,
  NOT_IN_OUTLOOK_NOTE,
  NO_ITEM_NOTE,
  PARTIAL_NOTE,
  errorNote,
  notApplicableNote,
  sharedItemNote,
  unsupportedNote,
} from "./notes";
import {
  mailbox,
  mailboxSupports,
  officeGlobal,
  safe,
  type AttachmentLike,
  type EmailAddressLike,
  type ItemLike,
  type SharedPropertiesLike,
} from "./officeGlobal";
import {
  isSmimeAttachment,
  partialFromBasic,
  partialFromHeaders,
  type OfficeAttachmentInfo,
} from "./partial";
import { toMimeMessage } from "./rebuild";
import type { LadderNote, MessageSource } from "./types";

export interface ReadOptions {
  /** Time limit of each Office call (default 15 000 ms). */
  timeoutMs?: number;
}

export async function readCurrentMessage(options: ReadOptions = {}): Promise<MessageSource> {
  try {
    return await climb(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } catch (e) {
    // Unreachable in practice (every rung catches), but the pane must never be left without an answer.
    const note = errorNote("basic", e);
    return { rung: "basic", notes: [note], partial: partialFromBasic({ attachments: [] }) };
  }
}

async function climb(timeoutMs: number): Promise<MessageSource> {
  const mb = mailbox();
  if (!mb) return { rung: "basic", notes: [NOT_IN_OUTLOOK_NOTE], noItem: true };
  const me = userAddress();
  const item = safe(() => mb.item);
  if (!item) {
    const s: MessageSource = { rung: "basic", notes: [NO_ITEM_NOTE], noItem: true };
    if (me) s.userAddress = me;
    return s;
  }

  // the boot script's getAsFileAsync for this item, when it made one (taken now: none is made after this)
  const early = takeEarlyRead(item);
  const base: ItemBasics = describeItem(item);
  if (me) base.userAddress = me;
  if (isComposeItem(item)) return { ...base, rung: "basic", notes: [COMPOSE_NOTE], itemMode: "compose" };

  const notes: LadderNote[] = [];
  const attachments = attachmentsOf(item);
  const onPremises = isOnPremisesExchange();
  // An item in a shared folder or shared mailbox: every rung reads it the same way (the item's own
  // methods, no REST call on the owner's mailbox); a partial result says whose mailbox it is.
  const shared = await sharedProperties(item, timeoutMs);
  if (shared) {
    base.shared = shared;
    notes.push(sharedItemNote(shared.owner));
  }

  // 1. The whole message (asked for already by the boot script when it could: earlyRead.ts).
  const getAsFile = safe(() => item.getAsFileAsync);
  if (mailboxSupports("1.14") && typeof getAsFile === "function") {
    try {
      const b64 = await callOffice<string>(
        "item.getAsFileAsync",
        (cb) => (early ? void early.then(cb) : getAsFile.call(item, cb)),
        timeoutMs,
      );
      if (typeof b64 !== "string" || b64.length === 0) {
        throw new OfficeCallError("failed", "item.getAsFileAsync", "item.getAsFileAsync returned no data");
      }
      await beforeLongDecode(b64.length);
      const bytes = decodeOfficeBase64(b64);
      if (bytes.length === 0) {
        throw new OfficeCallError("failed", "item.getAsFileAsync", "item.getAsFileAsync returned no data");
      }
      return { ...base, rung: "eml", bytes, notes, itemMode: "read" };
    } catch (e) {
      notes.push(errorNote("eml", e));
    }
  } else {
    notes.push(unsupportedNote("eml", { onPremises }));
  }

  // 2. Exchange's smime.p7m.
  const smime = smimeAttachment(base.itemClass, attachments);
  if (!smime) {
    notes.push(notApplicableNote("smime-attachment", base.itemClass));
  } else if (mailboxSupports("1.8") && typeof safe(() => item.getAttachmentContentAsync) === "function") {
    try {
      const rebuilt = await readSmimeAttachment(item, base, smime.id, timeoutMs);
      const s: MessageSource = {
        ...base,
        rung: "smime-attachment",
        bytes: rebuilt.bytes,
        notes,
        itemMode: "read",
      };
      if (rebuilt.added.length) s.addedHeaders = rebuilt.added;
      return s;
    } catch (e) {
      notes.push(errorNote("smime-attachment", e));
    }
  } else {
    notes.push(unsupportedNote("smime-attachment", { onPremises }));
  }

  // 3. Internet headers + attachment list + body text.
  const getHeaders = safe(() => item.getAllInternetHeadersAsync);
  if (mailboxSupports("1.8") && typeof getHeaders === "function") {
    try {
      const headers = await callOffice<string>(
        "item.getAllInternetHeadersAsync",
        (cb) => getHeaders.call(item, cb),
        timeoutMs,
      );
      const bodyText = await readBodyText(item, timeoutMs);
      const input: Parameters<typeof partialFromHeaders>[0] = {
        headers: typeof headers === "string" ? headers : "",
        attachments,
      };
      if (bodyText !== undefined) input.bodyText = bodyText;
      if (base.itemClass) input.itemClass = base.itemClass;
      notes.push(PARTIAL_NOTE.headers);
      return { ...base, rung: "headers", partial: partialFromHeaders(input), notes, itemMode: "read" };
    } catch (e) {
      notes.push(errorNote("headers", e));
    }
  } else {
    notes.push(unsupportedNote("headers", { onPremises }));
  }

  // 4. Message class and attachment list.
  const input: Parameters<typeof partialFromBasic>[0] = { attachments };
  if (base.itemClass) input.itemClass = base.itemClass;
  notes.push(PARTIAL_NOTE.basic);
  return { ...base, rung: "basic", partial: partialFromBasic(input), notes, itemMode: "read" };
}

type ItemBasics = Pick<MessageSource, "subject" | "from" | "itemClass" | "userAddress" | "shared">;

/**
 * item.getSharedPropertiesAsync (Mailbox 1.8, with SupportsSharedFolders in the manifest): the owner of a
 * shared folder or shared mailbox. undefined for the user's own items (the method is absent, or fails)
 * and whenever anything goes wrong; never more than 3 s.
 */
async function sharedProperties(item: ItemLike, timeoutMs: number): Promise<{ owner?: string } | undefined> {
  const get = safe(() => item.getSharedPropertiesAsync);
  if (typeof get !== "function" || !mailboxSupports("1.8")) return undefined;
  try {
    const props = await callOffice<SharedPropertiesLike>(
      "item.getSharedPropertiesAsync",
      (cb) => get.call(item, cb),
      Math.min(timeoutMs, 3000),
    );
    if (!props || typeof props !== "object") return undefined;
    const owner = typeof props.owner === "string" && props.owner.trim() ? props.owner.trim() : undefined;
    return owner ? { owner } : {};
  } catch {
    return undefined;
  }
}

/**
 * Rung 2's read: the smime.p7m attachment's bytes made into a whole message (outer From / Sender / Subject
 * from the item, which Exchange keeps outside smime.p7m). Throws an OfficeCallError when Outlook fails.
 */
export async function readSmimeAttachment(
  item: ItemLike,
  base: Pick<MessageSource, "from" | "subject">,
  attachmentId: string,
  timeoutMs: number,
): Promise<{ bytes: Uint8Array; added: string[] }> {
  const getContent = safe(() => item.getAttachmentContentAsync);
  if (typeof getContent !== "function") {
    throw new OfficeCallError(
      "failed",
      "item.getAttachmentContentAsync",
      "item.getAttachmentContentAsync is not available",
    );
  }
  const content = await callOffice<{ content: string; format: string }>(
    "item.getAttachmentContentAsync",
    (cb) => getContent.call(item, attachmentId, cb),
    timeoutMs,
  );
  const raw = attachmentBytes(content);
  const outer: Parameters<typeof toMimeMessage>[1] = {};
  if (base.from) outer.from = base.from;
  const sender = addressOf(safe(() => item.sender));
  if (sender) outer.sender = sender;
  if (base.subject !== undefined) outer.subject = base.subject;
  const rebuilt = toMimeMessage(raw, outer);
  return { bytes: rebuilt.bytes, added: rebuilt.added };
}

export function describeItem(item: ItemLike): ItemBasics {
  const out: ItemBasics = {};
  const subject = safe(() => item.subject);
  if (typeof subject === "string") out.subject = subject;
  const from = addressOf(safe(() => item.from)) ?? addressOf(safe(() => item.sender));
  if (from) out.from = from;
  const itemClass = safe(() => item.itemClass);
  if (typeof itemClass === "string" && itemClass) out.itemClass = itemClass;
  return out;
}

function addressOf(v: unknown): { name: string; address: string } | undefined {
  if (!v || typeof v !== "object") return undefined;
  const e = v as EmailAddressLike;
  const address = typeof e.emailAddress === "string" ? e.emailAddress.trim() : "";
  if (!address) return undefined;
  return { name: typeof e.displayName === "string" ? e.displayName : "", address };
}

export function attachmentsOf(item: ItemLike): (OfficeAttachmentInfo & { id: string })[] {
  const list = safe(() => item.attachments);
  if (!Array.isArray(list)) return [];
  const out: (OfficeAttachmentInfo & { id: string })[] = [];
  for (const a of list as AttachmentLike[]) {
    if (!a || typeof a !== "object") continue;
    const info: OfficeAttachmentInfo & { id: string } = {
      id: typeof a.id === "string" ? a.id : "",
      name: typeof a.name === "string" ? a.name : "",
    };
    if (typeof a.contentType === "string") info.contentType = a.contentType;
    if (typeof a.size === "number") info.size = a.size;
    if (typeof a.attachmentType === "string") info.attachmentType = a.attachmentType;
    if (typeof a.isInline === "boolean") info.isInline = a.isInline;
    out.push(info);
  }
  return out;
}

/** The attachment that holds Exchange's S/MIME data, if this item is stored that way. */
export function smimeAttachment<T extends OfficeAttachmentInfo & { id: string }>(
  itemClass: string | undefined,
  attachments: T[],
): T | undefined {
  const smimeClass = /^ipm\.note\.(smime|secure)(\.|$)/i.test(itemClass ?? "");
  const named = attachments.find((a) => a.id && isSmimeAttachment(a));
  // An attachment merely named smime.p7m on an item whose class says it is no S/MIME item (IPM.Note) is an
  // attachment like any other: taking it for the message would let a forwarded signed entity stand in for
  // the unsigned text the user sees. Only when Outlook does not say the class is the name enough.
  const classKnown = (itemClass ?? "") !== "";
  if (named && (smimeClass || (!classKnown && (named.name ?? "").toLowerCase() === "smime.p7m")))
    return named;
  if (smimeClass && attachments.length === 1 && attachments[0]?.id) return attachments[0];
  return undefined;
}

function attachmentBytes(content: { content: string; format: string } | undefined): Uint8Array {
  const api = "item.getAttachmentContentAsync";
  if (!content || typeof content.content !== "string" || content.content.length === 0) {
    throw new OfficeCallError("failed", api, `${api} returned no data`);
  }
  const format = String(content.format ?? "").toLowerCase();
  if (format === "base64") {
    const bytes = decodeOfficeBase64(content.content);
    if (bytes.length === 0) throw new OfficeCallError("failed", api, `${api} returned no data`);
    return bytes;
  }
  if (format === "eml") return utf8(content.content);
  throw new OfficeCallError(
    "failed",
    api,
    `${api} returned the attachment as "${content.format}", not as data`,
  );
}

/** item.body.getAsync(Text) (Mailbox 1.3); undefined when unavailable or failing (the rung goes on without it). */
async function readBodyText(item: ItemLike, timeoutMs: number): Promise<string | undefined> {
  const body = safe(() => item.body);
  const getAsync = safe(() => body?.getAsync);
  if (!body || typeof getAsync !== "function" || !mailboxSupports("1.3")) return undefined;
  const text = safe(() => officeGlobal()?.CoercionType?.Text) ?? "text";
  try {
    const v = await callOffice<string>(
      "item.body.getAsync",
      (cb) => getAsync.call(body, String(text), cb),
      timeoutMs,
    );
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}
