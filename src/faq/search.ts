/**
 * Search over both languages: every word of the query must occur (case-insensitive substring, after NFKC
 * normalisation, so full-width and half-width forms match); results are ranked by where the words occur
 * (question > keywords > answer > the rest), then by the page's order.
 */
import { FAQ_ENTRIES } from "./entries";
import type { LocalizedText } from "../engine";
import type { FaqEntry } from "./types";

interface Indexed {
  entry: FaqEntry;
  order: number;
  /** Fields with their weights. */
  fields: { text: string; weight: number }[];
}

export function normalize(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

function both(t: LocalizedText | undefined): string {
  return t ? `${t.ja}\n${t.en}` : "";
}

function index(e: FaqEntry, order: number): Indexed {
  const rest: string[] = [];
  for (const s of e.steps) {
    rest.push(both(s.label), ...s.steps.map(both), both(s.note));
  }
  for (const i of e.items ?? []) rest.push(both(i));
  for (const l of e.links ?? []) rest.push(both(l.title));
  for (const o of e.lraOperators ?? []) {
    rest.push(both(o.name), both(o.services), both(o.serviceName), o.email, o.phone);
  }
  rest.push(both(e.closing));
  return {
    entry: e,
    order,
    fields: [
      { text: normalize(`${e.id}\n${both(e.question)}`), weight: 8 },
      { text: normalize((e.keywords ?? []).join("\n")), weight: 4 },
      { text: normalize(both(e.answer)), weight: 2 },
      { text: normalize(rest.join("\n")), weight: 1 },
    ],
  };
}

/** Built on the first search, not when the module loads (most uses of the FAQ never search it). */
let INDEX: Indexed[] | undefined;

/** Splits a query into words (spaces, full-width spaces, commas); at most 16 words of 100 characters. */
export function queryWords(query: string): string[] {
  return normalize(query)
    .split(/[\s,、，]+/)
    .filter((w) => w.length > 0)
    .slice(0, 16)
    .map((w) => w.slice(0, 100));
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < 20; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Entries matching every word of the query, best first. An empty query returns all entries in order. */
export function searchFaq(query: string): FaqEntry[] {
  const words = queryWords(typeof query === "string" ? query : "");
  if (words.length === 0) return FAQ_ENTRIES.slice();
  const scored: { e: Indexed; score: number }[] = [];
  INDEX ??= FAQ_ENTRIES.map(index);
  for (const e of INDEX) {
    let score = 0;
    let all = true;
    for (const w of words) {
      let s = 0;
      for (const f of e.fields) {
        const c = count(f.text, w);
        // The first occurrence in a field counts fully, repeats a little.
        if (c > 0) s += f.weight * (1 + Math.min(c - 1, 4) * 0.1);
      }
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || a.e.order - b.e.order);
  return scored.map((x) => x.e.entry);
}
