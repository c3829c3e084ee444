/**
 * The read pane's state machine (src/taskpane/messageAnalysis.ts) driven through a fake Office port, with
 * the real engine diagnosing the bundled samples: what the pane shows for each answer of Outlook, which
 * message wins a race, and that a newer message ends the older one's check.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine/index";
import type { Diagnosis } from "../../src/engine/types";
import type { DropResult, MessageSource, OfficePort } from "../../src/office/index";
import { MessageAnalysis, type AnalysisDeps, type Phase } from "../../src/taskpane/messageAnalysis";
import { TimeLimitError } from "../../src/taskpane/supervisor";

const SAMPLES = path.resolve(__dirname, "..", "..", "assets", "samples");
const AT = new Date("2030-01-01T00:00:00Z");
const bytesOf = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
/** Lets the engine (WebCrypto answers on other threads) run until pred holds; fails if it never does. */
async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !pred(); i++) await settle();
  expect(pred()).toBe(true);
}

/** A port whose reads answer from a queue of deferreds the test resolves. */
function fakePort() {
  const reads: Deferred<MessageSource>[] = [];
  const calls: string[] = [];
  let itemChanged: (() => void) | undefined;
  let dropped: ((r: DropResult) => void) | undefined;
  const remembered: Diagnosis[] = [];
  const port: OfficePort = {
    readCurrentMessage: () => {
      calls.push("read");
      const d = deferred<MessageSource>();
      reads.push(d);
      return d.promise;
    },
    onItemChanged: async (cb) => {
      itemChanged = cb;
      return true;
    },
    onDragAndDrop: async (cb) => {
      dropped = cb;
      return true;
    },
    secondLook: async (diagnosis, source) => ({ diagnosis, source }),
    rememberSigners: async (d) => {
      remembered.push(d);
      return 1;
    },
    host: () => ({ client: "outlook-web" }),
  };
  return {
    port,
    reads,
    calls,
    remembered,
    changeItem: () => itemChanged?.(),
    drop: (r: DropResult) => dropped?.(r),
  };
}

