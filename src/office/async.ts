/**
 * Office's callback APIs as promises: resolves with AsyncResult.value when the status is "succeeded",
 * rejects with an OfficeCallError when it failed, when the call threw, or when no answer came within the
 * time limit (a late answer is then ignored).
 */
import { isSucceeded, type Callback } from "./officeGlobal";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type OfficeCallErrorKind = "failed" | "threw" | "timeout" | "missing";

export class OfficeCallError extends Error {
  readonly kind: OfficeCallErrorKind;
  /** The Office API called, e.g. "item.getAsFileAsync". */
  readonly api: string;
  /** AsyncResult.error.code (or .name) when Office gave one. */
  readonly code: number | string | undefined;

  constructor(kind: OfficeCallErrorKind, api: string, message: string, code?: number | string) {
    super(message);
    this.name = "OfficeCallError";
    this.kind = kind;
    this.api = api;
    this.code = code;
  }
}

export function callOffice<T>(
  api: string,
  invoke: (callback: Callback<T>) => void,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(
        new OfficeCallError("timeout", api, `${api} gave no answer within ${Math.round(timeoutMs / 1000)} s`),
      );
    }, timeoutMs);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    try {
      invoke((result) => {
        finish(() => {
          if (isSucceeded(result)) {
            resolve(result.value);
          } else {
            const err = result?.error ?? undefined;
            const code = err?.code ?? err?.name;
            reject(
              new OfficeCallError(
                "failed",
                api,
                `${api} failed: ${err?.message || err?.name || "no reason given"}`,
                code ?? undefined,
              ),
            );
          }
        });
      });
    } catch (e) {
      finish(() => reject(new OfficeCallError("threw", api, `${api} threw: ${describe(e)}`)));
    }
  });
}

export function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
