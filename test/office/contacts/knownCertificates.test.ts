/**
 * Known certificates in roaming settings: remembered per sender from verified mail only, refreshed,
 * kept within the size budget (oldest evicted), and read back for the compose-side check.
 */
import fs from "node:fs";
import path from "node:path";
import {
  KnownCertificatesStore,
  ROAMING_SETTINGS_LIMIT_BYTES,
  fromRoamingSettings,
  type SettingsLike,
} from "../../../src/office/contacts/knownCertificates";
import { diagnose, fromPem } from "../../../src/engine";
import { approval } from "./approvals";

class MemorySettings implements SettingsLike {
  values = new Map<string, unknown>();
  saves = 0;
  get(n: string): unknown {
    // Office hands back a copy of what was stored as JSON
    const v = this.values.get(n);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown);
  }
  set(n: string, v: unknown): void {
    this.values.set(n, JSON.parse(JSON.stringify(v)));
  }
  async saveAsync(): Promise<void> {
    this.saves++;
    const size = new TextEncoder().encode(JSON.stringify(Object.fromEntries(this.values))).length;
    if (size > ROAMING_SETTINGS_LIMIT_BYTES) throw new Error("9057: settings too large");
  }
}

const hex = (n: number): string => n.toString(16).padStart(64, "0");
const entry = (address: string, n: number, notAfter = "2030-01-01T00:00:00.000Z") =>
  approval({ address, sha256: hex(n), notBefore: "2020-01-01T00:00:00.000Z", notAfter });

