/**
 * Input recognition: a whole message, Exchange's smime.p7m entity, a bare CMS blob (DER or base64), an Outlook .msg.
 */
import { report } from "../findings";
import { messageHeaders, parseMessage } from "../mime/index";
import { MsgError, readOutlookMessage, type OutlookMessage } from "../mime/msg/index";
import type { ParsedMessage } from "../mime/types";
import type { DiagnoseOptions, Diagnosis } from "../types";
import { decodeBase64, latin1 } from "../util/bytes";
import { type Context, parseCmsOrReport, setKind, errorText } from "./context";
import {
  analyzeMessage,
  insideSigned,
  analyzeNonSignedCms,
  verifyLayer,
  describeUnverifiedSigners,
  reportCertsOnly,
} from "./layers";
import { orphanFinding } from "./unsigned";
import { messageLevelChecks, reportMimeProblems } from "./checks";

export function parseOptions(options: DiagnoseOptions): { maxDepth?: number } {
  return options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {};
}

export async function analyzeParsedMessage(msg: ParsedMessage, ctx: Context): Promise<Diagnosis["headers"]> {
  const headers = messageHeaders(msg.root);
  reportMimeProblems(msg, ctx);
  await analyzeMessage(msg, ctx, 0);
  messageLevelChecks(msg.root, ctx);
  return headers;
}

export async function analyzeWholeMessage(bytes: Uint8Array, ctx: Context): Promise<Diagnosis["headers"]> {
  return analyzeParsedMessage(parseMessage(bytes, parseOptions(ctx.options)), ctx);
}

/** How much of the input is looked at to tell binary data from a message. */
export const SNIFF_BYTES = 4096;

/**
 * Input that is clearly not an e-mail message: empty, or binary data (a NUL byte, or more than one byte in
 * ten a control character other than tab, line breaks, form feed and ESC) with no header line at all.
 * Text without headers is left alone: it is a message with an empty header block.
 */
export function notAMessage(bytes: Uint8Array, msg: ParsedMessage): boolean {
  if (bytes.length === 0) return true;
  if (msg.root.headers.length > 0) return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f)
      control++;
  }
  return control * 10 > n;
}

export function reportNotAMessage(bytes: Uint8Array, ctx: Context): void {
  const empty = bytes.length === 0;
  ctx.findings.push(
    report("MALFORMED_MIME", {
      problem: empty ? "empty" : "not-a-message",
      input: empty ? "empty" : "not-a-message",
      length: bytes.length,
    }),
  );
}

/** Reads an Outlook .msg; a file that cannot be read becomes a MALFORMED_MIME finding. */
export async function readOutlookItem(bytes: Uint8Array, ctx: Context): Promise<OutlookMessage | undefined> {
  try {
    return await readOutlookMessage(bytes);
  } catch (err) {
    const reason = errorText(err);
    const notOutlook = err instanceof MsgError && err.notOutlook;
    ctx.findings.push(
      report("MALFORMED_MIME", {
        problem: "msg-unreadable",
        format: "msg",
        error: reason,
        ...(notOutlook ? { notOutlook: true as const } : {}),
      }),
    );
    return undefined;
  }
}

/** What a .msg item could not tell, said plainly. */
export function reportOutlookItem(item: OutlookMessage, ctx: Context): void {
  const detail = {
    messageClass: item.messageClass,
    headers: item.headers,
    ...(item.body ? { body: item.body } : {}),
    ...(item.codepage !== undefined ? { codepage: item.codepage } : {}),
    ...(item.skippedAttachments ? { skippedAttachments: item.skippedAttachments } : {}),
    ...(item.unreadableProperties ? { unreadableProperties: item.unreadableProperties } : {}),
  };
  if (item.cutStreams) {
    ctx.findings.push(
      report("MALFORMED_MIME", {
        problem: "msg-cut",
        format: "msg",
        cutStreams: item.cutStreams.slice(0, 20),
        cutStreamCount: item.cutStreams.length,
      }),
    );
  }
  const unreadable = item.unreadableProperties?.join(", ");
  if (unreadable && !item.plain) {
    // an S/MIME item: its own finding (a plain item's MSG_WITHOUT_MIME says it below)
    ctx.findings.push(report("MALFORMED_MIME", { problem: "msg-properties", ...detail }));
  }
  if (item.smimeMissing) {
    ctx.findings.push(report("MALFORMED_MIME", { problem: "smime-missing", ...detail }));
    return;
  }
  if (!item.plain) return;
  ctx.findings.push(report("MSG_WITHOUT_MIME", detail));
}

/** A bare CMS blob: DER (starts with a SEQUENCE) or base64/PEM text of one. */
export function asBareCms(bytes: Uint8Array): Uint8Array | undefined {
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i] as number)) i++;
  if (i >= bytes.length) return undefined;
  if (bytes[i] === 0x30) return bytes.subarray(i);
  // PEM armour or bare base64: only base64 alphabet, whitespace and PEM lines
  const head = latin1(bytes, i, Math.min(bytes.length, i + 64));
  if (head.startsWith("-----BEGIN")) {
    // Searched with indexOf, not a regular expression: many "-----BEGIN" lines without an END must not
    // cost a scan to the end for each of them.
    const text = latin1(bytes, i, Math.min(bytes.length, i + 4 * 1024 * 1024));
    const labelEnd = text.indexOf("-----", 10);
    if (labelEnd < 0 || !/^-----BEGIN [A-Z0-9 ]+$/.test(text.slice(0, Math.min(labelEnd, 200))))
      return undefined;
    const end = text.indexOf("-----END", labelEnd + 5);
    if (end < 0) return undefined;
    return decodeBase64(new TextEncoder().encode(text.slice(labelEnd + 5, end)));
  }
  // bare base64 of a DER SEQUENCE starts with "M" (0x30 → 001100)
  if (bytes[i] !== 0x4d) return undefined;
  const limit = Math.min(bytes.length, i + 4096);
  for (let j = i; j < limit; j++) {
    const c = bytes[j] as number;
    if (!(isB64(c) || isSpace(c))) return undefined;
  }
  return decodeBase64(bytes, i);
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
export function isB64(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f ||
    c === 0x3d
  );
}

export async function analyzeBareCms(der: Uint8Array, ctx: Context): Promise<void> {
  const info = parseCmsOrReport(der, ctx, "(input)");
  if (!info) return;
  if (info.type === "signed") {
    if (info.signerCount === 0) {
      setKind(ctx, "certs-only");
      reportCertsOnly(info, ctx);
      return;
    }
    if (info.eContent === undefined) {
      // A detached signature on its own: there is nothing to check it against.
      setKind(ctx, "orphan-signature");
      ctx.findings.push(orphanFinding("(input)"));
      await describeUnverifiedSigners(info, ctx, 0);
      return;
    }
    setKind(ctx, "opaque-signed");
    const result = await verifyLayer(info, undefined, ctx, 0);
    if (result.content) {
      const inner = parseMessage(result.content);
      await insideSigned(ctx, result.first, () => analyzeMessage(inner, ctx, 1));
    }
    return;
  }
  await analyzeNonSignedCms(info, ctx, 0, "(input)");
}

// ---------------------------------------------------------------------------------------------------
// Layers
