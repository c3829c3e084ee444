#!/usr/bin/env node
"use strict";
// Entry point of the `smime-assistant` command. Rebuilds the bundled CLI quietly when a source is newer
// than the bundle (a fresh clone builds it in `npm ci` through the `prepare` script), then runs it.
//
// On Node 22.1 and later, V8's compiled code is kept on disk by Node itself (module.enableCompileCache, in
// the system's temporary folder), so short runs do not compile the half-megabyte bundle again; Node
// checks that the cache belongs to this file and this Node. Older Node compiles it each time.
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "build", "cli.cjs");
const sourcesFile = path.join(root, "build", "cli.sources.json");

/** Is a source of the bundle (as listed when it was built) newer than the bundle, or gone? */
function bundleStale() {
  const built = fs.statSync(bundle, { throwIfNoEntry: false });
  if (!built) return true;
  if (!fs.existsSync(path.join(root, "src"))) return false; // an installed copy without sources
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(sourcesFile, "utf8"));
  } catch {
    return true;
  }
  for (const f of sources) {
    const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false });
    if (!st || st.mtimeMs > built.mtimeMs) return true;
  }
  return false;
}

async function main() {
  if (bundleStale()) {
    const { buildCli } = await import(path.join(root, "scripts", "build-cli.mjs"));
    await buildCli();
  }
  // Only a speed-up: when the cache folder cannot be used, Node says so in the returned status and
  // compiles as usual.
  if (typeof Module.enableCompileCache === "function") Module.enableCompileCache();
  const cli = require(bundle);
  process.exitCode = await cli.main(process.argv.slice(2));
}

main().catch((err) => {
  process.stderr.write(`smime-assistant: ${err && err.stack ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
