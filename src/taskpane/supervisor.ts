/**
 * A Web Worker under a time limit: the pane's engine work (message analysis, the certificate file check)
 * runs in a worker that can be terminated, so no input can wedge the pane.
 *
 * One request runs at a time; the others wait in order. A request's clock starts when the worker says it
 * has started on it (the worker posts `{ id, type: "started" }` first), so the download and parsing of the
 * worker chunk do not count against the message (they have their own, generous, STARTUP_LIMIT_MS). When
 * the limit passes, the worker is terminated, the request fails with a TimeLimitError, and the next
 * request gets a fresh worker. A request aborted by its caller (the user moved on) is dropped if it waits,
 * and ends its worker if it runs.
 */

/** What the supervisor needs of a Worker (the browser's Worker satisfies it; tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: "message", listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: "error", listener: (ev: { message?: string }) => void): void;
}

/** Time a new worker may take to load its chunk and start on its first request. */
export const STARTUP_LIMIT_MS = 60_000;

/** The worker took longer than its time limit: it was terminated. */
export class TimeLimitError extends Error {
  readonly limitMs: number;
  constructor(limitMs: number) {
    super(`The check took longer than ${Math.round(limitMs / 1000)} s and was stopped.`);
    this.name = "TimeLimitError";
    this.limitMs = limitMs;
  }
}

export function isTimeLimitError(e: unknown): e is TimeLimitError {
  return e instanceof TimeLimitError || (e instanceof Error && e.name === "TimeLimitError");
}

/** The caller gave up on the request (a newer one replaced it). */
export class AbortedError extends Error {
  constructor() {
    super("The check was cancelled.");
    this.name = "AbortedError";
  }
}

/** A worker's answer: progress, or the end of a request (anything else with the id ends it too). */
export interface WorkerReply {
  id: number;
  type: string;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorOptions {
  /** Makes a new worker (called lazily, and again after a terminated one). */
  create: () => WorkerLike;
  /** Default time limit of a request, from the worker's "started". */
  timeLimitMs: number;
  startupLimitMs?: number;
  /** For tests: fake timers. */
  timers?: Timers;
}

export interface RequestOptions<R extends WorkerReply> {
  /** The message to post (its id is set by the supervisor) and what to transfer. */
  message: (id: number) => { message: unknown; transfer?: Transferable[] };
  /** This request's time limit (default: the supervisor's). */
  timeLimitMs?: number;
  /** Replies that do not end the request (e.g. progress). */
  onReply?: (reply: R) => void;
  /** Which reply types end the request (default: "result" and "error"). */
  final?: readonly string[];
  signal?: AbortSignal;
}

interface Job {
  opts: RequestOptions<WorkerReply>;
  id: number;
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
}

const DEFAULT_FINAL = ["result", "error"] as const;

export class WorkerSupervisor<R extends WorkerReply> {
  private readonly opts: SupervisorOptions;
  private readonly timers: Timers;
  private worker: WorkerLike | undefined;
  private current: Job | undefined;
  private timer: unknown;
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** How many workers were made (for tests and diagnostics). */
  created = 0;

