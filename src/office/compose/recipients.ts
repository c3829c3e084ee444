/**
 * Compose mode: the recipients of the message being written, read through Office.js.
 *
 * - item.to / item.cc / item.bcc are Office.Recipients objects in compose mode; getAsync (Mailbox 1.1)
 *   answers with EmailAddressDetails[] ({ displayName, emailAddress, recipientType, ... }).
 * - item.addHandlerAsync(Office.EventType.RecipientsChanged, handler, callback) (Mailbox 1.7) tells when
 *   the user edits them; the handler gets { changedRecipientFields: { to, cc, bcc, ... } }.
 *
 * Office.js can neither read nor set S/MIME signing or encryption of the message being composed: nothing
 * here pretends it can. Every function takes the Office objects as parameters (testable with a stand-in)
 * and never throws: failures come back as values.
 */
import { callOffice, describe, DEFAULT_TIMEOUT_MS } from "../async";
import type { Callback, EmailAddressLike } from "../officeGlobal";

export type RecipientField = "to" | "cc" | "bcc";
export const RECIPIENT_FIELDS: readonly RecipientField[] = ["to", "cc", "bcc"];

export interface ComposeRecipient {
  field: RecipientField;
  /** As Outlook shows it; "" when none. */
  displayName: string;
  /** Trimmed as given (case kept for display); "" when Outlook has no address (an unresolved name). */
  emailAddress: string;
  /** Office's recipientType when given: "user" | "externalUser" | "distributionList" | "other". */
  recipientType?: string;
}

export interface RecipientFailure {
  field: RecipientField;
  /** "missing": the field has no getAsync (not compose mode); "failed" / "threw" / "timeout" from Office. */
  kind: "missing" | "failed" | "threw" | "timeout";
  message: string;
}

export interface RecipientRead {
  recipients: ComposeRecipient[];
  failures: RecipientFailure[];
}

/** Office.Recipients (compose) as documented: getAsync(callback) or getAsync(options, callback). */
export interface RecipientsLike {
  getAsync(callback: Callback<EmailAddressLike[]>): void;
}

/** The parts of Office.context.mailbox.item (compose) this module uses. */
export interface ComposeItemLike {
  itemType?: unknown;
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  addHandlerAsync?: (eventType: unknown, handler: (args: unknown) => void, callback?: Callback<void>) => void;
  removeHandlerAsync?: (eventType: unknown, callback?: Callback<void>) => void;
}

/** The parts of the Office global this module uses. */
export interface ComposeOfficeLike {
  context?: {
    mailbox?: {
      item?: ComposeItemLike | null;
      userProfile?: { emailAddress?: string; displayName?: string };
    } | null;
    requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean };
  };
  EventType?: { RecipientsChanged?: unknown };
}

/** Office.EventType.RecipientsChanged's value in Office.js. */
export const RECIPIENTS_CHANGED = "olkRecipientsChanged";
/** At most this many recipients are taken from one field (a huge distribution list stays bounded). */
export const MAX_PER_FIELD = 500;

function safe<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function recipientsOf(
  item: ComposeItemLike | null | undefined,
  field: RecipientField,
): RecipientsLike | undefined {
  const r = safe(() => item?.[field]);
  if (r === null || typeof r !== "object") return undefined;
  const get = safe(() => (r as { getAsync?: unknown }).getAsync);
  return typeof get === "function" ? (r as RecipientsLike) : undefined;
}

/**
 * True when the item is a message being composed: its To field is an Office.Recipients object with getAsync
 * (in read mode item.to is a plain array). An appointment (itemType "appointment") is not a message.
 */
export function isComposeItem(item: unknown): boolean {
  if (item === null || typeof item !== "object") return false;
  const it = item as ComposeItemLike;
  const type = safe(() => it.itemType);
  if (typeof type === "string" && type.toLowerCase() !== "message") return false;
  return recipientsOf(it, "to") !== undefined;
}

/** True when the page was opened for compose mode: taskpane.html?mode=compose. */
export function composeModeFromUrl(search: string | undefined): boolean {
  if (!search) return false;
  try {
    return new URLSearchParams(search).get("mode")?.toLowerCase() === "compose";
  } catch {
    return false;
  }
}

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

/** EmailAddressDetails[] (as Office gives it, defensively) → ComposeRecipient[]. */
export function normalizeRecipients(field: RecipientField, value: unknown): ComposeRecipient[] {
  if (!Array.isArray(value)) return [];
  const out: ComposeRecipient[] = [];
  for (const v of value.slice(0, MAX_PER_FIELD) as unknown[]) {
    if (v === null || typeof v !== "object") continue;
    const o = v as Record<string, unknown>;
    const displayName = text(safe(() => o.displayName));
    const emailAddress = text(safe(() => o.emailAddress));
    if (!displayName && !emailAddress) continue;
    const r: ComposeRecipient = { field, displayName, emailAddress };
    const type = text(safe(() => o.recipientType));
    if (type) r.recipientType = type;
    out.push(r);
  }
  return out;
}

