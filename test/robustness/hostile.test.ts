/**
 * Hostile inputs (issue #11): every row of the table, generated in the test from the OpenSSL-made
 * fixtures (test/robustness/hostile/inputs.ts), at a size that reaches the cap or shows the linear path.
 * Asserted: the caps of src/engine/limits.ts, the findings that say a cap was reached, and the verdicts —
 * never times (those are in `npm run bench:hostile` and BENCHMARKS.md).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { capStrings, runDiagnose } from "../../src/cli/diagnose";
import { findPrefixByDigest, findPrefixesByDigest } from "../../src/engine/cms/appended";
import { octetStringContent, readTlv } from "../../src/engine/asn1";
import { createHash } from "../../src/engine/crypto/hashes";
import { diagnose, type Diagnosis } from "../../src/engine/index";
import {
  MAX_CERTIFICATES,
  MAX_HEADER_FIELDS,
  MAX_NAME_ATTRIBUTE_CHARS,
  MAX_OUTPUT_STRING,
  MAX_PARAMETERS,
  MAX_RECIPIENTS,
  MAX_SIGNERS,
} from "../../src/engine/limits";
import { fromPem, toHex } from "../../src/engine/util/bytes";
import * as gen from "./hostile/inputs";

const AT = new Date("2030-01-01T00:00:00Z");
const anchors = fromPem(fs.readFileSync(path.join(gen.GENERATED, "pki", "root.pem"), "latin1"));

async function check(input: gen.HostileInput): Promise<Diagnosis> {
  const d = await diagnose(input.bytes, { trustAnchors: anchors, at: AT });
  const codes = d.findings.map((f) => f.code);
  expect({ kind: d.kind, signature: d.signature }).toEqual({
    kind: input.expect.kind,
    signature: input.expect.signature,
  });
  for (const c of input.expect.present) expect(codes).toContain(c);
  for (const c of input.expect.absent ?? []) expect(codes).not.toContain(c);
  return d;
}

function limitFinding(d: Diagnosis, limit: string): Record<string, unknown> | undefined {
  return d.findings.find((f) => f.detail["limit"] === limit)?.detail;
}

describe("RSA keys above the caps are not checked by hand", () => {
  test("a 4096-bit public exponent: UNSUPPORTED_ALGORITHM, not verifiable", async () => {
    const d = await check(gen.rsaBigExponent());
    expect(limitFinding(d, "rsa-key-size")).toMatchObject({ exponentBits: 4096 });
  });
  test("a 16 400-bit modulus: UNSUPPORTED_ALGORITHM, not verifiable", async () => {
    const d = await check(gen.rsaHugeModulus());
    expect(limitFinding(d, "rsa-key-size")).toMatchObject({ keyBits: 16400 });
  });
});

describe("signers", () => {
  test("300 signers without certificates: the first MAX_SIGNERS checked, the cap said, still invalid", async () => {
    const d = await check(gen.signersWithoutCertificates(1));
    expect(d.signers).toHaveLength(MAX_SIGNERS);
    expect(limitFinding(d, "signers")).toMatchObject({ cap: MAX_SIGNERS, count: 300 });
    expect(d.findings.find((f) => f.code === "MULTIPLE_SIGNERS")?.detail["count"]).toBe(300);
  });
  test("10 000 SignerInfos (the tampered message's): invalid, with the cap said (no stack overflow)", async () => {
    const d = await check(gen.manySignerInfos(0.2));
    expect(limitFinding(d, "signers")).toMatchObject({ count: 10_000 });
    expect(d.signers).toHaveLength(MAX_SIGNERS);
    expect(d.findings.some((f) => f.code === "MALFORMED_MIME")).toBe(false);
  });
  test("a signer cap alone never gives a valid signature", async () => {
    // 150 copies of a valid signer: each checks out, but the 50 beyond the cap were not checked.
    const valid = fs.readFileSync(path.join(gen.GENERATED, "messages", "valid-alice.eml"), "latin1");
    const tampered = fs.readFileSync(path.join(gen.GENERATED, "messages", "tampered.eml"), "latin1");
    const many = gen.manySignerInfos(150 / 50_000);
    const text = new TextDecoder("latin1").decode(many.bytes);
    const bytes = new TextEncoder().encode(
      text.replace(tampered.slice(0, tampered.indexOf("Regards")), valid.slice(0, valid.indexOf("Regards"))),
    );
    const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
    expect(d.signers.every((s) => s.valid)).toBe(true);
    expect(d.signature).toBe("unverifiable");
    expect(limitFinding(d, "signers")).toMatchObject({ count: 150 });
  });
});

test("appended-footer search: one pass finds every signer's prefix", () => {
  const content = new TextEncoder().encode("a\r\nb\r\nc\r\nfooter\r\n");
  const digestOf = (n: number): string =>
    toHex(createHash("sha-256").update(content.subarray(0, n)).digest());
  const wanted = new Set([digestOf(3), digestOf(6), "00"]);
  const found = findPrefixesByDigest(content, "sha-256", wanted);
  expect(found.get(digestOf(3))).toBe(3);
  expect(found.get(digestOf(6))).toBe(6);
  expect(found.has("00")).toBe(false);
  // the same answers as the one-target search
  expect(findPrefixByDigest(content, "sha-256", (d) => toHex(d) === digestOf(6))).toBe(6);
});

test("200 000 recipients: the first MAX_RECIPIENTS listed, the full count said (no stack overflow)", async () => {
  const d = await check(gen.manyRecipients(1));
  expect(d.recipients).toHaveLength(MAX_RECIPIENTS);
  const enc = d.findings.find((f) => f.code === "ENCRYPTED");
  expect(enc?.detail["recipientCount"]).toBe(200_000);
  expect(enc?.message.en).toContain(`first ${MAX_RECIPIENTS} recipients`);
});

test('"-----BEGIN" lines without END: not CMS, no signature', async () => {
  await check(gen.pemBeginStorm(1));
});

test("100 000 SAN addresses: every distinct address kept once", async () => {
  const d = await check(gen.manySanAddresses(1));
  expect(d.certificates?.[0]?.emails).toHaveLength(50_000);
});

test("1 000 000 tiny certificates: MAX_CERTIFICATES read, the cap said", async () => {
  const d = await check(gen.millionTinyCertificates(1));
  expect(limitFinding(d, "certificates")).toMatchObject({ cap: MAX_CERTIFICATES, count: 1_000_001 });
});

describe("constructed OCTET STRINGs", () => {
  test("4 M one-byte pieces: reassembled, the signature judged", async () => {
    await check(gen.octetStringPieces(0.25));
  });
  test("nested, definite and indefinite pieces give the bytes in order", () => {
    // 24 80 [04 02 'ab'] [24 05 [04 01 'c'] [04 00]] [24 80 [04 01 'd'] 00 00] 00 00
    const der = new Uint8Array([
      0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x24, 0x05, 0x04, 0x01, 0x63, 0x04, 0x00, 0x24, 0x80, 0x04, 0x01,
      0x64, 0x00, 0x00, 0x00, 0x00,
    ]);
    expect(new TextDecoder().decode(octetStringContent(readTlv(der, 0)))).toBe("abcd");
    // a piece that is not an OCTET STRING is an error
    const bad = new Uint8Array([0x24, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00]);
    expect(() => octetStringContent(readTlv(bad, 0))).toThrow(
      /chunk of a constructed OCTET STRING is INTEGER/,
    );
  });
});

test("3 MB Content-Type and Content-Transfer-Encoding values: read, no signature", async () => {
  await check(gen.hugeContentType(0.1));
  await check(gen.hugeTransferEncoding(0.1));
});

test("a 2 M-character CN shared by 3 signers: cut at MAX_NAME_ATTRIBUTE_CHARS, the verdict kept", async () => {
  const d = await check(gen.hugeCommonName(0.1));
  const cn = d.signers[0]?.commonName ?? "";
  expect(cn.length).toBeLessThan(MAX_NAME_ATTRIBUTE_CHARS + 40);
  expect(cn.endsWith("…[cut: 2000000 bytes]")).toBe(true);
  for (const f of d.findings) expect(f.message.en.length).toBeLessThan(5000);
});

test("10 000 header lines before the tampered message: MALFORMED_MIME, and the signature still invalid", async () => {
  const d = await check(gen.prependedHeaderLines(1));
  const mime = d.findings.find((f) => f.code === "MALFORMED_MIME");
  expect(mime?.message.en).toContain(`more than ${MAX_HEADER_FIELDS} header fields`);
  // below the cap, no such finding
  const small = await check(gen.prependedHeaderLines(0.5));
  expect(small.kind).toBe("signed");
});

describe("part 4: validity dates, siblings", () => {
  test("unreadable validity dates: MALFORMED_CMS on the certificate, the signer not valid", async () => {
    const d = await check(gen.validityUnreadable());
    const f = d.findings.find((x) => x.code === "MALFORMED_CMS");
    expect(f?.detail["reason"]).toBe("validity-unreadable");
    expect(d.signers[0]?.valid).toBe(false);
    expect(d.signers[0]?.notBefore).toBe("");
  });
  test("two signed parts side by side are not a nested signature", async () => {
    const d = await check(gen.siblingSignedParts());
    expect(d.signers).toHaveLength(2);
    expect(d.findings.map((f) => f.code)).toContain("PARTIALLY_SIGNED");
  });
});

describe("CLI output", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-cli-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("--json streams one element per file, strings cut and marked, every file diagnosed", async () => {
    const big = gen.hugeSubject(2 / 50);
    const files = [0, 1, 2].map((i) => path.join(dir, `big-${i}.eml`));
    for (const f of files) fs.writeFileSync(f, big.bytes);
    const tampered = path.join(gen.GENERATED, "messages", "tampered.eml");
    const chunks: string[] = [];
    const code = await runDiagnose(["--json", ...files, tampered], {
      out: (s) => chunks.push(s),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(chunks[0]).toBe("[\n");
    expect(chunks.length).toBeGreaterThanOrEqual(6); // "[", four diagnoses, "]"
    const results = JSON.parse(chunks.join("")) as Diagnosis[];
    expect(results.map((d) => d.file)).toEqual([...files, tampered]);
    const subject = results[0]?.headers?.subject ?? "";
    expect(subject.length).toBeLessThan(MAX_OUTPUT_STRING + 40);
    expect(subject.endsWith(`…[cut: ${2 * 1024 * 1024} chars]`)).toBe(true);
    expect(results[3]?.signature).toBe("invalid");
  });

  test("the readable summary is cut the same way", async () => {
    const f = path.join(dir, "big-subject.eml");
    fs.writeFileSync(f, gen.hugeSubject(1 / 50).bytes);
    let out = "";
    await runDiagnose([f], { out: (s) => (out += s), err: () => {} });
    expect(out.length).toBeLessThan(MAX_OUTPUT_STRING + 2000);
    expect(out).toContain("…[cut: ");
  });

  test("capStrings cuts only long strings, at any depth", () => {
    const v = capStrings({ a: "x".repeat(10), b: [{ c: "y".repeat(30) }], n: 3, t: true }, 20);
    expect(v).toEqual({ a: "x".repeat(10), b: [{ c: `${"y".repeat(20)}…[cut: 30 chars]` }], n: 3, t: true });
  });
});

test("a Content-Type with 5 000 parameters: the first MAX_PARAMETERS read, MALFORMED_MIME says so", async () => {
  const params = Array.from({ length: 5000 }, (_, i) => `p${i}=${i}`).join("; ");
  const many = new TextEncoder().encode(`From: a@example.jp\nContent-Type: text/plain; ${params}\n\nbody\n`);
  const d = await diagnose(many, { at: AT });
  expect(d.findings.find((f) => f.code === "MALFORMED_MIME")?.message.en).toContain(
    `more than ${MAX_PARAMETERS} parameters`,
  );
  const few = new TextEncoder().encode(`From: a@example.jp\nContent-Type: text/plain; p=1; q=2\n\nbody\n`);
  expect((await diagnose(few, { at: AT })).findings.some((f) => f.code === "MALFORMED_MIME")).toBe(false);
});
