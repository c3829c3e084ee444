/**
 * The worker supervisor: a request past its time limit ends its worker (terminate), fails with a
 * TimeLimitError, and the next request gets a new worker that answers. Fake workers and a manual clock:
 * nothing here depends on real time.
 */
import {
  AbortedError,
  isTimeLimitError,
  STARTUP_LIMIT_MS,
  TimeLimitError,
  WorkerSupervisor,
  testEvaluationTime,
  testTimeLimit,
  type Timers,
  type WorkerLike,
} from "../../src/taskpane/supervisor";

type Reply =
  | { id: number; type: "started" }
  | { id: number; type: "progress"; n: number }
  | { id: number; type: "result"; value: string }
  | { id: number; type: "error"; message: string };

/** A manual clock: advance() runs the timers that are due. */
class Clock implements Timers {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private seq = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const h = ++this.seq;
    this.timers.set(h, { at: this.now + ms, fn });
    return h;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [h, t] of [...this.timers]) {
      if (t.at <= this.now) {
        this.timers.delete(h);
        t.fn();
      }
    }
  }
  get pending(): number {
    return this.timers.size;
  }
}

/**
 * A fake worker: "hang" messages are never answered; others are answered with "started" then
 * "result" when the test calls respond().
 */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  terminated = false;
  received: { id: number; text: string }[] = [];
  private listeners: {
    message: ((ev: { data: unknown }) => void)[];
    error: ((ev: { message?: string }) => void)[];
  } = {
    message: [],
    error: [],
  };
  constructor() {
    FakeWorker.all.push(this);
  }
  addEventListener(type: "message" | "error", fn: (ev: never) => void): void {
    (this.listeners[type] as unknown[]).push(fn);
  }
  postMessage(message: unknown): void {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.received.push(message as { id: number; text: string });
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker posts a reply (ignored by a real browser once terminated; here: not delivered). */
  post(data: Reply): void {
    if (this.terminated) return;
    for (const l of this.listeners.message) l({ data });
  }
  fail(message: string): void {
    for (const l of this.listeners.error) l({ message });
  }
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

function setup(timeLimitMs = 1000) {
  FakeWorker.all = [];
  const clock = new Clock();
  const sup = new WorkerSupervisor<Reply>({ create: () => new FakeWorker(), timeLimitMs, timers: clock });
  const ask = (text: string, extra: { signal?: AbortSignal; onReply?: (r: Reply) => void } = {}) =>
    sup.request({ message: (id) => ({ message: { id, text } }), ...extra });
  return { clock, sup, ask };
}

function last(): FakeWorker {
  return FakeWorker.all[FakeWorker.all.length - 1] as FakeWorker;
}

test("an answered request resolves with the final reply; progress goes to onReply", async () => {
  const { sup, ask } = setup();
  const progress: number[] = [];
  const p = ask("small", { onReply: (r) => r.type === "progress" && progress.push(r.n) });
  const w = last();
  const { id } = w.received[0]!;
  w.post({ id, type: "started" });
  w.post({ id, type: "progress", n: 50 });
  w.post({ id, type: "result", value: "ok" });
  await expect(p).resolves.toEqual({ id, type: "result", value: "ok" });
  expect(progress).toEqual([50]);
  expect(sup.created).toBe(1);
  expect(w.terminated).toBe(false);
});

test("time-out → terminate → recreate → the next message works", async () => {
  const { clock, sup, ask } = setup(1000);
  const hostile = ask("hostile");
  const next = ask("next"); // waits: one request at a time
  const first = last();
  expect(first.received.map((m) => m.text)).toEqual(["hostile"]);
  first.post({ id: first.received[0]!.id, type: "started" });
  clock.advance(999);
  expect(first.terminated).toBe(false);
  clock.advance(1);
  const err = await hostile.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TimeLimitError);
  expect(isTimeLimitError(err)).toBe(true);
  expect((err as TimeLimitError).limitMs).toBe(1000);
  expect(first.terminated).toBe(true);
  // a late answer of the ended worker is not delivered (and would be ignored)
  first.post({ id: first.received[0]!.id, type: "result", value: "late" });
  // the waiting request went to a new worker
  expect(sup.created).toBe(2);
  const second = last();
  expect(second).not.toBe(first);
  expect(second.received.map((m) => m.text)).toEqual(["next"]);
  const id = second.received[0]!.id;
  second.post({ id, type: "started" });
  second.post({ id, type: "result", value: "fine" });
  await expect(next).resolves.toMatchObject({ type: "result", value: "fine" });
  expect(second.terminated).toBe(false);
  // and the one after that reuses the new worker
  const third = ask("third");
  await flush();
  expect(sup.created).toBe(2);
  const id3 = second.received[1]!.id;
  second.post({ id: id3, type: "started" });
  second.post({ id: id3, type: "result", value: "3" });
  await expect(third).resolves.toMatchObject({ value: "3" });
  expect(clock.pending).toBe(0);
});

