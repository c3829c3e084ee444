import { offItemChanged, onItemChanged } from "../../src/office";
import { fail, installOffice, never, throws, uninstallOffice } from "./fakeOffice";

afterEach(() => {
  uninstallOffice();
  jest.useRealTimers();
});

describe("onItemChanged", () => {
  it("registers for ItemChanged and reports whether an item is selected", async () => {
    const f = installOffice({ mailbox: "1.5" });
    const seen: boolean[] = [];
    await expect(onItemChanged((has) => seen.push(has))).resolves.toBe(true);
    expect(f.calls.addHandler).toEqual(["olkItemSelectedChanged"]);
    f.setItem(null); // unpinned / nothing selected
    f.handlers[0]!({ type: "olkItemSelectedChanged" });
    f.setItem({ itemClass: "IPM.Note" });
    f.handlers[0]!({ type: "olkItemSelectedChanged" });
    expect(seen).toEqual([false, true]);
  });

  it("a callback that throws does not escape the handler", async () => {
    const f = installOffice({ mailbox: "1.5" });
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await onItemChanged(() => {
      throw new Error("pane bug");
    });
    expect(() => f.handlers[0]!({})).not.toThrow();
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });

  it("resolves false below Mailbox 1.5 without calling Office", async () => {
    const f = installOffice({ mailbox: "1.4" });
    await expect(onItemChanged(() => undefined)).resolves.toBe(false);
    expect(f.calls.addHandler).toEqual([]);
  });

  it.each([
    ["an error status", fail()],
    ["a throw", throws()],
  ])("resolves false on %s", async (_label, behaviour) => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    installOffice({ mailbox: "1.5", addHandler: behaviour });
    await expect(onItemChanged(() => undefined)).resolves.toBe(false);
    warn.mockRestore();
  });

  it("resolves false when registration never answers (15 s)", async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    installOffice({ mailbox: "1.5", addHandler: never });
    const p = onItemChanged(() => undefined);
    await jest.advanceTimersByTimeAsync(15_001);
    await expect(p).resolves.toBe(false);
    warn.mockRestore();
  });

  it("outside Outlook resolves false; offItemChanged removes handlers", async () => {
    await expect(onItemChanged(() => undefined)).resolves.toBe(false);
    const f = installOffice({ mailbox: "1.5" });
    await onItemChanged(() => undefined);
    expect(f.handlers).toHaveLength(1);
    await expect(offItemChanged()).resolves.toBe(true);
    expect(f.handlers).toHaveLength(0);
  });
});
