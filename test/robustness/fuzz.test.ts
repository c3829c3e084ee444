/**
 * Robustness: ≥ 10 000 mutated messages, Outlook .msg items and CMS blobs (from the generated fixtures and, when present, the
 * Thunderbird corpus) through diagnose(): never an exception, always a well-formed Diagnosis, never INTERNAL_ERROR.
 * Pathological shapes must reach the engine's caps (src/engine/limits.ts, the MIME and ASN.1 depth caps), and
 * reaching a cap must say so in a finding: the work is bounded by mechanism, not asserted with a clock (the
 * project's rule: no timed assertions). Speed is measured by `npm run bench` and `npm run bench:hostile`.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { diagnose } from "../../src/engine/index";
import { MAX_HEADER_FIELDS, MAX_PARAMETERS } from "../../src/engine/limits";
import { FINDING_CODES, type Diagnosis, type Finding } from "../../src/engine/types";
import { fromPem } from "../../src/engine/util/bytes";

const ROOT = path.resolve(__dirname, "..", "..");
const GENERATED = path.join(ROOT, "test", "fixtures", "generated");
const CORPUS = path.resolve(ROOT, "..", "shared", "corpus", "thunderbird-smime");
/** The MIME parser's default nesting cap (src/engine/mime/parser.ts DEFAULT_MAX_DEPTH). */
const MIME_MAX_DEPTH = 32;
const AT = new Date("2030-01-01T00:00:00Z");

function listFiles(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

const seedFiles = [
  ...listFiles(path.join(GENERATED, "messages"), /\.eml$/),
  ...listFiles(path.join(GENERATED, "cms"), /\.(p7s|p7m|der|b64)$/),
  ...listFiles(path.join(GENERATED, "msg"), /\.msg$/),
  ...listFiles(CORPUS, /\.eml$/).filter((_, i) => i % 3 === 0),
];
if (!fs.existsSync(CORPUS))
  console.warn(`*** fuzz: Thunderbird corpus absent at ${CORPUS}; using generated fixtures only ***`);
const seeds = seedFiles.map((f) => new Uint8Array(fs.readFileSync(f))).filter((b) => b.length < 200_000);
const anchorFile = path.join(GENERATED, "pki", "root.pem");
const anchors = fs.existsSync(anchorFile) ? fromPem(fs.readFileSync(anchorFile, "latin1")) : [];

const TOKENS = [
  "\r\n",
  "\n",
  "\r\n\r\n",
  "--",
  "\r\n--",
  'Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\n',
  'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary=b\r\n',
  "Content-Type: application/pkcs7-mime; smime-type=signed-data\r\nContent-Transfer-Encoding: base64\r\n\r\n",
  "Content-Transfer-Encoding: quoted-printable\r\n",
  "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=",
  "=?utf-8?q?=E3=81=82?=",
  "filename*0*=utf-8''%E3%81; filename*1*=%82.pdf",
  "\x1b$B",
  "MIAGCSqGSIb3DQEHAqCAMIACAQEx",
  "%PDF-1.7 /ByteRange [0 10 20 30] /Type /Sig /Contents <3080>",
  "=",
  "\0",
].map((t) => new TextEncoder().encode(t));

type Mutation =
  | { op: "flip"; at: number; value: number }
  | { op: "truncate"; at: number }
  | { op: "delete"; at: number; len: number }
  | { op: "insert"; at: number; token: number }
  | { op: "duplicate"; at: number; len: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1) }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 2000 }) }),
);

function mutate(input: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = input;
  for (const m of muts) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    switch (m.op) {
      case "flip": {
        b = b.slice();
        if (b.length) b[at] = m.value;
        break;
      }
      case "truncate":
        b = b.slice(0, at);
        break;
      case "delete":
        b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + m.len)));
        break;
      case "insert":
        b = concat(b.subarray(0, at), TOKENS[m.token] as Uint8Array, b.subarray(at));
        break;
      case "duplicate":
        b = concat(b.subarray(0, at), b.subarray(at, at + m.len), b.subarray(at));
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const KINDS = new Set(["none", "signed", "opaque-signed", "encrypted", "certs-only", "orphan-signature"]);
const VERDICTS = new Set(["valid", "invalid", "unverifiable", "none"]);
const CODES = new Set<string>(FINDING_CODES);