test("the limit counts from the worker's start: loading the chunk has its own allowance", async () => {
  const { clock, ask } = setup(1000);
  const p = ask("slow start");
  const w = last();
  clock.advance(5000); // the worker chunk still loading: not yet the message's time
  expect(w.terminated).toBe(false);
  w.post({ id: w.received[0]!.id, type: "started" });
  clock.advance(1000);
  await expect(p).rejects.toBeInstanceOf(TimeLimitError);
  expect(w.terminated).toBe(true);
});

test("a worker that never starts is ended after the startup allowance", async () => {
  const { clock, ask } = setup(1000);
  const p = ask("never starts");
  clock.advance(STARTUP_LIMIT_MS);
  await expect(p).rejects.toBeInstanceOf(TimeLimitError);
  expect(last().terminated).toBe(true);
});

test("per-request limits", async () => {
  const { clock, sup } = setup(1000);
  const p = sup.request({ message: (id) => ({ message: { id, text: "big" } }), timeLimitMs: 5000 });
  const w = last();
  w.post({ id: w.received[0]!.id, type: "started" });
  clock.advance(4999);
  expect(w.terminated).toBe(false);
  clock.advance(1);
  await expect(p).rejects.toMatchObject({ limitMs: 5000 });
});

test("an aborted running request ends its worker; an aborted waiting one is dropped", async () => {
  const { sup, ask } = setup();
  const a1 = new AbortController();
  const a2 = new AbortController();
  const running = ask("running", { signal: a1.signal });
  const waiting = ask("waiting", { signal: a2.signal });
  const after = ask("after");
  const w = last();
  a2.abort();
  await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  a1.abort();
  await expect(running).rejects.toBeInstanceOf(AbortedError);
  expect(w.terminated).toBe(true);
  expect(sup.created).toBe(2);
  const w2 = last();
  expect(w2.received.map((m) => m.text)).toEqual(["after"]);
  w2.post({ id: w2.received[0]!.id, type: "result", value: "ok" });
  await expect(after).resolves.toMatchObject({ value: "ok" });
});

test("a worker error fails the running request; the next request gets a new worker", async () => {
  const { sup, ask } = setup();
  const p = ask("x");
  last().fail("chunk failed to load");
  await expect(p).rejects.toThrow("chunk failed to load");
  const q = ask("y");
  const w = last();
  expect(sup.created).toBe(2);
  w.post({ id: w.received[0]!.id, type: "error", message: "bad input" });
  await expect(q).resolves.toMatchObject({ type: "error", message: "bad input" });
});

test("the test hook can only lower the limit", () => {
  const g = globalThis as { __SMIME_ASSISTANT_TEST__?: unknown };
  try {
    expect(testTimeLimit(20_000)).toBe(20_000);
    g.__SMIME_ASSISTANT_TEST__ = { timeLimitMs: 300 };
    expect(testTimeLimit(20_000)).toBe(300);
    g.__SMIME_ASSISTANT_TEST__ = { timeLimitMs: 10_000_000 };
    expect(testTimeLimit(20_000)).toBe(20_000);
    g.__SMIME_ASSISTANT_TEST__ = { timeLimitMs: "1" };
    expect(testTimeLimit(20_000)).toBe(20_000);
  } finally {
    delete g.__SMIME_ASSISTANT_TEST__;
  }
});

