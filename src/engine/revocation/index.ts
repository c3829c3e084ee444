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
import { finding } from "../findings";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import type { Finding, LocalizedText, Signer } from "../types";
import { ownContext, type CryptoContext } from "../crypto/context";
import { checkCrl, parseCrlCached } from "./crl";
import { checkOcsp, ocspRequest } from "./ocsp";
import { normalizedName, parseCertificate, type ParsedCertificate } from "../x509/certificate";

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

const REASON_JA: Record<string, string> = {
  unspecified: "理由の記載なし",
  keyCompromise: "鍵の危殆化（漏えい）",
  cACompromise: "認証局の危殆化",
  affiliationChanged: "所属の変更",
  superseded: "新しい電子証明書への切り替え",
  cessationOfOperation: "利用の終了",
  certificateHold: "一時停止",
  privilegeWithdrawn: "権限の取り消し",
  aACompromise: "属性認証局の危殆化",
};
const COMPROMISE = new Set(["keyCompromise", "cACompromise", "aACompromise"]);

/** The answer for one certificate of the path. */
type LinkStatus =
  | {
      status: "good" | "revoked";
      source: "ocsp" | "crl";
      url?: string;
      /** OCSP responder ("issuer" or a delegated responder's subject) or the CRL's issuer. */
      by: string;
      thisUpdate?: string;
      nextUpdate?: string;
      revocationTime?: string;
      reason?: string;
      subject: string;
    }
  | { status: "unknown"; subject: string; reasons: string[] };

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
    } catch {
      continue;
    }
    if (name !== normalizedName(cert.issuerAttrs)) continue;
    const a = await checkCrl(der, cert, issuer, at, crypto);
    if (a.status === "unusable") {
      reasons.push(`offline CRL: ${a.reason}`);
      continue;
    }
    return {
      status: a.status,
      source: "crl",
      by: a.crl.issuer,
      subject,
      ...(a.crl.thisUpdate ? { thisUpdate: a.crl.thisUpdate.toISOString() } : {}),
      ...(a.crl.nextUpdate ? { nextUpdate: a.crl.nextUpdate.toISOString() } : {}),
      ...(a.entry?.revocationDate ? { revocationTime: a.entry.revocationDate.toISOString() } : {}),
      ...(a.entry?.reason ? { reason: a.entry.reason } : {}),
    };
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
    if (left <= 0) {
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
    return {
      status: a.status,
      source: "crl",
      url,
      by: a.crl.issuer,
      subject,
      ...(a.crl.thisUpdate ? { thisUpdate: a.crl.thisUpdate.toISOString() } : {}),
      ...(a.crl.nextUpdate ? { nextUpdate: a.crl.nextUpdate.toISOString() } : {}),
      ...(a.entry?.revocationDate ? { revocationTime: a.entry.revocationDate.toISOString() } : {}),
      ...(a.entry?.reason ? { reason: a.entry.reason } : {}),
    };
  }
  return { status: "unknown", subject, reasons };
}

function day(s: string | undefined): string {
  return s ? s.slice(0, 10) : "?";
}

