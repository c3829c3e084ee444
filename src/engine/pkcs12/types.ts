/**
 * What the signing-setup check takes and gives (P12Options, P12Result) and its bounds.
 */
import type { CertificateSummary, Finding } from "../types";

import { type P12Advice } from "./messages";

export interface P12Options {
  password: string;
  /** The mailbox address the certificate is for (Office's, or --email). */
  email?: string;
  /** Evaluation time (default: now). */
  at?: Date;
  /** The iteration budget of the whole check (default ITERATION_BUDGET, pkcs12/ciphers.ts); for tests. */
  iterationBudget?: number;
}

export interface P12Result {
  findings: Finding[];
  /** The end-entity certificate (the one matching the key), when the file could be opened. */
  certificate?: CertificateSummary;
  /** Every certificate in the file, the end-entity one first. */
  certificates?: CertificateSummary[];
  /** FAQ advice: keep a backup, several PCs, keep expired keys, where to renew. */
  advice?: P12Advice[];
}

/** Days before expiry from which CERT_EXPIRING is reported. */
export const EXPIRING_DAYS = 30;
export const DAY_MS = 86_400_000;
export const MAX_BAG_DEPTH = 8;
export const MAX_BAGS = 1000;
