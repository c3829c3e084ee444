/**
 * Web Worker: runs the engine's diagnose() off the main thread, for every message, under the time limit of
 * analyze.ts (supervisor.ts ends the worker past it), so that no message can freeze or wedge the pane. The
 * protocol and the work are analysisRequest.ts's.
 */
import { answerRequest, defaultTrust, type AnalyseRequest, type AnalyseResponse } from "./analysisRequest";

export type { AnalyseRequest, AnalyseResponse, FirstVerdictReply } from "./analysisRequest";

interface WorkerScope {
  postMessage(message: AnalyseResponse): void;
  addEventListener(type: "message", listener: (ev: MessageEvent<AnalyseRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

// the default trust anchors, decoded and indexed as soon as the worker runs, before the first message
try {
  defaultTrust();
} catch {
  // the first message's check reports it
}

scope.addEventListener("message", (ev) => {
  void answerRequest(ev.data, (r) => scope.postMessage(r));
});
