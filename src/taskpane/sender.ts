import { type Diagnosis, parseMailboxes } from "../engine";

/** The sender as the From header names them, for the contact "add to contacts" creates. */
export interface SenderIdentity {
  name: string;
  address: string;
}

/**
 * The sender to name on the contact: the From mailbox whose address the signer certificate carries, else
 * the first From mailbox with an address; undefined when the From header has none.
 */
export function senderIdentity(d: Diagnosis): SenderIdentity | undefined {
  const boxes = (d.headers?.from ?? []).flatMap((raw) => parseMailboxes(raw)).filter((m) => m.address);
  const signerEmails = new Set(d.signers.flatMap((s) => s.emails.map((e) => e.toLowerCase())));
  const box = boxes.find((m) => signerEmails.has(m.address)) ?? boxes[0];
  return box ? { name: box.name, address: box.address } : undefined;
}
