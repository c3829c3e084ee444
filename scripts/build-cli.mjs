// Bundles the command line (src/cli) into build/cli.cjs. Runs as `prepare` on `npm ci`, so the CLI
// works right after a fresh clone, and quietly again from bin/ when the sources are newer.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: path.join(root, "build/cli.cjs"),
    logLevel: "warning",
    sourcemap: "linked",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
