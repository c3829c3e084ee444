/**
 * diagnose(bytes, options) → Diagnosis: the engine's one entry point (through createEngine, ./engine.ts).
 *
 * It recognises the input (a whole message, the MIME entity Exchange keeps in smime.p7m, a bare CMS blob
 * in DER or base64, or an Outlook .msg item, rebuilt as MIME by mime/msg.ts; anything else is reported as
 * not a message), walks the S/MIME layers from the outside in (multipart/signed, opaque signed,
 * enveloped, certs-only, and signed parts nested below an unsigned root), verifies every signer, and adds
 * the message-level checks (sender, reply-to, mailing list, signing time, charsets, signed PDF attachments);
 * OpenPGP layers are reported (OPENPGP), not checked, and whatever they wrap is analysed. It never throws:
 * whatever goes wrong becomes a finding.
 */
import { summarizeCertificate } from "./x509/index";
import type { CryptoContext } from "./crypto/context";
import { analyzeText } from "./charset/index";
import {
  cmsLimitFindings,
  parseCms,
  signerPath,
  verifySigned,
  type CmsInfo,
  type SignedCms,
} from "./cms/index";
import { revocationFindings } from "./revocation/index";
import { finding, internalError, report } from "./findings";
import { isMalformedInput, onlyMalformed } from "./asn1/errors";
import {
  decodedBody,
  headerValue,
  isPkcs7MimeType,
  isSignatureType,
  messageHeaders,
  parseMessage,
  signedContent,
  walkParts,
} from "./mime/index";
import { MsgError, isCompoundFile, readOutlookMessage, type OutlookMessage } from "./mime/msg";
import type { MimePart, ParsedMessage } from "./mime/types";
import { checkReplyTo, isListAddress, mailingListFinding, mailingListOf } from "./mail/mailinglist";
import {
  inlinePgpForm,
  isPgpControlPart,
  openPgpFinding,
  pgpMultipartForm,
  type PgpPlace,
} from "./mail/openpgp";
import { findPdfSignatures } from "./pdf/index";
import { checkSender } from "./mail/sender";
import type {
  Attachment,
  CertificateSummary,
  DecodedText,
  DiagnoseOptions,
  Diagnosis,
  Finding,
  Kind,
  Recipient,
  Signer,
  TrustAnchor,
} from "./types";
import { decodeBase64, latin1 } from "./util/bytes";

/** How many S/MIME layers (signature inside encryption inside signature…) we unwrap at most. */
const MAX_LAYERS = 8;
/** Text shown for display is capped; the analysis itself sees the whole part. */
const MAX_DISPLAY_TEXT = 512 * 1024;
/** One hour, the tolerance between signingTime and the Date header. */
const SIGNING_TIME_TOLERANCE_MS = 60 * 60 * 1000;

interface Context {
  options: DiagnoseOptions;
  /** The engine's crypto: its port and the caches of its answers. */
  crypto: CryptoContext;
  at: Date;
  anchors: readonly (Uint8Array | TrustAnchor)[];
  kind: Kind | undefined;
  signers: Signer[];
  recipients: Recipient[];
  findings: Finding[];
  certificates: CertificateSummary[];
  texts: DecodedText[];
  attachments: Attachment[];
  contentEncryptionAlgorithm?: string;
  /** Layers of signatures seen, outermost first. */
  signedLayers: number;
  /** OpenPGP layers seen (reported as one OPENPGP finding). */
  pgp: PgpPlace[];
  /**
   * The signed layers being analysed around the current point, outermost first (their first signer): a
   * signature found while this is not empty is nested; one found beside another (siblings) is not.
   */
  enclosing: (Signer | undefined)[];
}

