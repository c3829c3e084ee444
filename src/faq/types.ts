/**
 * Contract of the FAQ knowledge base and guidance rules (src/faq). faq imports only the engine's types;
 * src/office fills Host from Office diagnostics; the CLI passes { client: "unknown" }.
 */
import type { LocalizedText } from "../engine";

export type HostClient =
  "outlook-classic" | "outlook-new" | "outlook-web" | "outlook-mac" | "outlook-mobile" | "unknown";

export interface Host {
  client: HostClient;
  /** Office build, e.g. "16.0.17328.20000" (classic Outlook) when known. */
  version?: string;
  /** Office platform string as reported (PC, OfficeOnline, Mac, iOS, Android, Universal). */
  platform?: string;
  language?: "ja" | "en";
}

/** Mail clients the FAQ page gives steps for. */
export type StepClient =
  | "outlook-2003"
  | "outlook-2007"
  | "outlook-2010"
  | "outlook-2013-2016"
  | "outlook-2010-2019-365"
  | "outlook-2010-and-earlier"
  | "outlook"
  | "thunderbird"
  | "windows-live-mail"
  | "webmail";

export interface StepSet {
  client: StepClient;
  label: LocalizedText;
  steps: LocalizedText[];
  /** A closing remark of the page for this client (e.g. which encodings to try). */
  note?: LocalizedText;
}

export interface FaqLink {
  title: LocalizedText;
  /** Only where the page gives an address; never fetched by the product. */
  url?: string;
}

export interface LraOperator {
  name: LocalizedText;
  services: LocalizedText;
  serviceName?: LocalizedText;
  /** Real address: the page's ★ turned back into @. */
  email: string;
  phone: string;
}

export interface FaqEntry {
  /** Stable id, kebab-case, e.g. "smime-p7s-attachment". */
  id: string;
  question: LocalizedText;
  answer: LocalizedText;
  steps: StepSet[];
  links?: FaqLink[];
  /** Free-form list items of the answer (e.g. the S/MIME-capable software). */
  items?: LocalizedText[];
  lraOperators?: LraOperator[];
  // ---- additions (optional) ----
  /** The page's closing text after the steps/list (e.g. "ask the sender to re-send"). */
  closing?: LocalizedText;
  /** Extra search words (synonyms, technical names) — not shown. */
  keywords?: string[];
}

export interface GlossaryTerm {
  id: string;
  term: LocalizedText;
  definition: LocalizedText;
  /** The FAQ entry it comes from. */
  faqId: string;
}

export interface GuidanceItem {
  entry: FaqEntry;
  /** Why this entry applies to this message, in plain words. */
  why: LocalizedText;
  /** What the engine found that makes the generic answer concrete (e.g. "a 3-line footer was added"). */
  context?: LocalizedText;
  /** The entry's steps, the user's own client first. */
  steps: StepSet[];
  /** The detected encoding to pick, for mojibake entries. */
  encodingToPick?: string;
  // ---- additions (optional) ----
  /** The encoding to pick as the menu item reads in the user's client (e.g. "Unicode (UTF-8)"). */
  encodingLabel?: LocalizedText;
  /** What differs for the user's client (e.g. new Outlook has no encoding menu), when it matters. */
  hostNote?: LocalizedText;
  /** Background only (a glossary definition, not an action for this message): the pane shows it as a tooltip. */
  background?: boolean;
  /** This project's own action card (src/faq/advice.ts), not an entry of the FAQ page. */
  advice?: boolean;
}

export interface Guidance {
  items: GuidanceItem[];
}
