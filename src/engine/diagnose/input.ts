/**
 * Input recognition: a whole message, Exchange's smime.p7m entity, a bare CMS blob (DER or base64), an Outlook .msg.
 */
import { finding } from "../findings";
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
    finding(
      "MALFORMED_MIME",
      empty
        ? {
            en: "The input is empty: there is no e-mail message to check.",
            ja: "入力が空です。確認するメールがありません。",
          }
        : {
            en: "This file is not an e-mail message: it has no header lines (From, To, Subject…) and holds binary data. Open a message saved as .eml or as an Outlook .msg, or an S/MIME file (.p7m, .p7s).",
            ja: "このファイルはメールではありません。ヘッダー（From、To、Subject など）がなく、バイナリデータが入っています。.eml または Outlook の .msg として保存したメール、あるいは S/MIME のファイル（.p7m、.p7s）を開いてください。",
          },
      { input: empty ? "empty" : "not-a-message", length: bytes.length },
    ),
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
      finding(
        "MALFORMED_MIME",
        notOutlook
          ? {
              en: `This file is an Office compound file but not an Outlook message (.msg): ${reason}. Open a message saved from Outlook, or saved as .eml.`,
              ja: `このファイルは Office の複合ファイルですが、Outlook のメッセージ（.msg）ではありません（${reason}）。Outlook から保存したメッセージ、または .eml として保存したメールを開いてください。`,
            }
          : {
              en: `The Outlook file (.msg) cannot be read: ${reason}. It may be damaged or incomplete; save the message from Outlook again (File › Save As), or as .eml.`,
              ja: `Outlook のファイル（.msg）を読み取れません（${reason}）。ファイルが壊れているか、途中までしかない可能性があります。Outlook でもう一度保存する（「ファイル」›「名前を付けて保存」）か、.eml として保存してください。`,
            },
        { format: "msg", error: reason, ...(notOutlook ? { notOutlook: true } : {}) },
      ),
    );
    return undefined;
  }
}

/** What a .msg item could not tell, said plainly. */
export function reportOutlookItem(item: OutlookMessage, ctx: Context): void {
  const detail: Record<string, unknown> = {
    messageClass: item.messageClass,
    headers: item.headers,
    ...(item.body ? { body: item.body } : {}),
    ...(item.codepage !== undefined ? { codepage: item.codepage } : {}),
    ...(item.skippedAttachments ? { skippedAttachments: item.skippedAttachments } : {}),
    ...(item.unreadableProperties ? { unreadableProperties: item.unreadableProperties } : {}),
  };
  const unreadable = item.unreadableProperties?.join(", ");
  if (unreadable && !item.plain) {
    // an S/MIME item: its own finding (a plain item's MSG_WITHOUT_MIME says it below)
    ctx.findings.push(
      finding(
        "MALFORMED_MIME",
        {
          en: `Some properties of this Outlook file could not be read and were left out (${unreadable}): they do not hold a plain e-mail address (line breaks, angle brackets or commas in them), which is how a crafted file would add header lines. Treat the file with care.`,
          ja: `この Outlook のファイルの一部のプロパティを読み取れなかったため、使っていません（${unreadable}）。普通のメールアドレスではない値（改行、山かっこ、カンマなど）が入っており、細工したファイルがヘッダーを書き足すときの手口です。取り扱いに注意してください。`,
        },
        detail,
      ),
    );
  }
  if (item.smimeMissing) {
    ctx.findings.push(
      finding(
        "MALFORMED_MIME",
        {
          en: `Outlook marks this item as S/MIME (${item.messageClass}) but the file holds no S/MIME attachment (smime.p7m), so its signature or encryption cannot be checked. Only its text and headers are shown.`,
          ja: `Outlook ではこのアイテムは S/MIME（${item.messageClass}）となっていますが、ファイルに S/MIME の添付（smime.p7m）がないため、電子署名や暗号化を確認できません。本文とヘッダーだけを表示しています。`,
        },
        detail,
      ),
    );
    return;
  }
  if (!item.plain) return;
  const skipped = item.skippedAttachments?.length ?? 0;
  ctx.findings.push(
    finding(
      "MSG_WITHOUT_MIME",
      {
        en: `This is an Outlook .msg of an ordinary item (${item.messageClass}): Outlook saved it without S/MIME, so it was not signed or encrypted when it was saved. A .msg keeps the text and ${item.headers === "transport" ? "the headers" : "a few properties (no transport headers)"}, not the message as it arrived, so its original character set (garbled text) and MIME structure cannot be checked from this file${skipped ? `, and ${skipped} attached item${skipped === 1 ? "" : "s"} could not be included` : ""}. To check those, download the message as .eml (Outlook on the web, new Outlook) or open it in Outlook with this add-in.${unreadable ? ` Some properties could not be read and were left out (${unreadable}): they do not hold a plain e-mail address.` : ""}`,
        ja: `これは Outlook の通常のアイテム（${item.messageClass}）を保存した .msg ファイルです。S/MIME なしで保存されているため、保存の時点で電子署名も暗号化もありません。.msg に残るのは本文と${item.headers === "transport" ? "ヘッダー" : "一部のプロパティ（受信時のヘッダーはありません）"}で、届いたときのメールそのものではないため、元の文字コード（文字化け）や MIME の構造はこのファイルからは分かりません${skipped ? `。添付されたアイテム ${skipped} 件は含められませんでした` : ""}。これらを調べるには、Outlook on the web や新しい Outlook でメールを .eml としてダウンロードするか、Outlook でメールを開いてこのアドインで確認してください。${unreadable ? `また、一部のプロパティは普通のメールアドレスではない値が入っていたため読み取れず、使っていません（${unreadable}）。` : ""}`,
      },
      detail,
    ),
  );
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
