/**
 * diagnoseWith(crypto, bytes, options): recognise the input, analyse it, assemble the Diagnosis. Never throws.
 */
import type { CryptoContext } from "../crypto/context";
import { internalError, report } from "../findings";
import { isMalformedInput } from "../asn1/errors";
import { parseMessage } from "../mime/index";
import { isCompoundFile } from "../mime/msg/index";
import { openPgpFinding } from "../mail/openpgp";
import type { DiagnoseOptions, Diagnosis } from "../types";
import { type Context, overallVerdict, sortFindings, errorText } from "./context";
import {
  parseOptions,
  analyzeParsedMessage,
  analyzeWholeMessage,
  notAMessage,
  reportNotAMessage,
  readOutlookItem,
  reportOutlookItem,
  asBareCms,
  analyzeBareCms,
} from "./input";

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
    else ctx.findings.push(report("MALFORMED_MIME", { problem: "unanalysable", error: errorText(err) }));
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
