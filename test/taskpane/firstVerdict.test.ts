/**
 * firstVerdict.ts: the boot script's first verdict. With a worker that runs the worker's own code
 * (analysisRequest.ts, the real engine) on real fixtures: the boot script draws the verdict the pane will
 * show (the same words as the pane's verdictOf for the same Diagnosis), hands that Diagnosis to the pane for
 * the same bytes only, and loads the entry exactly once, after the drawing or instead of it whenever there
 * is nothing it may draw. Drawing itself (the DOM) is checked in Chromium (test/browser/run.mjs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnosis } from "../../src/engine";
import type { AsyncResultLike } from "../../src/office/officeGlobal";
import {
  answerRequest,
  type AnalyseRequest,
  type AnalyseResponse,
  type FirstVerdictReply,
} from "../../src/taskpane/analysisRequest";
import { takeEarlyCheck } from "../../src/taskpane/earlyCheck";
import {
  ENTRY_DEADLINE_MS,
  FIRST_VERDICT_ID,
  FIRST_VERDICT_MAX_CHARS,
  startFirstVerdict,
  type FirstVerdictDeps,
} from "../../src/taskpane/firstVerdict";
import type { Lang } from "../../src/taskpane/i18n/index";
import { verdictOf } from "../../src/taskpane/verdict";

const MESSAGES = path.resolve(__dirname, "..", "fixtures", "generated", "messages");
const eml = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(MESSAGES, name)));
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

/** A worker that answers with the worker's own code (analysisRequest.ts), asynchronously. */
class EngineWorker {
  posted: AnalyseRequest[] = [];
  transferred: unknown[][] = [];
  private listeners: { message: ((ev: { data: AnalyseResponse }) => void)[]; error: (() => void)[] } = {
    message: [],
    error: [],
  };
  done: Promise<void> = Promise.resolve();
  addEventListener(type: "message" | "error", cb: (ev: never) => void): void {
    this.listeners[type].push(cb as never);
  }
  postMessage(req: AnalyseRequest, transfer: unknown[]): void {
    this.posted.push(req);
    this.transferred.push(transfer);
    this.done = answerRequest(req, (r) => {
      for (const cb of this.listeners.message) cb({ data: r });
    });
  }
  fail(): void {
    for (const cb of this.listeners.error) cb();
  }
}

interface Run {
  worker: EngineWorker;
  drawn: { v: FirstVerdictReply; lang: Lang; dark: boolean }[];
  withdrawn: number;
  entries: number;
  /** Fires the entry's deadline (the boot script's timer). */
  deadline: () => void;
  /** Settles the read, the check and the paint. */
  settle: () => Promise<void>;
}

function run(
  read: AsyncResultLike<string> | undefined,
  over: Partial<FirstVerdictDeps> = {},
  readLater?: Promise<AsyncResultLike<string> | undefined>,
): Run {
  const worker = new EngineWorker();
  const r: Run = {
    worker,
    drawn: [],
    withdrawn: 0,
    entries: 0,
    deadline: () => undefined,
    settle: async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((res) => setTimeout(res, 0));
        await worker.done;
      }
    },
  };
  startFirstVerdict({
    doc: {} as Document,
    worker: worker as unknown as Worker,
    read: readLater ?? Promise.resolve(read),
    loadEntry: () => r.entries++,
    lang: () => "ja",
    host: () => ({ client: "outlook-web", language: "ja" }),
    dark: () => false,
    classicWindows: () => false,
    setTimeout: (fn, ms) => {
      expect(ms).toBe(ENTRY_DEADLINE_MS);
      r.deadline = fn;
      return 0;
    },
    draw: (_doc, v, lang, dark) => r.drawn.push({ v, lang, dark }),
    withdraw: () => r.withdrawn++,
    afterPaint: (fn) => fn(),
    ...over,
  });
  return r;
}

const ok = (value: string): AsyncResultLike<string> => ({ status: "succeeded", value });

afterEach(() => {
  // nothing handed over by one test reaches the next
  takeEarlyCheck(new Uint8Array(0));
});

