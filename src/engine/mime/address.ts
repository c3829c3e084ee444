/**
 * RFC 5322 address lists: mailboxes, groups ("undisclosed-recipients:;"), quoted display names,
 * comments, encoded words in names, angle addresses and bare addr-specs. A hand-written tokenizer
 * (no regexes): linear time, never throws, tolerant of unbalanced quotes, brackets and parentheses.
 */
import { trimWs } from "./headers";
import type { Mailbox } from "./types";
import { decodeEncodedWords, decodeRawText } from "./words";

type TokKind = "atom" | "quoted" | "comment" | "angle" | "special";

interface Tok {
  kind: TokKind;
  value: string;
  /** Whitespace (or a comment) came right before this token. */
  spaced: boolean;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** Characters that end an atom. '.' stays inside atoms (dot-atoms, "John Q. Public"). */
function isSpecial(c: number): boolean {
  return (
    c === 0x28 || // (
    c === 0x29 || // )
    c === 0x3c || // <
    c === 0x3e || // >
    c === 0x2c || // ,
    c === 0x3b || // ;
    c === 0x3a || // :
    c === 0x40 || // @
    c === 0x22 // "
  );
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let spaced = false;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isWs(c)) {
      spaced = true;
      i++;
      continue;
    }
    if (c === 0x22) {
      // quoted string
      let v = "";
      let from = i + 1;
      let k = i + 1;
      for (; k < n; k++) {
        const d = s.charCodeAt(k);
        if (d === 0x5c) {
          v += s.slice(from, k);
          from = k + 1;
          k++;
        } else if (d === 0x22) break;
      }
      v += s.slice(from, Math.min(k, n));
      toks.push({ kind: "quoted", value: v, spaced });
      i = k + 1;
      spaced = false;
      continue;
    }
    if (c === 0x28) {
      // comment, nested
      let depth = 0;
      let v = "";
      let from = i + 1;
      let k = i;
      for (; k < n; k++) {
        const d = s.charCodeAt(k);
        if (d === 0x5c) {
          v += s.slice(from, k);
          from = k + 1;
          k++;
        } else if (d === 0x28) {
          depth++;
        } else if (d === 0x29) {
          depth--;
          if (depth === 0) break;
        }
      }
      v += s.slice(from, Math.min(k, n));
      toks.push({ kind: "comment", value: v, spaced });
      i = k + 1;
      spaced = true;
      continue;
    }
    if (c === 0x3c) {
      // angle address, quote-aware, up to '>'
      let k = i + 1;
      let inQuote = false;
      for (; k < n; k++) {
        const d = s.charCodeAt(k);
        if (d === 0x5c) k++;
        else if (d === 0x22) inQuote = !inQuote;
        else if (d === 0x3e && !inQuote) break;
      }
      toks.push({ kind: "angle", value: s.slice(i + 1, Math.min(k, n)), spaced });
      i = k + 1;
      spaced = false;
      continue;
    }
    if (isSpecial(c)) {
      toks.push({ kind: "special", value: s[i] as string, spaced });
      i++;
      spaced = false;
      continue;
    }
    let k = i;
    while (k < n && !isWs(s.charCodeAt(k)) && !isSpecial(s.charCodeAt(k))) k++;
    toks.push({ kind: "atom", value: s.slice(i, k), spaced });
    i = k;
    spaced = false;
  }
  return toks;
}

/** addr-spec text: comments, whitespace, quotes' escapes handled; route ("@a,@b:") dropped. */
function cleanAddress(inner: string): string {
  let out = "";
  for (const t of tokenize(inner)) {
    if (t.kind === "comment") continue;
    if (t.kind === "quoted") out += `"${t.value}"`;
    else if (t.kind === "angle") out += t.value;
    else out += t.value;
  }
  if (out.startsWith("@")) {
    const colon = out.lastIndexOf(":");
    if (colon >= 0) out = out.slice(colon + 1);
  }
  return decodeRawText(out).toLowerCase();
}

function phrase(toks: Tok[]): string {
  let out = "";
  for (const t of toks) {
    if (t.kind === "comment" || t.kind === "angle") continue;
    if (out.length > 0 && t.spaced) out += " ";
    out += t.value;
  }
  return decodeEncodedWords(trimWs(out));
}

function comments(toks: Tok[]): string {
  const parts: string[] = [];
  for (const t of toks) if (t.kind === "comment") parts.push(t.value);
  return decodeEncodedWords(trimWs(parts.join(" ")));
}

