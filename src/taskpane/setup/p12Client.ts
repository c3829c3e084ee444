/**
 * The certificate file check's worker client: checkPkcs12 in its own Web Worker (p12Worker.ts), under a
 * time limit (supervisor.ts). The worker chunk loads on the first check.
 */
import type { P12Options, P12Result } from "../../engine";
import { testTimeLimit, WorkerSupervisor, type WorkerLike } from "../supervisor";
import type { P12Request, P12Response } from "./p12Worker";

/**
 * Time limit of one certificate file check in the pane. The engine's iteration budget keeps real work to
 * about a second; past this limit the worker is ended and recreated and the pane points to the CLI.
 */
export const P12_TIME_LIMIT_MS = 20_000;

let supervisor: WorkerSupervisor<P12Response> | undefined;

/**
 * The default checker: checkPkcs12 in its own Web Worker (the worker chunk loads on the first check).
 * The bytes are transferred; rejects with a TimeLimitError past P12_TIME_LIMIT_MS.
 */
export const checkInWorker = async (bytes: Uint8Array, opts: P12Options): Promise<P12Result> => {
  supervisor ??= new WorkerSupervisor<P12Response>({
    create: () =>
      new Worker(new URL("./p12Worker.ts", import.meta.url), { name: "smime-p12" }) as unknown as WorkerLike,
    timeLimitMs: P12_TIME_LIMIT_MS,
  });
  const reply = await supervisor.request({
    timeLimitMs: testTimeLimit(P12_TIME_LIMIT_MS),
    message: (id) => {
      const buf = bytes.slice().buffer;
      const req: P12Request = {
        id,
        bytes: buf,
        password: opts.password,
        ...(opts.email ? { email: opts.email } : {}),
        ...(opts.at ? { at: opts.at.toISOString() } : {}),
      };
      return { message: req, transfer: [buf] };
    },
  });
  if (reply.type === "result") return reply.result;
  throw new Error(reply.type === "error" ? reply.message : "unexpected reply from the check");
};