describe("KnownCertificatesStore", () => {
  it("remembers per address (case-insensitive) and refreshes lastSeen without duplicating", async () => {
    const s = new MemorySettings();
    const store = new KnownCertificatesStore(s);
    await store.remember([entry("Alice@Example.com", 1)], new Date("2024-01-01T00:00:00Z"));
    await store.remember([entry("alice@example.com", 1)], new Date("2024-02-01T00:00:00Z"));
    await store.remember([entry("alice@example.com", 2)], new Date("2024-01-15T00:00:00Z"));
    const list = store.lookup("ALICE@example.com");
    expect(list.map((c) => c.sha256)).toEqual([hex(1), hex(2)]);
    expect(list[0]?.lastSeen).toBe("2024-02-01T00:00:00.000Z");
    expect(s.saves).toBe(3);
  });

  it("answers the compose-side question", async () => {
    const store = new KnownCertificatesStore(new MemorySettings());
    await store.remember([entry("a@example.com", 1, "2025-01-01T00:00:00.000Z")]);
    expect(store.status("a@example.com", new Date("2024-06-01T00:00:00Z"))).toBe("valid");
    expect(store.status("a@example.com", new Date("2026-06-01T00:00:00Z"))).toBe("expired");
    expect(store.status("a@example.com", new Date("2019-06-01T00:00:00Z"))).toBe("not-yet-valid");
    expect(store.status("nobody@example.com")).toBe("none");
  });

  it("stays within its budget by evicting the least recently seen, and within Office's 32 KB", async () => {
    const s = new MemorySettings();
    const store = new KnownCertificatesStore(s, { budgetBytes: 4096 });
    for (let i = 0; i < 200; i++) {
      await store.remember([entry(`sender${i}@example.com`, i + 1)], new Date(Date.UTC(2024, 0, 1, 0, i)));
    }
    const size = new TextEncoder().encode(JSON.stringify(s.get("knownCertificates"))).length;
    expect(size).toBeLessThanOrEqual(4096);
    const all = store.all();
    const kept = Object.keys(all);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toContain("sender199@example.com"); // newest kept
    expect(kept).not.toContain("sender0@example.com"); // oldest evicted
    // every kept sender is newer than every evicted one
    const keptIdx = kept.map((a) => Number(/\d+/.exec(a)?.[0]));
    expect(Math.min(...keptIdx)).toBe(200 - kept.length);
  });

  it("never exceeds Office's limit with the default budget", async () => {
    const s = new MemorySettings();
    s.set("otherSetting", "x".repeat(8000)); // someone else's setting in the same 32 KB
    const store = new KnownCertificatesStore(s);
    for (let i = 0; i < 400; i++) {
      await store.remember([entry(`s${i}@example.com`, i + 1)], new Date(Date.UTC(2024, 0, 1, 0, 0, i)));
    }
    expect(Object.keys(store.all()).length).toBeGreaterThan(50);
  });

  it("ignores garbage in the stored value", () => {
    const s = new MemorySettings();
    s.set("knownCertificates", { v: 1, senders: { "a@example.com": [{ sha256: "zz" }, 5, null], b: "x" } });
    const store = new KnownCertificatesStore(s);
    expect(store.all()).toEqual({});
    s.set("knownCertificates", "not json {");
    expect(store.lookup("a@example.com")).toEqual([]);
  });

  it("remembers the signers of a verified message, and nothing from an invalid one", async () => {
    const root = path.resolve(__dirname, "..", "..", "fixtures", "generated");
    const good = path.join(root, "messages", "signed-rsa-sha256.eml");
    const bad = path.join(root, "messages", "footer-appended.eml");
    const anchors = fromPem(fs.readFileSync(path.join(root, "pki", "root.pem"), "latin1"));
    const store = new KnownCertificatesStore(new MemorySettings());
    const dBad = await diagnose(new Uint8Array(fs.readFileSync(bad)), { trustAnchors: anchors });
    expect(dBad.signature).not.toBe("valid");
    expect(await store.rememberFromDiagnosis(dBad)).toBe(0);
    expect(store.all()).toEqual({});

    // the same valid message without the root: untrusted, so not remembered
    const dUntrusted = await diagnose(new Uint8Array(fs.readFileSync(good)));
    expect(dUntrusted.signature).toBe("valid");
    expect(await store.rememberFromDiagnosis(dUntrusted)).toBe(0);
    expect(store.all()).toEqual({});

    const d = await diagnose(new Uint8Array(fs.readFileSync(good)), { trustAnchors: anchors });
    expect(d.signature).toBe("valid");
    expect(await store.rememberFromDiagnosis(d, new Date("2024-05-01T00:00:00Z"))).toBeGreaterThan(0);
    const signer = d.signers[0];
    expect(signer).toBeDefined();
    const remembered = store.lookup(signer?.emails[0] as string);
    expect(remembered).toEqual([
      {
        sha256: signer?.sha256,
        notBefore: signer?.notBefore,
        notAfter: signer?.notAfter,
        lastSeen: "2024-05-01T00:00:00.000Z",
        ...(signer?.commonName ? { name: signer.commonName } : {}),
      },
    ]);
  });

  it("writes only the gate's approvals: a look-alike object is ignored", async () => {
    const s = new MemorySettings();
    const store = new KnownCertificatesStore(s);
    const real = entry("ceo@corp.example", 1);
    const forged = { ...real, sha256: hex(666) };
    await store.remember([forged as typeof real]);
    expect(store.all()).toEqual({});
    expect(s.saves).toBe(0);
    await store.remember([forged as typeof real, real]);
    expect(store.lookup("ceo@corp.example").map((c) => c.sha256)).toEqual([hex(1)]);
  });

  it("adapts Office's callback-style roaming settings", async () => {
    const stored = new Map<string, unknown>();
    let fail = false;
    const rs = {
      get: (n: string) => stored.get(n),
      set: (n: string, v: unknown) => void stored.set(n, v),
      saveAsync: (cb?: (r: { status: unknown; error?: { message?: string } }) => void) =>
        cb?.(fail ? { status: "failed", error: { message: "9057" } } : { status: "succeeded" }),
    };
    const store = new KnownCertificatesStore(fromRoamingSettings(rs));
    await store.remember([entry("a@example.com", 1)]);
    expect(store.lookup("a@example.com")).toHaveLength(1);
    fail = true;
    await expect(store.remember([entry("a@example.com", 2)])).rejects.toThrow("9057");
  });
});
