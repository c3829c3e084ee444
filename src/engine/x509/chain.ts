/**
 * Chain building (RFC 5280 path building, bounded): from the signer to a trust anchor, with CA constraints and distrust.
 */
import { ownContext, type CryptoContext } from "../crypto/context";
import type { CertificateSummary, DistrustEntry, TrustAnchor, TrustOrigin } from "../types";
import { anchorSet, distrustSet, type AnchorInput } from "./anchors";
import { equalBytes } from "../util/bytes";
import { normalizedIssuer, normalizedSubject, type ParsedCertificate } from "./certificate";
import { iso, summaryOf } from "./summary";
import { type PoolEntry, entry, poolEntriesOf, issuedBy, verifyCertificateSignature } from "./links";

export interface ChainResult {
  /** From the leaf up to the anchor (or as far as it could be built). */
  chain: CertificateSummary[];
  /** Ends at one of the trust anchors, every link's signature verified, nothing in it refused. */
  trusted: boolean;
  /** Ends at a self-signed certificate or an anchor. */
  complete: boolean;
  /**
   * Why not trusted: "no-anchors" | "self-signed" | "unknown-issuer" (an issuer is missing) |
   * "bad-signature" | "unsupported-algorithm" | "loop" | "too-long" | "distrusted" | "distrust-after" |
   * "issuer-not-valid" (an intermediate or the root was not valid at the time of signing) |
   * "not-a-ca" (a certificate that issued another one in the path may not issue certificates: no
   * basicConstraints cA, or keyUsage without keyCertSign) | "path-length" (a pathLenConstraint is exceeded).
   */
  reason?: string;
  /** Origin of the anchor the chain ends at (when trusted). */
  trustedBy?: TrustOrigin;
  /** The anchor's name (NSS label or subject), when trusted. */
  anchorLabel?: string;
  /** Facts about the reason, for the finding's detail (the refused certificate, the dates). */
  problem?: Record<string, string>;
  /** DER of each certificate of `chain`, in the same order (for revocation checks). */
  ders?: Uint8Array[];
}

export interface ChainOptions {
  /** The time the chain must be valid at: the signing time, else the evaluation time. Unset: not checked. */
  time?: Date;
  /** Explicitly distrusted certificates. */
  distrust?: readonly DistrustEntry[];
  /** The engine's crypto (its port and caches); unset: a context of this call's own. */
  crypto?: CryptoContext;
}

/** Most certificates in a path, the leaf and the anchor included; longer is "too-long". */
export const MAX_CHAIN = 10;
/** Candidate issuers tried for one certificate, and signature checks for one chain at most. */
export const MAX_CANDIDATES = 8;
export const MAX_CHECKS = 48;

export const REASON_RANK: Record<string, number> = {
  "not-a-ca": 12,
  "path-length": 11,
  distrusted: 10,
  "distrust-after": 9,
  "issuer-not-valid": 8,
  "bad-signature": 6,
  "unsupported-algorithm": 5,
  "too-long": 4,
  loop: 3,
  "self-signed": 2,
  "unknown-issuer": 1,
};

export interface Failure {
  path: PoolEntry[];
  reason: string;
  complete: boolean;
  problem?: Record<string, string>;
}

export function isSelfIssued(p: ParsedCertificate): boolean {
  return equalBytes(p.subjectDer, p.issuerDer) || normalizedSubject(p) === normalizedIssuer(p);
}

/**
 * Whether every certificate that issues another one in `path` (leaf first) may issue certificates
 * (RFC 5280 6.1.4 (k), (l), (n)): an intermediate must be a v3 certificate with basicConstraints cA=TRUE,
 * keyCertSign when it has keyUsage, and no more non-self-issued intermediates below it than its
 * pathLenConstraint. The trust anchor (`anchorLast`: the last certificate is the anchor) is trusted as
 * given — a v1 root or one without basicConstraints is accepted, as NSS and OpenSSL do — but what it
 * does say is held to: basicConstraints cA=FALSE, keyUsage without keyCertSign or a pathLenConstraint
 * exceeded refuse the path. Undefined when the path is fine, else the failure's reason and detail.
 */