/** Reads one field. Never throws. */
export async function readRecipientField(
  item: ComposeItemLike | null | undefined,
  field: RecipientField,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<{ recipients: ComposeRecipient[]; failure?: RecipientFailure }> {
  const r = recipientsOf(item, field);
  if (!r) {
    return {
      recipients: [],
      failure: { field, kind: "missing", message: `item.${field}.getAsync is not available` },
    };
  }
  try {
    const value = await callOffice<EmailAddressLike[]>(
      `item.${field}.getAsync`,
      (cb) => r.getAsync(cb),
      timeoutMs,
    );
    return { recipients: normalizeRecipients(field, value) };
  } catch (e) {
    const kind = (e as { kind?: unknown }).kind;
    return {
      recipients: [],
      failure: {
        field,
        kind: kind === "failed" || kind === "timeout" || kind === "threw" ? kind : "threw",
        message: describe(e),
      },
    };
  }
}

/**
 * Reads To, Cc and Bcc (Mailbox 1.1), each on its own: one failing field does not hide the others.
 * Never throws.
 */
export async function readRecipients(
  item: ComposeItemLike | null | undefined,
  opts: { timeoutMs?: number } = {},
): Promise<RecipientRead> {
  const results = await Promise.all(
    RECIPIENT_FIELDS.map((f) => readRecipientField(item, f, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
  );
  const out: RecipientRead = { recipients: [], failures: [] };
  for (const r of results) {
    out.recipients.push(...r.recipients);
    if (r.failure) out.failures.push(r.failure);
  }
  return out;
}

export interface RecipientWatch {
  /** "watching": the handler is registered; "unsupported": Mailbox 1.7 is missing; "failed": Office refused. */
  status: "watching" | "unsupported" | "failed";
  reason?: string;
  /** Removes the handler (when one was registered). Never throws. */
  stop(): Promise<void>;
}

/** Which fields changed, from the RecipientsChanged event's changedRecipientFields (all when unknown). */
export function changedFields(args: unknown): RecipientField[] {
  const c = safe(() => (args as { changedRecipientFields?: unknown } | null)?.changedRecipientFields);
  if (c === null || typeof c !== "object") return [...RECIPIENT_FIELDS];
  const rec = c as Record<string, unknown>;
  return RECIPIENT_FIELDS.filter((f) => rec[f] === true);
}

/**
 * Calls onChange(fields) whenever the user edits the recipients: item.addHandlerAsync(RecipientsChanged),
 * only when Office.context.requirements.isSetSupported("Mailbox", "1.7"). Never throws; an exception in
 * onChange is caught.
 */
export async function watchRecipients(
  office: ComposeOfficeLike | undefined,
  item: ComposeItemLike | null | undefined,
  onChange: (fields: RecipientField[]) => void,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<RecipientWatch> {
  const noop = async (): Promise<void> => {};
  const supported =
    safe(() => office?.context?.requirements?.isSetSupported?.("Mailbox", "1.7") === true) ?? false;
  const add = safe(() => item?.addHandlerAsync);
  if (!item || !supported || typeof add !== "function") {
    return {
      status: "unsupported",
      reason: supported ? "item.addHandlerAsync is not available" : "Mailbox 1.7 is not supported",
      stop: noop,
    };
  }
  const eventType = safe(() => office?.EventType?.RecipientsChanged) ?? RECIPIENTS_CHANGED;
  let active = true;
  const handler = (args: unknown): void => {
    if (!active) return;
    try {
      onChange(changedFields(args));
    } catch {
      // a failing listener must not break Outlook's event dispatch
    }
  };
  try {
    await callOffice<void>("item.addHandlerAsync", (cb) => add.call(item, eventType, handler, cb), timeoutMs);
  } catch (e) {
    active = false;
    return { status: "failed", reason: describe(e), stop: noop };
  }
  return {
    status: "watching",
    stop: async () => {
      active = false;
      const remove = safe(() => item.removeHandlerAsync);
      if (typeof remove !== "function") return;
      try {
        await callOffice<void>(
          "item.removeHandlerAsync",
          (cb) => remove.call(item, eventType, cb),
          timeoutMs,
        );
      } catch {
        // the handler is inert already (active = false)
      }
    },
  };
}

/** What the compose pane needs: read the recipients now, and hear about changes. */
export interface RecipientSource {
  read(): Promise<RecipientRead>;
  watch(onChange: (fields: RecipientField[]) => void): Promise<RecipientWatch>;
}

/** A RecipientSource over the given Office global (or undefined when Office is absent or not composing). */
export function recipientSourceFor(office: ComposeOfficeLike | undefined): RecipientSource | undefined {
  const item = safe(() => office?.context?.mailbox?.item);
  if (!item || !isComposeItem(item)) return undefined;
  return {
    read: () => readRecipients(item),
    watch: (onChange) => watchRecipients(office, item, onChange),
  };
}
