/**
 * runFileCheck on the real PKCS#12 fixtures: the result and its FAQ entries, the errors (no file, too big,
 * unreadable, a checker that throws), and that the password never shows up in anything it returns or logs.
 */
import fs from "node:fs";
import path from "node:path";
import { checkPkcs12 } from "../../../src/engine";
import { TimeLimitError } from "../../../src/taskpane/supervisor";
import { faqForP12, MAX_P12_BYTES, runFileCheck, type FileLike } from "../../../src/taskpane/setup/p12Check";

const P12 = path.resolve(__dirname, "..", "..", "fixtures", "generated", "p12");
const PASSWORD = "correct horse battery";
const AT = new Date("2026-06-01T00:00:00Z");

function file(name: string): FileLike & { reads: number } {
  const bytes = fs.readFileSync(path.join(P12, name));
  const f = {
    name,
    size: bytes.length,
    reads: 0,
    arrayBuffer: async () => {
      f.reads++;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  return f;
}

function codes(o: Awaited<ReturnType<typeof runFileCheck>>): string[] {
  return o.kind === "result" ? o.result.findings.map((f) => f.code) : [];
}

describe("real files", () => {
  test("a good file for the right mailbox: P12_OK, certificate, advice, FAQ", async () => {
    const o = await runFileCheck(file("ok-modern.p12"), PASSWORD, {
      email: "user@example.jp",
      at: AT,
      check: checkPkcs12,
    });
    expect(o.kind).toBe("result");
    if (o.kind !== "result") return;
    expect(o.fileName).toBe("ok-modern.p12");
    expect(codes(o)).toContain("P12_OK");
    expect(o.result.certificate?.emails).toContain("user@example.jp");
    expect(o.result.advice?.map((a) => a.id)).toEqual(
      expect.arrayContaining(["backup", "several-pcs", "keep-expired"]),
    );
    expect(o.faq).toEqual(["import-multiple-pcs", "keep-expired-revoked-keys", "pkcs12"]);
  });

  test("without an explicit time, a test page's evaluation time is used (the browser tests' hook)", async () => {
    const g = globalThis as { __SMIME_ASSISTANT_TEST__?: unknown };
    try {
      // expired.p12 ran out on 2025-01-01: a check as of 2024-06-01 finds it valid, one as of now does not
      g.__SMIME_ASSISTANT_TEST__ = { at: "2024-06-01T00:00:00Z" };
      const then = await runFileCheck(file("expired.p12"), PASSWORD, { check: checkPkcs12 });
      expect(codes(then)).not.toContain("CERT_EXPIRED");
      delete g.__SMIME_ASSISTANT_TEST__;
      const now = await runFileCheck(file("expired.p12"), PASSWORD, { check: checkPkcs12 });
      expect(codes(now)).toContain("CERT_EXPIRED");
    } finally {
      delete g.__SMIME_ASSISTANT_TEST__;
    }
  });

  test("the mailbox address is passed on: EMAIL_MISMATCH for another mailbox", async () => {
    const o = await runFileCheck(file("ok-modern.p12"), PASSWORD, {
      email: "someone-else@example.jp",
      at: AT,
      check: checkPkcs12,
    });
    expect(codes(o)).toContain("EMAIL_MISMATCH");
    expect(codes(o)).not.toContain("P12_OK");
  });

  test("a wrong password: P12_BAD_PASSWORD, and 'what PKCS#12 is' comes first in the FAQ", async () => {
    const o = await runFileCheck(file("ok-modern.p12"), "wrong password", { at: AT, check: checkPkcs12 });
    expect(codes(o)).toEqual(["P12_BAD_PASSWORD"]);
    expect(o.kind === "result" && o.faq[0]).toBe("pkcs12");
  });

  test("expired and expiring certificates lead to the expiry and renewal entries", async () => {
    const expired = await runFileCheck(file("expired.p12"), PASSWORD, { at: AT, check: checkPkcs12 });
    expect(codes(expired)).toContain("CERT_EXPIRED");
    expect(expired.kind === "result" && expired.faq.slice(0, 2)).toEqual([
      "expired-certificate",
      "get-jcan-certificate",
    ]);
    const expiring = await runFileCheck(file("expiring.p12"), PASSWORD, { at: AT, check: checkPkcs12 });
    expect(codes(expiring)).toContain("CERT_EXPIRING");
    expect(expiring.kind === "result" && expiring.faq).toContain("expired-certificate");
  });

  test("a damaged file: P12_MALFORMED, not a crash", async () => {
    const o = await runFileCheck(file("malformed-truncated.p12"), PASSWORD, { at: AT, check: checkPkcs12 });
    expect(codes(o)).toContain("P12_MALFORMED");
  });

  test("the password appears nowhere in the outcome, and nothing is logged", async () => {
    const secret = "s3cret-Pässwörd-" + Date.now();
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => jest.spyOn(console, m));
    try {
      const outcomes = [
        await runFileCheck(file("ok-modern.p12"), secret, { at: AT, check: checkPkcs12 }),
        await runFileCheck(file("malformed-truncated.p12"), secret, { at: AT, check: checkPkcs12 }),
        await runFileCheck(file("ok-modern.p12"), secret, {
          at: AT,
          check: async () => {
            throw new Error("engine bug");
          },
        }),
      ];
      for (const o of outcomes) expect(JSON.stringify(o)).not.toContain(secret);
      for (const s of spies) expect(s).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe("errors before the check", () => {
  test("no file", async () => {
    const o = await runFileCheck(null, "x");
    expect(o).toEqual({
      kind: "error",
      message: { en: "Choose a file first.", ja: "先にファイルを選んでください。" },
    });
  });
  test("a file far too big for a certificate is not read at all", async () => {
    let reads = 0;
    const big: FileLike = {
      name: "movie.mp4",
      size: MAX_P12_BYTES + 1,
      arrayBuffer: async () => {
        reads++;
        return new ArrayBuffer(0);
      },
    };
    const o = await runFileCheck(big, "x");
    expect(o.kind).toBe("error");
    // one size format in the whole pane (i18n formatSize, SI units as file managers show them)
    expect(o.kind === "error" && o.message.en).toMatch(/5\.2 MB/);
    expect(reads).toBe(0);
  });
  test("a file that cannot be read", async () => {
    const o = await runFileCheck(
      { name: "x.p12", size: 10, arrayBuffer: () => Promise.reject(new Error("NotReadableError")) },
      "x",
    );
    expect(o.kind === "error" && o.message.ja).toContain("ファイルを読み込めませんでした");
  });
  test("the checker gets the bytes, the password and the options", async () => {
    const seen: unknown[] = [];
    const o = await runFileCheck(
      { name: "a.p12", size: 3, arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer },
      "pw",
      {
        email: "me@example.jp",
        at: AT,
        check: async (bytes, opts) => {
          seen.push([...bytes], opts);
          return { findings: [] };
        },
      },
    );
    expect(seen).toEqual([[1, 2, 3], { password: "pw", email: "me@example.jp", at: AT }]);
    expect(o.kind).toBe("result");
  });
});

test("faqForP12 without findings still explains PKCS#12 and the keep/import advice", () => {
  expect(faqForP12({ findings: [] })).toEqual(["import-multiple-pcs", "keep-expired-revoked-keys", "pkcs12"]);
});

describe("a check past its time limit (the worker was ended)", () => {
  test("says the file is too complex to check here, with the CLI command as the way on", async () => {
    const o = await runFileCheck(
      { name: "my-cert.pfx", size: 3, arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer },
      "pw",
      {
        check: async () => {
          throw new TimeLimitError(20_000);
        },
      },
    );
    expect(o.kind).toBe("error");
    if (o.kind !== "error") return;
    expect(o.message.en).toMatch(
      /too complex to check here.*20 seconds.*smime-assistant check-p12 my-cert\.pfx/,
    );
    expect(o.message.ja).toMatch(/複雑すぎる.*20 秒.*smime-assistant check-p12 my-cert\.pfx/);
  });
  test("a file name that is not plain is not put into the command", async () => {
    const o = await runFileCheck(
      { name: 'a"; rm -rf ~ #.p12', size: 3, arrayBuffer: async () => new Uint8Array([1]).buffer },
      "pw",
      {
        check: async () => {
          throw new TimeLimitError(20_000);
        },
      },
    );
    expect(o.kind === "error" && o.message.en).toMatch(/check-p12 FILE\.p12/);
  });
});
