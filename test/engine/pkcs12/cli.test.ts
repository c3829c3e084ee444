/** `check-p12` from the command line: runCheckP12 with captured output. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { keyLabel, PASSWORD_ENV, passwordFromFileContent, runCheckP12 } from "../../../src/cli/checkP12";
import { P12_DIR } from "./helpers";

const PW = "correct horse battery";
const tmp = mkdtempSync(path.join(os.tmpdir(), "check-p12-"));
const pwFile = path.join(tmp, "pw.txt");
writeFileSync(pwFile, `${PW}\n`);
const wrongFile = path.join(tmp, "wrong.txt");
writeFileSync(wrongFile, "Tr0ub4dor&3-wrong\r\n");

async function run(argv: string[], env: Record<string, string | undefined> = {}, prompt?: string) {
  let out = "";
  let err = "";
  let prompted = 0;
  const code = await runCheckP12(
    argv,
    { out: (s) => (out += s), err: (s) => (err += s) },
    {
      env,
      promptPassword: async () => {
        prompted++;
        return prompt;
      },
    },
  );
  return { code, out, err, prompted };
}

const f = (name: string) => path.join(P12_DIR, name);

describe("check-p12 CLI", () => {
  it("--json prints exactly one object {file, findings, certificate}", async () => {
    const r = await run([
      f("ok-modern.p12"),
      "--password-file",
      pwFile,
      "--email",
      "user@example.jp",
      "--at",
      "2026-06-01T00:00:00Z",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j.file).toBe(f("ok-modern.p12"));
    expect((j.findings as { code: string }[]).map((x) => x.code)).toEqual(["P12_OK"]);
    expect(j.certificate).toMatchObject({
      commonName: "user",
      emails: ["user@example.jp"],
      keyType: "rsa",
      keySize: 2048,
    });
    expect(Object.keys(j).slice(0, 3)).toEqual(["file", "findings", "certificate"]);
    expect(r.out).not.toContain(PW);
    expect(r.err).toBe("");
  });

  it("--json without a certificate when the file does not open; still exit 0", async () => {
    const r = await run([f("ok-modern.p12"), "--password-file", wrongFile, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect((j.findings as { code: string }[]).map((x) => x.code)).toEqual(["P12_BAD_PASSWORD"]);
    expect(j).not.toHaveProperty("certificate");
    expect(r.out + r.err).not.toContain("Tr0ub4dor");
    const m = await run([f("malformed-truncated.p12"), "--json"], { [PASSWORD_ENV]: PW });
    expect(m.code).toBe(0);
    expect((JSON.parse(m.out) as { findings: { code: string }[] }).findings[0]?.code).toBe("P12_MALFORMED");
  });

  it("takes the password from the environment, then the prompt, else empty", async () => {
    const env = await run([f("ok-legacy-3des.p12"), "--json", "--at", "2026-06-01T00:00:00Z"], {
      [PASSWORD_ENV]: PW,
    });
    expect(env.prompted).toBe(0);
    expect(JSON.parse(env.out).findings[0].code).toBe("P12_OK");
    expect(env.out).not.toContain(PW);
    const prompted = await run([f("ok-legacy-rc2-40.p12"), "--json", "--at", "2026-06-01T00:00:00Z"], {}, PW);
    expect(prompted.prompted).toBe(1);
    expect(JSON.parse(prompted.out).findings[0].code).toBe("P12_OK");
    expect(prompted.out + prompted.err).not.toContain(PW);
    const none = await run(
      [f("empty-password.p12"), "--json", "--at", "2026-06-01T00:00:00Z"],
      {},
      undefined,
    );
    expect(JSON.parse(none.out).findings[0].code).toBe("P12_OK");
  });

  it("human output in English and Japanese, with advice, never the password", async () => {
    const en = await run([f("expiring.p12"), "--password-file", pwFile, "--at", "2026-06-01T00:00:00Z"]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("[!] CERT_EXPIRING");
    expect(en.out).toContain("Advice:");
    expect(en.out).toContain("LRA");
    const ja = await run([
      f("expiring.p12"),
      "--password-file",
      pwFile,
      "--at",
      "2026-06-01T00:00:00Z",
      "--lang",
      "ja",
    ]);
    expect(ja.out).toContain("あと 14 日");
    expect(ja.out).toContain("アドバイス");
    for (const r of [en, ja]) expect(r.out + r.err).not.toContain(PW);
    // the key as a person names it, not the engine's field values ("rsa 2048")
    expect(en.out).toMatch(/ {4}key: RSA 2048-bit$/m);
    expect(ja.out).toMatch(/ {4}鍵: RSA 2048 ビット$/m);
    // the fingerprint as the pane and the style sheet write it (upper-case pairs, colon-separated)
    for (const r of [en, ja]) expect(r.out).toMatch(/^ {2}SHA-256: [0-9A-F]{2}(:[0-9A-F]{2}){31}$/m);
  });

  it("key labels: RSA with its size, EC with its curve, Edwards curves by name", () => {
    expect(keyLabel({ keyType: "rsa", keySize: 1024 }, "ja")).toBe("RSA 1024 ビット");
    expect(keyLabel({ keyType: "rsa-pss", keySize: 3072 }, "en")).toBe("RSA-PSS 3072-bit");
    expect(keyLabel({ keyType: "ec", keySize: 256, curve: "P-256" }, "en")).toBe("EC P-256");
    expect(keyLabel({ keyType: "ed25519" }, "ja")).toBe("Ed25519");
  });

  it("usage errors exit 2; an unreadable file exits 1", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([f("ok-modern.p12"), "--bogus"])).code).toBe(2);
    expect((await run([f("ok-modern.p12"), "--at", "yesterday"], { [PASSWORD_ENV]: PW })).code).toBe(2);
    const missingPw = await run([f("ok-modern.p12"), "--password-file", path.join(tmp, "nope")]);
    expect(missingPw.code).toBe(2);
    const missing = await run([path.join(tmp, "missing.p12"), "--json"], { [PASSWORD_ENV]: PW });
    expect(missing.code).toBe(1);
    expect(missing.out).toBe("");
    expect(missing.err).toContain("ENOENT");
  });

  it("password files: one trailing line break and a BOM are not part of the password", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(passwordFromFileContent(enc("abc\n"))).toBe("abc");
    expect(passwordFromFileContent(enc("abc\r\n"))).toBe("abc");
    expect(passwordFromFileContent(enc("\ufeffパス\n"))).toBe("パス");
    expect(passwordFromFileContent(enc(" a b "))).toBe(" a b ");
  });
});
