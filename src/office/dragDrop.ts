/**
 * Messages dragged into the pane: Office.context.mailbox.addHandlerAsync(Office.EventType.DragAndDropEvent)
 * (Mailbox 1.5; raised by Outlook on the web and new Outlook on Windows — classic Outlook on Windows and
 * Outlook on Mac refuse the registration, and the pane then simply does without). Each event carries
 * `dragAndDropEventData`: `{ type: "dragover", pageX, pageY, taskPaneX, taskPaneY }` while something is
 * dragged over the pane, `{ type: "drop", dataTransfer: { files: [{ name, type, fileContent: Blob }] }, … }`
 * when it is dropped. A message dragged from the message list arrives as an .eml; a file attachment
 * (an .eml, an Outlook .msg, an smime.p7m…) as itself.
 */
import { DEFAULT_TIMEOUT_MS, callOffice } from "./async";
import { mailbox, mailboxSupports, officeGlobal, safe } from "./officeGlobal";

/** Office.EventType.DragAndDropEvent's value in Office.js. */
const DRAG_AND_DROP = "olkDragAndDropEvent";

/** Largest dropped file that is read (the standalone page's limit). */
export const MAX_DROPPED_FILE = 200 * 1024 * 1024;

export interface DroppedMessage {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface DropResult {
  /** Dropped files that can be checked (.eml, .msg, S/MIME files), read, in the order dropped. */
  messages: DroppedMessage[];
  /** Names of dropped files that are not messages (a PDF, an image…). */
  ignored: string[];
  /** Names of message files that could not be read (too big, or the read failed), with why. */
  failed: { name: string; reason: string }[];
}

export interface DragAndDropHandlers {
  /** Something is being dragged over the pane. */
  onDragOver?: () => void;
  /** Something was dropped; called once per drop, after every file was read. */
  onDrop: (result: DropResult) => void;
}

const MESSAGE_NAME = /\.(eml|msg|p7m|p7s|p7c)$/i;
const MESSAGE_TYPE =
  /^(message\/rfc822|message\/global|application\/vnd\.ms-outlook|application\/(x-)?pkcs7-(mime|signature))\b/i;

/** Whether a dropped file is something the engine reads, by its name or type. */
export function isMessageFile(name: string, type: string): boolean {
  return MESSAGE_NAME.test(name.trim()) || MESSAGE_TYPE.test(type.trim());
}

interface DroppedItemLike {
  name?: unknown;
  type?: unknown;
  fileContent?: { size?: unknown; arrayBuffer?: () => Promise<ArrayBuffer> };
}

/** Reads the files of a DropEventData. Never throws. */
export async function readDrop(data: unknown): Promise<DropResult> {
  const result: DropResult = { messages: [], ignored: [], failed: [] };
  const files = safe(() => (data as { dataTransfer?: { files?: unknown } }).dataTransfer?.files);
  if (!Array.isArray(files)) return result;
  for (const f of files as DroppedItemLike[]) {
    const name = typeof f?.name === "string" ? f.name : "";
    const type = typeof f?.type === "string" ? f.type : "";
    if (!isMessageFile(name, type)) {
      result.ignored.push(name || type || "?");
      continue;
    }
    const blob = f.fileContent;
    const size = typeof blob?.size === "number" ? blob.size : undefined;
    if (size !== undefined && size > MAX_DROPPED_FILE) {
      result.failed.push({ name, reason: "too-big" });
      continue;
    }
    try {
      if (!blob || typeof blob.arrayBuffer !== "function") throw new Error("no file content");
      const bytes = new Uint8Array(await blob.arrayBuffer());
      result.messages.push({ name: name || "message.eml", type, bytes });
    } catch (e) {
      result.failed.push({ name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

/**
 * Registers for drag-and-drop into the pane. Resolves true when registered, false when this Outlook
 * cannot (Mailbox 1.5 missing, classic Outlook on Windows or Mac, not in Outlook). Never throws; an
 * exception in a handler is caught.
 */
export async function onDragAndDrop(handlers: DragAndDropHandlers): Promise<boolean> {
  const mb = mailbox();
  const add = safe(() => mb?.addHandlerAsync);
  if (!mb || typeof add !== "function" || !mailboxSupports("1.5")) return false;
  const eventType = safe(() => officeGlobal()?.EventType?.DragAndDropEvent) ?? DRAG_AND_DROP;
  const handler = (args: unknown): void => {
    const data = safe(() => (args as { dragAndDropEventData?: { type?: unknown } }).dragAndDropEventData);
    const kind = safe(() => data?.type);
    try {
      if (kind === "dragover") handlers.onDragOver?.();
      else if (kind === "drop") {
        void readDrop(data).then((r) => {
          try {
            handlers.onDrop(r);
          } catch (e) {
            console.error("S/MIME Assistant: drop handler failed", e);
          }
        });
      }
    } catch (e) {
      console.error("S/MIME Assistant: drag-and-drop handler failed", e);
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
    // Classic Outlook on Windows and Mac: "This event isn't supported on this platform."
    console.info("S/MIME Assistant: messages cannot be dragged into this pane here", e);
    return false;
  }
}
