/**
 * Item changes while the pane is pinned: Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged)
 * (Mailbox 1.5). When the user deselects every message (or the pinned pane outlives its item), the event
 * still fires and Office.context.mailbox.item is null: the callback then gets hasItem = false.
 */
import { DEFAULT_TIMEOUT_MS, callOffice } from "./async";
import { mailbox, mailboxSupports, officeGlobal, safe } from "./officeGlobal";

/** Office.EventType.ItemChanged's value in Office.js. */
const ITEM_CHANGED = "olkItemSelectedChanged";

/**
 * Calls cb(hasItem) whenever the selected item changes. Resolves true when the handler was registered,
 * false when this Outlook cannot (Mailbox 1.5 missing, not in Outlook, or the registration failed).
 * Never throws; an exception in cb is caught.
 */
export async function onItemChanged(cb: (hasItem: boolean) => void): Promise<boolean> {
  const mb = mailbox();
  const add = safe(() => mb?.addHandlerAsync);
  if (!mb || typeof add !== "function" || !mailboxSupports("1.5")) return false;
  const eventType = safe(() => officeGlobal()?.EventType?.ItemChanged) ?? ITEM_CHANGED;
  const handler = () => {
    const hasItem = safe(() => mb.item) != null;
    try {
      cb(hasItem);
    } catch (e) {
      console.error("S/MIME Assistant: item-changed handler failed", e);
    }
  };
  try {
    await callOffice<void>(
      "mailbox.addHandlerAsync",
      (done) => add.call(mb, eventType, handler, done),
      DEFAULT_TIMEOUT_MS,
    );
    return true;
  } catch (e) {
    console.warn("S/MIME Assistant: cannot follow the selected item", e);
    return false;
  }
}

/** Removes the item-changed handlers (Mailbox 1.5). Resolves false when that is not possible. */
export async function offItemChanged(): Promise<boolean> {
  const mb = mailbox();
  const remove = safe(() => mb?.removeHandlerAsync);
  if (!mb || typeof remove !== "function" || !mailboxSupports("1.5")) return false;
  const eventType = safe(() => officeGlobal()?.EventType?.ItemChanged) ?? ITEM_CHANGED;
  try {
    await callOffice<void>(
      "mailbox.removeHandlerAsync",
      (done) => remove.call(mb, eventType, done),
      DEFAULT_TIMEOUT_MS,
    );
    return true;
  } catch {
    return false;
  }
}
