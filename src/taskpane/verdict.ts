/**
 * The one-sentence verdict of the banner: which of the five situations the message is in (signed and intact /
 * signature broken and why / signature attached but not checked / encrypted / not signed, plus the rarer
 * unverifiable, certs-only and unreadable), its severity colour, and the sentence in the user's language.
 */
import type { Diagnosis, Finding, Signer } from "../engine/types";
import { translate, type Lang, type StringKey } from "./i18n/index";

export type Intent = "success" | "warning" | "error" | "info";

export type VerdictKind =
  | "signed-ok"
  | "signed-warn"
  | "broken"
  | "unverifiable"
  | "orphan"
  | "encrypted"
  | "certs-only"
  | "none"
  | "malformed";

export interface Verdict {
  kind: VerdictKind;
  intent: Intent;
  title: string;
  sentence: string;
}

const RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Findings by severity (errors first), keeping the engine's order within one severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export function signerName(s: Signer): string {
  return s.commonName || s.emails[0] || s.subject || "?";
}

function firstOf(d: Diagnosis, code: Finding["code"]): Finding | undefined {
  return d.findings.find((f) => f.code === code);
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The verdict for a diagnosis, in lang. */
export function verdictOf(d: Diagnosis, lang: Lang): Verdict {
  const t = (key: StringKey, vars?: Record<string, string | number>): string => translate(lang, key, vars);
  const msg = (f: Finding | undefined): string => (f ? f.message[lang] || f.message.en : "");
  const v = (kind: VerdictKind, intent: Intent, title: StringKey, sentence: string): Verdict => ({
    kind,
    intent,
    title: t(title),
    sentence,
  });

  const names = [
    ...new Set(d.signers.filter((s) => s.layer === 0 || d.signers.length === 1).map(signerName)),
  ];
  const name = names.join(", ") || (lang === "ja" ? "送信者" : "The sender");

  switch (d.kind) {
    case "signed":
    case "opaque-signed": {
      if (d.signature === "invalid") {
        const appended = firstOf(d, "CONTENT_APPENDED");
        if (appended) {
          const lines = num(appended.detail["addedLines"]);
          const what = lines !== undefined ? t("appendedLines", { n: lines }) : t("appendedText");
          const list = firstOf(d, "MAILING_LIST");
          const listId = list?.detail["listId"];
          if (typeof listId === "string")
            return v("broken", "error", "vBroken", t("sAppendedList", { what, list: listId }));
          return v("broken", "error", "vBroken", t("sAppended", { what }));
        }
        const reason =
          msg(firstOf(d, "SIGNATURE_INVALID")) ||
          msg(d.findings.find((f) => f.severity === "error")) ||
          t("sUnverifiableNoReason");
        return v("broken", "error", "vBroken", t("sBroken", { reason }));
      }
      if (d.signature === "valid") {
        // Intact, but made with a revoked certificate (revoked before signing, or its key compromised).
        const revoked = firstOf(d, "CERT_REVOKED");
        if (revoked) return v("signed-warn", "error", "vRevoked", msg(revoked));
        const caution = sortFindings(d.findings).find((f) => f.severity !== "info");
        if (caution) {
          return v("signed-warn", "warning", "vSignedWarn", t("sSignedWarn", { name, reason: msg(caution) }));
        }
        const by = vouchedBy(d);
        const vouched = by ? `${lang === "ja" ? "" : " "}${t("sVouched", { by: t(by) })}` : "";
        return v("signed-ok", "success", "vSignedOk", `${t("sSignedOk", { name })}${vouched}`);
      }
      // unverifiable (or "none" on a signed kind: partial information)
      const why = sortFindings(d.findings).find((f) => f.severity !== "info");
      return v(
        "unverifiable",
        "warning",
        "vUnverifiable",
        why ? t("sUnverifiable", { reason: msg(why) }) : t("sUnverifiableNoReason"),
      );
    }
    case "orphan-signature":
      return v("orphan", "warning", "vOrphan", t("sOrphan"));
    case "encrypted":
      return v("encrypted", "info", "vEncrypted", t("sEncrypted", { n: Math.max(1, d.recipients.length) }));
    case "certs-only":
      return v("certs-only", "info", "vCertsOnly", t("sCertsOnly", { n: d.certificates?.length ?? 0 }));
    case "none":
    default: {
      const broken = d.findings.find((f) => f.code === "MALFORMED_MIME" || f.code === "MALFORMED_CMS");
      if (broken && broken.severity === "error") {
        return v("malformed", "error", "vMalformed", t("sMalformed", { reason: msg(broken) }));
      }
      // OpenPGP only: not an S/MIME problem, and not "unsigned" either; the finding says what to use.
      const pgp = firstOf(d, "OPENPGP");
      if (pgp) return v("unverifiable", "info", "vOpenPgp", msg(pgp));
      return v("none", "info", "vNone", t("sNone"));
    }
  }
}

/** The i18n key saying who vouched for the signers' certificates (all trusted, by one origin), if any. */
export function trustedByKey(s: Signer): StringKey | undefined {
  if (!s.trusted || !s.trustedBy) return undefined;
  return s.trustedBy === "mozilla"
    ? "trustedBy_mozilla"
    : s.trustedBy === "organisation"
      ? "trustedBy_organisation"
      : "trustedBy_commandLine";
}

function vouchedBy(d: Diagnosis): StringKey | undefined {
  const outer = d.signers.filter((s) => s.layer === 0 || d.signers.length === 1);
  const keys = new Set(outer.map(trustedByKey));
  const [only] = [...keys];
  return keys.size === 1 ? only : undefined;
}

/** Whole days from now until iso (negative when past). */
export function daysUntil(iso: string, now: Date = new Date()): number | undefined {
  const when = new Date(iso).getTime();
  if (Number.isNaN(when)) return undefined;
  return Math.floor((when - now.getTime()) / 86_400_000);
}

/** "AB:CD:…" upper-case, colon-separated. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/[0-9A-F]{2}/g) ?? []).join(":");
}
