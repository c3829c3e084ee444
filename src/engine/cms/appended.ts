/**
 * CONTENT_APPENDED: when the digest of the content does not match, find whether a leading part of it,
 * cut at a line boundary, does — a footer (disclaimer, virus-scan note) appended by a server after signing.
 * One incremental pass (noble hash with clone() at each line boundary), not one hash per candidate.
 */
import { createHash, type HashName } from "../crypto/hashes";
import { latin1, toHex } from "../util/bytes";

const LF = 0x0a;
/**
 * The largest addition looked for (a footer, a virus-scan note). Cut points further from the end are not
 * tried, which keeps the search at about one pass over the content however many lines it has.
 */
export const MAX_APPENDED = 1024 * 1024;
const CR = 0x0d;

/**
 * Candidate prefix lengths for a line boundary at the LF at `i`: the cut before the line break (the footer
 * begins with the line break) and after it.
 */
function candidates(content: Uint8Array, i: number): [number, number] {
  const before = i > 0 && content[i - 1] === CR ? i - 1 : i;
  return [before, i + 1];
}

/**
 * Scans the line boundaries of the last `maxAppended` bytes; returns the first prefix length whose digest
 * satisfies `matches`. The pass costs one hash of the content plus one finalisation per candidate.
 */
export function findPrefixByDigest(
  content: Uint8Array,
  hash: HashName,
  matches: (digest: Uint8Array) => boolean,
  maxAppended = MAX_APPENDED,
  /** Told each candidate length just before `matches` sees its digest. */
  onCandidate?: (length: number) => void,
): number | undefined {
  const h = createHash(hash);
  // Cut points are only looked for in the tail: what precedes it is hashed in one go.
  let pos = 0;
  const tailStart = Math.max(0, content.length - maxAppended - 2);
  if (tailStart > 0) {
    const lf = content.lastIndexOf(LF, tailStart - 1);
    if (lf > 0) {
      pos = lf + 1;
      h.update(content.subarray(0, pos));
    }
  }
  for (let i = content.indexOf(LF, pos); i >= 0 && i < content.length; i = content.indexOf(LF, i + 1)) {
    const [before, after] = candidates(content, i);
    if (before > pos) {
      h.update(content.subarray(pos, before));
      pos = before;
    }
    if (before > 0 && before < content.length) {
      onCandidate?.(before);
      if (matches(h.clone().digest())) return before;
    }
    h.update(content.subarray(pos, after));
    pos = after;
    if (after < content.length) {
      onCandidate?.(after);
      if (matches(h.clone().digest())) return after;
    }
  }
  return undefined;
}

/**
 * For several wanted digests (hex) at once: the first prefix length whose digest is each, in the one pass of
 * findPrefixByDigest — so many signers with different digests cost one pass over the content, not one each.
 */
export function findPrefixesByDigest(
  content: Uint8Array,
  hash: HashName,
  wanted: ReadonlySet<string>,
  maxAppended = MAX_APPENDED,
): Map<string, number> {
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  let last = -1;
  findPrefixByDigest(
    content,
    hash,
    (d) => {
      const hex = toHex(d);
      if (wanted.has(hex) && !found.has(hex)) found.set(hex, last);
      return found.size === wanted.size;
    },
    maxAppended,
    (len) => {
      last = len;
    },
  );
  return found;
}

/**
 * Digests of the prefixes at the last `max` line boundaries (both cuts of each), in one pass.
 * For signatures without signed attributes, where each candidate needs a signature check.
 */
export function lastBoundaryDigests(
  content: Uint8Array,
  hash: HashName,
  max = 64,
): { length: number; digest: Uint8Array }[] {
  const wanted = new Set<number>();
  let count = 0;
  for (
    let i = content.lastIndexOf(LF);
    i >= 0 && count < max;
    i = i > 0 ? content.lastIndexOf(LF, i - 1) : -1
  ) {
    const [before, after] = candidates(content, i);
    if (before > 0 && before < content.length) wanted.add(before);
    if (after < content.length) wanted.add(after);
    count++;
  }
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: { length: number; digest: Uint8Array }[] = [];
  const h = createHash(hash);
  let pos = 0;
  for (const len of sorted) {
    h.update(content.subarray(pos, len));
    pos = len;
    out.push({ length: len, digest: h.clone().digest() });
  }
  return out;
}

export interface AppendedDetail {
  signedBytes: number;
  addedBytes: number;
  addedLines: number;
  appendedPreview: string;
}

export function describeAppended(content: Uint8Array, signedBytes: number): AppendedDetail {
  const added = content.subarray(signedBytes);
  let lines = 0;
  for (let i = 0; i < added.length; i++) if (added[i] === LF) lines++;
  if (added.length > 0 && added[added.length - 1] !== LF) lines++;
  // Leading line break(s) of the footer carry no information.
  let start = 0;
  while (start < added.length && (added[start] === CR || added[start] === LF)) start++;
  const head = added.subarray(start, start + 1024);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head);
  } catch {
    // Cut in the middle of a UTF-8 sequence, or not UTF-8: retry leniently, else Latin-1.
    const lenient = new TextDecoder("utf-8").decode(head);
    text = (lenient.match(/\ufffd/g)?.length ?? 0) > 2 ? latin1(head) : lenient;
  }
  const chars = Array.from(text.replace(/\r\n/g, "\n"));
  return {
    signedBytes,
    addedBytes: added.length,
    addedLines: lines,
    appendedPreview: chars.slice(0, 200).join(""),
  };
}
