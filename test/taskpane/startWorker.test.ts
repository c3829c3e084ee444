/**
 * The read pane's inline starter (src/taskpane/startWorker.inline.js), run as taskpane.html holds it
 * (scripts/inline-starter.cjs, the text webpack writes into the page): it starts the analysis worker for
 * exactly the URLs paneMode.ts calls the read pane, leaves it where boot.ts's startEarly and the pane's
 * takeEarly find it, and never throws. The browser test "Outlook: at the manifests' read-pane URL the engine
 * worker is started by the page's inline starter…" checks the built page.
 */
import { startEarly, takeEarly } from "../../src/taskpane/earlyWorker";
import { FakeWorker } from "./fakeWorker";
import { paneModeFromUrl } from "../../src/taskpane/paneMode";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inlineStarter, fillInlineHashes } = require("../../scripts/inline-starter.cjs") as {
  inlineStarter(workerUrl: string): string;
  fillInlineHashes(html: string): string;
};

/** Runs the starter as the page would, with this search string and Worker; returns the workers it made. */
function runStarter(search: string, WorkerImpl: unknown = FakeWorker): FakeWorker[] {
  const made: FakeWorker[] = [];
  const Counting =
    WorkerImpl === FakeWorker
      ? class extends FakeWorker {
          constructor(url: string, options: unknown) {
            super(url, options);
            made.push(this);
          }
        }
      : WorkerImpl;
  const text = inlineStarter("smime-engine.0123abcd.chunk.js");
  // the page's globals: window is the global object (the hand-over global lands on globalThis)
  new Function("location", "Worker", "URLSearchParams", "window", text)(
    { search },
    Counting,
    URLSearchParams,
    globalThis,
  );
  return made;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__smimeAssistantEarlyWorker;
});

describe("the inline worker starter", () => {
  it("is the file's code, without its header, with the worker's URL filled in", () => {
    const text = inlineStarter("smime-engine.0123abcd.chunk.js");
    expect(text.startsWith("(() => {")).toBe(true);
    expect(text).toContain('new Worker("smime-engine.0123abcd.chunk.js", { name: "smime-engine" })');
    expect(text).not.toContain("__SMIME_ENGINE_WORKER__");
    expect(text).not.toContain("issue #15");
  });

  it("starts the analysis worker in the read pane, and boot.ts and the pane take that one", () => {
    const made = runStarter("?mode=read");
    expect(made).toHaveLength(1);
    expect(made[0]!.url).toBe("smime-engine.0123abcd.chunk.js");
    expect(made[0]!.options).toEqual({ name: "smime-engine" });
    // boot.ts: no second worker
    const second = jest.fn(() => new FakeWorker("other", {}) as unknown as Worker);
    expect(startEarly(second)).toBe(made[0]);
    expect(second).not.toHaveBeenCalled();
    // the pane's supervisor: handed over once
    expect(takeEarly()).toBe(made[0]);
    expect(takeEarly()).toBeUndefined();
  });

  it("starts it for exactly the URLs paneMode.ts calls the read pane", () => {
    for (const search of [
      "?mode=read",
      "?mode=READ&x=1",
      "?x=1&mode=Read",
      "?mode=compose",
      "",
      "?mode=",
      "?mode=other",
      "?_host_Info=Outlook$Win32$16.02$ja-JP",
      "?mode=read&mode=compose",
    ]) {
      const made = runStarter(search);
      expect({ search, started: made.length === 1 }).toEqual({
        search,
        started: paneModeFromUrl(search) === "read",
      });
      delete (globalThis as Record<string, unknown>).__smimeAssistantEarlyWorker;
    }
  });

  it("a worker that failed to load is ended by boot.ts, which starts its own", () => {
    const [first] = runStarter("?mode=read");
    first!.fail();
    const own = new FakeWorker("own", {});
    expect(startEarly(() => own as unknown as Worker)).toBe(own);
    expect(first!.terminated).toBe(true);
    expect(takeEarly()).toBe(own);
  });

  it("never throws: a Worker constructor that refuses leaves boot.ts to start the worker", () => {
    expect(() =>
      runStarter("?mode=read", function Refusing() {
        throw new Error("workers refused");
      }),
    ).not.toThrow();
    expect(takeEarly()).toBeUndefined();
  });

  it("the page's CSP lists the hash of each inline script and nothing else in its place", () => {
    const text = inlineStarter("w.js");
    const page = `<meta content="script-src 'self' __SMIME_INLINE_SCRIPT_HASHES__ https://cdn"><script>${text}</script><script src=boot.js></script>`;
    const filled = fillInlineHashes(page);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const crypto = require("node:crypto") as typeof import("node:crypto");
    const hash = crypto.createHash("sha256").update(text, "utf8").digest("base64");
    expect(filled).toContain(`script-src 'self' 'sha256-${hash}' https://cdn`);
    expect(fillInlineHashes(page.replace(/<script>[\s\S]*?<\/script>/, ""))).toContain(
      "script-src 'self' https://cdn",
    );
  });
});
