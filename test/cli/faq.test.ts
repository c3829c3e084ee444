/**
 * `smime-assistant faq`: in-process through runFaq, and once end to end through bin/ (only JSON on stdout).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { runFaq } from "../../src/cli/faq";

const ROOT = path.resolve(__dirname, "..", "..");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runFaq(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface JsonEntry {
  id: string;
  question: { ja: string; en: string };
  answer: { ja: string; en: string };
  steps: { client: string; steps: { ja: string; en: string }[] }[];
  items?: unknown[];
  lraOperators?: { email: string }[];
  links?: unknown[];
}

describe("faq CLI", () => {
  it("--json lists all 18 entries in ja and en, exactly the agreed shape", async () => {
    const r = await run(["--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const list = JSON.parse(r.out) as JsonEntry[];
    expect(list).toHaveLength(18);
    for (const e of list) {
      expect(Object.keys(e).slice(0, 4)).toEqual(["id", "question", "answer", "steps"]);
      expect(
        e.question.ja.length * e.question.en.length * e.answer.ja.length * e.answer.en.length,
      ).toBeGreaterThan(0);
      expect(Array.isArray(e.steps)).toBe(true);
    }
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get("mojibake")?.steps.map((s) => s.client)).toContain("thunderbird");
    expect(byId.get("get-jcan-certificate")?.lraOperators?.[0]?.email).toBe("jcan@bpo-j.jp");
    expect(byId.get("smime-capable-software")?.items).toHaveLength(5);
    expect(byId.get("adobe-pdf-signature-error")?.links).toHaveLength(3);
  });

  it("--search filters and ranks, in both languages", async () => {
    const ja = JSON.parse((await run(["--json", "--search", "文字化け"])).out) as JsonEntry[];
    expect(ja[0]?.id).toBe("mojibake");
    const en = JSON.parse((await run(["--json", "--search=garbled"])).out) as JsonEntry[];
    expect(en.map((e) => e.id)).toEqual(["mojibake"]);
    // several words after --search
    const two = JSON.parse((await run(["--json", "--search", "秘密鍵", "削除"])).out) as JsonEntry[];
    expect(two[0]?.id).toBe("keep-expired-revoked-keys");
    const none = await run(["--json", "--search", "zzqqxx"]);
    expect(JSON.parse(none.out)).toEqual([]);
  });

  it("prints readable text in Japanese by default and in English with --lang en", async () => {
    const ja = await run([]);
    expect(ja.code).toBe(0);
    expect(ja.out).toContain("JCAN証明書 FAQ（18 件）");
    expect(ja.out).toContain("■ 受信したメールに「smime.p7s」が添付されています");
    expect(ja.out).toContain("◆ Thunderbirdの場合");
    expect(ja.out).toContain("メールアドレス: jcan@bpo-j.jp");
    const en = await run(["--lang", "en", "--search", "smime.p7s"]);
    expect(en.out).toContain("■ A message I received has an attachment called “smime.p7s”");
    expect(en.out).not.toMatch(/[ぁ-ん]/);
    const nothing = await run(["--lang", "en", "--search", "zzqqxx"]);
    expect(nothing.out).toContain('No FAQ entry matches "zzqqxx"');
  });

  it("rejects bad options with exit code 2 and usage on stderr", async () => {
    for (const argv of [["--lang", "fr"], ["--bogus"], ["stray"], ["--search"]]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/usage: smime-assistant faq/);
    }
    expect((await run(["--help"])).code).toBe(0);
  });

  it("works end to end: `smime-assistant faq --json` prints only the JSON", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "smime-assistant.js"), "faq", "--json", "--lang", "en"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as JsonEntry[];
    expect(list).toHaveLength(18);
  });
});