export function caProblem(
  path: readonly PoolEntry[],
  anchorLast: boolean,
): { reason: "not-a-ca" | "path-length"; problem: Record<string, string> } | undefined {
  let below = 0; // non-self-issued intermediates below the certificate looked at
  for (let i = 1; i < path.length; i++) {
    const p = (path[i] as PoolEntry).p;
    const isAnchor = anchorLast && i === path.length - 1;
    const bc = p.basicConstraints;
    const notCa = (why: string): { reason: "not-a-ca"; problem: Record<string, string> } => ({
      reason: "not-a-ca",
      problem: { certificate: p.subject, issued: (path[i - 1] as PoolEntry).p.subject, why },
    });
    if (bc ? !bc.cA : !isAnchor) {
      return notCa(bc ? "basic-constraints-ca-false" : p.version < 3 ? "not-v3" : "no-basic-constraints");
    }
    if (!isAnchor && p.version !== 3) return notCa("not-v3");
    if (p.keyUsage && !p.keyUsage.includes("keyCertSign")) return notCa("key-usage");
    if (bc?.pathLen !== undefined && below > bc.pathLen) {
      return {
        reason: "path-length",
        problem: {
          certificate: p.subject,
          pathLenConstraint: String(bc.pathLen),
          intermediatesBelow: String(below),
        },
      };
    }
    if (i < path.length - 1 && !isSelfIssued(p)) below++;
  }
  return undefined;
}

export function validAt(p: ParsedCertificate, t: Date | undefined): boolean {
  if (!t) return true;
  const ms = t.getTime();
  return !(p.notBefore && ms < p.notBefore.getTime()) && !(p.notAfter && ms > p.notAfter.getTime());
}

/**
 * Builds the chain leaf → anchor from the certificates the message carries, depth first: every candidate
 * issuer (cross-certificates, renewed intermediates; those valid at `time` first) is tried, and the first
 * path that ends at an acceptable anchor wins. Loops and paths longer than MAX_CHAIN are cut; nothing is
 * fetched. When no path is trusted, the most telling failure is reported.
 */
