/** Shared pieces of the rules: priorities, the candidate type, entry lookup and small Diagnosis readers. */
import type { Diagnosis, Finding, LocalizedText, Signer } from "../../engine";
import { ADVICE_ENTRIES, type AdviceId } from "../advice";
import { FAQ_ENTRIES, type FaqId } from "../entries";
import type { FaqEntry } from "../types";

/** Priorities (lower = shown first). Gaps leave room for new rules. */
export const P = {
  senderNotSigner: 5,
  replyToNotSigner: 6,
  tampered: 10,
  orphan: 20,
  capable: 21,
  openPgp: 22,
  certMissing: 25,
  mojibake: 30,
  emptyBodyCharset: 31,
  encryptedKeys: 40,
  emptyBodyEncrypted: 41,
  emptyBodyOpaque: 45,
  capableOpaque: 46,
  expired: 50,
  renewJcan: 51,
  untrustedRoot: 55,
  untrustedIntermediate: 56,
  adobe: 60,
  register: 70,
  encryptionError: 71,
  unsigned: 80,
  background: 90,
} as const;

export interface Candidate {
  id: FaqId | AdviceId;
  priority: number;
  why: LocalizedText;
  context?: LocalizedText;
  hostNote?: LocalizedText;
  encodingToPick?: string;
  encodingLabel?: LocalizedText;
  /** Show the steps of another entry (empty-body borrows the encoding steps of mojibake). */
  stepsFrom?: FaqId;
}

const byId = new Map<string, FaqEntry>([...FAQ_ENTRIES, ...ADVICE_ENTRIES].map((e) => [e.id, e]));
export const ADVICE = new Set<string>(ADVICE_ENTRIES.map((e) => e.id));

export function entry(id: string): FaqEntry {
  const e = byId.get(id);
  if (!e) throw new Error(`FAQ entry missing: ${id}`);
  return e;
}

export const has = (d: Diagnosis, code: Finding["code"]): boolean => d.findings.some((f) => f.code === code);
export const first = (d: Diagnosis, code: Finding["code"]): Finding | undefined =>
  d.findings.find((f) => f.code === code);

export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}
export function shorten(s: string, max = 60): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
export function signerName(s: Signer): string {
  return s.commonName || s.emails[0] || s.subject;
}

export function isP7sAttachment(d: Diagnosis): boolean {
  return (d.attachments ?? []).some(
    (a) =>
      (a.filename ?? "").toLowerCase() === "smime.p7s" ||
      /^application\/(x-)?pkcs7-signature$/i.test(a.contentType.split(";")[0]?.trim() ?? ""),
  );
}

export function jcanSigners(d: Diagnosis): Signer[] {
  return d.signers.filter((s) => s.jcan);
}
