/** A Worker stand-in for the early-worker tests: records terminate(), and fail() fires its "error" listeners. */
export class FakeWorker {
  terminated = false;
  private errorListeners: (() => void)[] = [];
  constructor(
    readonly url?: string,
    readonly options?: unknown,
  ) {}
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
