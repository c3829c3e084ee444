/**
 * Main-thread side of the analysis worker. Every message, small or big, is diagnosed in a Web Worker under
 * a time limit (supervisor.ts): a message that takes too long ends its worker, the pane says it is too
 * complex to check here, and the next message gets a fresh worker. A newer request aborts the older one
 * (the user moved to another message).
 */
import type { Diagnosis } from "../engine";
import { takeEarlyCheck } from "./earlyCheck";
import { takeEarly } from "./earlyWorker";
import { newEngineWorker } from "./engineWorker";
import { testTimeLimit, WorkerSupervisor, type WorkerLike } from "./supervisor";
import type { AnalyseRequest, AnalyseResponse } from "./analysisRequest";

export { BIG_MESSAGE } from "./sizes";

/**
 * Time limit of one message's analysis in the pane: 20 s, plus 0.2 s per MB for big messages (a 50 MB
 * message takes well under a second in Chromium; the engine's costs grow linearly with the size). Past it,
 * the pane points to the command line (`smime-assistant diagnose`), which has no such limit.
 */
export const ANALYSE_TIME_LIMIT_MS = 20_000;
export const ANALYSE_TIME_PER_MB_MS = 200;

export function analyseTimeLimit(size: number): number {
  return testTimeLimit(ANALYSE_TIME_LIMIT_MS + Math.ceil(size / (1024 * 1024)) * ANALYSE_TIME_PER_MB_MS);
}

let supervisor: WorkerSupervisor<AnalyseResponse> | undefined;

function engine(): WorkerSupervisor<AnalyseResponse> {
  supervisor ??= new WorkerSupervisor<AnalyseResponse>({
    // the worker boot.ts started before the pane's entry ran, else a new one
    create: () => (takeEarly() ?? newEngineWorker()) as unknown as WorkerLike,
    timeLimitMs: ANALYSE_TIME_LIMIT_MS,
  });
  return supervisor;
}

/**
 * Starts the worker (and so the download and parsing of the engine chunk) ahead of the first message, so
 * it overlaps with reading the message from Outlook. Called only inside Outlook: the standalone page loads
 * the engine on the user's first action.
 */
export function warmUp(): void {
  try {
    engine().warmUp();
  } catch {
    // analyse() reports the failure when it matters
  }
}

export interface AnalyseOptions {
  trustAnchors?: Uint8Array[];
  at?: Date;
  onProgress?: (fraction: number) => void;
  /** Aborting ends the analysis (and its worker, if it is running). */
  signal?: AbortSignal;
}

/**
 * Diagnoses bytes in the worker. The bytes are transferred (the caller's copy becomes empty). Rejects
 * with a TimeLimitError (supervisor.ts) when the message takes longer than analyseTimeLimit(size).
 */
export async function analyse(bytes: Uint8Array, opts: AnalyseOptions = {}): Promise<Diagnosis> {
  const size = bytes.byteLength;
  // the boot script's check (earlyCheck.ts): of these bytes with the same defaults, taken over; of other
  // bytes and still running, ended (the worker would be busy for nobody)
  const early = takeEarlyCheck(bytes);
  const sameDefaults = !opts.trustAnchors?.length && !opts.at;
  if (early?.state === "done" && sameDefaults) return early.diagnosis;
  if (early?.state === "running" && sameDefaults) {
    const sup = engine();
    sup.warmUp();
    const taken = sup.adopt({
      id: early.id,
      timeLimitMs: analyseTimeLimit(size),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onReply: (r) => {
        if (r.type === "progress") opts.onProgress?.(r.fraction);
      },
    });
    if (taken) return diagnosisOf(await taken);
  }
  if (early && early.state !== "done") engine().restart();
  const reply = await engine().request({
    timeLimitMs: analyseTimeLimit(size),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onReply: (r) => {
      if (r.type === "progress") opts.onProgress?.(r.fraction);
    },
    message: (id) => {
      // own buffer of exactly the message (a subarray would transfer, and lose, the whole parent buffer)
      const buf =
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
          ? bytes.buffer
          : bytes.slice().buffer;
      const anchors = (opts.trustAnchors ?? []).map((a) => a.slice().buffer);
      const req: AnalyseRequest = {
        id,
        bytes: buf,
        trustAnchors: anchors,
        ...(opts.at ? { at: opts.at.toISOString() } : {}),
      };
      return { message: req, transfer: [buf, ...anchors] };
    },
  });
  return diagnosisOf(reply);
}

function diagnosisOf(reply: AnalyseResponse): Diagnosis {
  if (reply.type === "result") return reply.diagnosis;
  throw new Error(reply.type === "error" ? reply.message : "unexpected reply from the analysis worker");
}