  constructor(opts: SupervisorOptions) {
    this.opts = opts;
    this.timers = opts.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  /** Makes the worker now (so its chunk loads ahead of the first request). Never throws. */
  warmUp(): void {
    try {
      this.ensureWorker();
    } catch {
      // reported by the first request
    }
  }

  /** Runs one request; resolves with the worker's final reply (a "result" or an "error" reply). */
  request(opts: RequestOptions<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new AbortedError());
        return;
      }
      const job: Job = {
        opts: opts as RequestOptions<WorkerReply>,
        id: this.nextId++,
        resolve: resolve as (r: WorkerReply) => void,
        reject,
      };
      opts.signal?.addEventListener("abort", () => this.abort(job), { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Takes over a request the worker is already running, posted before this supervisor had the worker (the
   * boot script's check, earlyCheck.ts): it becomes the current request under the same rules as the others,
   * its time limit counted from now (its "started" went by before the supervisor listened). Only when idle:
   * resolves undefined at once otherwise (the caller then ends the worker with restart() and asks again).
   */
  adopt(opts: Omit<RequestOptions<R>, "message"> & { id: number }): Promise<R> | undefined {
    if (this.current || this.queue.length > 0 || !this.worker) return undefined;
    return new Promise<R>((resolve, reject) => {
      const job: Job = {
        opts: { ...opts, message: () => ({ message: undefined }) } as unknown as RequestOptions<WorkerReply>,
        id: opts.id,
        resolve: resolve as (r: WorkerReply) => void,
        reject,
      };
      if (opts.signal?.aborted) {
        this.current = job;
        this.dropWorker();
        this.finish(new AbortedError());
        return;
      }
      opts.signal?.addEventListener("abort", () => this.abort(job), { once: true });
      this.current = job;
      const limit = opts.timeLimitMs ?? this.opts.timeLimitMs;
      this.arm(limit, () => this.expire(limit));
    });
  }

  /**
   * Ends the worker while no request of this supervisor runs: it is busy with work nobody waits for any
   * more (the boot script's check of a message no longer selected). The next request gets a new worker.
   */
  restart(): void {
    if (this.current) return;
    this.dropWorker();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.opts.create();
    this.created++;
    w.addEventListener("message", (ev: { data: unknown }) => {
      if (this.worker === w) this.onMessage(ev.data);
    });
    w.addEventListener("error", (ev: { message?: string }) => {
      if (this.worker !== w) return;
      this.dropWorker();
      this.finish(new Error(ev.message || "The worker failed."));
    });
    this.worker = w;
    return w;
  }

  private dropWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    try {
      w?.terminate();
    } catch {
      // already gone
    }
  }

  private arm(ms: number, onExpiry: () => void): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(onExpiry, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    this.current = job;
    let w: WorkerLike;
    let posted: { message: unknown; transfer?: Transferable[] };
    try {
      w = this.ensureWorker();
      posted = job.opts.message(job.id);
      w.postMessage(posted.message, posted.transfer ?? []);
    } catch (e) {
      this.finish(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const startup = this.opts.startupLimitMs ?? STARTUP_LIMIT_MS;
    this.arm(startup, () => this.expire(startup));
  }

  private onMessage(data: unknown): void {
    const job = this.current;
    if (!job || !data || typeof data !== "object") return;
    const reply = data as WorkerReply;
    if (reply.id !== job.id) return;
    if (reply.type === "started") {
      const limit = job.opts.timeLimitMs ?? this.opts.timeLimitMs;
      this.arm(limit, () => this.expire(limit));
      return;
    }
    if ((job.opts.final ?? DEFAULT_FINAL).includes(reply.type)) {
      this.finish(undefined, reply);
      return;
    }
    try {
      job.opts.onReply?.(reply);
    } catch {
      // a caller's progress handler must not break the supervisor
    }
  }

  private expire(limitMs: number): void {
    if (!this.current) return;
    this.dropWorker();
    this.finish(new TimeLimitError(limitMs));
  }

  private abort(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(new AbortedError());
      return;
    }
    if (this.current === job) {
      this.dropWorker();
      this.finish(new AbortedError());
    }
  }

  /** Ends the current request and starts the next one. */
  private finish(error: Error | undefined, reply?: WorkerReply): void {
    const job = this.current;
    this.disarm();
    this.current = undefined;
    if (job) {
      if (error) job.reject(error);
      else job.resolve(reply as WorkerReply);
    }
    this.pump();
  }
}

/**
 * The evaluation time a test page sets (`window.__SMIME_ASSISTANT_TEST__ = { at: ISO-8601 }`), so that a
 * check of a test certificate does not depend on the day the test runs; undefined on every other page.
 */
export function testEvaluationTime(): Date | undefined {
  const hook = (globalThis as { __SMIME_ASSISTANT_TEST__?: { at?: unknown } }).__SMIME_ASSISTANT_TEST__;
  const at = typeof hook?.at === "string" ? new Date(hook.at) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/**
 * A stricter time limit set by a test page (`window.__SMIME_ASSISTANT_TEST__ = { timeLimitMs }` before
 * the pane loads). Only ever lowers the limit: a page cannot make the pane wait longer than it would.
 */
export function testTimeLimit(defaultMs: number): number {
  const hook = (globalThis as { __SMIME_ASSISTANT_TEST__?: { timeLimitMs?: unknown } })
    .__SMIME_ASSISTANT_TEST__;
  const v = hook?.timeLimitMs;
  return typeof v === "number" && Number.isFinite(v) && v > 0 && v < defaultMs ? v : defaultMs;
}
