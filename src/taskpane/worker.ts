/**
 * Web Worker: runs the engine's diagnose() off the main thread, for every message, under the time limit of
 * analyze.ts (supervisor.ts ends the worker past it), so that no message can freeze or wedge the pane.
 * Protocol (structured clone; the message bytes are transferred, not copied):
 *   in:  { id, bytes: ArrayBuffer, trustAnchors: ArrayBuffer[], at?: string }
 *   out: { id, type: "started" } (first, so the time limit counts the engine's work only; supervisor.ts)
 *        | { id, type: "progress", fraction } | { id, type: "result", diagnosis } | { id, type: "error", message }
 */
import { paneTrust } from "./anchors";
import { paneRevocation } from "./revocationRelay";
import { diagnose, prepareAnchors, type Diagnosis, type DistrustEntry, type TrustAnchor } from "../engine";

export interface AnalyseRequest {
  id: number;
  bytes: ArrayBuffer;
  /** Extra anchors of a bundled sample (assets/samples), never from a message: explicit, beside the defaults. */
  trustAnchors: ArrayBuffer[];
  at?: string;
}

export type AnalyseResponse =
  | { id: number; type: "started" }
  | { id: number; type: "progress"; fraction: number }
  | { id: number; type: "result"; diagnosis: Diagnosis }
  | { id: number; type: "error"; message: string };

interface WorkerScope {
  postMessage(message: AnalyseResponse): void;
  addEventListener(type: "message", listener: (ev: MessageEvent<AnalyseRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Mozilla's e-mail roots and the organisation's (anchors.ts): part of this worker's one file, and decoded
 * as soon as the worker runs. The worker starts ahead of the first message (boot.ts, analyze.ts warmUp), so
 * the roots are ready when the message comes (issue #15). A failure is reported by the message's check.
 */
let defaults: { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } | undefined;
function defaultTrust(): { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } {
  if (!defaults) {
    defaults = paneTrust();
    // their subject index too, while the worker waits for the message (the same array goes to diagnose)
    prepareAnchors(defaults.anchors);
  }
  return defaults;
}
try {
  defaultTrust();
} catch {
  // the first message's check reports it
}

scope.addEventListener("message", (ev) => {
  const req = ev.data;
  scope.postMessage({ id: req.id, type: "started" });
  void (async () => {
    try {
      const at = req.at ? new Date(req.at) : undefined;
      let last = -1;
      const trust = defaultTrust();
      const diagnosis = await diagnose(new Uint8Array(req.bytes), {
        trustAnchors:
          req.trustAnchors.length === 0
            ? trust.anchors
            : [...req.trustAnchors.map((b) => new Uint8Array(b)), ...trust.anchors],
        distrust: trust.distrust,
        revocation: paneRevocation(),
        ...(at && !Number.isNaN(at.getTime()) ? { at } : {}),
        onProgress: (fraction) => {
          // throttle to whole percents
          const pct = Math.round(fraction * 100);
          if (pct !== last) {
            last = pct;
            scope.postMessage({ id: req.id, type: "progress", fraction });
          }
        },
      });
      scope.postMessage({ id: req.id, type: "result", diagnosis });
    } catch (e) {
      scope.postMessage({ id: req.id, type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
