#!/usr/bin/env node
"use strict";
// Entry point of the `smime-assistant` command. Rebuilds the bundled CLI quietly when a source is newer
// than the bundle (a fresh clone builds it in `npm ci` through the `prepare` script).
//
// The bundle is loaded through vm.Script with V8's code cache (build/cli.cache, written by
// scripts/build-cli.mjs right after bundling): compiling half a megabyte of JavaScript, and compiling
// each function again on its first call, is a good part of a short run. The cache is used only when it
// was made from exactly this bundle, is intact (SHA-256 of both, kept in the cache file) and V8 accepts
// it; otherwise the bundle is compiled as usual. Nothing else changes: same code, same result.
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

const root = path.resolve(__dirname, "..");
const defaultBundle = path.join(root, "build", "cli.cjs");
const defaultCacheFile = path.join(root, "build", "cli.cache");

const sourcesFile = path.join(root, "build", "cli.sources.json");

/** Is a source of the bundle (as listed when it was built) newer than the bundle, or gone? */
function bundleStale() {
  const built = fs.statSync(defaultBundle, { throwIfNoEntry: false });
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

const sha256 = (data) => crypto.createHash("sha256").update(data).digest();

/**
 * Loads build/cli.cjs (or the cli.cjs of `dir`, for tests); returns its exports, whether V8 refused the
 * cache (undefined when none was offered) and a function that makes a code cache for it.
 */
function loadCli(dir) {
  const bundle = dir ? path.join(dir, "cli.cjs") : defaultBundle;
  const cacheFile = dir ? path.join(dir, "cli.cache") : defaultCacheFile;
  const bytes = fs.readFileSync(bundle);
  const digest = sha256(bytes);
  const source = bytes.toString("utf8");
  // The cache file: SHA-256 of the bundle it was made for, SHA-256 of V8's data, V8's data. V8 checks
  // only its own header (version, flags, source length); damaged data further in can crash the process
  // instead of being refused, so the data is checked here before V8 sees it.
  let cachedData;
  try {
    const cache = fs.readFileSync(cacheFile);
    const data = cache.subarray(64);
    if (
      data.length > 0 &&
      cache.subarray(0, 32).equals(digest) &&
      cache.subarray(32, 64).equals(sha256(data))
    )
      cachedData = data;
  } catch {
    // No cache (yet): compile as usual.
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return {
    cli: mod.exports,
    cacheRejected: cachedData ? script.cachedDataRejected === true : undefined,
    /** Writes the code cache: call it after a warm-up run, so that it holds the functions compiled then. */
    writeCache() {
      // Written aside and renamed, so that a CLI starting meanwhile reads the old file or the new one.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      const data = script.createCachedData();
      fs.writeFileSync(tmp, Buffer.concat([digest, sha256(data), data]));
      fs.renameSync(tmp, cacheFile);
    },
  };
}

async function main() {
  if (bundleStale()) {
    const { buildCli } = await import(path.join(root, "scripts", "build-cli.mjs"));
    await buildCli();
  }
  const { cli } = loadCli();
  process.exitCode = await cli.main(process.argv.slice(2));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`smime-assistant: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  });
}

module.exports = { loadCli };
