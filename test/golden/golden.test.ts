/**
 * The safety net of the engine redesign (issue #13): the Diagnosis of every committed message fixture, every
 * PKCS#12 fixture and every message of ../shared/corpus, at a pinned time, is recorded in
 * test/golden/*.json and must stay byte-identical. A deliberate change is made by re-recording
 * (`GOLDEN_UPDATE=1 npx jest test/golden`) and listing the change and its reason in the commit message.
 *
 * Bytes (certificates) are recorded as their length and SHA-256, so the files stay readable and small.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { checkPkcs12, diagnose, fromPem } from "../../src/engine";
import { GENERATED, messageEntries } from "../fixtures/messageIndexes";

const HERE = __dirname;
const ROOT = path.resolve(HERE, "..", "..");
const CORPUS = path.resolve(ROOT, "..", "shared", "corpus");
const UPDATE = process.env.GOLDEN_UPDATE === "1";
/** Entries without their own time are judged at this one, so the record does not drift with the clock. */
const PINNED = new Date("2027-01-01T00:00:00Z");
/** Thunderbird's user certificates expire 2031-01-26 (corpus README). */
const CORPUS_AT = new Date("2026-06-01T00:00:00Z");

/** Fields that measure the run, not the message. */
const VOLATILE = new Set(["elapsedMs"]);

function replacer(k: string, v: unknown): unknown {
  if (VOLATILE.has(k)) return undefined;
  if (v instanceof Uint8Array) {
    return `bytes:${v.byteLength}:${crypto.createHash("sha256").update(v).digest("hex")}`;
  }
  if (v instanceof Date) return v.toISOString();
  return v;
}

function record(name: string, actual: Record<string, unknown>): void {
  const file = path.join(HERE, `${name}.json`);
  const text = `${JSON.stringify(actual, replacer, 1)}\n`;
  if (UPDATE || !fs.existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} is missing: record it with GOLDEN_UPDATE=1`);
    fs.writeFileSync(file, text);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const got = JSON.parse(text) as Record<string, unknown>;
  // one assertion per input, so a failure names the input whose diagnosis changed
  for (const key of new Set([...Object.keys(expected), ...Object.keys(got)]))
    expect({ input: key, diagnosis: got[key] }).toEqual({ input: key, diagnosis: expected[key] });
}

const read = (p: string): Uint8Array => new Uint8Array(fs.readFileSync(p));

/** A key not used yet in `out` (an index lists one file under several expectations). */
function unique(out: Record<string, unknown>, key: string): string {
  let k = key;
  for (let i = 2; k in out; i++) k = `${key} #${i}`;
  return k;
}

describe("golden diagnoses (byte-identical across the engine redesign)", () => {
  it("message fixtures (test/fixtures/generated)", async () => {
    const out: Record<string, unknown> = {};
    for (const e of messageEntries()) {
      const anchors = (e.trustAnchors ?? []).flatMap((a) =>
        fromPem(fs.readFileSync(path.join(GENERATED, a), "latin1")),
      );
      const crls = (e.crls ?? []).map((c) => read(path.join(GENERATED, c)));
      const at = e.at ? new Date(e.at) : PINNED;
      const key = `${e.file}@${at.toISOString()}${anchors.length ? "" : " (no anchors)"}`;
      out[unique(out, key)] = await diagnose(read(path.join(GENERATED, e.file)), {
        trustAnchors: anchors,
        at,
        ...(crls.length > 0 ? { revocation: { crls } } : {}),
      });
    }
    expect(Object.keys(out).length).toBeGreaterThan(100);
    record("fixtures", out);
  });

  it("PKCS#12 fixtures (test/fixtures/generated/p12)", async () => {
    interface P12Entry {
      file: string;
      password: string;
      email?: string;
      at?: string;
    }
    const entries = JSON.parse(
      fs.readFileSync(path.join(GENERATED, "p12", "index.json"), "utf8"),
    ) as P12Entry[];
    const out: Record<string, unknown> = {};
    for (const e of entries) {
      const r = await checkPkcs12(read(path.join(GENERATED, "p12", e.file)), {
        password: e.password,
        ...(e.email ? { email: e.email } : {}),
        at: e.at ? new Date(e.at) : PINNED,
      });
      out[unique(out, `${e.file} ${e.email ?? ""} ${e.at ?? ""}`)] = r;
    }
    expect(Object.keys(out).length).toBeGreaterThan(10);
    record("p12", out);
  });

  const corpus = fs.existsSync(CORPUS);
  if (!corpus) {
    // ../shared is beside the clone in CI; say loudly when it is not
    console.warn(`SKIPPED: golden corpus diagnoses — ${CORPUS} not found`);
  }
  (corpus ? it : it.skip)("../shared/corpus (Thunderbird's S/MIME and charset messages)", async () => {
    const out: Record<string, unknown> = {};
    const smime = path.join(CORPUS, "thunderbird-smime");
    const anchors = fromPem(fs.readFileSync(path.join(smime, "TestCA.pem"), "latin1"));
    for (const f of fs
      .readdirSync(smime)
      .filter((n) => n.endsWith(".eml"))
      .sort())
      out[`thunderbird-smime/${f}`] = await diagnose(read(path.join(smime, f)), {
        trustAnchors: anchors,
        at: CORPUS_AT,
      });
    const charset = path.join(CORPUS, "thunderbird-charset");
    for (const f of fs
      .readdirSync(charset)
      .filter((n) => n.endsWith(".eml"))
      .sort())
      out[`thunderbird-charset/${f}`] = await diagnose(read(path.join(charset, f)), {
        trustAnchors: [],
        at: CORPUS_AT,
      });
    for (const f of fs
      .readdirSync(smime)
      .filter((n) => n.endsWith(".p12"))
      .sort())
      out[`thunderbird-smime/${f}`] = await checkPkcs12(read(path.join(smime, f)), {
        password: "nss",
        at: CORPUS_AT,
      });
    expect(Object.keys(out).length).toBeGreaterThan(60);
    record("corpus", out);
  });
});
