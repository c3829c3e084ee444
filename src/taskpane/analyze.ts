/**
 * Main-thread side of the analysis worker. One worker is kept for the pane's life; requests are answered in
 * order, a newer request makes the older one's answer ignored (the user moved to another message).
 */
import type { Diagnosis } from "../engine/types";
import type { AnalyseRequest, AnalyseResponse } from "./worker";

/** Above this, the pane shows the size and a determinate progress bar. */
export const BIG_MESSAGE = 1024 * 1024;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (d: Diagnosis) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }
>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./worker.ts", import.meta.url), { name: "smime-engine" });
  w.addEventListener("message", (ev: MessageEvent<AnalyseResponse>) => {
    const msg = ev.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === "progress") {
      p.onProgress?.(msg.fraction);
      return;
    }
    pending.delete(msg.id);
    if (msg.type === "result") p.resolve(msg.diagnosis);
    else p.reject(new Error(msg.message));
  });
  w.addEventListener("error", (ev) => {
    const err = new Error(ev.message || "The analysis worker failed to start.");
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = undefined;
  });
  worker = w;
  return w;
}

/**
 * Starts the worker (and so the download and parsing of the engine chunk) ahead of the first message, so
 * it overlaps with reading the message from Outlook. Called only inside Outlook: the standalone page loads
 * the engine on the user's first action.
 */
export function warmUp(): void {
  try {
    getWorker();
  } catch {
    // analyse() reports the failure when it matters
  }
}

export interface AnalyseOptions {
  trustAnchors?: Uint8Array[];
  at?: Date;
  onProgress?: (fraction: number) => void;
}

/** Diagnoses bytes in the worker. The bytes are transferred (the caller's copy becomes empty). */
export function analyse(bytes: Uint8Array, opts: AnalyseOptions = {}): Promise<Diagnosis> {
  return new Promise((resolve, reject) => {
    let w: Worker;
    try {
      w = getWorker();
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
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
    w.postMessage(req, [buf, ...anchors]);
  });
}
