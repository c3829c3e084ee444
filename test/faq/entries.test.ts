/**
 * The knowledge base against the FAQ page itself (../shared/seeds/000_a9432d1613d8294a.txt): every entry
 * present in both languages, the Japanese questions exactly the page's (in its order), every Japanese
 * sentence taken from the page, the steps per mail client, the LRA records, the software list, the Adobe
 * documents and the glossary.
 */
import fs from "node:fs";
import path from "node:path";
import { FAQ_ENTRIES, FAQ_IDS, GLOSSARY, getEntry } from "../../src/faq/index";
import type { FaqEntry, StepClient } from "../../src/faq/types";
import type { LocalizedText } from "../../src/engine";

const SEED = path.resolve(__dirname, "..", "..", "..", "shared", "seeds", "000_a9432d1613d8294a.txt");
const seed: string | undefined = fs.existsSync(SEED) ? fs.readFileSync(SEED, "utf8") : undefined;
if (seed === undefined) {
  console.warn(`!!! FAQ page seed not found at ${SEED}: the page-faithfulness tests are SKIPPED`);
}
const withSeed = seed === undefined ? it.skip : it;

/** The two typos of the page the knowledge base corrects (see src/faq/entries/index.ts). */
const CORRECTIONS: [string, string][] = [
  ["電証明書発行管理者", "電子証明書発行管理者"],
  ["「ファイル→」「オプション」", "「ファイル」→「オプション」"],
];
const squash = (s: string): string => s.replace(/\s+/g, "");
const page = (): string => {
  let s = seed ?? "";
  for (const [a, b] of CORRECTIONS) s = s.split(a).join(b);
  return squash(s.replace(/★/g, "@"));
};

/** Every Japanese string of an entry (question, answer, steps, notes, items, closing, LRA, links). */
function japaneseTexts(e: FaqEntry): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [
    { where: "question", text: e.question.ja },
    ...e.answer.ja.split("\n").map((t) => ({ where: "answer", text: t })),
  ];
  for (const s of e.steps) {
    s.steps.forEach((t, i) => out.push({ where: `${s.client} step ${i + 1}`, text: t.ja }));
    if (s.note) out.push({ where: `${s.client} note`, text: s.note.ja });
  }
  for (const i of e.items ?? []) out.push({ where: "item", text: i.ja });
  for (const t of (e.closing?.ja ?? "").split("\n").filter(Boolean)) out.push({ where: "closing", text: t });
  for (const l of e.links ?? [])
    if (!l.title.ja.includes("について")) out.push({ where: "link", text: l.title.ja });
  for (const o of e.lraOperators ?? []) {
    out.push({ where: "lra name", text: o.name.ja }, { where: "lra services", text: `(${o.services.ja})` });
    if (o.serviceName) out.push({ where: "lra service", text: o.serviceName.ja });
    out.push({ where: "lra email", text: o.email }, { where: "lra phone", text: o.phone });
  }
  return out;
}

