/**
 * What one diagnosis accumulates (Context) and the helpers every step shares: kind, layers, sorting, CMS parsing.
 */
import { summarizeCertificate } from "../x509/index";
import type { CryptoContext } from "../crypto/context";
import { parseCms, type CmsInfo } from "../cms/index";
import { internalError, report } from "../findings";
import { isMalformedInput, onlyMalformed } from "../asn1/errors";
import type { MimePart } from "../mime/types";
import { type PgpPlace } from "../mail/openpgp";
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
} from "../types";

/** How many S/MIME layers (signature inside encryption inside signature…) we unwrap at most. */
export const MAX_LAYERS = 8;
/** Text shown for display is capped; the analysis itself sees the whole part. */
export const MAX_DISPLAY_TEXT = 512 * 1024;
/** One hour, the tolerance between signingTime and the Date header. */
export const SIGNING_TIME_TOLERANCE_MS = 60 * 60 * 1000;

export interface Context {
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

export function parseCmsOrReport(der: Uint8Array, ctx: Context, where: string): CmsInfo | undefined {
  try {
    return parseCms(der);
  } catch (err) {
    if (!isMalformedInput(err)) {
      ctx.findings.push(internalError("cms/parse", err, { part: where }));
      return undefined;
    }
    const offset = (err as { offset?: number }).offset;
    ctx.findings.push(
      report("MALFORMED_CMS", {
        problem: "unreadable",
        part: where,
        error: errorText(err),
        ...(offset !== undefined ? { offset } : {}),
        length: der.length,
      }),
    );
    return undefined;
  }
}

export function setKind(ctx: Context, kind: Kind): void {
  ctx.kind ??= kind;
}

/** Records which S/MIME layer (0 = outermost) a finding belongs to, and the signature's form. */
export function withLayer(f: Finding, layer: number, form?: "multipart" | "opaque"): Finding {
  return { ...f, detail: { ...f.detail, layer, ...(form ? { form } : {}) } };
}

export function overallVerdict(ctx: Context): Diagnosis["signature"] {
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

export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function pathLabel(p: MimePart): string {
  return p.path === "" ? "root" : p.path;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function summarizeSafe(der: Uint8Array): CertificateSummary | undefined {
  try {
    return summarizeCertificate(der);
  } catch (err) {
    onlyMalformed(err);
    return undefined;
  }
}
