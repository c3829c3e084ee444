/** `smime-assistant faq [--json] [--lang ja|en] [--search WORDS]`: the JCAN certificate FAQ from the command line. */
import { FAQ_ENTRIES, searchFaq } from "../faq/index";
import type { FaqEntry } from "../faq/types";

export const FAQ_USAGE = "usage: smime-assistant faq [--json] [--lang ja|en] [--search WORDS]\n";

type Lang = "ja" | "en";

interface Parsed {
  json: boolean;
  help: boolean;
  lang: Lang;
  search?: string;
  error?: string;
}

function parse(argv: string[]): Parsed {
  const p: Parsed = { json: false, help: false, lang: "ja" };
  const words: string[] = [];
  let searching = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [name, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if (name === "--json") p.json = true;
    else if (name === "--help" || name === "-h") p.help = true;
    else if (name === "--lang") {
      const v = inline ?? argv[++i];
      if (v !== "ja" && v !== "en") return { ...p, error: `--lang must be ja or en (got ${v ?? "nothing"})` };
      p.lang = v;
    } else if (name === "--search") {
      searching = true;
      const v = inline ?? argv[++i];
      if (v === undefined) return { ...p, error: "--search needs words" };
      words.push(v);
    } else if (a === "--") {
      continue;
    } else if (a.startsWith("--")) {
      return { ...p, error: `unknown option: ${a}` };
    } else if (searching) {
      // `--search 文字化け garbled`: the following words belong to the search.
      words.push(a);
    } else {
      return { ...p, error: `unexpected argument: ${a}` };
    }
  }
  if (searching) p.search = words.join(" ");
  return p;
}

/** The JSON shape of an entry: id, question, answer, steps first; the optional parts after. */
export function entryJson(e: FaqEntry): Record<string, unknown> {
  const o: Record<string, unknown> = { id: e.id, question: e.question, answer: e.answer, steps: e.steps };
  if (e.items) o["items"] = e.items;
  if (e.lraOperators) o["lraOperators"] = e.lraOperators;
  if (e.links) o["links"] = e.links;
  if (e.closing) o["closing"] = e.closing;
  return o;
}

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((l) => `${pad}${l}`)
    .join("\n");
}

/** Readable text of one entry in one language. */
export function entryText(e: FaqEntry, lang: Lang): string {
  const L = lang === "ja";
  const out: string[] = [];
  out.push(`■ ${e.question[lang]}  [${e.id}]`);
  out.push(indent(e.answer[lang], "  "));
  for (const s of e.steps) {
    out.push(`  ◆ ${s.label[lang]}`);
    s.steps.forEach((st, i) =>
      out.push(indent(`${s.steps.length > 1 ? `${i + 1}. ` : ""}${st[lang]}`, "    ")),
    );
    if (s.note) out.push(indent(`※ ${s.note[lang]}`, "    "));
  }
  for (const it of e.items ?? []) out.push(`  ・${it[lang]}`);
  for (const o of e.lraOperators ?? []) {
    out.push(`  ● ${o.name[lang]}${o.serviceName ? ` — ${o.serviceName[lang]}` : ""}`);
    out.push(`    (${o.services[lang]})`);
    out.push(`    ${L ? "メールアドレス" : "E-mail"}: ${o.email}   ${L ? "TEL" : "Phone"}: ${o.phone}`);
  }
  if (e.closing) out.push(indent(e.closing[lang], "  "));
  if (e.links?.length) {
    out.push(`  ${L ? "関連資料" : "Documents"}:`);
    for (const l of e.links) out.push(`    - ${l.title[lang]}${l.url ? ` <${l.url}>` : ""}`);
  }
  return out.join("\n");
}

export async function runFaq(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const p = parse(argv);
  if (p.help) {
    io.out(FAQ_USAGE);
    return 0;
  }
  if (p.error) {
    io.err(`smime-assistant faq: ${p.error}\n${FAQ_USAGE}`);
    return 2;
  }
  const entries = p.search !== undefined ? searchFaq(p.search) : FAQ_ENTRIES;
  if (p.json) {
    io.out(`${JSON.stringify(entries.map(entryJson), null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    io.out(
      p.lang === "ja"
        ? `「${p.search ?? ""}」に一致する FAQ はありません。\n`
        : `No FAQ entry matches "${p.search ?? ""}".\n`,
    );
    return 0;
  }
  const head =
    p.lang === "ja"
      ? `JCAN証明書 FAQ（${entries.length} 件${p.search !== undefined ? `、検索：${p.search}` : ""}）`
      : `JCAN certificate FAQ (${entries.length} entr${entries.length === 1 ? "y" : "ies"}${p.search !== undefined ? `, search: ${p.search}` : ""})`;
  io.out(`${head}\n\n${entries.map((e) => entryText(e, p.lang)).join("\n\n")}\n`);
  return 0;
}
