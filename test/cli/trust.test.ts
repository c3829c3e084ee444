/**
 * `diagnose`'s trust anchors (issue #12): Mozilla's e-mail roots by default, `--trust-anchor` adds,
 * `--no-default-anchors` leaves only those given; the JSON names who vouched (signers[].trustedBy).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildChain, type Diagnosis } from "../../src/engine";
import { DIAGNOSE_USAGE, runDiagnose, trustSettings } from "../../src/cli/diagnose";
import { GENERATED } from "../fixtures/messageIndexes";

const MSG = path.join(GENERATED, "messages", "signed-rsa-sha256.eml");
const ROOT = path.join(GENERATED, "pki", "root.pem");
const AT = ["--at", "2030-01-01T00:00:00Z"];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runDiagnose(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
async function json(args: string[]): Promise<Diagnosis[]> {
  const r = await run(["--json", ...AT, ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Diagnosis[];
}
const untrustedReason = (d: Diagnosis | undefined): unknown =>
  d?.findings.find((f) => f.code === "CERT_UNTRUSTED")?.detail["reason"];

describe("diagnose: trust anchors", () => {
  test("the defaults are Mozilla's 90 e-mail roots; --no-default-anchors leaves only those given", () => {
    const defaults = trustSettings([], true);
    expect(defaults.trustAnchors).toHaveLength(90);
    expect(defaults.trustAnchors.every((a) => !(a instanceof Uint8Array) && a.origin === "mozilla")).toBe(
      true,
    );
    const given = new Uint8Array([0x30]);
    expect(trustSettings([given], true).trustAnchors[0]).toEqual({ der: given, origin: "command-line" });
    expect(trustSettings([given], false).trustAnchors).toEqual([{ der: given, origin: "command-line" }]);
    expect(trustSettings([], false).trustAnchors).toEqual([]);
    // One array object per run: the engine indexes it once for the whole batch.
    expect(defaults.trustAnchors).not.toBe(trustSettings([], true).trustAnchors);
  });

  test("a Mozilla root reached by a chain is reported as Mozilla's", async () => {
    const moz = trustSettings([], true).trustAnchors;
    const first = moz[0];
    if (!first || first instanceof Uint8Array) throw new Error("no typed default anchor");
    const r = await buildChain(first.der, [], moz);
    expect(r).toMatchObject({ trusted: true, trustedBy: "mozilla", anchorLabel: "GlobalSign Root CA" });
  });

  test("default anchors on: the test PKI is not trusted by them (and not for want of anchors)", async () => {
    const [d] = await json([MSG]);
    expect(d?.signers[0]?.trusted).toBe(false);
    expect(untrustedReason(d)).toBe("unknown-issuer");
  });

  test("--trust-anchor adds: trusted, trustedBy command-line", async () => {
    const [d] = await json(["--trust-anchor", ROOT, MSG]);
    expect(d?.signers[0]).toMatchObject({ trusted: true, trustedBy: "command-line" });
    expect(untrustedReason(d)).toBeUndefined();
    const both = await json(["--no-default-anchors", "--trust-anchor", ROOT, MSG]);
    expect(both[0]?.signers[0]).toMatchObject({ trusted: true, trustedBy: "command-line" });
  });

  test("--no-default-anchors alone: no anchors at all", async () => {
    const [d] = await json(["--no-default-anchors", MSG]);
    expect(untrustedReason(d)).toBe("no-anchors");
  });

  test("the human summary says who vouched; --help names the flags", async () => {
    const r = await run([...AT, "--trust-anchor", ROOT, MSG]);
    expect(r.out).toMatch(/verified with a trust anchor given on the command line/);
    const ja = await run([...AT, "--lang", "ja", "--trust-anchor", ROOT, MSG]);
    expect(ja.out).toContain("コマンドラインで指定した信頼済みのルート証明書で確認");
    const help = await run(["--help"]);
    expect(help.out).toBe(DIAGNOSE_USAGE);
    expect(help.out).toMatch(/--no-default-anchors/);
    expect(help.out).toMatch(/Mozilla's root certificates trusted for e-mail/);
  });

  test("the organisation's build-time roots (SMIME_ASSISTANT_TRUST_ANCHORS) are read from the PEM file", () => {
    const read = (file: string): string[] =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            "-e",
            `process.stdout.write(JSON.stringify(require("./scripts/org-anchors.cjs").organisationAnchors()))`,
          ],
          { encoding: "utf8", env: { ...process.env, SMIME_ASSISTANT_TRUST_ANCHORS: file } },
        ),
      ) as string[];
    expect(read("")).toEqual([]);
    const one = read(path.join(GENERATED, "pki", "chain-alice.pem"));
    expect(one).toHaveLength(1);
    expect(Buffer.from(one[0] as string, "base64")[0]).toBe(0x30);
    expect(() => read(path.join(GENERATED, "messages", "signed-rsa-sha256.eml"))).toThrow(
      /no PEM certificate/,
    );
  });
});
