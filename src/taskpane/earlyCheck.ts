/**
 * The read pane's first check, made by the boot script (firstVerdict.ts) before the pane's entry has loaded:
 * the message's bytes and, once the worker has answered, its Diagnosis. The pane's analyse() (analyze.ts)
 * adopts that Diagnosis, once, for the same bytes, instead of checking them a second time: the view then
 * shows the verdict the boot script showed, from the same Diagnosis (issue #15). Two scripts with two
 * webpack runtimes share nothing else, so the hand-over is one global, as for the early worker
 * (earlyWorker.ts) and the early read (office/earlyRead.ts).
 */
import type { Diagnosis } from "../engine";

const KEY = "__smimeAssistantEarlyCheck";

interface EarlyCheck {
  bytes: Uint8Array;
  diagnosis?: Diagnosis;
}

/**
 * The boot script offers a check of bytes (its own copy: the worker is given another). Returns the function
 * to call with the worker's Diagnosis.
 */
export function offerEarlyCheck(bytes: Uint8Array): (diagnosis: Diagnosis) => void {
  const early: EarlyCheck = { bytes };
  (globalThis as Record<string, unknown>)[KEY] = early;
  return (diagnosis) => {
    early.diagnosis = diagnosis;
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The boot script's Diagnosis of exactly these bytes, once; undefined when it made none, has none yet, or
 * checked other bytes (the pane then checks them itself). Either way the offer is gone after this.
 */
export function takeEarlyCheck(bytes: Uint8Array): Diagnosis | undefined {
  const g = globalThis as Record<string, unknown>;
  const early = g[KEY] as EarlyCheck | undefined;
  if (!early) return undefined;
  delete g[KEY];
  return early.diagnosis && sameBytes(early.bytes, bytes) ? early.diagnosis : undefined;
}
