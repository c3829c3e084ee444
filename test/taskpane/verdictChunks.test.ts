/**
 * The verdict view's chunks are loaded while the worker checks the message (issue #15). Mechanism, no
 * timing: every lazy() chunk of the verdict view is one of VERDICT_VIEW_CHUNKS, under the same chunk name
 * and module (so the early load is the chunk the view then renders), the view imports that module, the
 * loaders give the modules the view renders, and the pane's analysis calls loadVerdictViewChunks. The
 * browser test checks the built pane requests them before the verdict; bench:pane shows how long before.
 */
import fs from "node:fs";
import path from "node:path";
import { VERDICT_VIEW_CHUNKS } from "../../src/taskpane/verdictChunks";

const TASKPANE = path.resolve(__dirname, "..", "..", "src", "taskpane");
/** The files of the verdict view that load chunks of their own (VerdictView loads through the list). */
const VIEW_FILES = ["VerdictView.tsx", "components/SignerCard.tsx"];
const read = (file: string): string => fs.readFileSync(path.join(TASKPANE, file), "utf8");
/** Chunks VerdictView loads through VERDICT_VIEW_CHUNKS.x or chunkComponent("x", …). */
function listUses(file: string): string[] {
  return [
    ...[...read(file).matchAll(/VERDICT_VIEW_CHUNKS\.(\w+)/g)].map((m) => m[1]!),
    ...[...read(file).matchAll(/chunkComponent\(\s*"(\w+)"/g)].map((m) => m[1]!),
  ];
}

/** [chunk name, resolved module path] of each `import(/* webpackChunkName: "x" *\/ "./p")`. */
function chunkImports(file: string): [string, string][] {
  const re = /import\(\s*\/\*([^*]*)\*\/\s*"([^"]+)"\s*\)/g;
  return [...read(file).matchAll(re)].flatMap((m) => {
    const name = /webpackChunkName:\s*"([\w-]+)"/.exec(m[1]!)?.[1];
    if (!name) return [];
    return [[name, path.resolve(path.dirname(path.join(TASKPANE, file)), m[2]!)] as [string, string]];
  });
}

describe("the verdict view's chunks", () => {
  const listed = chunkImports("verdictChunks.ts");

  it("the list holds every lazy chunk of the verdict view, under the same name and module", () => {
    expect(listed.map(([name]) => name).sort()).toEqual(Object.keys(VERDICT_VIEW_CHUNKS).sort());
    const view = VIEW_FILES.flatMap(chunkImports);
    const viaList = VIEW_FILES.flatMap(listUses);
    // the view does load chunks lazily (else this test would check nothing)
    expect([...view.map(([name]) => name), ...viaList].sort()).toEqual(
      expect.arrayContaining(["details", "faq", "setup"]),
    );
    for (const pair of view) expect(listed).toContainEqual(pair);
    for (const name of viaList) expect(listed.map(([n]) => n)).toContain(name);
  });

  it("no webpackPrefetch hint: the chunks are loaded while the worker checks, not at start-up", () => {
    for (const file of ["verdictChunks.ts", ...VIEW_FILES, "App.tsx"])
      expect(read(file)).not.toMatch(/webpackPrefetch:\s*true/);
    expect(read("useMessageAnalysis.ts")).toMatch(/loadVerdictViewChunks\(\)/);
  });

  it("the loaders give the modules the view renders", async () => {
    expect(typeof (await VERDICT_VIEW_CHUNKS.faq()).default).toBe("function");
    expect(typeof (await VERDICT_VIEW_CHUNKS.details()).default).toBe("function");
    expect(typeof (await VERDICT_VIEW_CHUNKS.setup()).SelfTestPanel).toBe("function");
  });
});