test("the test hook's evaluation time: an ISO instant, else none", () => {
  const g = globalThis as { __SMIME_ASSISTANT_TEST__?: unknown };
  try {
    expect(testEvaluationTime()).toBeUndefined();
    g.__SMIME_ASSISTANT_TEST__ = { at: "2026-06-01T00:00:00Z" };
    expect(testEvaluationTime()?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    g.__SMIME_ASSISTANT_TEST__ = { at: "not a time" };
    expect(testEvaluationTime()).toBeUndefined();
    g.__SMIME_ASSISTANT_TEST__ = { at: 1_780_000_000_000 };
    expect(testEvaluationTime()).toBeUndefined();
  } finally {
    delete g.__SMIME_ASSISTANT_TEST__;
  }
});

describe("a request already running when the supervisor takes the worker (the boot script's check)", () => {
  test("is taken over: its replies reach the caller, nothing is posted again", async () => {
    const { sup, ask } = setup(1000);
    sup.warmUp();
    const w = last();
    const progress: number[] = [];
    const p = sup.adopt({ id: 0, onReply: (r) => r.type === "progress" && progress.push(r.n) });
    expect(p).toBeDefined();
    w.post({ id: 0, type: "progress", n: 30 });
    w.post({ id: 0, type: "result", value: "early" });
    await expect(p).resolves.toEqual({ id: 0, type: "result", value: "early" });
    expect(progress).toEqual([30]);
    expect(w.received).toEqual([]);
    // the next request goes to the same worker, once the adopted one is done
    const next = ask("next");
    await flush();
    expect(w.received.map((m) => m.text)).toEqual(["next"]);
    const id = w.received[0]!.id;
    expect(id).not.toBe(0);
    w.post({ id, type: "result", value: "n" });
    await expect(next).resolves.toMatchObject({ value: "n" });
  });

  test("is under the same time limit, counted from the take-over: past it the worker is ended", async () => {
    const { clock, sup, ask } = setup(1000);
    sup.warmUp();
    const w = last();
    const p = sup.adopt({ id: 0, timeLimitMs: 500 });
    const next = ask("next"); // waits for the adopted request
    clock.advance(499);
    expect(w.terminated).toBe(false);
    clock.advance(1);
    const err = await p!.catch((e: unknown) => e);
    expect(isTimeLimitError(err)).toBe(true);
    expect((err as TimeLimitError).limitMs).toBe(500);
    expect(w.terminated).toBe(true);
    // the waiting request got a new worker
    expect(sup.created).toBe(2);
    const second = last();
    const id = second.received[0]!.id;
    second.post({ id, type: "result", value: "fine" });
    await expect(next).resolves.toMatchObject({ value: "fine" });
  });

  test("aborted by its caller (another message selected), it ends the worker", async () => {
    const { sup } = setup(1000);
    sup.warmUp();
    const w = last();
    const abort = new AbortController();
    const p = sup.adopt({ id: 0, signal: abort.signal });
    abort.abort();
    await expect(p).rejects.toBeInstanceOf(AbortedError);
    expect(w.terminated).toBe(true);
  });

  test("is not taken while another request runs or before there is a worker", () => {
    const { sup, ask } = setup(1000);
    expect(sup.adopt({ id: 0 })).toBeUndefined();
    void ask("busy").catch(() => undefined);
    expect(sup.adopt({ id: 0 })).toBeUndefined();
  });

  test("restart() ends a worker busy for nobody when idle, and never one running a request", async () => {
    const { sup, ask } = setup(1000);
    sup.warmUp();
    const first = last();
    sup.restart();
    expect(first.terminated).toBe(true);
    const p = ask("x");
    const second = last();
    expect(second).not.toBe(first);
    sup.restart();
    expect(second.terminated).toBe(false);
    const id = second.received[0]!.id;
    second.post({ id, type: "result", value: "x" });
    await expect(p).resolves.toMatchObject({ value: "x" });
  });
});
