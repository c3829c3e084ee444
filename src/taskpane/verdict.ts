/**
 * The pane's view of the one verdict (src/faq/verdict/ computes it, ranked by risk): the headline and the
 * what-to-do line in the pane's language, and the Fluent intent of its colour.
 */
import type { Diagnosis, Finding, Signer } from "../engine";
import type { Host } from "../faq/types";
import {
  formatFingerprint,
  rankFindings,
  short,
  verdictOf as messageVerdict,
  type MessageVerdict,
  type VerdictCode,
  type VerdictKind,
  type VerdictLevel,
} from "../faq/verdict";
import type { Lang, StringKey } from "./i18n/index";

export type Intent = "success" | "warning" | "error" | "info";
export type { VerdictKind, VerdictCode, VerdictLevel };
/** One fingerprint format for the pane and the CLI (the style sheet's). */
export { formatFingerprint };

export interface Verdict {
  kind: VerdictKind;
  code: VerdictCode;
  level: VerdictLevel;
  intent: Intent;
  /** The headline: names the problem itself. */
  title: string;
  /** The one what-to-do line. */
  sentence: string;
  verdict: MessageVerdict;
}

const INTENT: Record<VerdictLevel, Intent> = {
  safe: "success",
  caution: "warning",
  danger: "error",
  info: "info",
};

/** Findings by severity, then by risk (the verdict's ranking). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return rankFindings(findings);
}

export function signerName(s: Signer): string {
  return clip(s.commonName || s.emails[0] || s.subject || "?");
}

/**
 * Characters of a name, address, subject or DN the pane shows; the diagnosis keeps the whole value. A
 * crafted certificate's 32 768-character common name took Chromium 18 s to lay out in the Japanese pane at
 * 320 px (line breaking of one unbreakable run), for three signers.
 */
export const DISPLAY_MAX = 256;

/** At most DISPLAY_MAX characters, "…" marking a cut (the verdict's own cut, one character longer). */
export function clip(s: string, max = DISPLAY_MAX): string {
  return short(s, max + 1);
}

/** Addresses of one certificate listed in the pane; the rest are counted. */
export const ADDRESSES_SHOWN = 10;

/** The verdict for a diagnosis, in lang. */
export function verdictOf(d: Diagnosis, lang: Lang, host?: Host): Verdict {
  const v = messageVerdict(d, host);
  return {
    kind: v.kind,
    code: v.code,
    level: v.level,
    intent: INTENT[v.level],
    title: v.headline[lang],
    sentence: v.action[lang],
    verdict: v,
  };
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

/** Whole days from now until iso (negative when past). */
export function daysUntil(iso: string, now: Date = new Date()): number | undefined {
  const when = new Date(iso).getTime();
  if (Number.isNaN(when)) return undefined;
  return Math.floor((when - now.getTime()) / 86_400_000);
}
