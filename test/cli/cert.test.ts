/**
 * `smime-assistant cert FILE --out DIR`: the exported .cer is byte for byte the signer certificate that the
 * reference implementation extracts from the same message, `openssl cms -verify -noverify -signer OUT.pem`
 * (for messages whose signature does not verify, `-nosigs` is added so OpenSSL still names the signer),
 * and the .pem holds the same certificate. Run on the generated fixtures and on the Thunderbird corpus.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fromPem, toHex } from "../../src/engine";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "smime-assistant.js");
const GENERATED = path.join(ROOT, "test", "fixtures", "generated");
const CORPUS = path.resolve(ROOT, "..", "shared", "corpus", "thunderbird-smime");

interface IndexEntry {
  file: string;
  expect: { kind: string; signature?: string; present: string[] };
}

/** Layers OpenSSL reads as they are: a top-level signature, no nesting or wrapping around it. */
const NOT_TOP_LEVEL = ["PARTIALLY_SIGNED", "ENCRYPTED", "NESTED_SIGNATURE"];

function generatedCases(): { file: string; valid: boolean }[] {
  const entries = JSON.parse(fs.readFileSync(path.join(GENERATED, "index.json"), "utf8")) as IndexEntry[];
  return entries
    .filter(
      (e) =>
        e.file.startsWith("messages/") &&
        (e.expect.kind === "signed" || e.expect.kind === "opaque-signed") &&
        (e.expect.signature === "valid" || e.expect.signature === "invalid") &&
        !e.expect.present.some((c) => NOT_TOP_LEVEL.includes(c)) &&
        !e.file.includes("zero-signers"),
    )
    .map((e) => ({
      file: path.join(GENERATED, e.file),
      // OpenSSL 3.0 cannot check an Ed25519 CMS signature ("eddsa_digest_signverify_init: invalid digest"),
      // which the engine verifies: OpenSSL names its signer without checking it (-nosigs).
      valid: e.expect.signature === "valid" && !e.file.includes("ed25519"),
    }));
}

function corpusCases(): { file: string; valid: boolean }[] {
  if (!fs.existsSync(CORPUS)) return [];
  return fs
    .readdirSync(CORPUS)
    .filter((f) => /^alice\.(dsig|sig)\.SHA\d+\.(multipart|opaque)(\.bad)?\.eml$/.test(f))
    .sort()
    .map((f) => ({ file: path.join(CORPUS, f), valid: !f.includes(".bad.") }));
}

const generated = generatedCases();
const corpus = corpusCases();
if (corpus.length === 0) console.warn(`${CORPUS} is missing: Thunderbird corpus skipped`);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "smime-cert-test-"));
  // Build the CLI bundle once up front (bin/smime-assistant.js rebuilds it when a source is newer).
  spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function runCert(
  file: string,
  out: string,
  json = true,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "cert", file, "--out", out, ...(json ? ["--json"] : [])], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function opensslSigners(file: string, valid: boolean, outPem: string): Uint8Array[] {
  const args = [
    "cms",
    "-verify",
    "-noverify",
    ...(valid ? [] : ["-nosigs"]),
    "-in",
    file,
    "-signer",
    outPem,
    "-out",
    os.devNull,
  ];
  const r = spawnSync("openssl", args, { encoding: "latin1" });
  if (r.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${r.stderr}`);
  return fromPem(fs.readFileSync(outPem, "latin1"));
}

const cases = [...generated, ...corpus].map((c) => [path.relative(ROOT, c.file), c] as const);

describe("cert command vs. openssl cms -verify -signer", () => {
  it("has messages to compare", () => {
    if (cases.length === 0) console.warn("no fixtures and no corpus: nothing compared");
    else expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)("%s", (_name, c) => {
    const out = fs.mkdtempSync(path.join(tmp, "out-"));
    const r = runCert(c.file, out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { certificates: { sha256: string; cer: string; pem: string }[] };
    expect(report.certificates.length).toBeGreaterThan(0);

    const reference = opensslSigners(c.file, c.valid, path.join(out, "OUT.pem"));
    expect(reference.length).toBeGreaterThan(0);
    const refHex = reference.map(toHex).sort();

    const cers = report.certificates.map((w) => new Uint8Array(fs.readFileSync(w.cer)));
    expect(cers.map(toHex).sort()).toEqual(refHex);
    for (const w of report.certificates) {
      const der = new Uint8Array(fs.readFileSync(w.cer));
      expect(path.extname(w.cer)).toBe(".cer");
      // the .pem next to it holds the same certificate
      expect(fromPem(fs.readFileSync(w.pem, "latin1")).map(toHex)).toEqual([toHex(der)]);
      // and OpenSSL reads the .cer as a DER certificate with that SHA-256 fingerprint
      const fp = spawnSync(
        "openssl",
        ["x509", "-inform", "DER", "-in", w.cer, "-noout", "-fingerprint", "-sha256"],
        {
          encoding: "latin1",
        },
      );
      expect(fp.status).toBe(0);
      expect((fp.stdout.split("=")[1] ?? "").replace(/[^0-9A-Fa-f]/g, "").toLowerCase()).toBe(w.sha256);
    }
  });

  it("writes nothing and exits 1 for a message without a signer certificate", () => {
    const plain = path.join(GENERATED, "messages", "plain-unsigned.eml");
    const out = fs.mkdtempSync(path.join(tmp, "none-"));
    const r = runCert(plain, out, false);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("no signer certificate");
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("exits 2 with usage when --out is missing", () => {
    const r = spawnSync(process.execPath, [BIN, "cert", "x.eml"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: smime-assistant cert");
  });
});

describe("cert command on Outlook .msg items", () => {
  /** Each item and the OpenSSL-made message it was built from (test/fixtures/gen-msg.mjs). */
  const items = [
    ["signed.msg", "signed-rsa-sha256.eml", true],
    ["signed-sent-item.msg", "sender-match.eml", true],
    ["tampered.msg", "tampered.eml", false],
    ["opaque-signed.msg", "opaque-signed.eml", true],
  ] as const;

  it.each(items)("%s: the signer certificate of %s", (item, eml, valid) => {
    const out = fs.mkdtempSync(path.join(tmp, "msg-"));
    const r = runCert(path.join(GENERATED, "msg", item), out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { certificates: { cer: string; pem: string }[] };
    const reference = opensslSigners(path.join(GENERATED, "messages", eml), valid, path.join(out, "OUT.pem"));
    expect(reference.length).toBe(1);
    expect(report.certificates.map((w) => toHex(new Uint8Array(fs.readFileSync(w.cer))))).toEqual(
      reference.map(toHex),
    );
    expect(report.certificates.map((w) => fromPem(fs.readFileSync(w.pem, "latin1")).map(toHex))).toEqual([
      reference.map(toHex),
    ]);
  });

  it("a plain item has no signer certificate", () => {
    const out = fs.mkdtempSync(path.join(tmp, "msg-plain-"));
    const r = runCert(path.join(GENERATED, "msg", "plain.msg"), out, false);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("no signer certificate");
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
