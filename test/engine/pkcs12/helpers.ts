import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const P12_DIR = path.join(REPO, "test", "fixtures", "generated", "p12");
export const NSS_DIR = path.resolve(REPO, "..", "shared", "corpus", "thunderbird-smime");

export interface P12IndexEntry {
  file: string;
  password: string;
  email?: string;
  at: string;
  description: string;
  expect: { present: string[]; absent: string[] };
}

export function loadIndex(): P12IndexEntry[] {
  return JSON.parse(readFileSync(path.join(P12_DIR, "index.json"), "utf8")) as P12IndexEntry[];
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(P12_DIR, name)));
}

export function nssAvailable(): boolean {
  const ok = existsSync(path.join(NSS_DIR, "Alice.p12"));
  if (!ok) {
    console.warn(`\n*** NSS corpus not found at ${NSS_DIR}: the NSS PKCS#12 tests are SKIPPED ***\n`);
  }
  return ok;
}

export function nss(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(NSS_DIR, name)));
}
