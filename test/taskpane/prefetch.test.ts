/**
 * The verdict view's chunks are prefetched while the message is read (issue #15). Mechanism, no timing:
 * every lazy() chunk of the verdict view has a webpackPrefetch hint under the same chunk name and module
 * in prefetchHints.ts (so webpack makes one chunk of each and prefetches it once the entry has run), the
 * view imports that module, and the hinted imports are the modules the view renders. bench:pane shows
 * how long before the verdict the built pane requests them.
 */
import fs from "node:fs";
import path from "node:path";
import { VERDICT_VIEW_CHUNKS } from "../../src/taskpane/prefetchHints";

const TASKPANE = path.resolve(__dirname, "..", "..", "src", "taskpane");
/** The files of the verdict view that load chunks of their own (VerdictView loads through the hints). */
const VIEW_FILES = ["VerdictView.tsx", "components/SignerCard.tsx"];
/** Chunks VerdictView loads through VERDICT_VIEW_CHUNKS.x. */
function hintUses(file: string): string[] {
  const text = fs.readFileSync(path.join(TASKPANE, file), "utf8");
  return [...text.matchAll(/VERDICT_VIEW_CHUNKS\.(\w+)/g)].map((m) => m[1]!);
}

/** [chunk name, resolved module path, prefetch hint] of each `import(/* webpackChunkName: "x" *\/ "./p")`. */
function chunkImports(file: string): [string, string, boolean][] {
  const text = fs.readFileSync(path.join(TASKPANE, file), "utf8");
  const re = /import\(\s*\/\*([^*]*)\*\/\s*"([^"]+)"\s*\)/g;
  return [...text.matchAll(re)].flatMap((m) => {
    const name = /webpackChunkName:\s*"([\w-]+)"/.exec(m[1]!)?.[1];
    if (!name) return [];
    const prefetch = /webpackPrefetch:\s*true/.test(m[1]!);
    return [[name, path.resolve(path.dirname(path.join(TASKPANE, file)), m[2]!), prefetch]];
  });
}

describe("prefetchHints", () => {
  const hinted = chunkImports("prefetchHints.ts");

  it("hints every lazy chunk of the verdict view, under the same name and module", () => {
    expect(hinted.length).toBeGreaterThan(0);
    expect(hinted.every(([, , prefetch]) => prefetch)).toBe(true);
    const view = VIEW_FILES.flatMap(chunkImports);
    const viaHints = VIEW_FILES.flatMap(hintUses);
    // the view does load chunks lazily (else this test would check nothing)
    expect([...view.map(([name]) => name), ...viaHints].sort()).toEqual(
      expect.arrayContaining(["details", "faq", "setup"]),
    );
    const pairs = hinted.map(([name, file]) => [name, file]);
    for (const [name, file] of view) expect(pairs).toContainEqual([name, file]);
    for (const name of viaHints) expect(hinted.map(([n]) => n)).toContain(name);
  });

  it("the hinted imports are the modules the view renders", async () => {
    expect(Object.keys(VERDICT_VIEW_CHUNKS).sort()).toEqual(hinted.map(([name]) => name).sort());
    expect(typeof (await VERDICT_VIEW_CHUNKS.faq()).default).toBe("function");
    expect(typeof (await VERDICT_VIEW_CHUNKS.details()).default).toBe("function");
    expect(typeof (await VERDICT_VIEW_CHUNKS.setup()).SelfTestPanel).toBe("function");
  });
});