export async function buildChain(
  leaf: Uint8Array,
  pool: readonly Uint8Array[],
  anchors: AnchorInput,
  opts: ChainOptions = {},
): Promise<ChainResult> {
  const crypto = ownContext(opts.crypto);
  const leafEntry = entry(leaf, crypto);
  if (!leafEntry) return { chain: [], trusted: false, complete: false, reason: "unreadable" };
  const set = anchorSet(anchors);
  const distrust = distrustSet(opts.distrust);
  const poolEntries = poolEntriesOf(pool, crypto);
  const time = opts.time;
  let checks = 0;
  const failures: Failure[] = [];
  const anchorCache = new Map<TrustAnchor, PoolEntry | undefined>();
  const anchorEntry = (a: TrustAnchor): PoolEntry | undefined => {
    if (!anchorCache.has(a)) anchorCache.set(a, entry(a.der, crypto));
    return anchorCache.get(a);
  };
  const summaries = (path: PoolEntry[]): CertificateSummary[] => path.map((e) => summaryOf(e.p));

  /** A path that reached anchor `a`: accepted, or a failure saying why not. */
  const accept = (path: PoolEntry[], a: TrustAnchor, unverified: boolean): ChainResult | Failure => {
    const leafP = leafEntry.p;
    // The path ends at the anchor's certificate (accept is only called so).
    const ca = caProblem(path, true);
    if (ca) return { path, reason: ca.reason, complete: true, problem: ca.problem };
    if (a.distrustAfter && leafP.notBefore && leafP.notBefore.getTime() > a.distrustAfter.getTime()) {
      return {
        path,
        reason: "distrust-after",
        complete: true,
        problem: {
          anchor: a.label ?? path[path.length - 1]?.p.subject ?? "",
          distrustAfter: a.distrustAfter.toISOString(),
          notBefore: leafP.notBefore.toISOString(),
        },
      };
    }
    for (const e of path) {
      const d = distrust.find(e.p.issuerDer, e.p.serialNumber);
      if (d) {
        return {
          path,
          reason: "distrusted",
          complete: true,
          problem: { certificate: e.p.subject, ...(d.label ? { label: d.label } : {}) },
        };
      }
    }
    for (const e of path.slice(1)) {
      if (!validAt(e.p, time)) {
        return {
          path,
          reason: "issuer-not-valid",
          complete: true,
          problem: {
            certificate: e.p.subject,
            notBefore: iso(e.p.notBefore),
            notAfter: iso(e.p.notAfter),
            time: iso(time),
          },
        };
      }
    }
    // A link on the way could not be checked (unsupported algorithm), but the path otherwise leads to
    // an anchor: "not checked", not "untrusted" and not "trusted".
    if (unverified) return { path, reason: "unsupported-algorithm", complete: true };
    return {
      chain: summaries(path),
      ders: path.map((e) => e.p.der),
      trusted: true,
      complete: true,
      trustedBy: a.origin,
      anchorLabel: a.label ?? path[path.length - 1]?.p.subject ?? "",
    };
  };

  /** `unverified`: a link in `path` has a signature this tool cannot check. */
  const extend = async (path: PoolEntry[], unverified = false): Promise<ChainResult | undefined> => {
    const cur = path[path.length - 1] as PoolEntry;
    // The certificate is itself an anchor.
    const self = set.exact(cur.p.der, cur.p.subjectDer);
    if (self) {
      const r = accept(path, self, unverified);
      if ("trusted" in r) return r;
      failures.push(r);
      return undefined;
    }
    if (path.length >= MAX_CHAIN) {
      failures.push({ path, reason: "too-long", complete: false });
      return undefined;
    }
    let tried = 0;
    let sawLoop = false;
    let sawCandidate = false;
    // Anchors that name the issuer and whose key verifies the signature end the path.
    const tryAnchors = async (list: TrustAnchor[]): Promise<ChainResult | undefined> => {
      for (const a of list) {
        const ae = anchorEntry(a);
        if (!ae || !issuedBy(cur.p, ae) || checks >= MAX_CHECKS) continue;
        sawCandidate = true;
        checks++;
        const r = await verifyCertificateSignature(crypto, cur.p, ae.p);
        if (r === "bad") {
          failures.push({ path, reason: "bad-signature", complete: false });
          continue;
        }
        const result = accept(
          path.concat(equalBytes(ae.p.der, cur.p.der) ? [] : [ae]),
          a,
          unverified || r === "unsupported",
        );
        if ("trusted" in result) return result;
        failures.push(result);
      }
      return undefined;
    };
    const byAnchor = await tryAnchors(set.bySubject(cur.p.issuerDer));
    if (byAnchor) return byAnchor;
    if (issuedBy(cur.p, cur)) {
      failures.push({ path, reason: "self-signed", complete: true });
      return undefined;
    }
    const candidates = poolEntries
      .filter((c) => issuedBy(cur.p, c))
      .sort((x, y) => Number(validAt(y.p, time)) - Number(validAt(x.p, time)));
    for (const c of candidates) {
      if (path.some((e) => e.p === c.p || equalBytes(e.p.der, c.p.der))) {
        sawLoop = true;
        continue;
      }
      if (tried >= MAX_CANDIDATES || checks >= MAX_CHECKS) break;
      tried++;
      sawCandidate = true;
      checks++;
      const r = await verifyCertificateSignature(crypto, cur.p, c.p);
      if (r === "bad") {
        failures.push({ path, reason: "bad-signature", complete: false });
        continue;
      }
      // A link that cannot be checked is followed all the same: "not checked" is said only when the
      // path then reaches an anchor (see accept); a path that leads nowhere is untrusted.
      const found = await extend(path.concat([c]), unverified || r === "unsupported");
      if (found) return found;
    }
    if (!sawCandidate) {
      // A dead end: an anchor whose name is encoded differently (PrintableString vs UTF8String, case)?
      const exact = set.bySubject(cur.p.issuerDer);
      const loose = set.bySubjectLoose(normalizedIssuer(cur.p)).filter((a) => !exact.includes(a));
      const byLoose = await tryAnchors(loose);
      if (byLoose) return byLoose;
    }
    if (sawLoop && !sawCandidate) failures.push({ path, reason: "loop", complete: false });
    else if (!sawCandidate) failures.push({ path, reason: "unknown-issuer", complete: false });
    return undefined;
  };

  const found = await extend([leafEntry]);
  if (found) return found;
  if (set.size === 0) {
    // Without anchors nothing can be trusted: report how far the chain goes, with the one reason.
    const longest = failures.reduce<Failure | undefined>(
      (b, f) => (!b || f.path.length > b.path.length ? f : b),
      undefined,
    );
    const path = longest?.path ?? [leafEntry];
    return {
      chain: summaries(path),
      ders: path.map((e) => e.p.der),
      trusted: false,
      complete: longest?.complete ?? false,
      reason: "no-anchors",
    };
  }
  const best = failures.reduce<Failure | undefined>(
    (b, f) =>
      !b ||
      (REASON_RANK[f.reason] ?? 0) > (REASON_RANK[b.reason] ?? 0) ||
      ((REASON_RANK[f.reason] ?? 0) === (REASON_RANK[b.reason] ?? 0) && f.path.length > b.path.length)
        ? f
        : b,
    undefined,
  );
  const path = best?.path ?? [leafEntry];
  return {
    chain: summaries(path),
    ders: path.map((e) => e.p.der),
    trusted: false,
    complete: best?.complete ?? false,
    reason: best?.reason ?? "unknown-issuer",
    ...(best?.problem ? { problem: best.problem } : {}),
  };
}
