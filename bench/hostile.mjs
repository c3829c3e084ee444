// `npm run bench:hostile`: every row of issue #11's table as a whole CLI process (`diagnose --json`), at
// half and full size, to show that the time grows linearly with the input: seconds per input and per MB.
// The inputs come from test/robustness/hostile/inputs.ts (the same generator as the hostile test suite),
// written to bench/out/hostile/. Also: eleven 50 MB-Subject files in ONE run (every file gets its
// diagnosis). Checks each kind/verdict against the row's expectation and says so.
//   HOSTILE_SCALES=0.5,1  HOSTILE_ONLY=<name substring>  HOSTILE_TIMEOUT_S=120
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "bench", "out", "hostile");
fs.mkdirSync(out, { recursive: true });
const scales = (process.env.HOSTILE_SCALES ?? "0.5,1").split(",").map(Number);
const only = process.env.HOSTILE_ONLY;
const timeoutMs = Number(process.env.HOSTILE_TIMEOUT_S ?? 120) * 1000;

// The generator is TypeScript: bundle it once (CommonJS, so that its __dirname is the source's).
const genFile = path.join(root, "test", "robustness", "hostile", "inputs.ts");
const bundle = path.join(out, "inputs.cjs");
buildSync({
  entryPoints: [genFile],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: bundle,
  define: { __dirname: JSON.stringify(path.dirname(genFile)) },
  logLevel: "error",
});
const gen = createRequire(import.meta.url)(bundle);

execFileSync("node", [path.join(root, "scripts", "build-cli.mjs")]);
const cli = path.join(root, "bin", "smime-assistant.js");
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

// CPU seconds (user + system) of the child as well as wall time: on a shared machine the wall time also
// counts the time other processes had the cores. Taken with GNU time when it is there.
const gnuTime = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function run(files) {
  const t0 = process.hrtime.bigint();
  const args = [cli, "diagnose", "--json", "--at", "2030-01-01T00:00:00Z", ...files];
  const r = spawnSync(gnuTime ?? "node", gnuTime ? ["-f", "cpu %U %S %M", "node", ...args] : args, {
    maxBuffer: 1 << 30,
    encoding: "utf8",
    env,
    timeout: timeoutMs,
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /cpu ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  const cpu = m ? Number(m[1]) + Number(m[2]) : undefined;
  const rssMb = m ? Number(m[3]) / 1024 : undefined;
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch {
    results = undefined;
  }
  return { s, cpu, rssMb, status: r.status, signal: r.signal, results, stderr: r.stderr };
}

const rows = [];
for (const make of gen.ROWS) {
  for (const scale of scales) {
    const input = make(scale);
    if (only && !input.name.includes(only)) break;
    const file = path.join(out, `${input.name}-x${scale}.eml`);
    fs.writeFileSync(file, input.bytes);
    const mb = input.bytes.length / 1048576;
    const r = run([file]);
    const d = r.results?.[0];
    const ok =
      d !== undefined &&
      d.kind === input.expect.kind &&
      d.signature === input.expect.signature &&
      input.expect.present.every((c) => d.findings.some((f) => f.code === c));
    rows.push({
      row: input.row,
      name: input.name,
      scale,
      mb,
      s: r.s,
      cpu: r.cpu,
      rssMb: r.rssMb,
      perMb: r.s / mb,
      got: d ? `${d.kind}/${d.signature}` : `no JSON (exit ${r.status ?? r.signal})`,
      ok,
    });
    fs.rmSync(file);
    console.error(`${input.name} ×${scale}: ${mb.toFixed(1)} MB ${r.s.toFixed(2)} s ${ok ? "ok" : "WRONG"}`);
  }
}

// Eleven 50 MB-Subject files in one run.
if (!only || "subject-50mb".includes(only)) {
  const input = gen.hugeSubject(1);
  const files = [];
  for (let i = 0; i < 11; i++) {
    const f = path.join(out, `subject-50mb-${i}.eml`);
    fs.writeFileSync(f, input.bytes);
    files.push(f);
  }
  const r = run(files);
  const mb = (11 * input.bytes.length) / 1048576;
  const ok = r.results?.length === 11 && r.results.every((d) => d.kind === "none");
  rows.push({
    row: "eleven 50 MB-Subject files in one `--json` run",
    name: "subject-50mb ×11",
    scale: 1,
    mb,
    s: r.s,
    cpu: r.cpu,
    rssMb: r.rssMb,
    perMb: r.s / mb,
    got: r.results ? `${r.results.length} diagnoses` : `no JSON (exit ${r.status ?? r.signal})`,
    ok,
  });
  for (const f of files) fs.rmSync(f);
}

const os = await import("node:os");
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} (${os.cpus().length} cores)`,
);
console.log("| input | size | MB | wall s | CPU s | wall s/MB | peak RSS MB | kind/verdict | as expected |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.row} | ×${r.scale} | ${r.mb.toFixed(2)} | ${r.s.toFixed(2)} | ${r.cpu?.toFixed(2) ?? "–"} | ${r.perMb.toFixed(3)} | ${r.rssMb?.toFixed(0) ?? "–"} | ${r.got} | ${r.ok ? "yes" : "**no**"} |`,
  );
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
