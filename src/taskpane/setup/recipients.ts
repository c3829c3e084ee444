/**
 * Compose-side recipient check, as plain functions: for each To/Cc/Bcc recipient, whether S/MIME
 * Assistant knows a certificate for the address (the known-certificates store of src/office/contacts),
 * and until when. Encrypting to a recipient without a certificate ends in Outlook's encryption error
 * (FAQ "outlook-encryption-error"), so such recipients are pointed out before the user meets it.
 */
import type { KnownCertificate } from "../../office/contacts/knownCertificates";
import type { ComposeRecipient, RecipientField } from "../../office/compose/recipients";

/** Days before expiry from which a known certificate counts as "expiring" (same as the p12 check). */
export const EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;

export type RecipientState =
  | "valid" // a certificate valid at `at`, more than EXPIRING_DAYS left
  | "expiring" // valid at `at`, but it ends within EXPIRING_DAYS
  | "expired" // only expired certificates are known
  | "not-yet-valid" // only certificates whose validity starts later
  | "none" // no certificate known for the address
  | "no-address"; // Outlook gave no address (an unresolved name)

export interface RecipientRow {
  /** Lower-cased address ("" for "no-address"). */
  address: string;
  displayName: string;
  /** Every field the address appears in, in To, Cc, Bcc order. */
  fields: RecipientField[];
  state: RecipientState;
  /** The certificate the state is about (the best one known). */
  certificate?: KnownCertificate;
  /** Whole days from `at` to the certificate's notAfter (negative when expired). */
  daysLeft?: number;
  recipientType?: string;
}

export interface RecipientSummary {
  total: number;
  /** Recipients encryption would work for (valid or expiring). */
  ready: number;
  /** Recipients without a usable certificate (none, expired, not yet valid, no address). */
  missing: number;
  /** True when encrypting now would meet Outlook's encryption error for some recipient. */
  encryptionWouldFail: boolean;
  expiring: number;
}

function time(iso: string): number | undefined {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/** The state of one address's known certificates at `at`, with the certificate it is about. */
export function certificateState(
  certs: readonly KnownCertificate[],
  at: Date,
): { state: Exclude<RecipientState, "no-address">; certificate?: KnownCertificate; daysLeft?: number } {
  const t = at.getTime();
  const dated = certs
    .map((c) => ({ c, from: time(c.notBefore), to: time(c.notAfter) }))
    .filter(
      (x): x is { c: KnownCertificate; from: number; to: number } =>
        x.from !== undefined && x.to !== undefined,
    );
  if (dated.length === 0) return { state: "none" };
  const days = (to: number): number => Math.floor((to - t) / DAY_MS);
  const valid = dated.filter((x) => x.from <= t && t <= x.to).sort((a, b) => b.to - a.to)[0];
  if (valid) {
    const d = days(valid.to);
    return { state: d < EXPIRING_DAYS ? "expiring" : "valid", certificate: valid.c, daysLeft: d };
  }
  const future = dated.filter((x) => x.from > t).sort((a, b) => a.from - b.from)[0];
  if (future) return { state: "not-yet-valid", certificate: future.c, daysLeft: days(future.to) };
  const latest = [...dated].sort((a, b) => b.to - a.to)[0] as { c: KnownCertificate; to: number };
  return { state: "expired", certificate: latest.c, daysLeft: days(latest.to) };
}

/**
 * One row per distinct address (case-insensitive), in the order the recipients come (To, Cc, Bcc);
 * recipients without an address each get their own "no-address" row. `lookup` failing counts as "none".
 */
export function recipientStatus(
  recipients: readonly ComposeRecipient[],
  lookup: ((address: string) => readonly KnownCertificate[]) | undefined,
  at: Date,
): RecipientRow[] {
  const rows: RecipientRow[] = [];
  const byAddress = new Map<string, RecipientRow>();
  for (const r of recipients) {
    const address = r.emailAddress.trim().toLowerCase();
    if (!address) {
      const row: RecipientRow = {
        address: "",
        displayName: r.displayName,
        fields: [r.field],
        state: "no-address",
      };
      if (r.recipientType) row.recipientType = r.recipientType;
      rows.push(row);
      continue;
    }
    const seen = byAddress.get(address);
    if (seen) {
      if (!seen.fields.includes(r.field)) seen.fields.push(r.field);
      if (!seen.displayName && r.displayName) seen.displayName = r.displayName;
      continue;
    }
    let certs: readonly KnownCertificate[] = [];
    try {
      certs = lookup?.(address) ?? [];
    } catch {
      certs = [];
    }
    const s = certificateState(Array.isArray(certs) ? certs : [], at);
    const row: RecipientRow = { address, displayName: r.displayName, fields: [r.field], state: s.state };
    if (s.certificate) row.certificate = s.certificate;
    if (s.daysLeft !== undefined) row.daysLeft = s.daysLeft;
    if (r.recipientType) row.recipientType = r.recipientType;
    byAddress.set(address, row);
    rows.push(row);
  }
  const order: Record<RecipientField, number> = { to: 0, cc: 1, bcc: 2 };
  for (const row of rows) row.fields.sort((a, b) => order[a] - order[b]);
  return rows;
}

export function isUsable(state: RecipientState): boolean {
  return state === "valid" || state === "expiring";
}

export function summarize(rows: readonly RecipientRow[]): RecipientSummary {
  const ready = rows.filter((r) => isUsable(r.state)).length;
  return {
    total: rows.length,
    ready,
    missing: rows.length - ready,
    encryptionWouldFail: rows.length > 0 && ready < rows.length,
    expiring: rows.filter((r) => r.state === "expiring").length,
  };
}
