/**
 * A second look when the signature fails on what classic Outlook for Windows handed over.
 *
 * Classic Outlook for Windows (Office.context.diagnostics.platform "PC") answers item.getAsFileAsync with a
 * MIME message it rebuilds from what it stored, so a clear-signed message's bytes may differ from what was
 * signed. When the signature check fails on those bytes:
 *  - the item stored as S/MIME by Exchange (item class IPM.Note.SMIME*, one smime.p7m) has the original: read
 *    it (getAttachmentContentAsync, Mailbox 1.8), check it, and show its result with a note saying why. Only
 *    such an item: on an ordinary item (IPM.Note) an attachment merely named smime.p7m is the sender's
 *    content, not the original — showing its result would let anyone attach someone else's validly signed
 *    message to a tampered one and have the pane show "valid" (and remember its signer);
 *  - otherwise (no such attachment, or Outlook does not hand it over) keep the result and say, beside the
 *    verdict, that Outlook rebuilt the message, that the failure may come from that, and how to check the
 *    original (save as .msg / .eml, open it in the standalone page or the CLI) — never a bare "tampered".
 * Other clients hand over the message as received and are left alone.
 */
import type { Diagnosis } from "../engine";
import { DEFAULT_TIMEOUT_MS } from "./async";
import { isClassicWindows } from "./host";
import { attachmentsOf, describeItem, readSmimeAttachment, smimeAttachment } from "./ladder";
import { ORIGINAL_ALSO_FAILS_NOTE, REBUILT_DIFFERS_NOTE, REBUILT_ONLY_NOTE, errorNote } from "./notes";
import { mailbox, mailboxSupports, safe } from "./officeGlobal";
import type { LadderNote, MessageSource } from "./types";

/** Exchange's S/MIME item classes (IPM.Note.SMIME, IPM.Note.SMIME.MultipartSigned): the only items whose
 * smime.p7m is the original message. */
const SMIME_ITEM_CLASS = /^ipm\.note\.smime(\.|$)/i;

export interface Settled {
  diagnosis: Diagnosis;
  source: MessageSource;
}

/** True when the message's signature was checked and failed. */
export function signatureFailed(d: Diagnosis): boolean {
  return d.signature === "invalid" || d.findings.some((f) => f.code === "SIGNATURE_INVALID");
}

function withCaution(source: MessageSource, ...notes: LadderNote[]): MessageSource {
  return { ...source, cautions: [...(source.cautions ?? []), ...notes] };
}

/**
 * diagnosis: the engine's result on source.bytes; analyse: the same check on other bytes (the pane's
 * worker). Resolves with the result to show and its source (with cautions); never rejects.
 */
export async function secondLook(
  diagnosis: Diagnosis,
  source: MessageSource,
  analyse: (bytes: Uint8Array) => Promise<Diagnosis>,
  options: { timeoutMs?: number } = {},
): Promise<Settled> {
  const unchanged = { diagnosis, source };
  try {
    if (source.rung !== "eml" || !signatureFailed(diagnosis) || !isClassicWindows()) return unchanged;
    const item = safe(() => mailbox()?.item);
    if (!item) return { diagnosis, source: withCaution(source, REBUILT_ONLY_NOTE) };
    const base = describeItem(item);
    // Never on an ordinary item: its "smime.p7m" is an attachment like any other (see above). The result
    // shown — and so what rememberSigners records — comes from a second look only on an S/MIME item.
    if (!SMIME_ITEM_CLASS.test(base.itemClass ?? ""))
      return { diagnosis, source: withCaution(source, REBUILT_ONLY_NOTE) };
    const smime = smimeAttachment(base.itemClass, attachmentsOf(item));
    if (!smime || !mailboxSupports("1.8"))
      return { diagnosis, source: withCaution(source, REBUILT_ONLY_NOTE) };
    let original: { bytes: Uint8Array; added: string[] };
    try {
      original = await readSmimeAttachment(item, base, smime.id, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    } catch (e) {
      const s = withCaution(source, REBUILT_ONLY_NOTE);
      return { diagnosis, source: { ...s, notes: [...s.notes, errorNote("smime-attachment", e)] } };
    }
    const d2 = await analyse(original.bytes);
    if (d2.kind !== "signed" && d2.kind !== "opaque-signed") {
      // not a signed message after all: keep the first result, with the caution
      return { diagnosis, source: withCaution(source, REBUILT_ONLY_NOTE) };
    }
    const s: MessageSource = {
      ...source,
      rung: "smime-attachment",
      bytes: original.bytes,
      cautions: [
        ...(source.cautions ?? []),
        signatureFailed(d2) ? ORIGINAL_ALSO_FAILS_NOTE : REBUILT_DIFFERS_NOTE,
      ],
    };
    if (original.added.length) s.addedHeaders = original.added;
    return { diagnosis: d2, source: s };
  } catch {
    // the pane must keep an answer: the first result, with the caution when it applies
    return source.rung === "eml" && signatureFailed(diagnosis) && isClassicWindows()
      ? { diagnosis, source: withCaution(source, REBUILT_ONLY_NOTE) }
      : unchanged;
  }
}
