/**
 * The FAQ knowledge base (the JCAN certificate FAQ in Japanese and English), its glossary, search, and the
 * rules that turn a Diagnosis and the user's host into guidance. Imports only the engine's types.
 */
import { FAQ_ENTRIES } from "./entries";
import type { FaqEntry } from "./types";

export { FAQ_ENTRIES, FAQ_IDS, type FaqId } from "./entries";
export { GLOSSARY } from "./glossary";
export { guidanceFor, faqIdsFor, formatGuidanceTitles } from "./rules";
export { searchFaq } from "./search";
export { orderSteps, preferredClients, encodingMenuLabel } from "./hosts";
export type * from "./types";

const BY_ID = new Map<string, FaqEntry>(FAQ_ENTRIES.map((e) => [e.id, e]));

/** The entry with this id, if any. */
export function getEntry(id: string): FaqEntry | undefined {
  return BY_ID.get(id);
}
