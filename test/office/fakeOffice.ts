/**
 * A hand-written stand-in for the parts of Office.js the add-in uses, following the documented shapes:
 * AsyncResult { status: "succeeded" | "failed", value, error: { code, name, message } }, callbacks
 * invoked asynchronously, requirement sets compared by version, enums with their Office.js string values.
 * Each async method's behaviour is scripted: answer with a value, fail with an error, throw, or never answer.
 */

export type Behaviour<T> =
  | { kind: "ok"; value: T }
  | { kind: "fail"; code?: number; name?: string; message?: string }
  | { kind: "throw"; error?: unknown }
  | { kind: "never" };

export const ok = <T>(value: T): Behaviour<T> => ({ kind: "ok", value });
export const fail = (
  code = 9002,
  name = "InternalServerError",
  message = "An internal error occurred.",
): Behaviour<never> => ({
  kind: "fail",
  code,
  name,
  message,
});
export const throws = (error: unknown = new Error("host exploded")): Behaviour<never> => ({
  kind: "throw",
  error,
});
export const never: Behaviour<never> = { kind: "never" };

export interface FakeAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  attachmentType: "file" | "item" | "cloud";
  isInline: boolean;
}

export interface FakeItemOptions {
  itemClass?: string;
  subject?: string | { getAsync: () => void };
  from?: { displayName: string; emailAddress: string };
  sender?: { displayName: string; emailAddress: string };
  attachments?: FakeAttachment[];
  getAsFile?: Behaviour<string>;
  attachmentContent?: Behaviour<{ content: string; format: string }>;
  headers?: Behaviour<string>;
  body?: Behaviour<string>;
  /** item.getSharedPropertiesAsync (Mailbox 1.8, items in shared folders/mailboxes); absent when undefined. */
  sharedProperties?: Behaviour<{
    owner?: string;
    targetMailbox?: string;
    targetRestUrl?: string;
    delegatePermissions?: number;
  }>;
}

export interface FakeOfficeOptions {
  /** Highest Mailbox requirement set supported, e.g. "1.14"; "none" when isSetSupported is absent. */
  mailbox?: string;
  item?: FakeItemOptions | null;
  hostName?: string;
  hostVersion?: string;
  platform?: string;
  version?: string;
  displayLanguage?: string;
  userEmail?: string;
  /** userProfile.accountType (Mailbox 1.6): "enterprise" (on premises), "office365", "outlookCom", "gmail". */
  accountType?: string;
  /** Give Office.context.diagnostics (Mailbox 1.5+) — default true. */
  contextDiagnostics?: boolean;
  addHandler?: Behaviour<void>;
  saveSettings?: Behaviour<void>;
}

export interface Calls {
  getAsFile: number;
  attachmentContent: string[];
  headers: number;
  body: string[];
  addHandler: unknown[];
  save: number;
  shared: number;
}

function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function run<T>(b: Behaviour<T> | undefined, cb: ((r: unknown) => void) | undefined): void {
  const behaviour = b ?? fail(5001, "GenericResponseError", "not scripted");
  if (behaviour.kind === "throw") throw behaviour.error;
  if (behaviour.kind === "never") return;
  const result =
    behaviour.kind === "ok"
      ? { status: "succeeded", value: behaviour.value, error: undefined }
      : {
          status: "failed",
          value: undefined,
          error: { code: behaviour.code, name: behaviour.name, message: behaviour.message },
        };
  // Office invokes callbacks asynchronously.
  setTimeout(() => cb?.(result), 0);
}

export interface FakeOffice {
  office: Record<string, unknown>;
  calls: Calls;
  handlers: ((args: unknown) => void)[];
  settings: Map<string, unknown>;
  setItem(item: FakeItemOptions | null): void;
}

