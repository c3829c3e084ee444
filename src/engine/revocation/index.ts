/**
 * Revocation of the certificates in a signer's path (issue #14). The engine never fetches: it lists what it
 * needs (each certificate's OCSP responders and CRL distribution points), builds the OCSP requests, and
 * takes the answers' bytes from the caller's fetcher (RevocationOptions.fetch), each under a time limit it
 * enforces itself. Offline CRLs (RevocationOptions.crls) are used first. Every answer is verified here:
 * the fetcher (CLI, relay) is trusted for transport only.
 *
 * Judgement against the time of signing: revoked before signing, or for a compromise whatever the date →
 * CERT_REVOKED; revoked later for another reason → REVOCATION_GOOD saying the signature was made while the
 * certificate was good; checked and good → REVOCATION_GOOD; anything that could not be told →
 * REVOCATION_UNKNOWN with the reason. Never a "revoked" from an answer that did not verify.
 */
import { report, type FindingDetails } from "../findings";
import type { RevocationCheck } from "../findings/details";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import type { Finding, LocalizedText, Signer } from "../types";
import { ownContext, type CryptoContext } from "../crypto/context";
import { checkCrl, parseCrlCached, type CrlAnswer } from "./crl";
import { checkOcsp, ocspRequest } from "./ocsp";
import { normalizedName, parseCertificate, type ParsedCertificate } from "../x509/certificate";
import { onlyMalformed } from "../asn1/errors";

/** What the engine asks its caller to fetch. */
export interface RevocationRequest {
  kind: "ocsp" | "crl";
  /** The URL named by the certificate itself (AIA OCSP or CRL distribution point). */
  url: string;
  /** OCSP: the DER OCSPRequest to POST as application/ocsp-request. */
  body?: Uint8Array;
  /** DER of the certificate the request is about (a relay reads the URLs from it, never from the client). */
  certificate: Uint8Array;
}

export interface RevocationOptions {
  /** Transport only: returns the raw answer (DER OCSPResponse or CRL), or undefined when it could not. */
  fetch?: (req: RevocationRequest) => Promise<Uint8Array | undefined>;
  /** CRLs supplied offline (DER). */
  crls?: readonly Uint8Array[];
  /** Time limit per request, in milliseconds (default 5 000). */
  timeoutMs?: number;
  /**
   * Time for all the requests about one signer's path (default 20 000 ms): past it, the remaining
   * requests are not made and REVOCATION_UNKNOWN says so (the pane's worker has its own time limit).
   */
  totalTimeoutMs?: number;
  /** Why revocation cannot be checked in this host (e.g. the pane without a relay), for REVOCATION_UNKNOWN. */
  unavailable?: LocalizedText;
}

export const DEFAULT_REVOCATION_TIMEOUT_MS = 5000;
export const DEFAULT_REVOCATION_TOTAL_MS = 20_000;
/**
 * A request is not started with less time than this left of the total: no answer comes back that fast, and
 * a timer that fires a millisecond early (clocks round) would otherwise start one with 1 ms to go.
 */
export const MIN_REVOCATION_REQUEST_MS = 25;

const timers = globalThis as unknown as {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
};

