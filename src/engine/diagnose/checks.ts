/**
 * Message-level checks: sender, reply-to, mailing list, signing time against Date, MIME problems.
 */
import { report } from "../findings";
import { headerValue } from "../mime/index";
import type { MimePart, ParsedMessage } from "../mime/types";
import { checkReplyTo, isListAddress, mailingListFinding, mailingListOf } from "../mail/mailinglist";
import { checkSender } from "../mail/sender";
import type { Signer } from "../types";
import { SIGNING_TIME_TOLERANCE_MS, type Context } from "./context";

export function messageLevelChecks(root: MimePart, ctx: Context): void {
  const list = mailingListOf(root);
  if (list) {
    const affected = ctx.findings.some(
      (f) => f.code === "SIGNATURE_INVALID" || f.code === "CONTENT_APPENDED" || f.code === "PARTIALLY_SIGNED",
    );
    ctx.findings.push(mailingListFinding(root, list, affected));
  }
  // The sender check and signing-time check concern the outermost signed layer: its signers are the ones
  // the From header claims to be.
  const outerLayer = minLayer(ctx.signers);
  const outer = ctx.signers.filter((s) => s.layer === outerLayer);
  if (outer.length > 0 && (ctx.kind === "signed" || ctx.kind === "opaque-signed")) {
    // Only a certificate can say who signed: with none in the message (SIGNER_CERTIFICATE_MISSING says
    // so) there is nothing to compare the From header with.
    const withCertificate = outer.filter((s) => s.certificate !== undefined);
    if (withCertificate.length > 0) {
      const emails = withCertificate.flatMap((s) => s.emails);
      const f = checkSender(root, emails, (a) => isListAddress(list, a));
      if (f) ctx.findings.push(f);
      const r = checkReplyTo(root, emails, list);
      if (r) ctx.findings.push(r);
    }
    const date = headerValue(root, "date");
    const dateMs = date ? Date.parse(date.trim()) : NaN;
    for (const s of outer) {
      if (!s.signingTime || Number.isNaN(dateMs)) continue;
      const diff = Date.parse(s.signingTime) - dateMs;
      if (Math.abs(diff) > SIGNING_TIME_TOLERANCE_MS) {
        const hours = Math.round((Math.abs(diff) / 3_600_000) * 10) / 10;
        ctx.findings.push(
          report("SIGNING_TIME_MISMATCH", {
            signingTime: s.signingTime,
            date: date?.trim(),
            differenceHours: hours,
            signer: s.subject,
          }),
        );
      }
    }
  }
}

export function minLayer(signers: Signer[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const s of signers) if (s.layer < m) m = s.layer;
  return m;
}

export function reportMimeProblems(msg: ParsedMessage, ctx: Context): void {
  if (msg.problems.length === 0) return;
  ctx.findings.push(
    report("MALFORMED_MIME", {
      problem: "structure",
      problems: msg.problems.slice(0, 20),
      ...(msg.problems.length > 20 ? { problemCount: msg.problems.length } : {}),
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Helpers
