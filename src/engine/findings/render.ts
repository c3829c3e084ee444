import type { LocalizedText } from "../types";
import type { CataloguedCode, FindingDetails } from "./details";

/** How the catalogue words one code: from its detail alone. */
export type Render<C extends CataloguedCode> = (detail: FindingDetails[C]) => LocalizedText;

/** A part of the catalogue: the renderings of some codes. */
export type Renderings<Codes extends CataloguedCode> = { [C in Codes]: Render<C> };

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * A MIME part's path in words. "" is the message itself (its top-level part): it used to be shown as
 * "root", English in the Japanese text, or as nothing at all ("パート  の").
 */
export const partName = (path: string): LocalizedText =>
  path === "" ? { en: "the message itself", ja: "メール全体" } : { en: `part ${path}`, ja: `パート ${path}` };
