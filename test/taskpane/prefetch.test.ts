/**
 * The verdict view's chunks are prefetched while the message is read (issue #15). Mechanism, no timing:
 * every lazy() chunk of the verdict view is started by prefetchVerdictView() under the same chunk name
 * and module (so webpack makes one chunk and lazy() finds it loaded), and those imports load the modules
 * the view renders. That the prefetch starts before Outlook is asked for the message is in
 * messageAnalysis.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { prefetchOnDemand, prefetchVerdictView } from "../../src/taskpane/prefetch";

const TASKPANE = path.resolve(__dirname, "..", "..", "src", "taskpane");
/** The files of the verdict view that load chunks of their own. */
const VIEW_FILES = ["VerdictView.tsx", "components/SignerCard.tsx"];

/** [chunk name, resolved module path] of each `import(/* webpackChunkName: "x" *\/ "./path")` in file. */
function chunkImports(file: string): [string, string][] {
  const text = fs.readFileSync(path.join(TASKPANE, file), "utf8");
  const re = /import\(\s*\/\*\s*webpackChunkName:\s*"([\w-]+)"\s*\*\/\s*"([^"]+)"\s*\)/g;
  return [...text.matchAll(re)].map((m) => [
    m[1]!,
    path.resolve(path.dirname(path.join(TASKPANE, file)), m[2]!),
  ]);
}

describe("prefetchVerdictView", () => {
  const prefetched = chunkImports("prefetch.ts");

  it("covers every lazy chunk of the verdict view, under the same name and module", () => {
    const view = VIEW_FILES.flatMap(chunkImports);
    // the view does load chunks lazily (else this test would check nothing)
    expect(view.map(([name]) => name).sort()).toEqual(expect.arrayContaining(["details", "faq", "setup"]));
    for (const pair of view) expect(prefetched).toContainEqual(pair);
  });

  it("loads the modules the view renders, once: at once faq and setup, on demand details", async () => {
    const first = prefetchVerdictView();
    expect(prefetchVerdictView()).toBe(first);
    const loaded = (await first) as Record<string, Record<string, unknown>>;
    expect(Object.keys(loaded).sort()).toEqual(["faq", "setup"]);
    expect(typeof loaded["faq"]?.["default"]).toBe("function");
    expect(typeof loaded["setup"]?.["SelfTestPanel"]).toBe("function");
    const later = (await prefetchOnDemand()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(later)).toEqual(["details"]);
    expect(typeof later["details"]?.["default"]).toBe("function");
    // every prefetched chunk is loaded by one of the two
    expect([...Object.keys(loaded), ...Object.keys(later)].sort()).toEqual(
      prefetched.map(([name]) => name).sort(),
    );
  });
});