/** The diagnosis of one input by the engine that owns `crypto` (see createEngine in ./engine.ts). */
export async function diagnoseWith(
  crypto: CryptoContext,
  bytes: Uint8Array,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  const started = Date.now();
  const ctx: Context = {
    options,
    crypto,
    at: options.at ?? new Date(),
    anchors: options.trustAnchors ?? [],
    kind: undefined,
    signers: [],
    recipients: [],
    findings: [],
    certificates: [],
    texts: [],
    attachments: [],
    signedLayers: 0,
    pgp: [],
    enclosing: [],
  };
  let headers: Diagnosis["headers"];
  let outlookItem: Diagnosis["outlookItem"];
  try {
    options.onProgress?.(0);
    const cms = isCompoundFile(bytes) ? undefined : asBareCms(bytes);
    if (cms) {
      await analyzeBareCms(cms, ctx);
    } else if (isCompoundFile(bytes)) {
      const item = await readOutlookItem(bytes, ctx);
      if (item) {
        outlookItem = { messageClass: item.messageClass, headers: item.headers, content: item.content };
        headers = await analyzeWholeMessage(item.mime, ctx);
        reportOutlookItem(item, ctx);
      }
    } else {
      const msg = parseMessage(bytes, parseOptions(options));
      if (notAMessage(bytes, msg)) reportNotAMessage(bytes, ctx);
      else headers = await analyzeParsedMessage(msg, ctx);
    }
    if (ctx.pgp.length > 0) ctx.findings.push(openPgpFinding(ctx.pgp));
  } catch (err) {
    if (!isMalformedInput(err)) ctx.findings.push(internalError("diagnose", err));
    else
      ctx.findings.push(
        finding(
          "MALFORMED_MIME",
          {
            en: `The message could not be analysed: ${errorText(err)}.`,
            ja: `メッセージを解析できませんでした（${errorText(err)}）。`,
          },
          { error: errorText(err) },
        ),
      );
  }
  options.onProgress?.(1);
  const diagnosis: Diagnosis = {
    kind: ctx.kind ?? "none",
    signature: overallVerdict(ctx),
    signers: ctx.signers,
    recipients: ctx.recipients,
    findings: sortFindings(ctx.findings),
    faq: [],
  };
  if (ctx.contentEncryptionAlgorithm) diagnosis.contentEncryptionAlgorithm = ctx.contentEncryptionAlgorithm;
  if (ctx.certificates.length > 0) diagnosis.certificates = ctx.certificates;
  if (headers) diagnosis.headers = headers;
  if (ctx.texts.length > 0) diagnosis.texts = ctx.texts;
  if (ctx.attachments.length > 0) diagnosis.attachments = ctx.attachments;
  if (outlookItem) diagnosis.outlookItem = outlookItem;
  diagnosis.elapsedMs = Date.now() - started;
  return diagnosis;
}

// ---------------------------------------------------------------------------------------------------
// Input recognition

function parseOptions(options: DiagnoseOptions): { maxDepth?: number } {
  return options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {};
}

async function analyzeParsedMessage(msg: ParsedMessage, ctx: Context): Promise<Diagnosis["headers"]> {
  const headers = messageHeaders(msg.root);
  reportMimeProblems(msg, ctx);
  await analyzeMessage(msg, ctx, 0);
  messageLevelChecks(msg.root, ctx);
  return headers;
}

async function analyzeWholeMessage(bytes: Uint8Array, ctx: Context): Promise<Diagnosis["headers"]> {
  return analyzeParsedMessage(parseMessage(bytes, parseOptions(ctx.options)), ctx);
}

/** How much of the input is looked at to tell binary data from a message. */
const SNIFF_BYTES = 4096;

/**
 * Input that is clearly not an e-mail message: empty, or binary data (a NUL byte, or more than one byte in
 * ten a control character other than tab, line breaks, form feed and ESC) with no header line at all.
 * Text without headers is left alone: it is a message with an empty header block.
 */
