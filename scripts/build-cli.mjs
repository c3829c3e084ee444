// Bundles the command line (src/cli) into build/cli.cjs, then writes V8's code cache for it
// (build/cli.cache, see bin/smime-assistant.js). Runs as `prepare` on `npm ci`, so the CLI works right
// after a fresh clone, and quietly again from bin/ when the sources are newer.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createRequire } from "node:module";

const { organisationAnchors } = createRequire(import.meta.url)("./org-anchors.cjs");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildCli() {
  const result = await build({
    entryPoints: [path.join(root, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: path.join(root, "build/cli.cjs"),
    logLevel: "warning",
    sourcemap: "linked",
    metafile: true,
    // The organisation's own roots (SMIME_ASSISTANT_TRUST_ANCHORS=roots.pem), origin "organisation".
    define: { __SMIME_ORG_ANCHORS__: JSON.stringify(organisationAnchors()) },
  });
  // bin/ loads the bundle with vm.Script, which has no loader for import(): keep the bundle free of it.
  const out = fs.readFileSync(path.join(root, "build/cli.cjs"), "utf8");
  if (/\bimport\(/.test(out)) throw new Error("build-cli: the CLI bundle must not use import()");
  // What the bundle is made from: the project's own sources in it, this script and the lock file (the
  // dependencies). bin/ compares their times with the bundle's on each start.
  const sources = [
    ...Object.keys(result.metafile.inputs)
      // (not node_modules, and not esbuild's pseudo-inputs such as "<define:…>", which are no files)
      .filter((f) => !f.includes("node_modules") && !f.startsWith("<"))
      .map((f) => path.relative(root, path.resolve(f))),
    "scripts/build-cli.mjs",
    ...(fs.existsSync(path.join(root, "package-lock.json")) ? ["package-lock.json"] : []),
  ];
  fs.writeFileSync(path.join(root, "build", "cli.sources.json"), `${JSON.stringify(sources)}\n`);
  writeCodeCache();
}

/**
 * Runs the freshly built CLI once over the committed test messages, in a separate Node process with
 * default flags (V8 accepts a cache only from the same version and flags), and saves the code cache it
 * compiled. A failure here costs only speed, never the build: the CLI then compiles as usual.
 */
function writeCodeCache() {
  const warmUp = `
    const path = require("node:path");
    const fs = require("node:fs");
    const { loadCli } = require(${JSON.stringify(path.join(root, "bin", "smime-assistant.js"))});
    const dir = ${JSON.stringify(path.join(root, "test", "fixtures", "generated"))};
    const messages = fs.existsSync(path.join(dir, "messages"))
      ? fs.readdirSync(path.join(dir, "messages")).filter((f) => f.endsWith(".eml")).map((f) => path.join(dir, "messages", f))
      : [];
    const anchor = path.join(dir, "pki", "root.pem");
    const anchors = fs.existsSync(anchor) ? ["--trust-anchor", anchor] : [];
    const io = { out: () => {}, err: () => {} };
    const { cli, writeCache } = loadCli();
    (async () => {
      if (messages.length > 0) {
        await cli.main(["diagnose", "--json", ...anchors, ...messages], io);
        await cli.main(["diagnose", "--lang", "ja", ...anchors, ...messages], io);
      }
      await cli.main(["faq", "--json"], io);
      writeCache();
    })();
  `;
  try {
    execFileSync(process.execPath, ["-e", warmUp], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    process.stderr.write(`build-cli: no code cache written (${String(err.stderr ?? err).trim()})\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
