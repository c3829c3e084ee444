/**
 * The advice that moved out of the engine's messages (issue #13) reaches the user again: the JCAN install advice
 * beside an untrusted JCAN chain, the Adobe note beside a signed PDF attachment — in the pane's 「確認した内容」
 * and in the CLI's human output — and where to renew beside a .p12's "renew" advice. Real fixtures, real diagnoses.
 */
import fs from "node:fs";
import path from "node:path";
import { checkPkcs12 } from "../../src/engine";
import { runDiagnose } from "../../src/cli/diagnose";
import { adobePdfNote, adviceForFinding, jcanInstallAdvice, renewAdvice } from "../../src/faq/engineAdvice";
import { FindingDetail, Findings } from "../../src/taskpane/components/Findings";
import { FileCheckResult, runFileCheck, type FileLike } from "../../src/taskpane/setup/index";
import { diagnoseFixture } from "../fixtures/diagnoseFixture";
import { GENERATED, messageEntries } from "../fixtures/messageIndexes";
import { render, text } from "./renderText";

async function cliHuman(file: string, lang: "ja" | "en"): Promise<string> {
  const e = messageEntries().find((x) => x.file === file);
  if (!e) throw new Error(`${file} is in no fixture index`);
  const args = ["--lang", lang, "--no-default-anchors"];
  if (e.at) args.push("--at", e.at);
  for (const a of e.trustAnchors ?? []) args.push("--trust-anchor", path.join(GENERATED, a));
  let out = "";
  const code = await runDiagnose([...args, path.join(GENERATED, file)], {
    out: (s) => (out += s),
    err: () => undefined,
  });
  expect(code).toBe(0);
  return out;
}

const CASES = [
  { file: "messages/jcan-untrusted.eml", code: "CERT_UNTRUSTED", advice: jcanInstallAdvice() },
  { file: "pdf/signed-pdf.eml", code: "SIGNED_PDF_ATTACHMENT", advice: adobePdfNote() },
] as const;

describe.each(CASES)("$file: the advice for $code", ({ file, code, advice }) => {
  test("the engine's finding is there and the faq gives it its advice", async () => {
    const d = await diagnoseFixture(file);
    const f = d.findings.find((x) => x.code === code);
    expect(f).toBeDefined();
    expect(adviceForFinding(f!)).toEqual(advice);
    // the engine's own message no longer carries it (it would be said twice)
    expect(f!.message.ja).not.toContain(advice.ja);
  });

  test.each(["ja", "en"] as const)("pane (%s): beside the finding in 「確認した内容」", async (lang) => {
    const d = await diagnoseFixture(file);
    const f = d.findings.find((x) => x.code === code)!;
    const html = render(<FindingDetail finding={f} />, lang);
    expect(html).toContain('data-testid="finding-advice"');
    expect(text(html)).toContain(advice[lang]);
    // the collapsed list still lists the finding
    const list = /data-codes="([^"]*)"/.exec(render(<Findings findings={d.findings} />, lang));
    expect(list?.[1]?.split(" ")).toContain(code);
  });

  test.each(["ja", "en"] as const)("CLI diagnose (%s): the line after the finding", async (lang) => {
    const out = await cliHuman(file, lang);
    const lines = out.split("\n");
    const i = lines.findIndex((l) => l.includes(` ${code}: `));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toContain(advice[lang]);
  });
});

test("no advice beside a finding that has none: an untrusted chain that is not JCAN's", async () => {
  const d = await diagnoseFixture("messages/jcan-untrusted.eml");
  const other = d.findings.filter((f) => f.code !== "CERT_UNTRUSTED");
  expect(other.length).toBeGreaterThan(0);
  for (const f of other) {
    expect(render(<FindingDetail finding={f} />, "ja")).not.toContain('data-testid="finding-advice"');
  }
  const untrusted = d.findings.find((f) => f.code === "CERT_UNTRUSTED")!;
  const notJcan = { ...untrusted, detail: { ...untrusted.detail, jcan: false } };
  expect(adviceForFinding(notJcan)).toBeUndefined();
});

describe.each(["expired.p12", "expiring.p12"])(".p12 check (%s): where to renew beside 'renew'", (name) => {
  test.each(["ja", "en"] as const)("%s", async (lang) => {
    const entry = (
      JSON.parse(fs.readFileSync(path.join(GENERATED, "p12", "index.json"), "utf8")) as {
        file: string;
        password: string;
        at: string;
      }[]
    ).find((e) => e.file === name);
    if (!entry) throw new Error(`${name} is not in p12/index.json`);
    const bytes = fs.readFileSync(path.join(GENERATED, "p12", name));
    const f: FileLike = { name, size: bytes.length, arrayBuffer: async () => new Uint8Array(bytes).buffer };
    const o = await runFileCheck(f, entry.password, { at: new Date(entry.at), check: checkPkcs12 });
    if (o.kind !== "result") throw new Error(`${name}: ${o.kind}`);
    expect(o.result.advice?.some((a) => a.id === "renew")).toBe(true);
    const html = render(<FileCheckResult outcome={o} />, lang);
    const renew = /<li[^>]*data-advice="renew"[^>]*>([\s\S]*?)<\/li>/.exec(html);
    expect(renew).not.toBeNull();
    expect(renew![1]).toContain('data-testid="p12-renew-where"');
    expect(text(renew![1]!)).toContain(renewAdvice(o.result.certificate)[lang]);
  });
});