/** The real engine behind a gate per call, recording abort signals. */
function gatedEngine(calls: string[]) {
  const gates: Deferred<void>[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const finished = { count: 0 };
  const deps: AnalysisDeps = {
    analyse: async (bytes, opts) => {
      calls.push("analyse");
      const gate = deferred<void>();
      gates.push(gate);
      signals.push(opts.signal);
      await gate.promise;
      try {
        return await diagnose(bytes, { trustAnchors: opts.trustAnchors, at: AT });
      } finally {
        finished.count++;
      }
    },
    warmUp: () => calls.push("warmUp"),
  };
  return { deps, gates, signals, finished };
}

function record(): { phases: Phase[]; onPhase: (p: Phase) => void; last: () => Phase | undefined } {
  const phases: Phase[] = [];
  return { phases, onPhase: (p) => phases.push(p), last: () => phases[phases.length - 1] };
}

const source = (file: string, extra: Partial<MessageSource> = {}): MessageSource => ({
  rung: "eml",
  bytes: bytesOf(file),
  notes: [],
  ...extra,
});

describe("MessageAnalysis inside Outlook (fake port, real engine)", () => {
  it("starts the worker before reading, then shows the verdict", async () => {
    const office = fakePort();
    const engine = gatedEngine(office.calls);
    const r = record();
    const m = new MessageAnalysis(office.port, r.onPhase, engine.deps);
    m.start();
    expect(office.calls.slice(0, 2)).toEqual(["warmUp", "read"]);
    expect(r.last()).toEqual({ name: "reading" });
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await until(() => r.last()?.name === "analysing");
    engine.gates[0]!.resolve();
    await until(() => r.last()?.name === "done");
    const done = r.last();
    expect(done?.name).toBe("done");
    if (done?.name !== "done") return;
    expect(done.diagnosis.kind).toBe("signed");
    expect(done.byUser).toBeUndefined();
    expect(office.remembered).toEqual([done.diagnosis]);
  });

  it("started before the view exists (the entry, before React's first render): the view attaches and sees every phase from the current one on", async () => {
    const office = fakePort();
    const engine = gatedEngine(office.calls);
    const m = new MessageAnalysis(office.port, undefined, engine.deps);
    expect(m.phase).toEqual({ name: "reading" });
    m.start();
    expect(office.calls.slice(0, 2)).toEqual(["warmUp", "read"]);
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await until(() => m.phase.name === "analysing");
    // the view mounts now: it gets the phase it missed, then the rest
    const r = record();
    m.attach(r.onPhase);
    expect(r.phases).toEqual([{ name: "analysing", size: bytesOf("sample-signed.eml").byteLength }]);
    engine.gates[0]!.resolve();
    await until(() => r.last()?.name === "done");
    expect(m.phase).toBe(r.last());
    const done = r.last();
    if (done?.name !== "done") throw new Error("no verdict");
    expect(done.diagnosis.kind).toBe("signed");
  });

  /** A machine started on a fake port (the entry's), and whether its answeredOrAfter(waitMs) has resolved. */
  function waiting(waitMs: number, office = fakePort()) {
    const engine = gatedEngine(office.calls);
    const m = new MessageAnalysis(office.port, undefined, engine.deps);
    m.start();
    const wait = { woke: false };
    void m.answeredOrAfter(waitMs).then(() => (wait.woke = true));
    return { office, engine, m, wait };
  }

  it("answeredOrAfter (the first frame's wait): resolves when the verdict is there, not before", async () => {
    const { office, engine, m, wait } = waiting(60_000);
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await until(() => m.phase.name === "analysing");
    await settle();
    expect(wait.woke).toBe(false); // still checking: the pane keeps waiting
    engine.gates[0]!.resolve();
    await until(() => wait.woke);
    expect(m.phase.name).toBe("done");
    // already answered: no wait at all
    await expect(m.answeredOrAfter(60_000)).resolves.toBeUndefined();
  });

  it("answeredOrAfter: an error is an answer too; a check that takes longer ends the wait after waitMs", async () => {
    jest.useFakeTimers();
    try {
      const { office, m, wait } = waiting(400);
      await Promise.resolve();
      jest.advanceTimersByTime(399);
      await Promise.resolve();
      expect(wait.woke).toBe(false);
      jest.advanceTimersByTime(1);
      await Promise.resolve();
      expect(wait.woke).toBe(true);
      expect(m.phase).toEqual({ name: "reading" }); // the message is still read: the frame shows progress

      const second = waiting(60_000, office);
      office.reads[1]!.reject(new Error("Outlook said no"));
      for (let i = 0; i < 20 && !second.wait.woke; i++) await Promise.resolve();
      expect(second.m.phase.name).toBe("error");
      expect(second.wait.woke).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it("an item change while a message is checked: the older check is aborted and its result never shown", async () => {
    const office = fakePort();
    const engine = gatedEngine(office.calls);
    const r = record();
    const m = new MessageAnalysis(office.port, r.onPhase, engine.deps);
    m.start();
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await until(() => engine.gates.length === 1);
    office.changeItem();
    expect(engine.signals[0]?.aborted).toBe(true);
    office.reads[1]!.resolve(source("sample-tampered.eml"));
    await until(() => engine.gates.length === 2);
    engine.gates[1]!.resolve();
    engine.gates[0]!.resolve(); // the old check answers last: ignored
    await until(() => engine.finished.count === 2);
    await settle();
    const done = r.phases.filter((p) => p.name === "done");
    expect(done).toHaveLength(1);
    expect(done[0]?.name === "done" && done[0].diagnosis.signature).toBe("invalid");
  });

  it("a read that answers after a newer read is ignored", async () => {
    const office = fakePort();
    const engine = gatedEngine(office.calls);
    const r = record();
    const m = new MessageAnalysis(office.port, r.onPhase, engine.deps);
    m.start();
    office.changeItem();
    office.reads[1]!.resolve({ rung: "basic", notes: [], noItem: true });
    await settle();
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await settle();
    expect(r.last()).toMatchObject({ name: "empty" });
    expect(engine.gates).toHaveLength(0);
  });

  it("Outlook's answers: compose item, partial diagnosis, nothing readable, a failed read", async () => {
    const office = fakePort();
    const r = record();
    const m = new MessageAnalysis(office.port, r.onPhase, gatedEngine(office.calls).deps);
    const partial = await diagnose(bytesOf("sample-signed.eml"), { at: AT });
    const cases: [MessageSource | Error, Phase["name"]][] = [
      [{ rung: "basic", notes: [], itemMode: "compose" }, "compose"],
      [{ rung: "headers", notes: [], partial }, "done"],
      [{ rung: "basic", notes: [] }, "empty"],
      [new Error("mailbox gone"), "error"],
    ];
    for (const [answer, phase] of cases) {
      const loading = m.load();
      const read = office.reads[office.reads.length - 1]!;
      if (answer instanceof Error) read.reject(answer);
      else read.resolve(answer);
      await loading;
      expect(r.last()?.name).toBe(phase);
    }
    expect(r.last()).toEqual({
      name: "error",
      error: { key: "errorReadFailed", vars: { reason: "mailbox gone" } },
    });
  });

  it("a dropped message is checked and takes the focus; a drop without a message says why", async () => {
    const office = fakePort();
    const engine = gatedEngine(office.calls);
    const r = record();
    const m = new MessageAnalysis(office.port, r.onPhase, engine.deps);
    m.start();
    office.drop({ messages: [], ignored: ["report.pdf"], failed: [] });
    expect(r.last()).toEqual({
      name: "error",
      error: { key: "droppedNotMessage", vars: { names: "report.pdf" } },
    });
    office.drop({ messages: [], ignored: [], failed: [{ name: "big.eml", reason: "too-big" }] });
    expect(r.last()).toMatchObject({ name: "error", error: { key: "fileTooBig" } });
    office.drop({
      messages: [{ name: "dropped.eml", type: "message/rfc822", bytes: bytesOf("sample-mojibake.eml") }],
      ignored: [],
      failed: [],
    });
    engine.gates[0]!.resolve();
    await until(() => r.last()?.name === "done");
    expect(r.last()).toMatchObject({ name: "done", fileName: "dropped.eml", byUser: true });
    // the read from Outlook that started the pane answers late: it does not replace the dropped message
    office.reads[0]!.resolve(source("sample-signed.eml"));
    await settle();
    expect(r.last()).toMatchObject({ name: "done", fileName: "dropped.eml" });
  });

  it("past the time limit the pane says the message is too complex; stop() drops late results", async () => {
    const office = fakePort();
    const r = record();
    const deps: AnalysisDeps = {
      analyse: () => Promise.reject(new TimeLimitError(20_000)),
      warmUp: () => undefined,
    };
    const m = new MessageAnalysis(office.port, r.onPhase, deps);
    await m.open(bytesOf("sample-signed.eml"), [], { fileName: "x.eml" });
    expect(r.last()).toEqual({ name: "too-complex", seconds: 20, fileName: "x.eml" });
    const n = r.phases.length;
    m.stop();
    await m.open(bytesOf("sample-signed.eml"), [], {});
    expect(r.phases).toHaveLength(n);
  });
});

describe("MessageAnalysis on the standalone page (no port)", () => {
  it("does nothing at start; a file opened by the user is checked", async () => {
    const calls: string[] = [];
    const engine = gatedEngine(calls);
    const r = record();
    const m = new MessageAnalysis(undefined, r.onPhase, engine.deps);
    m.start();
    expect(calls).toEqual([]);
    expect(r.phases).toEqual([]);
    const opening = m.open(bytesOf("sample-encrypted.eml"), [], { fileName: "e.eml", byUser: true });
    expect(calls).toEqual(["analyse"]);
    engine.gates[0]!.resolve();
    await opening;
    expect(r.last()).toMatchObject({ name: "done", fileName: "e.eml", byUser: true });
    expect(r.last()?.name === "done" && r.last()).toHaveProperty("diagnosis.kind", "encrypted");
  });
});
