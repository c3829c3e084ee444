/**
 * The one verdict of a message, ranked by risk: the single most important thing the user must know, as a
 * headline that names the problem itself and one line saying what to do. Computed here, once, for the task
 * pane's banner, the CLI's human summary and the self-test (docs/style-ja.md gives the wording rules).
 *
 * Ranking (first match wins): sender mismatch / reply-to mismatch / invalid signature (the footer variants
 * first) / revoked / certificate invalid at signing time / damaged / mojibake / untrusted / other cautions /
 * encrypted / unsigned / OpenPGP. Only the engine's types are imported.
 *
 * Mojibake ranks above an untrusted issuer, a deliberate deviation from a strict "trust first" order:
 *   - it is what the user sees: a garbled mail is unreadable, and the headline then says why and where the
 *     readable text is (the pane shows it decoded), which answers "what do I do" at once;
 *   - the mail that is garbled in Japan is often signed with a JCAN certificate, whose root Outlook does not
 *     trust out of the box: "untrusted issuer" would then lead on nearly every such mail and hide the
 *     garbling, which the issue (#15) found to be the problem people actually had;
 *   - the untrusted issuer is not hidden: the signer card's badge says 「信頼されていません」 on the first
 *     screen and the finding is listed among the cautions in 「確認した内容」;
 *   - it never outranks a real danger: a sender or Reply-To mismatch, an invalid signature, a revoked or
 *     expired certificate all come first.
 * Headlines quote at most one address (two lines at 320 px); the other goes to the what-to-do line.
 */
import type { Diagnosis } from "../../engine";
import type { Host } from "../types";
import { type Ctx } from "./common";
import {
  invalidAtSigningVerdict,
  invalidSignatureVerdict,
  malformedVerdict,
  replyToVerdict,
  revokedVerdict,
  senderMismatchVerdict,
} from "./danger";
import { mojibakeVerdict, untrustedVerdict, unverifiableVerdict, validSignatureVerdict } from "./caution";
import type { MessageVerdict } from "./types";
import { unsignedVerdict } from "./unsigned";

export type { VerdictLevel, VerdictCode, VerdictKind, MessageVerdict } from "./types";
export { VERDICT_RANK, rankFindings } from "./rank";
export { charsetName, formatFingerprint, short, vouchedBy } from "./common";
export { FINDING_TITLES } from "./titles";

/** The signed verdicts in rank order: the first that applies wins (see the ranking above). */
const RANKED: readonly ((c: Ctx) => MessageVerdict | undefined)[] = [
  senderMismatchVerdict,
  replyToVerdict,
  invalidSignatureVerdict,
  revokedVerdict,
  invalidAtSigningVerdict,
  malformedVerdict,
  mojibakeVerdict,
  untrustedVerdict,
  validSignatureVerdict,
  unverifiableVerdict,
];

/**
 * The verdict of a diagnosis. host (optional) adapts the what-to-do line to the user's mail client.
 * Never throws on any Diagnosis the engine can produce.
 */
export function verdictOf(d: Diagnosis, host?: Host): MessageVerdict {
  const outlook = host ? host.client !== "unknown" : false;
  const signed = d.kind === "signed" || d.kind === "opaque-signed";
  const c: Ctx = { d, signed, outlook };
  for (const step of RANKED) {
    const v = step(c);
    if (v) return v;
  }
  return unsignedVerdict(c);
}
