/**
 * The read pane's first Office call, made by the boot script (src/taskpane/boot.ts) as soon as Office.js is
 * ready: item.getAsFileAsync, the ladder's first rung (ladder.ts). Outlook then prepares the message while
 * the pane's entry (React, Fluent) is still being evaluated, instead of after it (issue #15: navigation →
 * verdict, BENCHMARKS.md). The ladder adopts the pending answer for the same item, once; it never calls
 * getAsFileAsync a second time for it. Two scripts with two webpack runtimes share nothing else, so the
 * hand-over is one global, as for the early worker (src/taskpane/earlyWorker.ts).
 *
 * The call is made only where the ladder would make it first: a read-mode item in a mailbox with
 * Mailbox 1.14. Anything else (compose, an older Outlook, no item) leaves the ladder to do as before.
 */
import {
  mailbox,
  mailboxSupports,
  officeGlobal,
  safe,
  type AsyncResultLike,
  type ItemLike,
} from "./officeGlobal";
import { describe } from "./async";

const KEY = "__smimeAssistantEarlyRead";

interface EarlyRead {
  /** Closed once the ladder has looked: a read started later would have no taker. */
  closed: boolean;
  item?: ItemLike;
  answer?: Promise<AsyncResultLike<string>>;
}

function store(): Record<string, unknown> {
  return globalThis as Record<string, unknown>;
}

/** True for an item in compose mode (its subject is an object with getAsync), as the ladder decides. */
export function isComposeItem(item: ItemLike): boolean {
  const subject = safe(() => item.subject);
  return (
    subject !== null &&
    typeof subject === "object" &&
    typeof (subject as { getAsync?: unknown }).getAsync === "function"
  );
}

/**
 * Starts the current item's getAsFileAsync once Office.js is ready, for the ladder to adopt. Never throws
 * nor rejects; resolves with Outlook's answer when the call was made (the boot script's first verdict,
 * src/taskpane/firstVerdict.ts, reads it too), else, once Office.js is ready, with undefined.
 */
export function startEarlyRead(): Promise<AsyncResultLike<string> | undefined> {
  try {
    const office = officeGlobal() as { onReady?: () => Promise<unknown> } | undefined;
    const onReady = safe(() => office?.onReady);
    if (typeof onReady !== "function") return Promise.resolve(undefined);
    const early: EarlyRead = { closed: false };
    store()[KEY] = early;
    return Promise.resolve(onReady.call(office))
      .then(() => {
        if (early.closed) return undefined;
        const item = safe(() => mailbox()?.item);
        if (!item || isComposeItem(item) || !mailboxSupports("1.14")) return undefined;
        const getAsFile = safe(() => item.getAsFileAsync);
        if (typeof getAsFile !== "function") return undefined;
        early.item = item;
        early.answer = new Promise<AsyncResultLike<string>>((resolve) => {
          try {
            getAsFile.call(item, resolve);
          } catch (e) {
            // as the ladder's own call would report it
            resolve({
              status: "failed",
              value: "",
              error: { message: `item.getAsFileAsync threw: ${describe(e)}` },
            });
          }
        });
        return early.answer;
      })
      .catch(() => {
        // the ladder reads the message itself
        return undefined;
      });
  } catch {
    // the ladder reads the message itself
    return Promise.resolve(undefined);
  }
}

/**
 * The answer of the early getAsFileAsync when it was made for this item, once; undefined otherwise (the
 * ladder then calls getAsFileAsync itself). Either way no early read is started after this.
 */
export function takeEarlyRead(item: ItemLike): Promise<AsyncResultLike<string>> | undefined {
  const g = store();
  const early = g[KEY] as EarlyRead | undefined;
  if (!early) return undefined;
  early.closed = true;
  delete g[KEY];
  return early.item === item ? early.answer : undefined;
}
