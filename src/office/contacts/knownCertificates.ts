/**
 * Certificates seen in verified signed mail, per sender address, kept in the add-in's roaming settings
 * for the compose-side recipient check ("do I have a certificate for this recipient?").
 *
 * Roaming settings hold at most 32 KB per add-in (Office error 9057 beyond that), shared with every
 * other setting of the add-in; this store keeps its own value under a smaller budget (default 16 KB
 * of JSON, counted in UTF-8 bytes) and evicts the least recently seen certificates first.
 *
 * Only certificates that pass the contacts gate (gate.ts: valid signature, trusted signer naming the From
 * address, fit for e-mail, valid at signing) are written: remember() takes the gate's approvals only.
 */
import type { Diagnosis } from "../../engine";
import { approvedSigners, isApproval, type ContactApproval } from "./gate";

/** The minimal roaming-settings interface this store needs (adapt Office.RoamingSettings or a wrapper). */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(): Promise<void>;
}

export interface KnownCertificate {
  /** SHA-256 of the DER, lower-case hex. */
  sha256: string;
  notBefore: string;
  notAfter: string;
  /** ISO time the certificate was last seen in a verified signed message. */
  lastSeen: string;
  /** Common name (for display), cut to 64 characters. */
  name?: string;
}

/** Stored shape: { v: 1, senders: { "address": KnownCertificate[] } } */
interface Stored {
  v: 1;
  senders: Record<string, KnownCertificate[]>;
}

export const KNOWN_CERTIFICATES_SETTING = "knownCertificates";
/** Office's limit for all roaming settings of an add-in. */
export const ROAMING_SETTINGS_LIMIT_BYTES = 32 * 1024;
export const DEFAULT_BUDGET_BYTES = 16 * 1024;
/** Certificates kept per address at most. */
export const MAX_PER_ADDRESS = 5;

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

function normalizeAddress(a: string): string {
  return a.trim().toLowerCase();
}

const HEX64 = /^[0-9a-f]{64}$/;

