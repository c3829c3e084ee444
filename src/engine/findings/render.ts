import type { LocalizedText } from "../types";
import type { CataloguedCode, FindingDetails } from "./details";

/** How the catalogue words one code: from its detail alone. */
export type Render<C extends CataloguedCode> = (detail: FindingDetails[C]) => LocalizedText;

/** A part of the catalogue: the renderings of some codes. */
export type Renderings<Codes extends CataloguedCode> = { [C in Codes]: Render<C> };

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
