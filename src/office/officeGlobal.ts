/**
 * The one place that reaches for the Office.js global. Everything is typed structurally (only what we
 * use, as documented for Outlook) and read defensively: a property getter of a host object may throw,
 * a requirement-set check may be missing, Office may not be loaded at all (standalone page, tests).
 */

/** Office.AsyncResult as documented: status "succeeded" | "failed", value, error { code, name, message }. */
export interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { code?: number | string; name?: string; message?: string } | null;
}

export type Callback<T> = (result: AsyncResultLike<T>) => void;

export interface AttachmentLike {
  id: string;
  name: string;
  contentType?: string;
  size?: number;
  /** "file" | "item" | "cloud" */
  attachmentType?: string;
  isInline?: boolean;
}

export interface EmailAddressLike {
  displayName?: string;
  emailAddress?: string;
}

/** The fields of Office.context.mailbox.item we use (read mode; compose mode exposes getAsync objects). */
export interface ItemLike {
  itemClass?: string;
  itemType?: string;
  subject?: unknown;
  from?: unknown;
  sender?: unknown;
  attachments?: AttachmentLike[];
  dateTimeCreated?: unknown;
  internetMessageId?: string;
  body?: { getAsync?: (coercionType: string, callback: Callback<string>) => void };
  getAsFileAsync?: (callback: Callback<string>) => void;
  getAttachmentContentAsync?: (
    attachmentId: string,
    callback: Callback<{ content: string; format: string }>,
  ) => void;
  getAllInternetHeadersAsync?: (callback: Callback<string>) => void;
  /** Mailbox 1.8, items in shared folders and shared mailboxes (manifest: SupportsSharedFolders). */
  getSharedPropertiesAsync?: (callback: Callback<SharedPropertiesLike>) => void;
}

/** Office.SharedProperties as documented: the owner's address, the REST URL, the delegate's permissions. */
export interface SharedPropertiesLike {
  owner?: string;
  targetMailbox?: string;
  targetRestUrl?: string;
  delegatePermissions?: number;
}

export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: Callback<void>): void;
}

export interface MailboxLike {
  item?: ItemLike | null;
  /** accountType (Mailbox 1.6): "enterprise" (Exchange Server on premises), "office365", "outlookCom", "gmail". */
  userProfile?: { emailAddress?: string; displayName?: string; accountType?: string };
  diagnostics?: { hostName?: string; hostVersion?: string; OWAView?: string };
  addHandlerAsync?: (eventType: unknown, handler: (args: unknown) => void, callback?: Callback<void>) => void;
  removeHandlerAsync?: (eventType: unknown, callback?: Callback<void>) => void;
}

export interface OfficeLike {
  context?: {
    mailbox?: MailboxLike;
    diagnostics?: { host?: string; platform?: string; version?: string };
    platform?: string;
    displayLanguage?: string;
    requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean };
    roamingSettings?: RoamingSettingsLike;
  };
  AsyncResultStatus?: { Succeeded?: unknown; Failed?: unknown };
  EventType?: { ItemChanged?: unknown; DragAndDropEvent?: unknown };
  CoercionType?: { Text?: unknown };
  MailboxEnums?: { AttachmentContentFormat?: Record<string, string> };
}

/** The Office global when Office.js is loaded, else undefined. Never throws. */
export function officeGlobal(): OfficeLike | undefined {
  try {
    const o = (globalThis as { Office?: unknown }).Office;
    return o !== null && typeof o === "object" ? (o as OfficeLike) : undefined;
  } catch {
    return undefined;
  }
}

export function mailbox(): MailboxLike | undefined {
  return safe(() => officeGlobal()?.context?.mailbox);
}

/** Office.context.requirements.isSetSupported("Mailbox", version), false when unavailable or throwing. */
export function mailboxSupports(version: string): boolean {
  return (
    safe(() => officeGlobal()?.context?.requirements?.isSetSupported?.("Mailbox", version) === true) ?? false
  );
}

/** Evaluates a getter of a host object; undefined when it throws. */
export function safe<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export function isSucceeded(result: AsyncResultLike<unknown> | undefined | null): boolean {
  if (!result) return false;
  const s = result.status;
  const ok = safe(() => officeGlobal()?.AsyncResultStatus?.Succeeded);
  if (ok !== undefined && s === ok) return true;
  return typeof s === "string" && s.toLowerCase() === "succeeded";
}
