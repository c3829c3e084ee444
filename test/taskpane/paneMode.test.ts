/**
 * paneMode.ts (used by boot.ts): which URL starts the analysis worker before the pane's entry runs. Only the manifests' read-pane
 * URL (?mode=read) does; the standalone page and the compose pane start nothing there. The browser test
 * "at the manifests' read-pane URL…" checks the built page does it from boot's own script.
 */
import fs from "node:fs";
import path from "node:path";
import { paneModeFromUrl } from "../../src/taskpane/paneMode";

describe("paneModeFromUrl", () => {
  it("reads ?mode=read and ?mode=compose, and nothing else", () => {
    expect(paneModeFromUrl("?mode=read")).toBe("read");
    expect(paneModeFromUrl("?mode=READ&x=1")).toBe("read");
    expect(paneModeFromUrl("?mode=compose")).toBe("compose");
    expect(paneModeFromUrl("")).toBeUndefined();
    expect(paneModeFromUrl(undefined)).toBeUndefined();
    expect(paneModeFromUrl("?mode=other")).toBeUndefined();
    expect(paneModeFromUrl("?_host_Info=Outlook$Win32$16.02$ja-JP")).toBeUndefined();
  });

  it("the manifest's read-pane URLs are the ones boot starts the worker for", () => {
    const xml = fs.readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
    const read = [...xml.matchAll(/<bt:Url id="Taskpane\.Url" DefaultValue="([^"]+)"/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(0);
    for (const url of read) expect(paneModeFromUrl(new URL(url).search)).toBe("read");
  });
});
