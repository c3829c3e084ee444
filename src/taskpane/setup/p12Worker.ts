/**
 * Web Worker of the certificate file check: runs checkPkcs12 off the main thread, under the time limit of
 * p12Check.ts (supervisor.ts), so that no file can freeze the pane.
 * Protocol: in { id, bytes: ArrayBuffer (transferred), password, email?, at? }
 *           out { id, type: "started" }, then { id, type: "result", result } | { id, type: "error", message }
 * The password exists only in the message and this call: never stored, logged or posted back.
 */
import { checkPkcs12, type P12Result } from "../../engine";

export interface P12Request {
  id: number;
  bytes: ArrayBuffer;
  password: string;
  email?: string;
  at?: string;
}

export type P12Response =
  | { id: number; type: "started" }
  | { id: number; type: "result"; result: P12Result }
  | { id: number; type: "error"; message: string };

interface WorkerScope {
  postMessage(message: P12Response): void;
  addEventListener(type: "message", listener: (ev: MessageEvent<P12Request>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener("message", (ev) => {
  const req = ev.data;
  scope.postMessage({ id: req.id, type: "started" });
  void (async () => {
    const bytes = new Uint8Array(req.bytes);
    try {
      const at = req.at ? new Date(req.at) : undefined;
      const result = await checkPkcs12(bytes, {
        password: req.password,
        ...(req.email ? { email: req.email } : {}),
        ...(at && !Number.isNaN(at.getTime()) ? { at } : {}),
      });
      scope.postMessage({ id: req.id, type: "result", result });
    } catch (e) {
      // checkPkcs12 never throws by contract; the message never contains the password
      scope.postMessage({ id: req.id, type: "error", message: e instanceof Error ? e.name : "error" });
    } finally {
      bytes.fill(0);
    }
  })();
});