class TimeOut extends Error {}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let id: unknown;
  const limit = new Promise<never>((_, reject) => {
    id = timers.setTimeout(() => reject(new TimeOut(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    timers.clearTimeout(id);
  }
}

const COMPROMISE = new Set(["keyCompromise", "cACompromise", "aACompromise"]);

/** The answer for one certificate of the path. */
type LinkStatus = RevocationCheck | { status: "unknown"; subject: string; reasons: string[] };

/** A CRL's answer about one certificate, fetched from `url` or (no url) given offline. */
function crlCheck(
  a: Extract<CrlAnswer, { status: "good" | "revoked" }>,
  subject: string,
  url?: string,
): RevocationCheck {
  return {
    status: a.status,
    source: "crl",
    ...(url !== undefined ? { url } : {}),
    by: a.crl.issuer,
    subject,
    ...(a.crl.thisUpdate ? { thisUpdate: a.crl.thisUpdate.toISOString() } : {}),
    ...(a.crl.nextUpdate ? { nextUpdate: a.crl.nextUpdate.toISOString() } : {}),
    ...(a.entry?.revocationDate ? { revocationTime: a.entry.revocationDate.toISOString() } : {}),
    ...(a.entry?.reason ? { reason: a.entry.reason } : {}),
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function checkLink(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  opts: RevocationOptions,
  at: Date,
  deadline: number,
  crypto: CryptoContext,
): Promise<LinkStatus> {
  const reasons: string[] = [];
  const subject = cert.subject;
  // 1. CRLs given offline whose issuer is this certificate's issuer.
  for (const der of opts.crls ?? []) {
    let name: string;
    try {
      name = normalizedName(parseCrlCached(crypto, der).issuerAttrs);
    } catch (e) {
      onlyMalformed(e);
      continue;
    }
    if (name !== normalizedName(cert.issuerAttrs)) continue;
    const a = await checkCrl(der, cert, issuer, at, crypto);
    if (a.status === "unusable") {
      reasons.push(`offline CRL: ${a.reason}`);
      continue;
    }
    return crlCheck(a, subject);
  }
  const ocspUrls = (cert.ocspUrls ?? []).filter((u) => /^https?:\/\//i.test(u)).slice(0, 4);
  const crlUrls = (cert.crlUrls ?? []).filter((u) => /^https?:\/\//i.test(u)).slice(0, 4);
  const fetcher = opts.fetch;
  if (!fetcher) {
    if ((opts.crls ?? []).length > 0 && reasons.length === 0)
      reasons.push("no CRL given for this certificate's issuer");
    return { status: "unknown", subject, reasons };
  }
  if (ocspUrls.length === 0 && crlUrls.length === 0)
    reasons.push("the certificate names no OCSP responder and no CRL distribution point (http)");
  const limit = opts.timeoutMs ?? DEFAULT_REVOCATION_TIMEOUT_MS;
  const get = async (req: RevocationRequest): Promise<Uint8Array | undefined> => {
    const left = deadline - Date.now();
    if (left < MIN_REVOCATION_REQUEST_MS) {
      reasons.push(`${req.url}: not asked (the time for revocation checks was spent)`);
      return undefined;
    }
    try {
      const bytes = await withTimeout(fetcher(req), Math.min(limit, left));
      if (!bytes || bytes.length === 0) reasons.push(`${req.url}: no answer`);
      return bytes && bytes.length > 0 ? bytes : undefined;
    } catch (err) {
      reasons.push(`${req.url}: ${err instanceof TimeOut ? `time-out (${errorText(err)})` : errorText(err)}`);
      return undefined;
    }
  };
  // 2. OCSP first.
  for (const url of ocspUrls) {
    const body = ocspRequest(cert, issuer);
    const bytes = await get({ kind: "ocsp", url, body, certificate: cert.der });
    if (!bytes) continue;
    const a = await checkOcsp(bytes, cert, issuer, at, crypto);
    if (a.status === "good" || a.status === "revoked") {
      return {
        status: a.status,
        source: "ocsp",
        url,
        by: a.responder === "issuer" ? issuer.subject : a.responder,
        subject,
        thisUpdate: a.thisUpdate.toISOString(),
        ...(a.nextUpdate ? { nextUpdate: a.nextUpdate.toISOString() } : {}),
        ...(a.revocationTime ? { revocationTime: a.revocationTime.toISOString() } : {}),
        ...(a.reason ? { reason: a.reason } : {}),
      };
    }
    reasons.push(`${url}: ${a.reason}`);
  }
  // 3. Then the CRL distribution points.
  for (const url of crlUrls) {
    const bytes = await get({ kind: "crl", url, certificate: cert.der });
    if (!bytes) continue;
    const a = await checkCrl(bytes, cert, issuer, at, crypto);
    if (a.status === "unusable") {
      reasons.push(`${url}: ${a.reason}`);
      continue;
    }
    return crlCheck(a, subject, url);
  }
  return { status: "unknown", subject, reasons };
}

function parsePath(path: readonly Uint8Array[], crypto: CryptoContext): ParsedCertificate[] | undefined {
  try {
    return path.map((d) => parseCertificate(d, crypto));
  } catch (e) {
    onlyMalformed(e);
    return undefined;
  }
}

/**
 * The revocation findings for one signer whose path (leaf first, up to the anchor or as far as it was
 * built) is `path`. Without RevocationOptions nothing is fetched: REVOCATION_UNKNOWN "not checked".
 */
export async function revocationFindings(
  signer: Signer,
  path: readonly Uint8Array[],
  opts: RevocationOptions | undefined,
  at: Date,
  base: Record<string, unknown>,
  context?: CryptoContext,
): Promise<Finding[]> {
  const crypto = ownContext(context);
  const cut = (x: string): string => cutString(x, MAX_NAME_IN_MESSAGE);
  const name = cut(signer.commonName || signer.subject);
  const unknown = (
    reason: FindingDetails["REVOCATION_UNKNOWN"]["reason"],
    extra: Record<string, unknown> = {},
  ): Finding[] => [report("REVOCATION_UNKNOWN", { ...base, name, reason, ...extra })];
  if (opts?.unavailable)
    return unknown("unavailable", { unavailable: { en: opts.unavailable.en, ja: opts.unavailable.ja } });
  if (!opts || (!opts.fetch && (opts.crls ?? []).length === 0)) {
    return unknown("not-checked");
  }
  const parsed = parsePath(path, crypto);
  if (!parsed || parsed.length === 0) return unknown("unreadable");
  const leaf = parsed[0] as ParsedCertificate;
  if (parsed.length === 1) {
    return unknown(leaf.subject === leaf.issuer ? "self-signed" : "issuer-missing");
  }
  const links: LinkStatus[] = [];
  const deadline = Date.now() + (opts.totalTimeoutMs ?? DEFAULT_REVOCATION_TOTAL_MS);
  for (let k = 0; k + 1 < parsed.length; k++) {
    const cert = parsed[k] as ParsedCertificate;
    const issuer = parsed[k + 1] as ParsedCertificate;
    links.push(await checkLink(cert, issuer, opts, at, deadline, crypto));
  }
  const signing = signer.signingTime ? Date.parse(signer.signingTime) : undefined;
  const detailOf = (l: LinkStatus): Record<string, unknown> => ({ ...l });

  // Revoked before signing (or without a signing time), or for a compromise whatever the date.
  for (const l of links) {
    if (l.status !== "revoked") continue;
    const t = l.revocationTime ? Date.parse(l.revocationTime) : undefined;
    const compromise = l.reason !== undefined && COMPROMISE.has(l.reason);
    if (!compromise && t !== undefined && signing !== undefined && t > signing) continue;
    return [
      report("CERT_REVOKED", {
        ...base,
        ...detailOf(l),
        name,
        ...(l.subject !== leaf.subject ? { issuerRevoked: true as const } : {}),
        ...(signer.signingTime !== undefined ? { signingTime: signer.signingTime } : {}),
        compromise,
      }),
    ];
  }
  const unknowns = links.filter(
    (l): l is Extract<LinkStatus, { status: "unknown" }> => l.status === "unknown",
  );
  if (unknowns.length > 0) {
    const reasons = unknowns.flatMap((u) =>
      u.reasons.map((r) => (u.subject === leaf.subject ? r : `${cut(u.subject)}: ${r}`)),
    );
    return unknown("not-checkable", {
      reasons,
      checked: links.filter((l) => l.status !== "unknown").map(detailOf),
    });
  }
  const checks = links.filter((l): l is Exclude<LinkStatus, { status: "unknown" }> => l.status !== "unknown");
  return [
    report("REVOCATION_GOOD", {
      ...base,
      name,
      checks: checks.map((l) => ({ ...l })),
      ...(checks.some((l) => l.status === "revoked") ? { revokedAfterSigning: true as const } : {}),
    }),
  ];
}
