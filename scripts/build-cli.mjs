// Bundles the command line (src/cli) into build/cli.cjs. Runs as `prepare` on `npm ci`, so the CLI works
// right after a fresh clone, and quietly again from bin/ when the sources are newer.
import { build } from "esbuild";
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
  // A cache of an earlier build (the V8 code-cache loader this file used to feed) is of no use now.
  fs.rmSync(path.join(root, "build", "cli.cache"), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
