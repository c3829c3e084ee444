/**
 * The Japanese style sheet's spacing rule (docs/style-ja.md) in one place: a half-width space only where a
 * half-width word or number meets Japanese text (「末尾に 3 行」「OCSP で確認」), none next to full-width
 * punctuation (「（OCSP」) or between two Japanese words (「発行元は組織の…」). Used by the engine's finding
 * messages, the verdict and the pane.
 */

const HALF_WIDTH = /^[\u0021-\u007e]$/;
// kana, the CJK ideographs (and extension A), 々 and the long vowel mark (in the katakana block)
const JAPANESE = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u3005]$/;

/** left + right, with a space between them only where a half-width character meets a Japanese one. */
export function jaJoin(left: string, right: string): string {
  const a = left.slice(-1);
  const b = right.slice(0, 1);
  const space = (HALF_WIDTH.test(a) && JAPANESE.test(b)) || (JAPANESE.test(a) && HALF_WIDTH.test(b));
  return space ? `${left} ${right}` : `${left}${right}`;
}