function mailboxOf(toks: Tok[]): Mailbox | undefined {
  if (toks.length === 0) return undefined;
  const angleAt = toks.findIndex((t) => t.kind === "angle");
  if (angleAt >= 0) {
    const before = toks.slice(0, angleAt);
    const name = phrase(before) || comments(toks);
    return { name, address: cleanAddress((toks[angleAt] as Tok).value) };
  }
  const at = toks.findIndex((t) => t.kind === "special" && t.value === "@");
  if (at < 0) {
    const name = phrase(toks) || comments(toks);
    if (name === "") return undefined;
    return { name, address: "" };
  }
  // addr-spec: the tokens touching '@' without whitespace in between (comments ignored)
  const content = toks.filter((t) => t.kind !== "comment");
  const a = content.findIndex((t) => t.kind === "special" && t.value === "@");
  let lo = a;
  if (lo > 0 && (content[lo - 1] as Tok).kind !== "special") lo--; // local part, even if spaced ("a @ b")
  while (lo > 0 && !(content[lo] as Tok).spaced && (content[lo - 1] as Tok).kind !== "special") lo--;
  let hi = a + 1;
  while (hi < content.length && (hi === a + 1 || !(content[hi] as Tok).spaced)) {
    const t = content[hi] as Tok;
    if (t.kind === "special" && t.value !== "@") break;
    hi++;
  }
  let addr = "";
  for (let k = lo; k < hi; k++) {
    const t = content[k] as Tok;
    addr += t.kind === "quoted" ? `"${t.value}"` : t.value;
  }
  const rest = [...content.slice(0, lo), ...content.slice(hi)];
  const name = phrase(rest) || comments(toks);
  return { name, address: decodeRawText(addr).toLowerCase() };
}

/**
 * Parses an address list (From, To, Cc, Sender ...) given as the raw header value. Group names are
 * dropped and their members listed; an empty group yields nothing. Addresses are lower-cased; a mailbox
 * without an address (just a name) has address "". Never throws.
 */
export function parseMailboxes(raw: string): Mailbox[] {
  if (typeof raw !== "string") return [];
  try {
    const toks = tokenize(raw);
    const out: Mailbox[] = [];
    let cur: Tok[] = [];
    let inGroup = false;
    const finish = (): void => {
      const m = mailboxOf(cur);
      if (m) out.push(m);
      cur = [];
    };
    for (const t of toks) {
      if (t.kind === "special") {
        if (t.value === ",") {
          finish();
          continue;
        }
        if (t.value === ";") {
          finish();
          inGroup = false;
          continue;
        }
        if (t.value === ":" && !inGroup && !cur.some((x) => x.kind === "angle")) {
          // group start: its display name is not a mailbox
          cur = [];
          inGroup = true;
          continue;
        }
      }
      cur.push(t);
    }
    finish();
    return out;
  } catch {
    return [];
  }
}

function isLocalChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2b ||
    c === 0x21 ||
    c === 0x23 ||
    c === 0x24 ||
    c === 0x25 ||
    c === 0x26 ||
    c === 0x27 ||
    c === 0x2a ||
    c === 0x2f ||
    c === 0x3d ||
    c === 0x3f ||
    c === 0x5e ||
    c === 0x60 ||
    c === 0x7b ||
    c === 0x7c ||
    c === 0x7d ||
    c === 0x7e
  );
}

function isDomainChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2e ||
    c === 0x2d
  );
}

/**
 * Things that look like an addr-spec (local@domain) inside free text such as a display name, lower-cased.
 * Full-width forms (＠, ａ…) are folded first (NFKC), since they are a classic way to fake an address.
 */
export function findAddressesInText(text: string): string[] {
  const s = text.normalize("NFKC");
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = s.indexOf("@", from);
    if (at < 0) break;
    let a = at;
    while (a > 0 && isLocalChar(s.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < s.length && isDomainChar(s.charCodeAt(b))) b++;
    let local = s.slice(a, at);
    let domain = s.slice(at + 1, b);
    while (local.startsWith(".")) local = local.slice(1);
    while (domain.endsWith(".") || domain.endsWith("-")) domain = domain.slice(0, -1);
    if (local.length > 0 && domain.length > 0) out.push(`${local}@${domain}`.toLowerCase());
    from = at + 1;
  }
  return out;
}
