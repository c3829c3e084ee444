/**
 * Typed wrapper over Office.context.roamingSettings (per-user, per-add-in, stored in the mailbox; about
 * 32 KB in all). Outside Outlook (standalone page, tests) the values live in localStorage when there is
 * one, else in memory, so callers need no special case. get/set/remove act on the local copy; save()
 * persists it (roamingSettings.saveAsync).
 */
import { callOffice } from "./async";
import { officeGlobal, safe, type RoamingSettingsLike } from "./officeGlobal";

/** Every roaming setting the add-in keeps. Add keys here (optional), never rename. */
export interface SettingsSchema {
  /** The pane's language: "auto" follows Office's display language. */
  language?: "auto" | "ja" | "en";
  /** Extra trust anchors the user added (PEM text of each certificate). */
  trustAnchors?: string[];
  /** Show the technical details of findings by default. */
  showDetails?: boolean;
  /** Ids of tips / banners the user dismissed. */
  dismissed?: string[];
}

export type SettingKey = keyof SettingsSchema;

const PREFIX = "smime-assistant:";
const memory = new Map<string, unknown>();

interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

function roaming(): RoamingSettingsLike | undefined {
  const r = safe(() => officeGlobal()?.context?.roamingSettings);
  return r && typeof r.get === "function" ? r : undefined;
}

function local(): StorageLike | undefined {
  return safe(() => {
    const s = (globalThis as { localStorage?: StorageLike }).localStorage;
    return s && typeof s.getItem === "function" ? s : undefined;
  });
}

export function getSetting<K extends SettingKey>(key: K): SettingsSchema[K] | undefined {
  const r = roaming();
  let v: unknown;
  if (r) {
    v = safe(() => r.get(key));
  } else {
    const ls = local();
    if (ls) {
      const raw = safe(() => ls.getItem(PREFIX + key));
      v = raw == null ? undefined : safe(() => JSON.parse(raw) as unknown);
    } else {
      v = memory.get(key);
    }
  }
  return v === null || v === undefined ? undefined : (v as SettingsSchema[K]);
}

export function setSetting<K extends SettingKey>(key: K, value: SettingsSchema[K]): void {
  if (value === undefined) {
    removeSetting(key);
    return;
  }
  const r = roaming();
  if (r) {
    safe(() => r.set(key, value));
    return;
  }
  const ls = local();
  if (ls) safe(() => ls.setItem(PREFIX + key, JSON.stringify(value)));
  else memory.set(key, value);
}

export function removeSetting(key: SettingKey): void {
  const r = roaming();
  if (r) {
    safe(() => r.remove(key));
    return;
  }
  const ls = local();
  if (ls) safe(() => ls.removeItem(PREFIX + key));
  else memory.delete(key);
}

/**
 * Persists the settings (roamingSettings.saveAsync). Resolves true when saved (or when there is nothing
 * to save to: outside Outlook the values are already stored), false when Outlook reported a failure.
 */
export async function saveSettings(): Promise<boolean> {
  const r = roaming();
  if (!r) return true;
  try {
    await callOffice<void>("roamingSettings.saveAsync", (cb) => r.saveAsync(cb));
    return true;
  } catch (e) {
    console.warn("S/MIME Assistant: settings were not saved", e);
    return false;
  }
}