describe("the boot script's first verdict", () => {
  it("draws the verdict the pane would show, hands the same Diagnosis over for the same bytes, then loads the entry once", async () => {
    const bytes = eml("sender-match.eml");
    const r = run(ok(b64(bytes)));
    await r.settle();
    expect(r.worker.posted).toHaveLength(1);
    const req = r.worker.posted[0]!;
    expect(req.id).toBe(FIRST_VERDICT_ID);
    expect(req.first).toEqual({ lang: "ja", host: { client: "outlook-web", language: "ja" } });
    expect(req.trustAnchors).toEqual([]);
    // the bytes went to the worker whole, transferred
    expect(r.worker.transferred[0]).toEqual([req.bytes]);
    expect(r.drawn).toHaveLength(1);
    expect(r.entries).toBe(1);
    // the pane's analyse() adopts the Diagnosis for exactly these bytes, once; the drawing stays
    const found = takeEarlyCheck(bytes);
    expect(found?.state).toBe("done");
    const d = (found as { diagnosis: Diagnosis }).diagnosis;
    expect(takeEarlyCheck(bytes)).toBeUndefined();
    expect(r.withdrawn).toBe(0);
    const pane = verdictOf(d, "ja", { client: "outlook-web", language: "ja" });
    const drawn = r.drawn[0]!.v;
    expect([drawn.title, drawn.sentence, drawn.level, drawn.code]).toEqual([
      pane.title,
      pane.sentence,
      pane.level,
      pane.code,
    ]);
    expect(drawn.title.length).toBeGreaterThan(0);
    // the deadline after that changes nothing
    r.deadline();
    expect(r.entries).toBe(1);
  });

  it("words a danger in the pane's words too (a tampered mail), and never hands its Diagnosis to other bytes", async () => {
    const bytes = eml("tampered.eml");
    const r = run(ok(b64(bytes)));
    await r.settle();
    const drawn = r.drawn[0]!.v;
    expect(drawn.level).toBe("danger");
    expect(drawn.signatureFailed).toBe(true);
    // the pane checks other bytes (another message selected): nothing is handed over, the drawing is taken back
    const other = eml("sender-match.eml");
    expect(takeEarlyCheck(other)).toBeUndefined();
    expect(r.withdrawn).toBe(1);
  });

  it("draws nothing for a failed signature in classic Outlook for Windows (a second look may change it)", async () => {
    const r = run(ok(b64(eml("tampered.eml"))), { classicWindows: () => true });
    await r.settle();
    expect(r.worker.posted).toHaveLength(1);
    expect(r.drawn).toHaveLength(0);
    expect(r.entries).toBe(1);
  });

  it("a valid signature is drawn in classic Outlook for Windows as anywhere", async () => {
    const r = run(ok(b64(eml("sender-match.eml"))), { classicWindows: () => true });
    await r.settle();
    expect(r.drawn).toHaveLength(1);
    expect(r.drawn[0]!.v.signatureFailed).toBe(false);
  });

  it.each([
    ["no early read (compose, an older Outlook)", undefined],
    ["a failed read", { status: "failed", value: "", error: { message: "The item cannot be retrieved." } }],
    ["an empty answer", ok("")],
    ["a message too big to check before the pane", ok("A".repeat(FIRST_VERDICT_MAX_CHARS + 4))],
  ] as [string, AsyncResultLike<string> | undefined][])(
    "%s: nothing is checked or drawn, the entry is loaded at once",
    async (_name, read) => {
      const r = run(read);
      await r.settle();
      expect(r.worker.posted).toHaveLength(0);
      expect(r.drawn).toHaveLength(0);
      expect(r.entries).toBe(1);
      expect(takeEarlyCheck(new Uint8Array(0))).toBeUndefined();
    },
  );

  it("the deadline loads the entry when Outlook has not answered, and a late answer is then left to the pane", async () => {
    let answer: (r: AsyncResultLike<string>) => void = () => undefined;
    const r = run(undefined, {}, new Promise((res) => (answer = res)));
    await r.settle();
    expect(r.entries).toBe(0);
    r.deadline();
    expect(r.entries).toBe(1);
    answer(ok(b64(eml("sender-match.eml"))));
    await r.settle();
    expect(r.worker.posted).toHaveLength(0);
    expect(r.drawn).toHaveLength(0);
    expect(r.entries).toBe(1);
  });

  it("a check still running at the deadline is not drawn when it ends: the pane shows it", async () => {
    const r = run(ok(b64(eml("sender-match.eml"))));
    // the worker answers only once the deadline has passed
    const post = r.worker.postMessage.bind(r.worker);
    let release: () => void = () => undefined;
    r.worker.postMessage = (req, transfer) => {
      r.worker.posted.push(req);
      release = () => {
        r.worker.posted.pop();
        post(req, transfer);
      };
    };
    await r.settle();
    expect(r.worker.posted).toHaveLength(1);
    r.deadline();
    expect(r.entries).toBe(1);
    release();
    await r.settle();
    expect(r.drawn).toHaveLength(0);
    expect(r.entries).toBe(1);
    // its Diagnosis is still handed over (the pane's request for the same bytes takes it)
    expect(takeEarlyCheck(eml("sender-match.eml"))?.state).toBe("done");
  });

  it("a worker that fails to load loads the entry", async () => {
    let answer: (r: AsyncResultLike<string>) => void = () => undefined;
    const r = run(undefined, {}, new Promise((res) => (answer = res)));
    r.worker.fail();
    expect(r.entries).toBe(1);
    answer(ok(b64(eml("sender-match.eml"))));
    await r.settle();
    expect(r.worker.posted).toHaveLength(0);
  });

  it("an error reply loads the entry and draws nothing", async () => {
    const worker = new EngineWorker();
    worker.postMessage = function (req: AnalyseRequest) {
      this.posted.push(req);
      for (const cb of (this as unknown as { listeners: { message: ((e: unknown) => void)[] } }).listeners
        .message)
        cb({ data: { id: req.id, type: "error", message: "boom" } });
    };
    let entries = 0;
    const drawn: unknown[] = [];
    startFirstVerdict({
      doc: {} as Document,
      worker: worker as unknown as Worker,
      read: Promise.resolve(ok(b64(eml("sender-match.eml")))),
      loadEntry: () => entries++,
      lang: () => "en",
      host: () => ({ client: "unknown" }),
      dark: () => false,
      classicWindows: () => false,
      setTimeout: () => 0,
      draw: (_d, v) => drawn.push(v),
      afterPaint: (fn) => fn(),
    });
    for (let i = 0; i < 3; i++) await new Promise((res) => setTimeout(res, 0));
    expect(worker.posted).toHaveLength(1);
    expect(drawn).toHaveLength(0);
    expect(entries).toBe(1);
    expect(takeEarlyCheck(eml("sender-match.eml"))).toBeUndefined();
  });

  it("replies to other requests (the pane's, ids from 1) are not taken for the boot script's", async () => {
    const bytes = eml("sender-match.eml");
    const r = run(ok(b64(bytes)));
    const post = r.worker.postMessage.bind(r.worker);
    const listeners = (r.worker as unknown as { listeners: { message: ((e: unknown) => void)[] } }).listeners;
    r.worker.postMessage = (req, transfer) => {
      // another request's error and result come first
      for (const cb of listeners.message) {
        cb({ data: { id: 1, type: "error", message: "not yours" } });
        cb({ data: { id: 1, type: "result", diagnosis: { kind: "fake" } } });
      }
      post(req, transfer);
    };
    await r.settle();
    expect(r.drawn).toHaveLength(1);
    const found = takeEarlyCheck(bytes);
    expect(found?.state).toBe("done");
    expect((found as { diagnosis: Diagnosis }).diagnosis.kind).not.toBe("fake");
  });

  it("a check still running is handed over as running, with its request id; for other bytes the worker is busy", async () => {
    const bytes = eml("sender-match.eml");
    const r = run(ok(b64(bytes)));
    r.worker.postMessage = (req) => {
      r.worker.posted.push(req); // never answered
    };
    await r.settle();
    expect(takeEarlyCheck(bytes)).toEqual({ state: "running", id: FIRST_VERDICT_ID });
    expect(r.withdrawn).toBe(0);
    const again = run(ok(b64(bytes)));
    again.worker.postMessage = (req) => {
      again.worker.posted.push(req);
    };
    await again.settle();
    expect(takeEarlyCheck(eml("tampered.eml"))).toEqual({ state: "busy" });
    expect(again.withdrawn).toBe(1);
  });

  it("a failed check (an error reply, or the worker failing) is not handed over: the pane checks again", async () => {
    const bytes = eml("sender-match.eml");
    const r = run(ok(b64(bytes)));
    r.worker.postMessage = (req) => {
      r.worker.posted.push(req);
    };
    await r.settle();
    r.worker.fail();
    expect(r.entries).toBe(1);
    expect(takeEarlyCheck(bytes)).toBeUndefined();
  });
});