function notAMessage(bytes: Uint8Array, msg: ParsedMessage): boolean {
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

function reportNotAMessage(bytes: Uint8Array, ctx: Context): void {
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
async function readOutlookItem(bytes: Uint8Array, ctx: Context): Promise<OutlookMessage | undefined> {
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
function reportOutlookItem(item: OutlookMessage, ctx: Context): void {
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
function asBareCms(bytes: Uint8Array): Uint8Array | undefined {
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

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
function isB64(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2f ||
    c === 0x3d
  );
}

async function analyzeBareCms(der: Uint8Array, ctx: Context): Promise<void> {
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

async function analyzeMessage(msg: ParsedMessage, ctx: Context, layer: number): Promise<void> {
  await analyzeEntity(msg, msg.root, ctx, layer);
}

/**
 * Analyses one MIME entity that is the readable content at this layer: an S/MIME structure at its root is
 * unwrapped; otherwise the tree is searched for signed parts below it (PARTIALLY_SIGNED), orphan
 * signatures, texts and attachments.
 */
async function analyzeEntity(msg: ParsedMessage, part: MimePart, ctx: Context, layer: number): Promise<void> {
  if (layer >= MAX_LAYERS) {
    ctx.findings.push(
      finding(
        "MALFORMED_MIME",
        {
          en: `S/MIME layers are nested more than ${MAX_LAYERS} deep; the inner layers were not analysed.`,
          ja: `S/MIME の入れ子が ${MAX_LAYERS} 段を超えているため、内側は解析していません。`,
        },
        { part: part.path, layer },
      ),
    );
    return;
  }
  const ct = part.contentType;
  const pgp = pgpMultipartForm(part);
  if (pgp !== undefined) {
    // OpenPGP (RFC 3156): not checked, not S/MIME; what a PGP signature wraps is still analysed.
    ctx.pgp.push({ part: part.path, form: pgp });
    const content = part.children[0];
    if (pgp === "pgp-signed" && content) await analyzeEntity(msg, content, ctx, layer);
    return;
  }
  if (ct.type === "multipart" && ct.subtype === "signed") {
    await analyzeMultipartSigned(msg, part, ctx, layer);
    return;
  }
  if (isPkcs7MimeType(ct) || isP7mAttachmentAtRoot(part)) {
    await analyzePkcs7Mime(msg, part, ctx, layer);
    return;
  }
  // Not S/MIME at this level: look below.
  await analyzeUnsignedTree(msg, part, ctx, layer);
}

function isP7mAttachmentAtRoot(part: MimePart): boolean {
  const ct = part.contentType;
  return (
    part.depth === 0 &&
    ct.type === "application" &&
    ct.subtype === "octet-stream" &&
    /\.p7m$/i.test(part.filename ?? ct.params["name"] ?? "")
  );
}

async function analyzeMultipartSigned(
  msg: ParsedMessage,
  part: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  const [content, sigPart] = part.children;
  if (!content || !sigPart || !isSignatureType(sigPart.contentType)) {
    ctx.findings.push(
      finding(
        "MALFORMED_MIME",
        {
          en: `The multipart/signed part ${pathLabel(part)} does not have the two parts it needs (the content, then an application/pkcs7-signature).`,
          ja: `multipart/signed（${pathLabel(part)}）に、必要な 2 つのパート（本文と application/pkcs7-signature の署名）がそろっていません。`,
        },
        {
          part: part.path,
          children: part.children.map((c) => `${c.contentType.type}/${c.contentType.subtype}`),
        },
      ),
    );
    setKind(ctx, "signed");
    if (content) await analyzeEntity(msg, content, ctx, layer + 1);
    return;
  }
  setKind(ctx, "signed");
  const der = decodedBody(msg, sigPart);
  const info = parseCmsOrReport(der, ctx, sigPart.path);
  const signed = signedContent(msg, part);
  if (info) {
    if (info.type !== "signed") {
      ctx.findings.push(
        finding(
          "MALFORMED_CMS",
          {
            en: `The signature part ${pathLabel(sigPart)} holds ${info.type === "unknown" ? info.contentType : info.type} data, not a signature.`,
            ja: `署名パート（${pathLabel(sigPart)}）には、署名ではなく別の種類のデータが入っています。`,
          },
          { part: sigPart.path, contentType: info.type === "unknown" ? info.contentType : info.type },
        ),
      );
    } else {
      const result = await verifyLayer(info, signed, ctx, layer);
      ctx.options.onProgress?.(0.8);
      await insideSigned(ctx, result.first, () => analyzeEntity(msg, content, ctx, layer + 1));
      return;
    }
  }
  ctx.options.onProgress?.(0.8);
  await analyzeEntity(msg, content, ctx, layer + 1);
}

/** Analyses what a signed layer covers, with that layer recorded as enclosing it (NESTED_SIGNATURE). */
async function insideSigned(ctx: Context, first: Signer | undefined, fn: () => Promise<void>): Promise<void> {
  ctx.enclosing.push(first);
  try {
    await fn();
  } finally {
    ctx.enclosing.pop();
  }
}

async function analyzePkcs7Mime(
  msg: ParsedMessage,
  part: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  const der = decodedBody(msg, part);
  const info = parseCmsOrReport(der, ctx, part.path);
  const smimeType = (part.contentType.params["smime-type"] ?? "").toLowerCase();
  if (!info) {
    setKind(
      ctx,
      smimeType === "enveloped-data"
        ? "encrypted"
        : smimeType === "certs-only"
          ? "certs-only"
          : "opaque-signed",
    );
    return;
  }
  if (info.type === "signed") {
    if (info.signerCount === 0 && info.eContent === undefined) {
      setKind(ctx, "certs-only");
      reportCertsOnly(info, ctx);
      return;
    }
    setKind(ctx, "opaque-signed");
    const result = await verifyLayer(info, undefined, ctx, layer);
    if (result.content) {
      const inner = parseMessage(result.content);
      reportMimeProblems(inner, ctx);
      await insideSigned(ctx, result.first, () => analyzeMessage(inner, ctx, layer + 1));
    }
    return;
  }
  await analyzeNonSignedCms(info, ctx, layer, part.path);
}

async function analyzeNonSignedCms(info: CmsInfo, ctx: Context, layer: number, where: string): Promise<void> {
  if (info.type === "enveloped" || info.type === "auth-enveloped") {
    setKind(ctx, "encrypted");
    for (const r of info.recipients) ctx.recipients.push(r);
    ctx.contentEncryptionAlgorithm ??= info.contentEncryptionAlgorithm;
    ctx.findings.push(
      report("ENCRYPTED", {
        layer,
        part: where,
        contentEncryptionAlgorithm: info.contentEncryptionAlgorithm,
        recipients: info.recipients,
        recipientCount: info.recipientCount,
        authenticated: info.type === "auth-enveloped",
      }),
    );
    return;
  }
  if (info.type === "unknown") {
    ctx.findings.push(
      finding(
        "UNSUPPORTED_ALGORITHM",
        {
          en: `The S/MIME part ${where} holds CMS content of type ${info.contentType}, which this version does not analyse.`,
          ja: `S/MIME パート（${where}）には CMS データ（種類：${info.contentType}）が含まれていますが、このバージョンでは解析できません。`,
        },
        { part: where, contentType: info.contentType },
      ),
    );
  }
}

async function verifyLayer(
  info: SignedCms,
  detached: Uint8Array | undefined,
  ctx: Context,
  layer: number,
): Promise<{ content?: Uint8Array; first?: Signer }> {
  const result = await verifySigned(info, {
    ...(detached !== undefined ? { detachedContent: detached } : {}),
    trustAnchors: ctx.anchors,
    ...(ctx.options.distrust ? { distrust: ctx.options.distrust } : {}),
    at: ctx.at,
    layer,
    crypto: ctx.crypto,
  });
  ctx.signedLayers++;
  const form = detached !== undefined ? "multipart" : "opaque";
  if (ctx.enclosing.length > 0) {
    // Nested: this signature sits inside another signed layer (siblings side by side are not nested).
    const outer = ctx.enclosing[ctx.enclosing.length - 1];
    const inner = result.signers[0];
    ctx.findings.push(
      finding(
        "NESTED_SIGNATURE",
        {
          en: `Inside the signed message there is another signed message${inner ? `, signed by ${inner.commonName || inner.subject}${inner.emails[0] ? ` <${inner.emails[0]}>` : ""}` : ""}${outer ? ` (the outer signature is by ${outer.commonName || outer.subject})` : ""}. Each signature vouches for its own layer.`,
          ja: `署名付きメールの中に、さらに別の署名付きメッセージが入っています${inner ? `（内側の署名者：${inner.commonName || inner.subject}${inner.emails[0] ? ` <${inner.emails[0]}>` : ""}）` : ""}${outer ? `。外側の署名者は ${outer.commonName || outer.subject} です` : ""}。それぞれの署名が保証するのは、その署名の階層の内容だけです。`,
        },
        { layer, form, innerSigners: result.signers.map((s) => s.subject), outerSigner: outer?.subject },
      ),
    );
  }
  for (const s of result.signers) ctx.signers.push(s);
  for (const f of result.findings) ctx.findings.push(withLayer(f, layer, form));
  // Revocation of each signer's certificate path (nothing fetched unless the caller gave a fetcher).
  for (const [i, s] of result.signers.entries()) {
    const path = signerPath(s);
    if (!path) continue;
    const base = { signer: i, subject: s.subject, layer };
    for (const f of await revocationFindings(s, path, ctx.options.revocation, ctx.at, base, ctx.crypto))
      ctx.findings.push(withLayer(f, layer, form));
  }
  const first = result.signers[0];
  return {
    ...(result.content !== undefined ? { content: result.content } : {}),
    ...(first !== undefined ? { first } : {}),
  };
}

/** Lists the signers of a signature we cannot check (orphan): who signed, with their certificates. */
async function describeUnverifiedSigners(info: SignedCms, ctx: Context, layer: number): Promise<void> {
  for (const der of info.certificates) {
    const summary = summarizeSafe(der);
    if (summary) ctx.certificates.push(summary);
  }
  // The signer certificates: let verifySigned find them; we only keep the signer descriptions.
  const result = await verifySigned(info, {
    trustAnchors: ctx.anchors,
    ...(ctx.options.distrust ? { distrust: ctx.options.distrust } : {}),
    at: ctx.at,
    layer,
    crypto: ctx.crypto,
  });
  for (const s of result.signers) ctx.signers.push({ ...s, valid: false });
  for (const f of result.findings) {
    if (
      f.code === "CERT_EXPIRED" ||
      f.code === "CERT_NOT_YET_VALID" ||
      f.code === "CERT_UNTRUSTED" ||
      f.code === "CERT_NOT_FOR_EMAIL" ||
      f.code === "WEAK_KEY" ||
      f.code === "SIGNER_CERTIFICATE_MISSING" ||
      (f.code === "UNSUPPORTED_ALGORITHM" && f.detail["source"] === "certificate-chain") ||
      (f.code === "MALFORMED_CMS" && f.detail["limit"] !== undefined)
    ) {
      ctx.findings.push(withLayer(f, layer));
    }
  }
}

function reportCertsOnly(info: SignedCms, ctx: Context): void {
  const summaries: CertificateSummary[] = [];
  for (const der of info.certificates) {
    const s = summarizeSafe(der);
    if (s) summaries.push(s);
  }
  for (const s of summaries) ctx.certificates.push(s);
  for (const f of cmsLimitFindings(info, 0)) ctx.findings.push(f);
  ctx.findings.push(
    report("CERTS_ONLY", {
      certificates: summaries.map((s) => ({
        subject: s.subject,
        sha256: s.sha256,
        commonName: s.commonName,
      })),
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Unsigned roots: nested signed parts, orphan signatures, texts, attachments

async function analyzeUnsignedTree(
  msg: ParsedMessage,
  root: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  const nestedSigned: MimePart[] = [];
  const orphans: MimePart[] = [];
  const nestedOpaque: MimePart[] = [];
  // Parts inside signed/opaque subtrees are handled when that subtree is analysed.
  const claimed = new Set<MimePart>();
  walkParts(root, (p) => {
    if (claimed.has(p)) {
      for (const c of p.children) claimed.add(c);
      if (p.message) claimed.add(p.message);
      return;
    }
    if (p === root) return;
    const ct = p.contentType;
    const pgp = pgpMultipartForm(p);
    if (pgp !== undefined) {
      // OpenPGP: reported, not checked; the content of a PGP signature is walked on (S/MIME inside it is
      // analysed), the ciphertext of a PGP encryption is not.
      ctx.pgp.push({ part: p.path, form: pgp });
      if (pgp === "pgp-encrypted") for (const c of p.children) claimed.add(c);
    } else if (ct.type === "multipart" && ct.subtype === "signed") {
      nestedSigned.push(p);
      for (const c of p.children) claimed.add(c);
    } else if (isSignatureType(ct) || /^smime\.p7s$/i.test(p.filename ?? "")) {
      orphans.push(p);
    } else if (isPkcs7MimeType(ct) || /\.p7m$/i.test(p.filename ?? "")) {
      nestedOpaque.push(p);
    }
  });
  collectTextsAndAttachments(msg, root, ctx, claimed);

  for (const p of nestedSigned) {
    await analyzeMultipartSigned(msg, p, ctx, layer);
  }
  for (const p of nestedOpaque) {
    await analyzePkcs7Mime(msg, p, ctx, layer);
  }
  if (nestedSigned.length > 0 || (nestedOpaque.length > 0 && ctx.signedLayers > 0)) {
    ctx.findings.push(
      finding(
        "PARTIALLY_SIGNED",
        {
          en: `Only part of this message is signed (${nestedSigned.concat(nestedOpaque).map(pathLabel).join(", ")}); other content beside it (for example a mailing-list header or an added attachment) is not covered by the signature.`,
          ja: `このメッセージは一部だけが署名されています（${nestedSigned.concat(nestedOpaque).map(pathLabel).join("、")}）。それ以外の内容（メーリングリストの案内文や後から追加された添付ファイルなど）は署名の対象外です。`,
        },
        { signedParts: nestedSigned.concat(nestedOpaque).map((p) => p.path), layer },
      ),
    );
  }
  if (orphans.length > 0) {
    if (ctx.kind === undefined && nestedSigned.length === 0) setKind(ctx, "orphan-signature");
    for (const p of orphans) {
      ctx.findings.push(orphanFinding(p.path, p.filename));
      const info = parseCmsOrReport(decodedBody(msg, p), ctx, p.path);
      if (info && info.type === "signed") await describeUnverifiedSigners(info, ctx, layer);
    }
  }
}

function orphanFinding(path: string, filename?: string): Finding {
  return report("ORPHAN_SIGNATURE", { part: path, filename: filename ?? "smime.p7s" });
}

function collectTextsAndAttachments(
  msg: ParsedMessage,
  root: MimePart,
  ctx: Context,
  skip: Set<MimePart>,
): void {
  walkParts(root, (p) => {
    if (skip.has(p)) return;
    const ct = p.contentType;
    if (ct.type === "multipart" || (ct.type === "message" && p.message)) return;
    const isAttachment = p.disposition === "attachment" || (p.filename !== undefined && ct.type !== "text");
    if (isPgpControlPart(ct)) return;
    if (ct.type === "text" && !isAttachment) {
      const body = decodedBody(msg, p);
      const inline = inlinePgpForm(body);
      if (inline !== undefined) ctx.pgp.push({ part: p.path, form: inline });
      const { text, finding: f } = analyzeText(
        body,
        ct.params["charset"],
        p.path,
        `${ct.type}/${ct.subtype}`,
      );
      if (text.text.length > MAX_DISPLAY_TEXT) text.text = text.text.slice(0, MAX_DISPLAY_TEXT);
      ctx.texts.push(text);
      if (f) ctx.findings.push(f);
      return;
    }
    if (isSignatureType(ct) || isPkcs7MimeType(ct)) return;
    const size = p.end - p.bodyStart;
    const attachment: Attachment = { part: p.path, contentType: `${ct.type}/${ct.subtype}`, size };
    if (p.filename !== undefined) attachment.filename = p.filename;
    ctx.attachments.push(attachment);
    if ((ct.type === "application" && ct.subtype === "pdf") || /\.pdf$/i.test(p.filename ?? "")) {
      checkPdf(msg, p, ctx);
    }
  });
}

function checkPdf(msg: ParsedMessage, p: MimePart, ctx: Context): void {
  const sigs = findPdfSignatures(decodedBody(msg, p));
  if (sigs.length === 0) return;
  const signers: string[] = [];
  for (const s of sigs) {
    let name = s.name;
    if (s.contents) {
      try {
        const info = parseCms(s.contents);
        if (info.type === "signed") {
          const first =
            info.certificates.map(summarizeSafe).find((c) => c && !c.selfSigned) ??
            summarizeSafe(info.certificates[0] ?? new Uint8Array(0));
          if (first) name = first.commonName || first.subject;
        }
      } catch {
        /* the PDF's CMS is unreadable: keep the /Name entry */
      }
    }
    if (name) signers.push(name);
  }
  const file = p.filename ?? "PDF";
  ctx.findings.push(
    finding(
      "SIGNED_PDF_ATTACHMENT",
      {
        // Adobe's trust settings for JCAN signatures: src/faq/engineAdvice.ts (adobePdfNote).
        en: `The attached PDF "${file}" carries a digital signature${signers.length ? ` by ${signers.join(", ")}` : ""}.`,
        ja: `添付の PDF「${file}」には電子署名${signers.length ? `（署名者：${signers.join("、")}）` : ""}があります。`,
      },
      {
        part: p.path,
        filename: file,
        signatures: sigs.length,
        signers,
        signingTimes: sigs.map((s) => s.signingTime).filter(Boolean),
      },
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// Message-level checks

function messageLevelChecks(root: MimePart, ctx: Context): void {
  const list = mailingListOf(root);
  if (list) {
    const affected = ctx.findings.some(
      (f) => f.code === "SIGNATURE_INVALID" || f.code === "CONTENT_APPENDED" || f.code === "PARTIALLY_SIGNED",
    );
    ctx.findings.push(mailingListFinding(root, list, affected));
  }
  // The sender check and signing-time check concern the outermost signed layer: its signers are the ones
  // the From header claims to be.
  const outerLayer = minLayer(ctx.signers);
  const outer = ctx.signers.filter((s) => s.layer === outerLayer);
  if (outer.length > 0 && (ctx.kind === "signed" || ctx.kind === "opaque-signed")) {
    // Only a certificate can say who signed: with none in the message (SIGNER_CERTIFICATE_MISSING says
    // so) there is nothing to compare the From header with.
    const withCertificate = outer.filter((s) => s.certificate !== undefined);
    if (withCertificate.length > 0) {
      const emails = withCertificate.flatMap((s) => s.emails);
      const f = checkSender(root, emails, (a) => isListAddress(list, a));
      if (f) ctx.findings.push(f);
      const r = checkReplyTo(root, emails, list);
      if (r) ctx.findings.push(r);
    }
    const date = headerValue(root, "date");
    const dateMs = date ? Date.parse(date.trim()) : NaN;
    for (const s of outer) {
      if (!s.signingTime || Number.isNaN(dateMs)) continue;
      const diff = Date.parse(s.signingTime) - dateMs;
      if (Math.abs(diff) > SIGNING_TIME_TOLERANCE_MS) {
        const hours = Math.round((Math.abs(diff) / 3_600_000) * 10) / 10;
        ctx.findings.push(
          finding(
            "SIGNING_TIME_MISMATCH",
            {
              en: `The signature was made at ${s.signingTime}, ${hours} hours ${diff > 0 ? "after" : "before"} the message's Date header (${date?.trim()}). A clock set wrong, or a message re-sent later, can cause this; so can a replayed signature.`,
              ja: `署名の時刻（${s.signingTime}）が、メールの日付ヘッダー（${date?.trim()}）より ${hours} 時間${diff > 0 ? "後" : "前"}です。パソコンの時計のずれや後日の再送でも起こりますが、署名が使い回された可能性もあります。`,
            },
            { signingTime: s.signingTime, date: date?.trim(), differenceHours: hours, signer: s.subject },
          ),
        );
      }
    }
  }
}

function minLayer(signers: Signer[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const s of signers) if (s.layer < m) m = s.layer;
  return m;
}

function reportMimeProblems(msg: ParsedMessage, ctx: Context): void {
  if (msg.problems.length === 0) return;
  const first = msg.problems[0];
  ctx.findings.push(
    finding(
      "MALFORMED_MIME",
      {
        en: `The message structure is damaged: ${first?.message ?? "unreadable"} (byte ${first?.offset ?? 0}${msg.problems.length > 1 ? `, and ${msg.problems.length - 1} more problem(s)` : ""}). What could be read is shown.`,
        ja: `メッセージの構造が壊れています（${first?.offset ?? 0} バイト目付近${msg.problems.length > 1 ? `ほか ${msg.problems.length - 1} 件` : ""}）。読み取れた範囲で表示しています。技術的な詳細：${first?.message ?? "読み取り不能"}`,
      },
      { problems: msg.problems.slice(0, 20) },
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function parseCmsOrReport(der: Uint8Array, ctx: Context, where: string): CmsInfo | undefined {
  try {
    return parseCms(der);
  } catch (err) {
    if (!isMalformedInput(err)) {
      ctx.findings.push(internalError("cms/parse", err, { part: where }));
      return undefined;
    }
    const offset = (err as { offset?: number }).offset;
    ctx.findings.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The S/MIME data in ${where === "(input)" ? "the input" : `part ${where}`} cannot be read: ${errorText(err)}${offset !== undefined ? ` (at byte ${offset})` : ""}.`,
          ja: `${where === "(input)" ? "入力" : `パート ${where}`} の S/MIME データを読み取れません（${errorText(err)}${offset !== undefined ? `、${offset} バイト目` : ""}）。`,
        },
        {
          part: where,
          error: errorText(err),
          ...(offset !== undefined ? { offset } : {}),
          length: der.length,
        },
      ),
    );
    return undefined;
  }
}

function setKind(ctx: Context, kind: Kind): void {
  ctx.kind ??= kind;
}

/** Records which S/MIME layer (0 = outermost) a finding belongs to, and the signature's form. */
function withLayer(f: Finding, layer: number, form?: "multipart" | "opaque"): Finding {
  return { ...f, detail: { ...f.detail, layer, ...(form ? { form } : {}) } };
}

function overallVerdict(ctx: Context): Diagnosis["signature"] {
  const codes = new Set(ctx.findings.map((f) => f.code));
  if (codes.has("SIGNATURE_INVALID")) return "invalid";
  if (ctx.kind === "orphan-signature") return "unverifiable";
  if (ctx.signedLayers === 0)
    return ctx.kind === "signed" || ctx.kind === "opaque-signed" || ctx.pgp.length > 0
      ? "unverifiable"
      : "none";
  // Signers beyond the cap (limits.ts) were not checked: the signature cannot be "valid".
  if (ctx.findings.some((f) => f.code === "MALFORMED_CMS" && f.detail["limit"] === "signers"))
    return "unverifiable";
  if (ctx.signers.length > 0 && ctx.signers.every((s) => s.valid)) return "valid";
  return "unverifiable";
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

function pathLabel(p: MimePart): string {
  return p.path === "" ? "root" : p.path;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function summarizeSafe(der: Uint8Array): CertificateSummary | undefined {
  try {
    return summarizeCertificate(der);
  } catch (err) {
    onlyMalformed(err);
    return undefined;
  }
}
