/**
 * Rules: (Diagnosis, Host) → Guidance — the FAQ entries that fit the message, best first, each with why it
 * applies, what the engine found that makes the page's generic answer concrete, and the steps for the
 * user's own client first.
 */
import type { Diagnosis } from "../../engine";
import { orderSteps } from "../hosts";
import type { Guidance, GuidanceItem, Host, StepSet } from "../types";
import { ADVICE, type Candidate, P, entry } from "./common";
import { candidates } from "./candidates";

function stepsFor(c: Candidate, host: Host): StepSet[] {
  const src = entry(c.stepsFrom ?? c.id);
  return orderSteps(src.steps, host);
}

/** The FAQ guidance for a message: fitting entries, best first, each made concrete for this message. */
export function guidanceFor(d: Diagnosis, host: Host): Guidance {
  let cs: Candidate[];
  try {
    cs = candidates(d, host);
  } catch {
    return { items: [] };
  }
  cs.sort((a, b) => a.priority - b.priority);
  const seen = new Set<string>();
  const items: GuidanceItem[] = [];
  for (const c of cs) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const item: GuidanceItem = { entry: entry(c.id), why: c.why, steps: stepsFor(c, host) };
    if (c.context) item.context = c.context;
    if (c.encodingToPick) item.encodingToPick = c.encodingToPick;
    if (c.encodingLabel) item.encodingLabel = c.encodingLabel;
    if (c.hostNote) item.hostNote = c.hostNote;
    if (c.priority >= P.background) item.background = true;
    if (ADVICE.has(c.id)) item.advice = true;
    items.push(item);
  }
  return { items };
}

/** Ids of the fitting entries of the FAQ page, best first (what Diagnosis.faq holds; not our own advice). */
export function faqIdsFor(d: Diagnosis, host: Host): string[] {
  return guidanceFor(d, host)
    .items.filter((i) => !i.advice)
    .map((i) => i.entry.id);
}

/** One line per guidance item for the human `diagnose` output: the entry's question and its id. */
export function formatGuidanceTitles(g: Guidance, lang: "ja" | "en"): string[] {
  return g.items.map((i) => `${i.entry.question[lang]} [${i.entry.id}]`);
}
