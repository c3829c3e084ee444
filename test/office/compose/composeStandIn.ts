/**
 * A hand-made stand-in for Outlook's compose item, following the documented Office.js shapes:
 * item.to/cc/bcc are Office.Recipients with getAsync(callback) answering AsyncResult { status, value:
 * EmailAddressDetails[] , error }; item.addHandlerAsync(Office.EventType.RecipientsChanged, handler, cb)
 * (Mailbox 1.7) and removeHandlerAsync(eventType, cb); the handler gets { type, changedRecipientFields }.
 * Callbacks are asynchronous, as in Outlook. Each call can answer, fail, throw or never answer.
 */
import type { ComposeItemLike } from "../../../src/office/compose/recipients";

export interface Details {
  displayName: string;
  emailAddress: string;
  recipientType?: string;
}

export type Behaviour =
  | { kind: "ok" }
  | { kind: "fail"; code?: number; name?: string; message?: string }
  | { kind: "throw" }
  | { kind: "never" };

type Cb<T> = (r: {
  status: string;
  value: T;
  error?: { code?: number; name?: string; message?: string };
}) => void;

function answer<T>(b: Behaviour, value: T, cb: Cb<T>): void {
  if (b.kind === "throw") throw new Error("host exploded");
  if (b.kind === "never") return;
  setTimeout(() => {
    if (b.kind === "ok") cb({ status: "succeeded", value });
    else
      cb({
        status: "failed",
        value: undefined as unknown as T,
        error: {
          code: b.code ?? 9002,
          name: b.name ?? "InternalServerError",
          message: b.message ?? "An internal error occurred.",
        },
      });
  }, 0);
}

export class FakeRecipients {
  calls = 0;
  constructor(
    public list: Details[],
    public behaviour: Behaviour = { kind: "ok" },
  ) {}
  getAsync(cb: Cb<Details[]>): void {
    this.calls++;
    answer(
      this.behaviour,
      this.list.map((d) => ({ ...d })),
      cb,
    );
  }
}

export class FakeComposeItem {
  itemType = "message";
  to: FakeRecipients;
  cc: FakeRecipients;
  bcc: FakeRecipients;
  handlers = new Map<unknown, (args: unknown) => void>();
  addBehaviour: Behaviour = { kind: "ok" };
  removed: unknown[] = [];

  constructor(to: Details[] = [], cc: Details[] = [], bcc: Details[] = []) {
    this.to = new FakeRecipients(to);
    this.cc = new FakeRecipients(cc);
    this.bcc = new FakeRecipients(bcc);
  }

  addHandlerAsync(eventType: unknown, handler: (args: unknown) => void, cb?: Cb<void>): void {
    const b = this.addBehaviour;
    if (b.kind === "ok") this.handlers.set(eventType, handler);
    answer(b, undefined, cb ?? (() => undefined));
  }

  removeHandlerAsync(eventType: unknown, cb?: Cb<void>): void {
    this.handlers.delete(eventType);
    this.removed.push(eventType);
    answer({ kind: "ok" }, undefined, cb ?? (() => undefined));
  }

  /** What Outlook does when the user edits the recipients. */
  fireRecipientsChanged(fields: { to?: boolean; cc?: boolean; bcc?: boolean }): void {
    this.handlers.get("olkRecipientsChanged")?.({
      type: "olkRecipientsChanged",
      changedRecipientFields: {
        to: false,
        cc: false,
        bcc: false,
        optionalAttendees: false,
        requiredAttendees: false,
        resources: false,
        ...fields,
      },
    });
  }
}

/** The Office global around an item: Mailbox requirement set up to `mailbox` ("1.1" … "1.14"). */
export function fakeOffice(item: unknown, mailbox = "1.14", roaming?: Map<string, unknown>) {
  const cmp = (a: string, b: string): number => {
    const [a1 = 0, a2 = 0] = a.split(".").map(Number);
    const [b1 = 0, b2 = 0] = b.split(".").map(Number);
    return a1 - b1 || a2 - b2;
  };
  return {
    context: {
      mailbox: {
        item: item as ComposeItemLike | null,
        userProfile: { emailAddress: "taro@example.jp", displayName: "Taro" },
      },
      requirements: {
        isSetSupported: (name: string, v?: string) => name === "Mailbox" && cmp(mailbox, v ?? "1.1") >= 0,
      },
      ...(roaming
        ? {
            roamingSettings: {
              get: (n: string) => roaming.get(n),
              set: (n: string, v: unknown) => roaming.set(n, v),
              remove: (n: string) => roaming.delete(n),
              saveAsync: (cb?: Cb<void>) => answer({ kind: "ok" }, undefined, cb ?? (() => undefined)),
            },
          }
        : {}),
    },
    EventType: { RecipientsChanged: "olkRecipientsChanged", ItemChanged: "olkItemSelectedChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
}
