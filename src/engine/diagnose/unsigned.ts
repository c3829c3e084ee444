/**
 * Unsigned roots: signed parts nested below them, orphan signatures, texts and attachments, signed PDFs.
 */
import { analyzeText } from "../charset/index";
import { parseCms } from "../cms/index";
import { report } from "../findings";
import { decodedBody, isPkcs7MimeType, isSignatureType, walkParts } from "../mime/index";
import type { MimePart, ParsedMessage } from "../mime/types";
import { inlinePgpForm, isPgpControlPart, pgpMultipartForm } from "../mail/openpgp";
import { findPdfSignatures } from "../pdf/index";
import type { Attachment, Finding } from "../types";
import { MAX_DISPLAY_TEXT, type Context, parseCmsOrReport, setKind, summarizeSafe } from "./context";
import { analyzeMultipartSigned, analyzePkcs7Mime, describeUnverifiedSigners } from "./layers";
import { onlyMalformed } from "../asn1/errors";

export async function analyzeUnsignedTree(
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
      report("PARTIALLY_SIGNED", {
        signedParts: nestedSigned.concat(nestedOpaque).map((p) => p.path),
        layer,
      }),
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

export function orphanFinding(path: string, filename?: string): Finding {
  return report("ORPHAN_SIGNATURE", { part: path, filename: filename ?? "smime.p7s" });
}

export function collectTextsAndAttachments(
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

export function checkPdf(msg: ParsedMessage, p: MimePart, ctx: Context): void {
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
      } catch (e) {
        onlyMalformed(e);
        /* the PDF's CMS is unreadable: keep the /Name entry */
      }
    }
    if (name) signers.push(name);
  }
  const file = p.filename ?? "PDF";
  ctx.findings.push(
    report("SIGNED_PDF_ATTACHMENT", {
      part: p.path,
      filename: file,
      signatures: sigs.length,
      signers,
      signingTimes: sigs.map((s) => s.signingTime).filter((t): t is string => Boolean(t)),
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Message-level checks
