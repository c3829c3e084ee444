#!/usr/bin/env node
"use strict";
// Entry point of the `smime-assistant` command. Rebuilds the bundled CLI quietly when a source is newer
// than the bundle (a fresh clone builds it in `npm ci` through the `prepare` script).
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "build", "cli.cjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$|\.json$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

async function main() {
  const src = path.join(root, "src");
  const stale =
    !fs.existsSync(bundle) || (fs.existsSync(src) && newestSource(src) > fs.statSync(bundle).mtimeMs);
  if (stale) {
    const { buildCli } = await import(path.join(root, "scripts", "build-cli.mjs"));
    await buildCli();
  }
  const cli = require(bundle);
  process.exitCode = await cli.main(process.argv.slice(2));
}

main().catch((err) => {
  process.stderr.write(`smime-assistant: ${err && err.stack ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
