/** Shared pieces of the verdict builders: detail readers, short forms, who vouched, make(). */
import type { Diagnosis, Finding, FindingCode, LocalizedText, Signer } from "../../engine";
import type { MessageVerdict } from "./types";

export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
}

export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A SHA-256 fingerprint as the style sheet writes it: upper-case hex pairs, colon-separated ("AB:CD:…"). */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/[0-9A-F]{2}/g) ?? []).join(":");
}

/**
 * At most 60 characters of an address list (what-to-do lines); headlines quote one address of at most 30
 * characters, so that they keep to two lines at 320 px.
 */
export function short(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export const CHARSET_NAMES: Record<string, string> = {
  shift_jis: "Shift_JIS",
  "iso-2022-jp": "ISO-2022-JP",
  "euc-jp": "EUC-JP",
  "utf-8": "UTF-8",
  "us-ascii": "US-ASCII",
  "iso-8859-1": "ISO-8859-1",
  "windows-1252": "Windows-1252",
  "windows-31j": "Shift_JIS",
};

export function charsetName(cs: string | undefined): string {
  if (!cs) return "?";
  // other charsets in their registered upper case (「koi8-u」 read as a typo next to 「Shift_JIS」)
  return CHARSET_NAMES[cs.toLowerCase()] ?? cs.toUpperCase();
}

export function outerSigners(d: Diagnosis): Signer[] {
  return d.signers.filter((s) => s.layer === 0 || d.signers.length === 1);
}

export const VOUCHED: Record<NonNullable<Signer["trustedBy"]>, LocalizedText> = {
  mozilla: { en: "Mozilla's root certificates", ja: "Mozilla のルート証明書" },
  organisation: { en: "your organisation's root certificates", ja: "組織のルート証明書" },
  "command-line": { en: "the root certificate given", ja: "指定されたルート証明書" },
};

/** Who vouched for every outer signer (one origin), if all are trusted. */
export function vouchedBy(d: Diagnosis): LocalizedText | undefined {
  const outer = outerSigners(d);
  if (outer.length === 0 || outer.some((s) => !s.trusted || !s.trustedBy)) return undefined;
  const origins = new Set(outer.map((s) => s.trustedBy));
  const [only] = [...origins];
  return origins.size === 1 && only ? VOUCHED[only] : undefined;
}

export function has(d: Diagnosis, code: string): Finding | undefined {
  return d.findings.find((f) => f.code === code && f.severity !== "info");
}

/** S/MIME data that could not be read at all (MALFORMED_CMS "unreadable": cut short, not a cap). */
export function unreadableCms(d: Diagnosis): Finding | undefined {
  return d.findings.find((f) => f.code === "MALFORMED_CMS" && f.detail.problem === "unreadable");
}

export function any(d: Diagnosis, code: string): Finding | undefined {
  return d.findings.find((f) => f.code === code);
}

export type Make = Omit<MessageVerdict, "finding"> & { finding?: FindingCode | undefined };

export function make(v: Make): MessageVerdict {
  const { finding, ...rest } = v;
  return finding ? { ...rest, finding } : rest;
}

/** The first sentence of a finding's message, without its full stop, at most 120 characters. */
export function firstSentence(text: string): string {
  const m = /^(.+?)(?:。|\.(?:\s|$))/.exec(text);
  return short((m?.[1] ?? text).trim(), 120);
}

export const CHECK_ELSEWHERE: LocalizedText = {
  ja: "リンクや添付ファイルを開かず、電話など別の方法で差出人本人に確認してください。",
  en: "Do not open its links or attachments; check with the sender by another channel, such as a phone call.",
};

/** What every verdict builder reads: the diagnosis, whether it is signed, whether the host is an Outlook. */
export interface Ctx {
  d: Diagnosis;
  signed: boolean;
  outlook: boolean;
}
