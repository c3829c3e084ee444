/** Rules on who sent the message: a sender or Reply-To that is not the signer, and plain unsigned mail. */
import type { Diagnosis } from "../../engine";
import { type Candidate, P, has, isP7sAttachment, shorten, str } from "./common";

/** A sender or a Reply-To that is not the signer's (a warning, not the info of an accepted list). */
export function mismatchCandidates(d: Diagnosis): Candidate[] {
  const out: Candidate[] = [];
  const signedKind = d.kind === "signed" || d.kind === "opaque-signed";
  if (!signedKind) return out;
  const sm = d.findings.find((f) => f.code === "SENDER_MISMATCH" && f.severity !== "info");
  if (sm) {
    const from = str(sm.detail["from"]);
    const signers = Array.isArray(sm.detail["signerEmails"])
      ? (sm.detail["signerEmails"] as unknown[]).filter((x): x is string => typeof x === "string")
      : [];
    const c: Candidate = {
      id: "sender-not-signer",
      priority: P.senderNotSigner,
      why:
        sm.detail["reason"] === "sender-differs"
          ? {
              en: "This mail was sent by another mailbox on the sender's behalf: check that you expect that.",
              ja: "このメールは、別のメールボックスが差出人に代わって送信しています。心当たりがあるか確認してください。",
            }
          : {
              en: "The sender's address on this mail is not the address the signature vouches for.",
              ja: "このメールの差出人のアドレスは、電子署名が保証するアドレスと違います。",
            },
    };
    if (from && signers.length > 0)
      c.context = {
        en: `Here: the sender is ${shorten(from)}, the signer is ${shorten(signers.join(", "))}.`,
        ja: `このメールの差出人は ${shorten(from)}、署名者は ${shorten(signers.join(", "))} です。`,
      };
    out.push(c);
  }
  const rt = d.findings.find((f) => f.code === "REPLY_TO_MISMATCH" && f.severity !== "info");
  if (rt) {
    const to = str(rt.detail["replyTo"]);
    const c: Candidate = {
      id: "reply-to-not-signer",
      priority: P.replyToNotSigner,
      why: {
        en: "Replies to this mail would go to an address the signer does not hold.",
        ja: "このメールに返信すると、署名者のものではないアドレスに届きます。",
      },
    };
    if (to)
      c.context = {
        en: `Here, replies would go to ${shorten(to)}.`,
        ja: `このメールの返信先は ${shorten(to)} です。`,
      };
    out.push(c);
  }
  return out;
}

/** A plain mail with no signature at all (not encrypted, not OpenPGP, not a certificate file). */
export function unsignedCandidates(d: Diagnosis): Candidate[] {
  if (d.kind !== "none" || has(d, "OPENPGP") || has(d, "ORPHAN_SIGNATURE") || isP7sAttachment(d)) return [];
  // a file that is not a mail at all gets no advice about mail
  if (
    d.findings.some(
      (f) => (f.code === "MALFORMED_MIME" || f.code === "MALFORMED_CMS") && f.severity === "error",
    )
  )
    return [];
  return [
    {
      id: "unsigned-mail",
      priority: P.unsigned,
      why: {
        en: "This mail is not signed, so nothing in it confirms who sent it.",
        ja: "このメールには電子署名がないため、差出人が本人かどうかをメールからは確認できません。",
      },
    },
  ];
}