function allTexts(e: FaqEntry): LocalizedText[] {
  return [
    e.question,
    e.answer,
    ...e.steps.flatMap((s) => [s.label, ...s.steps, ...(s.note ? [s.note] : [])]),
    ...(e.items ?? []),
    ...(e.closing ? [e.closing] : []),
    ...(e.links ?? []).map((l) => l.title),
    ...(e.lraOperators ?? []).flatMap((o) => [o.name, o.services, ...(o.serviceName ? [o.serviceName] : [])]),
  ];
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/g;

describe("FAQ knowledge base", () => {
  it("has the page's 18 entries with unique, stable kebab-case ids", () => {
    expect(FAQ_ENTRIES).toHaveLength(18);
    expect(FAQ_ENTRIES.map((e) => e.id)).toEqual([...FAQ_IDS]);
    expect(new Set(FAQ_IDS).size).toBe(18);
    for (const id of FAQ_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(getEntry("smime-p7s-attachment")?.question.ja).toContain("smime.p7s");
    expect(getEntry("no-such-entry")).toBeUndefined();
  });

  it.each(FAQ_ENTRIES.map((e) => [e.id, e] as const))("%s is complete in Japanese and English", (_id, e) => {
    for (const t of allTexts(e)) {
      expect(t.ja.trim().length).toBeGreaterThan(0);
      expect(t.en.trim().length).toBeGreaterThan(0);
    }
    expect(e.question.ja).toMatch(JAPANESE);
    expect(e.answer.ja).toMatch(JAPANESE);
    // English is English: (almost) no Japanese characters — Outlook's Japanese menu name may be quoted.
    for (const t of allTexts(e)) {
      const jp = (t.en.match(JAPANESE) ?? []).length;
      expect({ text: t.en, jp: jp <= 3 }).toMatchObject({ jp: true });
      expect(t.en).not.toMatch(/。|、/);
    }
  });

  withSeed("the Japanese questions are the page's, in the page's order", () => {
    const lines = (seed as string).split(/\r?\n/).map((l) => l.trim());
    let last = -1;
    for (const e of FAQ_ENTRIES) {
      const at = lines.indexOf(e.question.ja);
      expect({ id: e.id, question: e.question.ja, found: at >= 0 }).toMatchObject({ found: true });
      expect({ id: e.id, inOrder: at > last }).toMatchObject({ inOrder: true });
      last = at;
    }
  });

  withSeed("every Japanese sentence of the knowledge base is taken from the page", () => {
    const p = page();
    for (const e of FAQ_ENTRIES) {
      for (const { where, text } of japaneseTexts(e)) {
        expect({ id: e.id, where, text, onPage: p.includes(squash(text)) }).toMatchObject({ onPage: true });
      }
    }
  });

  withSeed("the page's answer paragraphs are all in the knowledge base (nothing left out)", () => {
    const kb = squash(FAQ_ENTRIES.flatMap((e) => japaneseTexts(e).map((t) => t.text)).join(""));
    // Lines of the page between the first question and the footer, minus headings the data keeps as structure.
    const lines = (seed as string).split(/\r?\n/).map((l) => l.trim());
    const start = lines.indexOf(FAQ_ENTRIES[0]!.question.ja);
    const end = lines.findIndex((l) => l.startsWith("JCAN認証局LRA登録"));
    const structural = /^(・メールアドレス|・TEL|※上記メールアドレス|$)/;
    for (const raw of lines.slice(start, end)) {
      if (structural.test(raw)) continue;
      let line = raw;
      for (const [a, b] of CORRECTIONS) line = line.split(a).join(b);
      // Client headings run into the first step on the page ("Outlook 2003の場合 ≪ツール≫…").
      line = line.replace(
        /^(Outlook[^の]*の場合|Thunderbirdの場合|Windows Live メールの場合|Webメールの場合)\s*/,
        "",
      );
      // Step numbers and list bullets are structure.
      line = line.replace(/^(\d+\.\s*|・|※)/, "");
      const pieces = line.split(/\s{1,}(?=新しくJCAN|JCAN証明書を取得する方法|JCAN証明書の更新案内)/);
      for (const piece of pieces) {
        const text = piece.replace(/^既にJCAN証明書をご利用中の方\s*/, "");
        if (text === "") continue;
        expect({ line: raw, inKb: kb.includes(squash(text)) }).toMatchObject({ inKb: true });
      }
    }
  });

  it("gives the steps per mail client where the page gives them", () => {
    const clients = (id: string): StepClient[] => (getEntry(id)?.steps ?? []).map((s) => s.client);
    expect(clients("signature-not-received")).toEqual([
      "outlook-2003",
      "outlook-2007",
      "outlook-2010",
      "outlook-2013-2016",
    ]);
    expect(clients("mojibake")).toEqual([
      "outlook-2010-2019-365",
      "outlook-2010-and-earlier",
      "thunderbird",
      "windows-live-mail",
      "webmail",
    ]);
    expect(clients("register-sender-certificate")).toEqual(["outlook"]);
    const steps = (id: string, c: StepClient): number =>
      getEntry(id)?.steps.find((s) => s.client === c)?.steps.length ?? 0;
    expect(steps("mojibake", "outlook-2010-2019-365")).toBe(7);
    expect(steps("mojibake", "outlook-2010-and-earlier")).toBe(3);
    expect(steps("signature-not-received", "outlook-2013-2016")).toBe(3);
    expect(steps("register-sender-certificate", "outlook")).toBe(5);
    // The closing advice of the mojibake entry: ask the sender to re-send.
    expect(getEntry("mojibake")?.closing?.ja).toContain("メールの再送を依頼");
    expect(getEntry("mojibake")?.closing?.en).toMatch(/send the message again/);
    // The encodings to try, per client.
    expect(getEntry("mojibake")?.steps.find((s) => s.client === "thunderbird")?.note?.ja).toContain(
      "日本語(ISO-2022-JP)",
    );
    // Entries without steps on the page have none.
    for (const id of [
      "jcan-certificate",
      "tampered-warning",
      "smime-p7s-attachment",
      "expired-certificate",
    ]) {
      expect(clients(id)).toEqual([]);
    }
  });

  it("lists the S/MIME-capable software, Gmail with its limits", () => {
    const items = getEntry("smime-capable-software")?.items ?? [];
    expect(items.map((i) => i.en.split(" (")[0])).toEqual([
      "Outlook",
      "Thunderbird",
      "Becky! Internet Mail",
      "Mac Mail",
      "Gmail",
    ]);
    const gmail = items[4]!;
    expect(gmail.ja).toContain("Gmail無償版は受信のみ");
    expect(gmail.en).toMatch(/G Suite: sending and receiving; free Gmail: receiving only/);
  });

  it("has the LRA operators as complete records with real e-mail addresses", () => {
    const ops = getEntry("get-jcan-certificate")?.lraOperators ?? [];
    expect(ops).toHaveLength(6);
    expect(ops.map((o) => o.email)).toEqual([
      "jcan@bpo-j.jp",
      "jcan@123sign.biz",
      "bsk-lra@bsk-z.or.jp",
      "jcanlra-support@intasect.co.jp",
      "info@mcci.or.jp",
      "info@mcci.or.jp",
    ]);
    for (const o of ops) {
      expect(o.email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(o.email).not.toContain("★");
      expect(o.phone).toMatch(/^0\d{1,4}-\d{1,4}-\d{4}$/);
      expect(o.name.ja.length).toBeGreaterThan(0);
      expect(o.name.en).toMatch(/^[\x20-\x7e]+$/);
      expect(o.services.ja.length).toBeGreaterThan(0);
      expect(o.services.en.length).toBeGreaterThan(0);
      if (seed) expect(seed).toContain(o.email.replace("@", "★"));
      if (seed) expect(seed).toContain(`TEL:${o.phone}`);
    }
    // Matsumoto CCI runs two services with different phone numbers.
    expect(ops.filter((o) => o.name.ja === "松本商工会議所").map((o) => o.serviceName?.ja)).toEqual([
      "MCCI電子証明書サービス",
      "CCIセキュアアクセス",
    ]);
    expect(getEntry("get-jcan-certificate")?.closing?.ja).toContain(
      "GMOグローバルサインへお問い合わせください",
    );
  });

  it("names the Adobe documents of the page", () => {
    const links = getEntry("adobe-pdf-signature-error")?.links ?? [];
    expect(links.map((l) => l.title.ja)).toEqual([
      "Adobe署名検証設定および電子署名マニュアル",
      "CertExchange.fdfファイルでJCAN証明書を正常に検証するためのAdobe設定方法",
      "JCAN証明書設定ファイル(fdfファイル)",
    ]);
    expect(getEntry("adobe-pdf-signature-error")?.answer.en).toContain("Adobe Approved Trust List");
  });
});

describe("glossary", () => {
  it("defines the certificate terms in both languages, each from an existing entry", () => {
    const ids = GLOSSARY.map((g) => g.id);
    for (const id of [
      "jcan-certificate",
      "root-certificate",
      "intermediate-ca-certificate",
      "common-name",
      "pkcs12",
    ]) {
      expect(ids).toContain(id);
    }
    for (const g of GLOSSARY) {
      expect(getEntry(g.faqId)).toBeDefined();
      expect(g.term.ja.length).toBeGreaterThan(0);
      expect(g.term.en.length).toBeGreaterThan(0);
      expect(g.definition.ja).toMatch(/。$/);
      expect(g.definition.en).toMatch(/\.$/);
      // Short enough for a tooltip.
      expect(g.definition.ja.length).toBeLessThan(120);
      expect(g.definition.en.length).toBeLessThan(200);
    }
  });
});
