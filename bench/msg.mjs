// `node bench/msg.mjs [MB]`: how long an Outlook .msg of MB megabytes (default 20) takes, in the engine (in
// Node, on a Uint8Array as in the pane's worker), as a whole CLI process, and in the standalone pane in
// Chromium (the file picked → the verdict on screen; skipped, saying so, when dist/ or Chromium is missing).
// The item is a plain IPM.Note with one attachment of that size, laid out by SheetJS cfb's writer as
// test/fixtures/gen-msg.mjs lays out the fixtures. Prints the figures; no target.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import CFB from "cfb";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "bench", "out");
const mb = Number(process.argv[2] ?? 20);
fs.mkdirSync(out, { recursive: true });

function entry(tag, size) {
  const e = Buffer.alloc(16);
  e.writeUInt32LE(tag >>> 0, 0);
  e.writeUInt32LE(6, 4);
  e.writeUInt32LE(size, 8);
  return e;
}
const cfb = CFB.utils.cfb_new();
const cls = Buffer.from("IPM.Note", "utf16le");
const body = Buffer.from("See the attachment.", "utf16le");
CFB.utils.cfb_add(cfb, "/__substg1.0_001A001F", cls);
CFB.utils.cfb_add(cfb, "/__substg1.0_1000001F", body);
const top = Buffer.alloc(32);
top.writeUInt32LE(1, 12);
top.writeUInt32LE(1, 20);
CFB.utils.cfb_add(
  cfb,
  "/__properties_version1.0",
  Buffer.concat([top, entry(0x001a001f, cls.length + 2), entry(0x1000001f, body.length + 2)]),
);
const data = Buffer.alloc(mb * 1024 * 1024, 0x41);
const name = Buffer.from("data.bin", "utf16le");
const a = "/__attach_version1.0_#00000000/";
CFB.utils.cfb_add(cfb, `${a}__substg1.0_37010102`, data);
CFB.utils.cfb_add(cfb, `${a}__substg1.0_3707001F`, name);
CFB.utils.cfb_add(
  cfb,
  `${a}__properties_version1.0`,
  Buffer.concat([
    Buffer.alloc(8),
    entry(0x37010102, data.length),
    entry(0x3707001f, name.length + 2),
    entry(0x37050003, 1),
  ]),
);
const file = path.join(out, `plain-${mb}mb.msg`);
fs.writeFileSync(file, CFB.write(cfb, { type: "buffer" }));

const engine = path.join(out, "engine-msg.mjs");
await build({
  entryPoints: [path.join(root, "src/engine/index.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: engine,
  logLevel: "error",
});
const { diagnose } = await import(engine);

const buf = fs.readFileSync(file);
let t = performance.now();
await diagnose(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
const engineMs = performance.now() - t;
execFileSync("node", [path.join(root, "scripts", "build-cli.mjs")]);
t = performance.now();
execFileSync("node", [path.join(root, "bin", "smime-assistant.js"), "diagnose", "--json", file], {
  maxBuffer: 1 << 26,
});
const cli = performance.now() - t;
const pane = await inThePane(file);
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`${mb} MB .msg (plain item, one ${mb} MB attachment)`);
console.log(`  engine on a Uint8Array (the pane worker's input, in Node): ${s(engineMs)}`);
console.log(`  smime-assistant diagnose --json (whole process):          ${s(cli)}`);
console.log(
  pane.length
    ? `  standalone pane in Chromium, file picked → verdict:        ${pane.map(s).join(", ")} (${pane.length} runs)`
    : "  standalone pane: SKIPPED (no Chromium)",
);

/** The standalone page (dist/, served on 127.0.0.1) in Chromium: the file picked → the verdict shown. */
async function inThePane(msgFile) {
  const harness = await import("../test/browser/harness.mjs");
  if (!fs.existsSync(harness.CHROMIUM)) return [];
  // the pane as built from the sources now (built first when dist/ is missing or older than them)
  harness.ensureBuilt({ quiet: true });
  const { chromium } = await import("playwright-core");
  const { origin, close } = await harness.serve({});
  const browser = await chromium.launch({
    executablePath: harness.CHROMIUM,
    args: [...harness.CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    headless: true,
  });
  const times = [];
  try {
    for (let i = 0; i < Number(process.env.BENCH_MSG_RUNS ?? 3); i++) {
      const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
      await page.goto(`${origin}/taskpane.html`);
      await page.getByTestId("standalone").waitFor();
      const start = Date.now();
      await page.getByTestId("file-input").setInputFiles(msgFile);
      await page.getByTestId("verdict").waitFor({ timeout: 120_000 });
      times.push(Date.now() - start);
      await page.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  return times;
}
