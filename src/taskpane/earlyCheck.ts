/**
 * The read pane's first check, made by the boot script (firstVerdict.ts) before the pane's entry has loaded:
 * the message's bytes, the worker request's id and, once the worker has answered, its Diagnosis. The pane's
 * analyse() (analyze.ts) takes it over, once, for the same bytes instead of checking them a second time: the
 * view then shows the verdict the boot script showed, from the same Diagnosis (issue #15). A check still
 * running is taken over with the pane's time limit (supervisor.ts adopt), so a message that keeps the worker
 * busy is stopped as any other; a check of other bytes still running is ended (the worker is busy for
 * nobody). Two scripts with two webpack runtimes share nothing else, so the hand-over is one global, as for
 * the early worker (earlyWorker.ts) and the early read (office/earlyRead.ts).
 */
import { equalBytes, type Diagnosis } from "../engine";

const KEY = "__smimeAssistantEarlyCheck";

interface EarlyCheck {
  bytes: Uint8Array;
  id: number;
  state: "running" | "done" | "failed";
  diagnosis?: Diagnosis;
  /** Takes back what the boot script drew for these bytes (the pane shows another message). */
  withdraw: () => void;
}

/** What the pane finds for the bytes it is about to check. */
export type EarlyCheckFound =
  /** These bytes, answered: the Diagnosis to show. */
  | { state: "done"; diagnosis: Diagnosis }
  /** These bytes, the worker still on them: the request to take over. */
  | { state: "running"; id: number }
  /** Other bytes, the worker still on them: end it. */
  | { state: "busy" };

export interface EarlyCheckOffer {
  settle(diagnosis: Diagnosis): void;
  fail(): void;
}

/**
 * The boot script offers its check of bytes (its own copy: the worker is given another), made as request
 * id; withdraw takes back what it drew, should the pane check other bytes.
 */
export function offerEarlyCheck(bytes: Uint8Array, id: number, withdraw: () => void): EarlyCheckOffer {
  const early: EarlyCheck = { bytes, id, state: "running", withdraw };
  (globalThis as Record<string, unknown>)[KEY] = early;
  return {
    settle: (diagnosis) => {
      if (early.state !== "running") return;
      early.state = "done";
      early.diagnosis = diagnosis;
    },
    fail: () => {
      if (early.state === "running") early.state = "failed";
    },
  };
}

/**
 * What the boot script's check means for these bytes, once; undefined when there is nothing to take (no
 * check, a failed one, or a finished check of other bytes). Either way the offer is gone after this, and what
 * the boot script drew is taken back unless these are its bytes.
 */
export function takeEarlyCheck(bytes: Uint8Array): EarlyCheckFound | undefined {
  const g = globalThis as Record<string, unknown>;
  const early = g[KEY] as EarlyCheck | undefined;
  if (!early) return undefined;
  delete g[KEY];
  const same = equalBytes(early.bytes, bytes);
  if (!same) {
    try {
      early.withdraw();
    } catch {
      // nothing drawn to take back
    }
  }
  if (early.state === "failed") return undefined;
  if (!same) return early.state === "running" ? { state: "busy" } : undefined;
  if (early.state === "done" && early.diagnosis) return { state: "done", diagnosis: early.diagnosis };
  return { state: "running", id: early.id };
}
