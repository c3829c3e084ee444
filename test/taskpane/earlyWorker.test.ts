/**
 * earlyWorker.ts: the analysis worker boot.ts starts before the pane's entry is handed over once, and a
 * worker that failed to load is ended and not handed over (the supervisor then makes its own).
 */
import { startEarly, takeEarly } from "../../src/taskpane/earlyWorker";
import { FakeWorker } from "./fakeWorker";

describe("the early analysis worker", () => {
  it("is handed over once", () => {
    expect(takeEarly()).toBeUndefined();
    const w = new FakeWorker();
    startEarly(() => w as unknown as Worker);
    expect(takeEarly()).toBe(w);
    expect(takeEarly()).toBeUndefined();
    expect(w.terminated).toBe(false);
  });

  it("is not handed over when it failed to load: it is ended instead", () => {
    const w = new FakeWorker();
    startEarly(() => w as unknown as Worker);
    w.fail();
    expect(takeEarly()).toBeUndefined();
    expect(w.terminated).toBe(true);
  });

  it("a Worker constructor that throws leaves nothing to take", () => {
    startEarly(() => {
      throw new Error("workers refused");
    });
    expect(takeEarly()).toBeUndefined();
  });
});

describe("a worker the page's inline starter already started", () => {
  const KEY = "__smimeAssistantEarlyWorker";
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[KEY];
  });

  it("is the one startEarly returns: no second worker is made", () => {
    const started = new FakeWorker();
    (globalThis as Record<string, unknown>)[KEY] = { worker: started, failed: false };
    const make = jest.fn(() => new FakeWorker() as unknown as Worker);
    expect(startEarly(make)).toBe(started);
    expect(make).not.toHaveBeenCalled();
    expect(takeEarly()).toBe(started);
  });

  it("is ended and replaced when it has already failed to load", () => {
    const started = new FakeWorker();
    (globalThis as Record<string, unknown>)[KEY] = { worker: started, failed: true };
    const own = new FakeWorker();
    expect(startEarly(() => own as unknown as Worker)).toBe(own);
    expect(started.terminated).toBe(true);
    expect(takeEarly()).toBe(own);
  });
});