function sanitize(raw: unknown): Stored {
  const out: Stored = { v: 1, senders: {} };
  if (!raw || typeof raw !== "object") return out;
  const senders = (raw as { senders?: unknown }).senders;
  if (!senders || typeof senders !== "object") return out;
  for (const [addr, list] of Object.entries(senders as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const good: KnownCertificate[] = [];
    for (const c of list as unknown[]) {
      if (!c || typeof c !== "object") continue;
      const o = c as Record<string, unknown>;
      if (typeof o.sha256 !== "string" || !HEX64.test(o.sha256)) continue;
      if (typeof o.notBefore !== "string" || typeof o.notAfter !== "string" || typeof o.lastSeen !== "string")
        continue;
      const k: KnownCertificate = {
        sha256: o.sha256,
        notBefore: o.notBefore,
        notAfter: o.notAfter,
        lastSeen: o.lastSeen,
      };
      if (typeof o.name === "string") k.name = o.name;
      good.push(k);
    }
    if (good.length > 0) out.senders[normalizeAddress(addr)] = good;
  }
  return out;
}

export type RecipientCertificateStatus = "valid" | "expired" | "not-yet-valid" | "none";

export class KnownCertificatesStore {
  private readonly settings: SettingsLike;
  private readonly budget: number;
  private readonly name: string;

  constructor(settings: SettingsLike, opts: { budgetBytes?: number; settingName?: string } = {}) {
    this.settings = settings;
    this.budget = Math.min(opts.budgetBytes ?? DEFAULT_BUDGET_BYTES, ROAMING_SETTINGS_LIMIT_BYTES);
    this.name = opts.settingName ?? KNOWN_CERTIFICATES_SETTING;
  }

  private load(): Stored {
    let raw: unknown;
    try {
      raw = this.settings.get(this.name);
      if (typeof raw === "string") raw = JSON.parse(raw) as unknown;
    } catch {
      raw = undefined;
    }
    return sanitize(raw);
  }

  /** Certificates remembered for an address, most recently seen first. */
  lookup(address: string): KnownCertificate[] {
    const list = this.load().senders[normalizeAddress(address)] ?? [];
    return [...list].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  }

  /** Every address with its certificates. */
  all(): Record<string, KnownCertificate[]> {
    return this.load().senders;
  }

  /** For the compose-side check: is there a certificate for this recipient that is valid at `at`? */
  status(address: string, at: Date = new Date()): RecipientCertificateStatus {
    const list = this.lookup(address);
    if (list.length === 0) return "none";
    const t = at.getTime();
    if (list.some((c) => Date.parse(c.notBefore) <= t && t <= Date.parse(c.notAfter))) return "valid";
    if (list.some((c) => Date.parse(c.notBefore) > t)) return "not-yet-valid";
    return "expired";
  }

  /**
   * Remembers approved certificates (contactCertificateGate) under their addresses and saves; anything
   * else is ignored. Existing entries are refreshed (lastSeen); the oldest entries are evicted until the
   * value fits the budget.
   */
  async remember(approvals: readonly ContactApproval[], seenAt: Date = new Date()): Promise<void> {
    const entries = approvals.filter(isApproval);
    if (entries.length === 0) return;
    const data = this.load();
    const now = seenAt.toISOString();
    for (const e of entries) {
      const addr = normalizeAddress(e.address);
      if (!addr || !HEX64.test(e.sha256)) continue;
      const list = data.senders[addr] ?? [];
      const hit = list.find((c) => c.sha256 === e.sha256);
      if (hit) {
        if (hit.lastSeen < now) hit.lastSeen = now;
      } else {
        const k: KnownCertificate = {
          sha256: e.sha256,
          notBefore: e.notBefore,
          notAfter: e.notAfter,
          lastSeen: now,
        };
        if (e.name) k.name = e.name.slice(0, 64);
        list.push(k);
      }
      list.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
      data.senders[addr] = list.slice(0, MAX_PER_ADDRESS);
    }
    this.evict(data);
    this.settings.set(this.name, data);
    await this.settings.saveAsync();
  }

  /**
   * Remembers the signers of a message that pass the contacts gate, under the From address they name.
   * Resolves to how many were remembered (0 for an invalid, untrusted or mismatched signature).
   */
  async rememberFromDiagnosis(d: Diagnosis, seenAt: Date = new Date()): Promise<number> {
    const entries = approvedSigners(d);
    await this.remember(entries, seenAt);
    return entries.length;
  }

  async forget(address: string): Promise<void> {
    const data = this.load();
    delete data.senders[normalizeAddress(address)];
    this.settings.set(this.name, data);
    await this.settings.saveAsync();
  }

  private evict(data: Stored): void {
    // Bounded: each round removes one entry.
    while (utf8Length(JSON.stringify(data)) > this.budget) {
      let oldest: { addr: string; idx: number; lastSeen: string } | undefined;
      for (const [addr, list] of Object.entries(data.senders)) {
        list.forEach((c, idx) => {
          if (!oldest || c.lastSeen < oldest.lastSeen) oldest = { addr, idx, lastSeen: c.lastSeen };
        });
      }
      if (!oldest) break;
      const list = data.senders[oldest.addr] as KnownCertificate[];
      list.splice(oldest.idx, 1);
      if (list.length === 0) delete data.senders[oldest.addr];
    }
  }
}

/** Adapts Office.RoamingSettings (callback saveAsync) to SettingsLike. */
export function fromRoamingSettings(rs: {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback?: (result: {
      status: unknown;
      error?: { message?: string; code?: string | number; name?: string } | null | undefined;
    }) => void,
  ): void;
}): SettingsLike {
  return {
    get: (n) => rs.get(n),
    set: (n, v) => rs.set(n, v),
    saveAsync: () =>
      new Promise<void>((resolve, reject) => {
        rs.saveAsync((r) => {
          if (r.status === "failed" || (r.error && r.status !== "succeeded")) {
            reject(new Error(r.error?.message ?? "roaming settings could not be saved"));
          } else resolve();
        });
      }),
  };
}