function parsePath(path: readonly Uint8Array[], crypto: CryptoContext): ParsedCertificate[] | undefined {
  try {
    return path.map((d) => parseCertificate(d, crypto));
  } catch {
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
  const unknown = (why: LocalizedText, reason: string, extra: Record<string, unknown> = {}): Finding[] => [
    finding(
      "REVOCATION_UNKNOWN",
      {
        en: `Whether the certificate of ${name} has been revoked is not known: ${why.en}.`,
        ja: `${name} の電子証明書が失効していないかは確認できていません（${why.ja}）。`,
      },
      { ...base, reason, ...extra },
    ),
  ];
  if (opts?.unavailable) return unknown(opts.unavailable, "unavailable");
  if (!opts || (!opts.fetch && (opts.crls ?? []).length === 0)) {
    return unknown(
      {
        en: "no revocation check was requested (the command line checks with --revocation or --crl FILE)",
        ja: "失効の確認は求められていません。コマンドラインでは --revocation か --crl で確認できます",
      },
      "not-checked",
    );
  }
  const parsed = parsePath(path, crypto);
  if (!parsed || parsed.length === 0)
    return unknown(
      { en: "the certificate could not be read", ja: "電子証明書を読み取れません" },
      "unreadable",
    );
  const leaf = parsed[0] as ParsedCertificate;
  if (parsed.length === 1) {
    const self = leaf.subject === leaf.issuer;
    return unknown(
      self
        ? {
            en: "it is self-signed, so no issuer publishes its revocation",
            ja: "自己署名の電子証明書で、失効を公開する発行者がいません",
          }
        : {
            en: "the certificate of its issuer is not at hand, so no answer about it could be verified",
            ja: "発行者の電子証明書が手元にないため、失効情報を検証できません",
          },
      self ? "self-signed" : "issuer-missing",
    );
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
    const who =
      l.subject === leaf.subject
        ? `The certificate of ${name}`
        : `The certificate "${cut(l.subject)}" in the path of ${name}`;
    const whoJa =
      l.subject === leaf.subject
        ? `${name} の電子証明書`
        : `${name} の証明書パスにある「${cut(l.subject)}」の電子証明書`;
    const reasonEn = l.reason ? ` (reason: ${l.reason})` : "";
    const reasonJa = l.reason ? `（理由：${REASON_JA[l.reason] ?? l.reason}）` : "";
    const src = l.source === "ocsp" ? `the OCSP responder ${cut(l.url ?? "")}` : `the CRL of ${cut(l.by)}`;
    const srcJa = l.source === "ocsp" ? `OCSP レスポンダー ${cut(l.url ?? "")}` : `${cut(l.by)} の CRL`;
    const when = compromise
      ? {
          en: "Its key was reported compromised: whoever holds it could have made this signature, whatever date it carries.",
          ja: "鍵が漏えいしたと届け出られているため、署名の日時にかかわらず、第三者が作った電子署名である可能性があります。",
        }
      : signing === undefined
        ? {
            en: "The signature carries no signing time, so it cannot be shown to predate the revocation.",
            ja: "電子署名に署名時刻がないため、失効より前に署名されたとは確認できません。",
          }
        : {
            en: `That is before the message was signed (${signer.signingTime ?? ""}).`,
            ja: `これはメールの署名時刻（${signer.signingTime ?? ""}）より前です。`,
          };
    return [
      finding(
        "CERT_REVOKED",
        {
          en: `${who} was revoked on ${day(l.revocationTime)}${reasonEn}, as ${src} says. ${when.en} Do not rely on this signature; confirm with the sender by another way (telephone, a known address).`,
          ja: `${whoJa}は ${day(l.revocationTime)} に失効しています${reasonJa}（${srcJa}による）。${when.ja}この電子署名は信頼せず、電話など別の手段で差出人に確認してください。`,
        },
        { ...base, ...detailOf(l), signingTime: signer.signingTime, compromise },
      ),
    ];
  }
  const unknowns = links.filter(
    (l): l is Extract<LinkStatus, { status: "unknown" }> => l.status === "unknown",
  );
  if (unknowns.length > 0) {
    const reasons = unknowns.flatMap((u) =>
      u.reasons.map((r) => (u.subject === leaf.subject ? r : `${cut(u.subject)}: ${r}`)),
    );
    const text = cutString(reasons.join("; ") || "no answer", 4 * MAX_NAME_IN_MESSAGE);
    return unknown(
      { en: `no usable answer was obtained (${text})`, ja: `使える失効情報が得られませんでした：${text}` },
      "not-checkable",
      { reasons, checked: links.filter((l) => l.status !== "unknown").map(detailOf) },
    );
  }
  const first = links[0] as Exclude<LinkStatus, { status: "unknown" }>;
  const later = links.filter((l): l is Exclude<LinkStatus, { status: "unknown" }> => l.status === "revoked");
  const how =
    first.source === "ocsp"
      ? {
          en: `OCSP (${cut(first.url ?? "")}, answer signed by ${cut(first.by)})`,
          ja: `OCSP（${cut(first.url ?? "")}、応答の署名者：${cut(first.by)}）`,
        }
      : {
          en: `the CRL of ${cut(first.by)}${first.url ? ` (${cut(first.url)})` : ""}`,
          ja: `${cut(first.by)} の CRL${first.url ? `（${cut(first.url)}）` : ""}`,
        };
  const laterText =
    later.length > 0
      ? {
          en: ` It was revoked later, on ${day(later[0]?.revocationTime)}${later[0]?.reason ? ` (reason: ${later[0].reason})` : ""}, after this message was signed: the signature was made while the certificate was good.`,
          ja: `その後 ${day(later[0]?.revocationTime)} に失効しています${later[0]?.reason ? `（理由：${REASON_JA[later[0].reason] ?? later[0].reason}）` : ""}が、このメールはそれより前、電子証明書が有効なうちに署名されています。`,
        }
      : { en: "", ja: "" };
  return [
    finding(
      "REVOCATION_GOOD",
      {
        en: `The certificate of ${name} was not revoked${later.length > 0 ? " when the message was signed" : ""}: checked through ${how.en}, answer of ${day(first.thisUpdate)}.${laterText.en}`,
        ja: `${name} の電子証明書は${later.length > 0 ? "署名の時点で" : ""}失効していません（${how.ja}で確認、${day(first.thisUpdate)} 時点の情報）。${laterText.ja}`,
      },
      { ...base, checks: links.map(detailOf), ...(later.length > 0 ? { revokedAfterSigning: true } : {}) },
    ),
  ];
}
