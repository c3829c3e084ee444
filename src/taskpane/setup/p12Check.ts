/**
 * The certificate file check's logic, apart from React: read the chosen file, run checkPkcs12 locally in a
 * Web Worker under a time limit (the engine's iteration budget bounds the work; the limit makes sure the
 * pane survives whatever is left), pick the FAQ entries that fit. The password is only passed through, to
 * the worker by postMessage: never stored, logged or returned.
 */
import type { LocalizedText, P12Options, P12Result } from "../../engine";
import { isTimeLimitError, testEvaluationTime } from "../supervisor";
import { both, formatSize } from "../i18n/index";

/** A PKCS#12 file is a few kilobytes; anything this big is the wrong file. */
export const MAX_P12_BYTES = 5 * 1024 * 1024;

/** What the check needs of a File (the browser's File satisfies it). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type P12Checker = (bytes: Uint8Array, opts: P12Options) => Promise<P12Result>;

export type FileCheckOutcome =
  | { kind: "result"; fileName: string; result: P12Result; faq: string[] }
  | { kind: "error"; message: LocalizedText };

/** FAQ entries for a check result: what PKCS#12 is, several PCs, keep expired keys; expiry → renewal. */
export function faqForP12(result: P12Result): string[] {
  const codes = new Set(result.findings.map((f) => f.code));
  const ids: string[] = [];
  if (codes.has("CERT_EXPIRED") || codes.has("CERT_EXPIRING"))
    ids.push("expired-certificate", "get-jcan-certificate");
  if (codes.has("P12_BAD_PASSWORD") || codes.has("P12_MALFORMED") || codes.has("P12_NO_KEY"))
    ids.push("pkcs12");
  ids.push("import-multiple-pcs", "keep-expired-revoked-keys");
  if (!ids.includes("pkcs12")) ids.push("pkcs12");
  return ids;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

/** Reads the file and checks it. Never throws. */
export async function runFileCheck(
  file: FileLike | null | undefined,
  password: string,
  opts: { email?: string; at?: Date; check?: P12Checker } = {},
): Promise<FileCheckOutcome> {
  if (!file) {
    return { kind: "error", message: both("fileChooseFirst") };
  }
  if (file.size > MAX_P12_BYTES) {
    return { kind: "error", message: both("fileTooLarge", { size: formatSize(file.size) }) };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { kind: "error", message: both("fileUnreadable", { reason: reason(e) }) };
  }
  // the worker client is its own small module: `new Worker(new URL(…, import.meta.url))` is for webpack
  const check =
    opts.check ?? (await import(/* webpackChunkName: "p12-client" */ "./p12Client")).checkInWorker;
  const at = opts.at ?? testEvaluationTime();
  try {
    const result = await check(bytes, {
      password,
      ...(opts.email ? { email: opts.email } : {}),
      ...(at ? { at } : {}),
    });
    return { kind: "result", fileName: file.name, result, faq: faqForP12(result) };
  } catch (e) {
    if (isTimeLimitError(e)) {
      return {
        kind: "error",
        message: both("fileTooComplex", {
          seconds: Math.round(e.limitMs / 1000),
          name: /^[\w.-]+$/.test(file.name) ? file.name : "FILE.p12",
        }),
      };
    }
    // checkPkcs12 never throws by contract; keep the pane alive if it ever does (no password in the text).
    return { kind: "error", message: both("fileUncheckable", { reason: reason(e) }) };
  } finally {
    bytes.fill(0);
  }
}
