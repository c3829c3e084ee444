/**
 * bin/smime-assistant.js: runs the bundled CLI, and on a Node that has module.enableCompileCache (22.1 and
 * later) turns it on before the bundle is loaded. This Node may not have it: a preloaded stand-in adds it,
 * and records whether the bundle was already loaded when it was called.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "smime-assistant.js");
const BUNDLE = path.join(ROOT, "build", "cli.cjs");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "smime-bin-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function faqCount(stdout: string): number {
  return (JSON.parse(stdout) as unknown[]).length;
}

test("the CLI runs through bin/ (and on this Node's own module loader)", () => {
  const r = spawnSync(process.execPath, [BIN, "faq", "--json"], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(faqCount(r.stdout)).toBe(18);
});

test("where Node has module.enableCompileCache, bin/ calls it before loading the bundle", () => {
  const preload = path.join(tmp, "compile-cache-stand-in.cjs");
  fs.writeFileSync(
    preload,
    `const Module = require("node:module");
     Module.enableCompileCache = (...args) => {
       process.stderr.write(JSON.stringify({ called: true, args, bundleLoaded: ${JSON.stringify(BUNDLE)} in require.cache }));
       return { status: 0 };
     };`,
  );
  const r = spawnSync(process.execPath, ["--require", preload, BIN, "faq", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(faqCount(r.stdout)).toBe(18);
  expect(JSON.parse(r.stderr)).toEqual({ called: true, args: [], bundleLoaded: false });
});
