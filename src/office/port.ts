/**
 * The Office port: everything the read pane asks of Outlook, as one object passed in (as the Office React
 * template passes Office access to its components). `connectOffice()` waits for Office.js and returns the
 * port inside a mail host, undefined on the standalone page; tests hand the pane a fake of their own.
 */
import type { Diagnosis } from "../engine";
import type { Host } from "../faq/types";
import { rememberSigners } from "./compose/index";
import { onDragAndDrop, type DropResult } from "./dragDrop";
import { inMailHost, officeReady, OFFICE_READY_TIMEOUT_MS } from "./environment";
import { onItemChanged } from "./events";
import { getHost } from "./host";
import { readCurrentMessage } from "./ladder";
import { secondLook, type Settled } from "./secondLook";
import type { MessageSource } from "./types";

export interface OfficePort {
  /** Reads the selected item (the ladder of src/office/ladder.ts); rejects only when nothing can be read. */
  readCurrentMessage(): Promise<MessageSource>;
  /** Calls cb when the selected item changes; resolves false when this Outlook cannot tell. */
  onItemChanged(cb: () => void): Promise<boolean>;
  /** Calls onDrop with the messages dragged into the pane; resolves false when this Outlook cannot. */
  onDragAndDrop(onDrop: (r: DropResult) => void): Promise<boolean>;
  /** A failed signature on classic Windows' rebuilt copy gets a second look; never rejects. */
  secondLook(
    diagnosis: Diagnosis,
    source: MessageSource,
    analyse: (bytes: Uint8Array) => Promise<Diagnosis>,
  ): Promise<Settled>;
  /** Remembers verified signers for the compose-side recipient check; never rejects. */
  rememberSigners(diagnosis: Diagnosis): Promise<unknown>;
  /** Which Outlook the pane runs in (for the FAQ's steps). */
  host(): Host;
}

/** The port over the real Office.js. */
export const officePort: OfficePort = {
  readCurrentMessage: () => readCurrentMessage(),
  onItemChanged: (cb) => onItemChanged(() => cb()),
  onDragAndDrop: (onDrop) => onDragAndDrop({ onDrop }),
  secondLook: (diagnosis, source, analyse) => secondLook(diagnosis, source, analyse),
  rememberSigners: (diagnosis) => rememberSigners(diagnosis).catch(() => 0),
  host: () => getHost(),
};

/** Waits for Office.js (at most timeoutMs); the port inside Outlook, undefined on the standalone page. */
export async function connectOffice(
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficePort | undefined> {
  await officeReady(timeoutMs);
  return inMailHost() ? officePort : undefined;
}
