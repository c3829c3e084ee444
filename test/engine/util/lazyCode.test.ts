/**
 * util/lazyCode.ts: engine code loaded on first use (noble's curves) is loaded once; a failed load is
 * reported as CodeUnavailableError and tried again on the next use.
 */
import { CodeUnavailableError, lazyCode, onlyIfLoaded } from "../../../src/engine/util/lazyCode";

describe("lazyCode", () => {
  it("loads once and keeps the module", async () => {
    const load = jest.fn(async () => ({ answer: 42 }));
    const get = lazyCode("the answer", load);
    expect(load).not.toHaveBeenCalled();
    expect(await get()).toEqual({ answer: 42 });
    expect(await get()).toBe(await get());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reports a failed load as CodeUnavailableError, and tries again next time", async () => {
    let fail = true;
    const load = jest.fn(async () => {
      if (fail) throw new Error("Loading chunk 928 failed.");
      return "curves";
    });
    const get = lazyCode("noble's NIST curves", load);
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeUnavailableError);
    expect((err as Error).message).toBe("noble's NIST curves could not be loaded: Loading chunk 928 failed.");
    fail = false;
    expect(await get()).toBe("curves");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("onlyIfLoaded rethrows only CodeUnavailableError", () => {
    expect(() => onlyIfLoaded(new CodeUnavailableError("x", "y"))).toThrow(CodeUnavailableError);
    expect(() => onlyIfLoaded(new Error("unreadable key"))).not.toThrow();
  });
});
