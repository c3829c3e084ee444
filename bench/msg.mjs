// `node bench/msg.mjs [MB]`: how long an Outlook .msg of MB megabytes (default 20) takes. The compound file
// is read by SheetJS cfb, whose speed depends on what it is given: in Node the CLI hands it the file's
// Buffer (cfb's fast path); the pane's worker can only give it a Uint8Array (cfb's portable path, the
// one every browser takes). The item is a plain IPM.Note with one attachment of that size, laid out by
// cfb's writer as test/fixtures/gen-msg.mjs lays out the fixtures. Prints the figures; no target.
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
    (() => {
      const e = entry(0x37050003, 1);
      return e;
    })(),
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
await diagnose(new Uint8Array(buf));
const portable = performance.now() - t;
t = performance.now();
await diagnose(buf);
const fast = performance.now() - t;
execFileSync("node", [path.join(root, "scripts", "build-cli.mjs")]);
t = performance.now();
execFileSync("node", [path.join(root, "bin", "smime-assistant.js"), "diagnose", "--json", file], {
  maxBuffer: 1 << 26,
});
const cli = performance.now() - t;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`${mb} MB .msg (plain item, one ${mb} MB attachment)`);
console.log(`  engine, Uint8Array (cfb's portable path, as in the pane's worker): ${s(portable)}`);
console.log(`  engine, Node Buffer (cfb's fast path):                            ${s(fast)}`);
console.log(`  smime-assistant diagnose --json (whole process):                  ${s(cli)}`);