export function installOffice(opts: FakeOfficeOptions = {}): FakeOffice {
  const calls: Calls = {
    getAsFile: 0,
    attachmentContent: [],
    headers: 0,
    body: [],
    addHandler: [],
    save: 0,
    shared: 0,
  };
  const handlers: ((args: unknown) => void)[] = [];
  const settings = new Map<string, unknown>();

  const makeItem = (o: FakeItemOptions | null | undefined) => {
    if (o === null || o === undefined) return null;
    const shared =
      o.sharedProperties === undefined
        ? {}
        : {
            getSharedPropertiesAsync(cb: (r: unknown) => void) {
              calls.shared++;
              run(o.sharedProperties, cb);
            },
          };
    return {
      ...shared,
      itemType: "message",
      itemClass: o.itemClass ?? "IPM.Note",
      subject: o.subject ?? "Test subject",
      from: o.from ?? { displayName: "Alice Example", emailAddress: "alice@example.jp" },
      sender: o.sender ?? o.from ?? { displayName: "Alice Example", emailAddress: "alice@example.jp" },
      attachments: o.attachments ?? [],
      body: {
        getAsync(coercionType: string, cb: (r: unknown) => void) {
          calls.body.push(coercionType);
          run(o.body, cb);
        },
      },
      getAsFileAsync(cb: (r: unknown) => void) {
        calls.getAsFile++;
        run(o.getAsFile, cb);
      },
      getAttachmentContentAsync(id: string, cb: (r: unknown) => void) {
        calls.attachmentContent.push(id);
        run(o.attachmentContent, cb);
      },
      getAllInternetHeadersAsync(cb: (r: unknown) => void) {
        calls.headers++;
        run(o.headers, cb);
      },
    };
  };

  const mailboxObj: Record<string, unknown> = {
    item: makeItem(opts.item === undefined ? {} : opts.item),
    userProfile: {
      emailAddress: opts.userEmail ?? "bob@example.jp",
      displayName: "Bob Example",
      ...(opts.accountType ? { accountType: opts.accountType } : {}),
    },
    diagnostics: {
      hostName: opts.hostName ?? "Outlook",
      hostVersion: opts.hostVersion ?? "16.0.17328.20000",
    },
    addHandlerAsync(eventType: unknown, handler: (args: unknown) => void, cb?: (r: unknown) => void) {
      calls.addHandler.push(eventType);
      if ((opts.addHandler ?? ok(undefined)).kind === "ok") handlers.push(handler);
      run(opts.addHandler ?? ok(undefined), cb);
    },
    removeHandlerAsync(_eventType: unknown, cb?: (r: unknown) => void) {
      handlers.length = 0;
      run(ok(undefined), cb);
    },
  };

  const max = opts.mailbox ?? "1.14";
  const requirements =
    max === "none"
      ? {}
      : {
          isSetSupported(name: string, version?: string) {
            return name.toLowerCase() === "mailbox" && compare(version ?? "1.0", max) <= 0;
          },
        };

  const context: Record<string, unknown> = {
    mailbox: mailboxObj,
    displayLanguage: opts.displayLanguage ?? "en-US",
    requirements,
    roamingSettings: {
      get: (k: string) => settings.get(k),
      set: (k: string, v: unknown) => void settings.set(k, v),
      remove: (k: string) => void settings.delete(k),
      saveAsync(cb?: (r: unknown) => void) {
        calls.save++;
        run(opts.saveSettings ?? ok(undefined), cb);
      },
    },
  };
  if (opts.contextDiagnostics !== false) {
    context["diagnostics"] = {
      host: "Outlook",
      platform: opts.platform ?? "PC",
      version: opts.version ?? "16.0.17328.20000",
    };
  }
  if (opts.platform !== undefined) context["platform"] = opts.platform;

  const office: Record<string, unknown> = {
    context,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: {
      AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
    },
  };
  (globalThis as { Office?: unknown }).Office = office;
  return {
    office,
    calls,
    handlers,
    settings,
    setItem(item) {
      mailboxObj["item"] = makeItem(item);
    },
  };
}

export function uninstallOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}

export function attachment(
  name: string,
  contentType: string,
  id = `AAMk-${name}`,
  size = 1234,
): FakeAttachment {
  return { id, name, contentType, size, attachmentType: "file", isInline: false };
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes).toString("base64");
}