function assertWellFormed(d: Diagnosis): void {
  if (!KINDS.has(d.kind)) throw new Error(`bad kind ${d.kind}`);
  if (!VERDICTS.has(d.signature)) throw new Error(`bad signature ${d.signature}`);
  if (
    !Array.isArray(d.signers) ||
    !Array.isArray(d.recipients) ||
    !Array.isArray(d.findings) ||
    !Array.isArray(d.faq)
  ) {
    throw new Error("missing arrays");
  }
  for (const f of d.findings) {
    if (!CODES.has(f.code)) throw new Error(`unknown code ${f.code}`);
    if (!["error", "warning", "info"].includes(f.severity)) throw new Error(`bad severity ${f.severity}`);
    if (!f.message.en || !f.message.ja) throw new Error(`empty message for ${f.code}`);
    // The engine's own failure is never the input's fault: no mutation may provoke one.
    if (f.code === "INTERNAL_ERROR") {
      console.error(`INTERNAL_ERROR in the fuzz run: ${JSON.stringify(f.detail)}`);
      throw new Error(`INTERNAL_ERROR at ${String(f.detail["where"])}: ${String(f.detail["error"])}`);
    }
  }
  for (const s of d.signers) {
    if (typeof s.subject !== "string" || !Array.isArray(s.emails) || !Array.isArray(s.chain))
      throw new Error("bad signer");
  }
  if (d.signature === "valid" && !d.findings.some((f) => f.code === "SIGNATURE_VALID")) {
    throw new Error("valid without SIGNATURE_VALID");
  }
  JSON.stringify(d);
}

async function check(bytes: Uint8Array): Promise<Diagnosis> {
  const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
  assertWellFormed(d);
  return d;
}

/** The MALFORMED_MIME problems of a diagnosis (message and MIME part path). */
function mimeProblems(d: Diagnosis): { message: string; part: string }[] {
  return d.findings
    .filter((f: Finding) => f.code === "MALFORMED_MIME")
    .flatMap((f) => (Array.isArray(f.detail["problems"]) ? f.detail["problems"] : []))
    .map((p) => {
      const o = (p ?? {}) as { message?: unknown; part?: unknown };
      return { message: String(o.message ?? ""), part: String(o.part ?? "") };
    });
}

describe("diagnose() on mutated inputs", () => {
  if (seeds.length === 0) {
    it("has seeds", () => {
      throw new Error("no fixtures found: run `npm run fixtures` (test/fixtures/generated is committed)");
    });
    return;
  }

  it("survives 9 000 mutated messages and CMS blobs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        async (i, muts) => {
          await check(mutate(seeds[i] as Uint8Array, muts));
        },
      ),
      { numRuns: 9000, seed: 20261124 },
    );
  });

  it("survives 1 000 random byte strings and structured garbage", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4000 }),
          fc
            .array(fc.nat(TOKENS.length - 1), { maxLength: 200 })
            .map((ix) => concat(...ix.map((k) => TOKENS[k] as Uint8Array))),
        ),
        async (bytes) => {
          await check(bytes);
        },
      ),
      { numRuns: 1000, seed: 42 },
    );
  });

  it("pathological shapes reach the engine's caps, and each cap reached is a finding", async () => {
    const deep =
      Array.from(
        { length: 500 },
        (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`,
      ).join("") + "\r\nbody\r\n";
    // 500 nested multiparts: parsed down to the depth cap, no deeper, and MALFORMED_MIME says so.
    const deepProblems = mimeProblems(await check(new TextEncoder().encode(deep)));
    const depths = deepProblems.map((p) => (p.part === "" ? 0 : p.part.split(".").length));
    expect(depths.length).toBeGreaterThan(0);
    expect(Math.max(...depths)).toBe(MIME_MAX_DEPTH);
    const many =
      'Content-Type: multipart/mixed; boundary="m"\r\n\r\n' +
      Array.from({ length: 20000 }, () => "--m\r\nContent-Type: text/plain\r\n\r\nx\r\n").join("") +
      "--m--\r\n";
    // 20 000 well-formed parts: no cap applies, and nothing is reported as wrong.
    const manyD = await check(new TextEncoder().encode(many));
    expect(manyD.kind).toBe("none");
    expect(mimeProblems(manyD)).toEqual([]);
    const longHeader = `Subject: ${"=?utf-8?B?44GC?= ".repeat(50000)}\r\nContent-Type: text/plain; ${"a=b; ".repeat(20000)}\r\n\r\nx`;
    // 20 000 Content-Type parameters: read up to MAX_PARAMETERS, and the finding names the cap.
    const longProblems = mimeProblems(await check(new TextEncoder().encode(longHeader)));
    expect(longProblems.some((p) => p.message.includes(String(MAX_PARAMETERS)))).toBe(true);
    // more header fields than MAX_HEADER_FIELDS: the rest skipped, and the finding names the cap.
    const fields =
      Array.from({ length: MAX_HEADER_FIELDS + 2000 }, (_, i) => `X-F${i}: v\r\n`).join("") +
      "Content-Type: text/plain\r\n\r\nx";
    const fieldProblems = mimeProblems(await check(new TextEncoder().encode(fields)));
    expect(fieldProblems.some((p) => p.message.includes(String(MAX_HEADER_FIELDS)))).toBe(true);
    const asn1Bomb = new Uint8Array(100000).fill(0x30);
    for (let i = 1; i < asn1Bomb.length; i += 2) asn1Bomb[i] = 0x80;
    // 50 000 nested indefinite-length SEQUENCEs: the BER reader's depth cap makes it MALFORMED_CMS.
    const bomb = await check(asn1Bomb);
    expect(bomb.findings.map((f) => f.code)).toContain("MALFORMED_CMS");
    expect(bomb.signature).not.toBe("valid");
  });
});
