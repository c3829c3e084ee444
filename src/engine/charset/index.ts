/**
 * Charset detection and decoding for display (mojibake diagnosis and repair).
 *
 * Host-free: only TextDecoder (WHATWG Encoding; Node 20 and browsers decode shift_jis, euc-jp,
 * iso-2022-jp, koi8-u/r, windows-125x and iso-8859-x) and typed arrays. Never throws; detection looks at
 * a bounded sample (the first few MB) so a 50 MB body costs one linear decode at most.
 */
export { decodeText, normalizeCharset } from "./labels";
export { detectCharset, japaneseScore } from "./detect";
export { analyzeText, charsetDisplayName } from "./judge";
