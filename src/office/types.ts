/**
 * Contract of the read-message ladder (src/office). Only src/office touches Office.js / Graph.
 */
import type { Diagnosis, LocalizedText } from "../engine";

/** The rungs, best first: whole EML (Mailbox 1.14); Exchange's smime.p7m attachment (1.8);
 * internet headers + attachment list + body (1.8); itemClass + attachment list (1.1). */
export type Rung = "eml" | "smime-attachment" | "headers" | "basic";

export interface LadderNote {
  rung: Rung;
  /** "caution": not a passed-over rung but something to read beside the result (e.g. Outlook rebuilt the
   * message, the item is in a shared mailbox); shown with the verdict whatever the rung. */
  reason: "unsupported" | "error" | "not-applicable" | "caution";
  message: LocalizedText;
}

export interface MessageSource {
  rung: Rung;
  /** MIME bytes to hand to the engine's diagnose() (rungs "eml" and "smime-attachment"). */
  bytes?: Uint8Array;
  /** A partial diagnosis assembled from what Office exposes (rungs "headers" and "basic"). */
  partial?: Diagnosis;
  /** What a newer Outlook would add, when partial. */
  notes: LadderNote[];
  subject?: string;
  from?: { name: string; address: string };
  itemClass?: string;
  /** The signed-in mailbox's address (for the self-test). */
  userAddress?: string;
  // ---- additions (optional) ----
  /** True when no message is selected (pinned pane with nothing selected) or Outlook is absent. */
  noItem?: boolean;
  /** "compose" when the current item is a message being written (the signing-setup check applies). */
  itemMode?: "read" | "compose";
  /** Rung "smime-attachment": outer headers the add-in took from Outlook's item (e.g. ["From", "Subject"]),
   * because Exchange keeps them outside smime.p7m. */
  addedHeaders?: string[];
  /** Notes to show beside the verdict whatever the rung (LadderNote reason "caution"). */
  cautions?: LadderNote[];
  /** The item is in a shared folder or shared mailbox (getSharedPropertiesAsync, Mailbox 1.8): its owner. */
  shared?: { owner?: string };
}
