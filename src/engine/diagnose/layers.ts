/**
 * The S/MIME layers, outside in: multipart/signed, opaque signed, enveloped, certs-only; nested signatures.
 */
import {
  cmsLimitFindings,
  peekContentType,
  signerPath,
  verifySigned,
  type CmsInfo,
  type SignedCms,
} from "../cms/index";
import { revocationFindings } from "../revocation/index";
import { report } from "../findings";
import { decodedBody, isPkcs7MimeType, isSignatureType, parseMessage, signedContent } from "../mime/index";
import type { MimePart, ParsedMessage } from "../mime/types";
import { pgpMultipartForm } from "../mail/openpgp";
import type { CertificateSummary, Signer } from "../types";
import { MAX_LAYERS, type Context, parseCmsOrReport, setKind, withLayer, summarizeSafe } from "./context";
import { analyzeUnsignedTree } from "./unsigned";
import { reportMimeProblems } from "./checks";

export async function analyzeMessage(msg: ParsedMessage, ctx: Context, layer: number): Promise<void> {
  await analyzeEntity(msg, msg.root, ctx, layer);
}

/**
 * Analyses one MIME entity that is the readable content at this layer: an S/MIME structure at its root is
 * unwrapped; otherwise the tree is searched for signed parts below it (PARTIALLY_SIGNED), orphan
 * signatures, texts and attachments.
 */
export async function analyzeEntity(
  msg: ParsedMessage,
  part: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  if (layer >= MAX_LAYERS) {
    ctx.findings.push(
      report("MALFORMED_MIME", { problem: "too-deep", part: part.path, layer, maxLayers: MAX_LAYERS }),
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

export function isP7mAttachmentAtRoot(part: MimePart): boolean {
  const ct = part.contentType;
  return (
    part.depth === 0 &&
    ct.type === "application" &&
    ct.subtype === "octet-stream" &&
    /\.p7m$/i.test(part.filename ?? ct.params["name"] ?? "")
  );
}

export async function analyzeMultipartSigned(
  msg: ParsedMessage,
  part: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  const [content, sigPart] = part.children;
  if (!content || !sigPart || !isSignatureType(sigPart.contentType)) {
    ctx.findings.push(
      report("MALFORMED_MIME", {
        problem: "signed-parts-missing",
        part: part.path,
        children: part.children.map((c) => `${c.contentType.type}/${c.contentType.subtype}`),
      }),
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
        report("MALFORMED_CMS", {
          problem: "not-a-signature",
          part: sigPart.path,
          contentType: info.type === "unknown" ? info.contentType : info.type,
        }),
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
export async function insideSigned(
  ctx: Context,
  first: Signer | undefined,
  fn: () => Promise<void>,
): Promise<void> {
  ctx.enclosing.push(first);
  try {
    await fn();
  } finally {
    ctx.enclosing.pop();
  }
}

export async function analyzePkcs7Mime(
  msg: ParsedMessage,
  part: MimePart,
  ctx: Context,
  layer: number,
): Promise<void> {
  const der = decodedBody(msg, part);
  const info = parseCmsOrReport(der, ctx, part.path);
  const smimeType = (part.contentType.params["smime-type"] ?? "").toLowerCase();
  if (!info) {
    // unreadable CMS: its first bytes (the ContentInfo's OID), else its smime-type, tell what it was meant
    // to be (a cut .msg's smime.p7m has no smime-type; a label can be wrong): encrypted is never "signed"
    const peeked = peekContentType(der);
    setKind(
      ctx,
      peeked === "enveloped" ||
        (peeked === undefined && (smimeType === "enveloped-data" || smimeType === "authenveloped-data"))
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

export async function analyzeNonSignedCms(
  info: CmsInfo,
  ctx: Context,
  layer: number,
  where: string,
): Promise<void> {
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
      report("UNSUPPORTED_ALGORITHM", { scope: "cms-content", part: where, contentType: info.contentType }),
    );
  }
}

export async function verifyLayer(
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
      report("NESTED_SIGNATURE", {
        layer,
        form,
        innerSigners: result.signers.map((s) => s.subject),
        ...(outer ? { outerSigner: outer.subject, outerName: outer.commonName || outer.subject } : {}),
        ...(inner
          ? {
              innerName: `${inner.commonName || inner.subject}${inner.emails[0] ? ` <${inner.emails[0]}>` : ""}`,
            }
          : {}),
      }),
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
export async function describeUnverifiedSigners(info: SignedCms, ctx: Context, layer: number): Promise<void> {
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

export function reportCertsOnly(info: SignedCms, ctx: Context): void {
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
