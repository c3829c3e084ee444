/**
 * bin/smime-assistant.js loads the bundled CLI with V8's code cache made by `npm ci` (scripts/build-cli.mjs).
 * The cache must be taken when it belongs to the bundle, and ignored (the CLI still working) when it does
 * not: made for another bundle, or damaged. Each case runs in its own Node process, as the CLI does
 * (V8 takes a cache only under the flags it was made with).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "smime-assistant.js");
const BUILD = path.join(ROOT, "build");

/** Loads the CLI from `dir` in a fresh Node process; reports the cache outcome and a FAQ listing's size. */
function load(dir?: string): { cacheRejected: boolean | null; faqEntries: number } {
  const script = `
    const { loadCli } = require(${JSON.stringify(BIN)});
    const { cli, cacheRejected } = loadCli(${dir ? JSON.stringify(dir) : ""});
    let out = "";
    cli.main(["faq", "--json"], { out: (s) => (out += s), err: () => {} }).then(() => {
      process.stdout.write(JSON.stringify({ cacheRejected: cacheRejected ?? null, faqEntries: JSON.parse(out).length }));
    });
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as {
    cacheRejected: boolean | null;
    faqEntries: number;
  };
}

let tmp: string;
beforeAll(() => {
  // The bundle and its cache are built by `npm ci`; build them here too if a test run starts without.
  if (!fs.existsSync(path.join(BUILD, "cli.cache")))
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")]);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "smime-loader-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function copyBuild(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(BUILD, "cli.cjs"), path.join(dir, "cli.cjs"));
  fs.copyFileSync(path.join(BUILD, "cli.cache"), path.join(dir, "cli.cache"));
  return dir;
}

test("the cache made at build time is taken", () => {
  expect(load()).toEqual({ cacheRejected: false, faqEntries: 18 });
});

test("a cache made for another bundle is not offered to V8, and the CLI works", () => {
  const dir = copyBuild("other-bundle");
  fs.appendFileSync(path.join(dir, "cli.cjs"), "\n// changed after the cache was made\n");
  expect(load(dir)).toEqual({ cacheRejected: null, faqEntries: 18 });
});

test("a damaged cache is not offered to V8 (it could crash on it), and the CLI works", () => {
  const dir = copyBuild("damaged");
  const cache = fs.readFileSync(path.join(dir, "cli.cache"));
  // Keep both hashes (64 bytes) and V8's own header; garble the data behind them, where V8 does not look
  // before using it.
  for (let i = 400; i < cache.length; i += 97) cache[i] = (cache[i] as number) ^ 0x5a;
  fs.writeFileSync(path.join(dir, "cli.cache"), cache);
  expect(load(dir)).toEqual({ cacheRejected: null, faqEntries: 18 });
});

test("a cache V8 refuses (made under other V8 flags) is refused, and the CLI works", () => {
  const dir = copyBuild("other-flags");
  execFileSync(process.execPath, [
    "--max-lazy",
    "-e",
    `require(${JSON.stringify(BIN)}).loadCli(${JSON.stringify(dir)}).writeCache()`,
  ]);
  expect(load(dir)).toEqual({ cacheRejected: true, faqEntries: 18 });
});

test("no cache at all: the CLI works", () => {
  const dir = copyBuild("none");
  fs.rmSync(path.join(dir, "cli.cache"));
  expect(load(dir)).toEqual({ cacheRejected: null, faqEntries: 18 });
});
