/**
 * earlyWorker.ts: the analysis worker boot.ts starts before the pane's entry is handed over once, and a
 * worker that failed to load is ended and not handed over (the supervisor then makes its own).
 */
import { startEarly, takeEarly } from "../../src/taskpane/earlyWorker";

class FakeWorker {
  terminated = false;
  private errorListeners: (() => void)[] = [];
  addEventListener(type: string, cb: () => void): void {
    if (type === "error") this.errorListeners.push(cb);
  }
  fail(): void {
    for (const cb of this.errorListeners) cb();
  }
  terminate(): void {
    this.terminated = true;
  }
}

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
