/**
 * The one place where a certificate is judged: summary, chain building with signature checks,
 * validity / usage / key-strength findings. Shared by CMS signer checks and the PKCS#12 setup check.
 */
import { onlyMalformed } from "../asn1/errors";
import { BoundedCache, ownContext, type CryptoContext } from "../crypto/context";
import { digestSync, type HashName } from "../crypto/hashes";
import { finding } from "../findings";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import { SIGNATURE_OIDS } from "../asn1/oids";
import {
  keyDescription,
  publicKeyOf,
  resolveScheme,
  verifyData,
  type VerifyOutcome,
} from "../crypto/signature";
import type { CertificateSummary, DistrustEntry, Finding, TrustAnchor, TrustOrigin } from "../types";
import { anchorSet, distrustSet, type AnchorInput } from "./anchors";
import { equalBytes, toHex } from "../util/bytes";
import { normalizedIssuer, normalizedSubject, parseCertificate, type ParsedCertificate } from "./certificate";

export { parseCertificate, type ParsedCertificate } from "./certificate";
export { anchorSet, originLabel, type AnchorInput } from "./anchors";

/** Extra facts about a summary that the contract type does not carry (kept out of the JSON). */
interface SummaryInfo {
  parsed: ParsedCertificate;
  /** Hash of the certificate's own signature, when known. */
  signatureHash?: HashName;
}
const INFO = new WeakMap<CertificateSummary, SummaryInfo>();

const JCAN = /jcan/i;

function iso(d: Date | undefined): string {
  return d ? d.toISOString() : "";
}

/** Summarises a DER certificate. Throws (Asn1Error) when the bytes are not a certificate. */
export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  const p = parseCertificate(der);
  return summaryOf(p);
}

/** SHA-256 fingerprints (hex) already computed, per parsed certificate. */
const FINGERPRINTS = new WeakMap<ParsedCertificate, string>();

function fingerprint(p: ParsedCertificate): string {
  let fp = FINGERPRINTS.get(p);
  if (fp === undefined) {
    fp = toHex(digestSync("sha-256", p.der));
    FINGERPRINTS.set(p, fp);
  }
  return fp;
}

/** Summaries already made, per parsed certificate (parseCertificate shares repeated certificates). */
const SUMMARIES = new WeakMap<ParsedCertificate, CertificateSummary>();

export function summaryOf(p: ParsedCertificate): CertificateSummary {
  const known = SUMMARIES.get(p);
  const knownInfo = known && INFO.get(known);
  if (known && knownInfo) {
    // A fresh object each time (callers extend it); the arrays are copied as well.
    const copy: CertificateSummary = { ...known, emails: [...known.emails] };
    if (known.keyUsage) copy.keyUsage = [...known.keyUsage];
    if (known.extendedKeyUsage) copy.extendedKeyUsage = [...known.extendedKeyUsage];
    INFO.set(copy, knownInfo);
    return copy;
  }
  // Deduplicated with a Set: a certificate may name 100 000 addresses (linear, not quadratic).
  const emailSet = new Set<string>();
  const addEmail = (e: string): void => {
    const v = e.trim().toLowerCase();
    if (v) emailSet.add(v);
  };
  for (const e of p.sanEmails) addEmail(e);
  for (const a of p.subjectAttrs) if (a.type === "emailAddress") addEmail(a.value);
  const emails = [...emailSet];
  const cns = p.subjectAttrs.filter((a) => a.type === "CN");
  const org = p.subjectAttrs.find((a) => a.type === "O");
  let keyInfo: ReturnType<typeof keyDescription>;
  try {
    keyInfo = keyDescription(publicKeyOf(p.spki));
  } catch (err) {
    onlyMalformed(err);
    keyInfo = { keyType: "unknown" };
  }
  const selfSigned =
    (equalBytes(p.subjectDer, p.issuerDer) || normalizedSubject(p) === normalizedIssuer(p)) &&
    (p.authorityKeyIdentifier === undefined ||
      p.subjectKeyIdentifier === undefined ||
      p.authorityKeyIdentifier === p.subjectKeyIdentifier);
  const s: CertificateSummary = {
    subject: p.subject,
    commonName: cns[cns.length - 1]?.value ?? "",
    emails,
    issuer: p.issuer,
    serialNumber: p.serialNumber,
    notBefore: iso(p.notBefore),
    notAfter: iso(p.notAfter),
    sha256: fingerprint(p),
    ...(org ? { organization: org.value } : {}),
    ...(p.keyUsage ? { keyUsage: p.keyUsage } : {}),
    ...(p.extendedKeyUsage ? { extendedKeyUsage: p.extendedKeyUsage } : {}),
    keyType: keyInfo.keyType,
    ...(keyInfo.keySize !== undefined ? { keySize: keyInfo.keySize } : {}),
    ...(keyInfo.curve !== undefined ? { curve: keyInfo.curve } : {}),
    selfSigned,
    jcan: JCAN.test(p.issuer) || JCAN.test(p.subject),
  };
  const sigInfo = SIGNATURE_OIDS[p.sigAlgOid];
  const info: SummaryInfo = { parsed: p };
  const h = sigInfo?.hash ?? (p.sigAlgOid === "1.2.840.113549.1.1.10" ? pssHash(p) : undefined);
  if (h) info.signatureHash = h;
  INFO.set(s, info);
  // The cache keeps its own copy, so what a caller does with `s` cannot reach later callers.
  const pristine: CertificateSummary = { ...s, emails: [...s.emails] };
  if (s.keyUsage) pristine.keyUsage = [...s.keyUsage];
  if (s.extendedKeyUsage) pristine.extendedKeyUsage = [...s.extendedKeyUsage];
  INFO.set(pristine, info);
  SUMMARIES.set(p, pristine);
  return s;
}

function pssHash(p: ParsedCertificate): HashName | undefined {
  const r = resolveScheme(p.sigAlgOid, p.sigAlgParams, undefined);
  return r.ok ? r.scheme.hash : undefined;
}

/** RSA modulus size in bits, or undefined for other keys. */
export function rsaKeyBits(cert: CertificateSummary): number | undefined {
  return cert.keyType === "rsa" || cert.keyType === "rsa-pss" ? cert.keySize : undefined;
}

/**
 * Why the certificate may not be used for signing e-mail, or undefined when it may:
 * keyUsage present without digitalSignature/nonRepudiation, or an EKU without emailProtection/any.
 */
export function emailUsageProblem(cert: CertificateSummary): "key-usage" | "extended-key-usage" | undefined {
  if (
    cert.keyUsage &&
    !cert.keyUsage.includes("digitalSignature") &&
    !cert.keyUsage.includes("nonRepudiation")
  ) {
    return "key-usage";
  }
  if (
    cert.extendedKeyUsage &&
    !cert.extendedKeyUsage.includes("emailProtection") &&
    !cert.extendedKeyUsage.includes("anyExtendedKeyUsage")
  ) {
    return "extended-key-usage";
  }
  return undefined;
}

export function isEmailCertificate(cert: CertificateSummary): boolean {
  return emailUsageProblem(cert) === undefined;
}

function displayName(cert: CertificateSummary): string {
  return cutString(cert.commonName || cert.emails[0] || cert.subject || "(unnamed)", MAX_NAME_IN_MESSAGE);
}

function day(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/**
 * CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_NOT_FOR_EMAIL, WEAK_KEY — and WEAK_DIGEST when the certificate
 * itself is signed with SHA-1/MD5 (not for self-signed roots, whose signature proves nothing).
 */
export function certificateFindings(
  cert: CertificateSummary,
  opts: { at: Date; signingTime?: Date },
): Finding[] {
  const out: Finding[] = [];
  const name = displayName(cert);
  const at = opts.at.getTime();
  const nb = Date.parse(cert.notBefore);
  const na = Date.parse(cert.notAfter);
  const st = opts.signingTime?.getTime();
  const validAtSigning = st === undefined || Number.isNaN(st) ? undefined : st >= nb && st <= na;
  const base = {
    subject: cert.subject,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    at: opts.at.toISOString(),
  };
  if (Number.isNaN(nb) || Number.isNaN(na)) {
    // Unreadable validity dates: the certificate cannot be judged valid (the signer does not count as valid).
    out.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The validity dates of the certificate of ${name} cannot be read (${Number.isNaN(nb) ? "notBefore" : "notAfter"}), so whether it is valid cannot be told; it is not counted as valid.`,
          ja: `${name} の電子証明書の有効期間（${Number.isNaN(nb) ? "開始日" : "終了日"}）を読み取れません。有効かどうか判断できないため、有効とはみなしません。`,
        },
        {
          subject: cert.subject,
          reason: "validity-unreadable",
          notBefore: cert.notBefore,
          notAfter: cert.notAfter,
        },
      ),
    );
  }
  const signingDetail =
    st !== undefined && !Number.isNaN(st)
      ? { signingTime: new Date(st).toISOString(), validAtSigningTime: validAtSigning }
      : { validAtSigningTime: null };
  // Judged at the time of signing (the signing time, else the evaluation time): a certificate that was
  // valid when the message was signed and has expired since is the normal state of old mail (info); one
  // that was expired or not yet valid when signing is a real problem (warning).
  const hasSt = st !== undefined && !Number.isNaN(st);
  if (!Number.isNaN(na) && (at > na || (hasSt && (st as number) > na))) {
    const sEn =
      validAtSigning === true
        ? " It was still valid when the message was signed, so the signature is not affected: this is normal for older mail. Only new signatures, and encrypted mail to its owner, need a new certificate."
        : validAtSigning === false
          ? " It had already expired when the message was signed."
          : " The message carries no signing time, so whether it was valid at signing cannot be told.";
    const sJa =
      validAtSigning === true
        ? "署名された時点では有効だったため、署名そのものには影響しません。古いメールでは普通のことです。新しく署名したり、この相手に暗号化メールを送ったりするには、新しい証明書が必要です。"
        : validAtSigning === false
          ? "署名された時点で、すでに有効期限が切れていました。"
          : "署名時刻が記録されていないため、署名の時点で有効だったかどうかは分かりません。";
    out.push(
      finding(
        "CERT_EXPIRED",
        {
          en: `The certificate of ${name} expired on ${day(cert.notAfter)}.${sEn}`,
          ja: `${name} の証明書は ${day(cert.notAfter)} に有効期限が切れています。${sJa}`,
        },
        { ...base, ...signingDetail },
        validAtSigning === true ? "info" : "warning",
      ),
    );
  } else if (!Number.isNaN(nb) && at < nb) {
    out.push(
      finding(
        "CERT_NOT_YET_VALID",
        {
          en: `The certificate of ${name} is not valid until ${day(cert.notBefore)}. Check the computer's clock, or the certificate was issued with a future start date.${validAtSigning === false ? " It was not valid when the message was signed either." : ""}`,
          ja: `${name} の証明書は ${day(cert.notBefore)} から有効になるもので、まだ有効ではありません。パソコンの時計が正しいか確認してください。時計が正しい場合は、有効期間の開始日が将来の日付で発行された証明書です。${validAtSigning === false ? "署名された時点でも有効ではありませんでした。" : ""}`,
        },
        { ...base, ...signingDetail },
      ),
    );
  } else if (!Number.isNaN(nb) && hasSt && (st as number) < nb) {
    out.push(
      finding(
        "CERT_NOT_YET_VALID",
        {
          en: `The certificate of ${name} was not yet valid when the message was signed (signed ${day(new Date(st as number).toISOString())}, valid from ${day(cert.notBefore)}): the signing computer's clock was wrong, or the signing time is not true.`,
          ja: `${name} の証明書は、署名された時点（${day(new Date(st as number).toISOString())}）ではまだ有効ではありませんでした（有効期間の開始は ${day(cert.notBefore)}）。署名したパソコンの時計がずれていたか、署名時刻が正しくありません。`,
        },
        { ...base, ...signingDetail },
      ),
    );
  }
  const usage = emailUsageProblem(cert);
  if (usage) {
    out.push(
      finding(
        "CERT_NOT_FOR_EMAIL",
        usage === "key-usage"
          ? {
              en: `The certificate of ${name} is not meant for signing: its key usage (${(cert.keyUsage ?? []).join(", ") || "none"}) has neither digitalSignature nor nonRepudiation. Mail clients may reject the signature.`,
              ja: `${name} の証明書は署名用ではありません。鍵の用途（${(cert.keyUsage ?? []).join("、") || "なし"}）に digitalSignature も nonRepudiation も含まれていないため、メールソフトが署名を受け付けないことがあります。`,
            }
          : {
              en: `The certificate of ${name} is not meant for e-mail: its extended key usage (${(cert.extendedKeyUsage ?? []).join(", ")}) does not include emailProtection. Mail clients may reject the signature.`,
              ja: `${name} の証明書はメール用ではありません。拡張鍵用途（${(cert.extendedKeyUsage ?? []).join("、")}）に電子メールの保護（emailProtection）が含まれていないため、メールソフトが署名を受け付けないことがあります。`,
            },
        {
          subject: cert.subject,
          reason: usage,
          keyUsage: cert.keyUsage ?? null,
          extendedKeyUsage: cert.extendedKeyUsage ?? null,
        },
      ),
    );
  }
  const bits = rsaKeyBits(cert);
  if (bits !== undefined && bits < 2048) {
    out.push(
      finding(
        "WEAK_KEY",
        {
          en: `The certificate of ${name} has a ${bits}-bit RSA key. Keys below 2048 bits are considered breakable and are rejected by current mail clients.`,
          ja: `${name} の証明書の RSA 鍵は ${bits} ビットです。2048 ビット未満の鍵は安全とはいえず、最近のメールソフトでは受け付けられません。`,
        },
        { subject: cert.subject, keyType: cert.keyType, keySize: bits },
      ),
    );
  }
  const info = INFO.get(cert);
  if (!cert.selfSigned && (info?.signatureHash === "sha-1" || info?.signatureHash === "md5")) {
    const h = info.signatureHash.toUpperCase();
    out.push(
      finding(
        "WEAK_DIGEST",
        {
          en: `The certificate of ${name} is itself signed with ${h}, which is no longer considered secure.`,
          ja: `${name} の証明書自体が ${h} で署名されています。${h} は現在では安全とはみなされていません。`,
        },
        { subject: cert.subject, source: "certificate", digestAlgorithm: info.signatureHash },
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Chains

interface PoolEntry {
  p: ParsedCertificate;
  norm: string;
}

function entry(der: Uint8Array, crypto: CryptoContext): PoolEntry | undefined {
  try {
    const p = parseCertificate(der, crypto);
    return { p, norm: normalizedSubject(p) };
  } catch (err) {
    onlyMalformed(err);
    return undefined;
  }
}

/**
 * Parsed pool entries per pool array: every signer of a message is checked against the same certificates,
 * and parsing them again per signer makes 100 signers × 200 certificates 20 000 parses (the parse cache
 * cannot help when many certificates share its key). Reused only while the array holds the same byte
 * arrays (compared by identity).
 */
const POOLS = new WeakMap<readonly Uint8Array[], { ders: Uint8Array[]; entries: PoolEntry[] }>();

function poolEntriesOf(pool: readonly Uint8Array[], crypto: CryptoContext): PoolEntry[] {
  const known = POOLS.get(pool);
  if (known && known.ders.length === pool.length && known.ders.every((d, i) => d === pool[i]))
    return known.entries;
  const entries = pool.map((d) => entry(d, crypto)).filter((e): e is PoolEntry => e !== undefined);
  POOLS.set(pool, { ders: [...pool], entries });
  return entries;
}

function issuedBy(child: ParsedCertificate, parent: PoolEntry): boolean {
  if (!equalBytes(child.issuerDer, parent.p.subjectDer) && normalizedIssuer(child) !== parent.norm)
    return false;
  if (
    child.authorityKeyIdentifier !== undefined &&
    parent.p.subjectKeyIdentifier !== undefined &&
    child.authorityKeyIdentifier !== parent.p.subjectKeyIdentifier
  ) {
    return false;
  }
  return true;
}

/**
 * Outcomes of certificate signature checks already made, keyed by the length and the last bytes of the
 * child's signature value, and checked against the exact bytes (signature, signed part, issuer key) on a
 * hit: a batch of mail from one organisation repeats the same few links
 * (signer → intermediate → root) in every message. Bounded; the oldest entry goes first.
 */
const LINK_CACHE_MAX = 512;
type LinkCache = BoundedCache<
  string,
  { signature: Uint8Array; tbs: Uint8Array; spki: Uint8Array; sigAlg: string; outcome: VerifyOutcome }
>;
const ED448_OID = "1.3.101.113";

/** Verifies the signature of `child` with the key of `parent`. */
export async function verifyCertificateSignature(
  crypto: CryptoContext,
  child: ParsedCertificate,
  parent: ParsedCertificate,
): Promise<VerifyOutcome> {
  const sig = child.signature;
  const key = `${sig.length}:${toHex(sig.subarray(Math.max(0, sig.length - 16)))}/${parent.spki.length}`;
  const sigAlg = `${child.sigAlgOid}/${child.sigAlgParams ? toHex(child.sigAlgParams.raw) : ""}`;
  // The engine's own cache: each crypto port's answers are its own.
  const cache = crypto.store("certificate-links", (): LinkCache => new BoundedCache(LINK_CACHE_MAX));
  const hit = cache.get(key);
  if (
    hit &&
    hit.sigAlg === sigAlg &&
    equalBytes(hit.signature, sig) &&
    equalBytes(hit.tbs, child.tbs) &&
    equalBytes(hit.spki, parent.spki)
  )
    return hit.outcome;
  let outcome: VerifyOutcome;
  try {
    const scheme = resolveScheme(child.sigAlgOid, child.sigAlgParams, undefined);
    const key = publicKeyOf(parent.spki);
    if (scheme.ok) outcome = await verifyData(crypto, scheme.scheme, key, child.tbs, child.signature);
    // An Ed448 signature from an issuer whose key is no Ed448 key cannot be genuine, checkable or not.
    else if (child.sigAlgOid === ED448_OID && !(key.kind === "other" && key.type === "ed448"))
      outcome = "bad";
    else outcome = "unsupported";
  } catch (err) {
    onlyMalformed(err); // an unreadable key or signature cannot verify anything
    outcome = "bad";
  }
  cache.set(key, {
    signature: sig.slice(),
    tbs: child.tbs.slice(),
    spki: parent.spki.slice(),
    sigAlg,
    outcome,
  });
  return outcome;
}

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
const MAX_CANDIDATES = 8;
const MAX_CHECKS = 48;

const REASON_RANK: Record<string, number> = {
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

interface Failure {
  path: PoolEntry[];
  reason: string;
  complete: boolean;
  problem?: Record<string, string>;
}

function isSelfIssued(p: ParsedCertificate): boolean {
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
function caProblem(
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

function validAt(p: ParsedCertificate, t: Date | undefined): boolean {
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

/**
 * The finding for a chain that does not end at a trust anchor: CERT_UNTRUSTED, or, when a certificate in
 * the chain is signed with an algorithm this tool cannot check, UNSUPPORTED_ALGORITHM saying that the chain
 * was not checked (not "untrusted": nothing says it is). Undefined when trusted.
 */
export function trustFinding(leaf: CertificateSummary, result: ChainResult): Finding | undefined {
  if (result.trusted) return undefined;
  const name = displayName(leaf);
  const top = result.chain[result.chain.length - 1];
  const reason = result.reason ?? "unknown-issuer";
  const chainDetail = {
    subject: leaf.subject,
    reason,
    chain: result.chain.map((c) => c.subject),
    complete: result.complete,
    ...(top ? { top: top.subject, topIssuer: top.issuer } : {}),
    ...(result.problem ?? {}),
  };
  if (reason === "unsupported-algorithm") {
    return finding(
      "UNSUPPORTED_ALGORITHM",
      {
        en: `The certificate chain of ${name} was not checked: a certificate in it is signed with an algorithm this tool cannot check, so whether it leads to a trusted root cannot be told here.`,
        ja: `${name} の電子証明書のチェーンは確認していません。チェーンの中に、このツールでは確認できない方式で署名された証明書があるため、信頼できるルート証明書につながるかどうかは判断できません。`,
      },
      { ...chainDetail, source: "certificate-chain", chainChecked: false },
    );
  }
  const p = result.problem ?? {};
  const missing = top?.issuer ?? leaf.issuer;
  const why: Record<string, { en: string; ja: string }> = {
    "no-anchors": {
      en: "no trusted root certificate was configured to check it against",
      ja: "照合する信頼済みのルート証明書が設定されていません",
    },
    "self-signed": {
      en: "it ends at a self-signed certificate that is not among the trusted roots",
      ja: "信頼済みのルート証明書に含まれない自己署名証明書で終わっています",
    },
    "unknown-issuer":
      result.chain.length <= 1
        ? {
            en: `the chain is incomplete: the intermediate certificate that issued it (${missing}) was not included in the message, and it is not among the trusted roots. Missing intermediates are not fetched; the sender's mail program should include them`,
            ja: `証明書チェーンが途中で切れています。この証明書を発行した中間CA証明書（${missing}）がメールに含まれておらず、信頼済みのルート証明書にもありません。欠けた中間CA証明書をインターネットから取りに行くことはしません。送信者のメールソフトで中間CA証明書を含めて署名する必要があります`,
          }
        : {
            en: `the chain ends at "${top?.commonName || top?.subject || ""}", whose issuer (${missing}) is neither in the message nor among the trusted roots: a root certificate not trusted here, or a further intermediate certificate that was not included`,
            ja: `証明書チェーンは「${top?.commonName || top?.subject || ""}」で止まっています。その発行元（${missing}）はメールにも信頼済みのルート証明書にもありません。ここでは信頼されていないルート証明書か、メールに含まれていない別の中間CA証明書です`,
          },
    "bad-signature": {
      en: "a certificate in the chain does not carry a valid signature from its issuer",
      ja: "証明書チェーンの中に、発行元による正しい署名がない証明書があります",
    },
    loop: {
      en: "the certificates in the message issue one another in a loop and never reach a trusted root",
      ja: "メールに含まれる証明書が互いを発行し合う循環になっていて、信頼済みのルート証明書にたどり着きません",
    },
    "too-long": {
      en: `the chain is longer than ${MAX_CHAIN} certificates, more than any genuine chain, and was not followed further`,
      ja: `証明書チェーンが ${MAX_CHAIN} 段を超えており、通常の証明書ではありえない長さのため、それ以上たどっていません`,
    },
    distrusted: {
      en: `the certificate "${p["certificate"] ?? ""}" in its chain is explicitly distrusted${p["label"] ? ` (${p["label"]})` : ""}`,
      ja: `チェーンの中の証明書「${p["certificate"] ?? ""}」は、信頼しないものとして明示的に登録されています${p["label"] ? `（${p["label"]}）` : ""}`,
    },
    "distrust-after": {
      en: `the root "${p["anchor"] ?? ""}" is no longer trusted for e-mail certificates issued after ${day(p["distrustAfter"] ?? "")}, and this one was issued on ${day(p["notBefore"] ?? "")}`,
      ja: `ルート証明書「${p["anchor"] ?? ""}」は、${day(p["distrustAfter"] ?? "")} より後に発行されたメール用の証明書を信頼しなくなっており、この証明書は ${day(p["notBefore"] ?? "")} に発行されています`,
    },
    "not-a-ca": {
      en: `the certificate "${p["certificate"] ?? ""}" that issued "${p["issued"] ?? ""}" in its chain is not allowed to issue certificates (it is not a CA certificate). Someone may have made this certificate themselves with an ordinary certificate: do not rely on the sender's name in it`,
      ja: `チェーンの中で「${p["issued"] ?? ""}」を発行した証明書「${p["certificate"] ?? ""}」は、電子証明書を発行することを認められていません（CA の証明書ではありません）。誰かが普通の電子証明書を使って、この証明書を自分で作った可能性があります。証明書に書かれた差出人の名前を信用しないでください`,
    },
    "path-length": {
      en: `the CA certificate "${p["certificate"] ?? ""}" may have at most ${p["pathLenConstraint"] ?? ""} intermediate CA certificate(s) below it, but this chain has ${p["intermediatesBelow"] ?? ""}. A CA that was not allowed to issue certificates issued one in this chain; someone may have made this certificate themselves`,
      ja: `CA の証明書「${p["certificate"] ?? ""}」の下に置ける中間CA証明書は ${p["pathLenConstraint"] ?? ""} 段までですが、このチェーンには ${p["intermediatesBelow"] ?? ""} 段あります。証明書を発行することを認められていない CA がチェーンの中の証明書を発行しています。誰かがこの証明書を自分で作った可能性があります`,
    },
    "issuer-not-valid": {
      en: `the issuing certificate "${p["certificate"] ?? ""}" was not valid when the message was signed (valid ${day(p["notBefore"] ?? "")} to ${day(p["notAfter"] ?? "")})`,
      ja: `発行元の証明書「${p["certificate"] ?? ""}」は、署名された時点で有効期間外でした（有効期間 ${day(p["notBefore"] ?? "")}〜${day(p["notAfter"] ?? "")}）`,
    },
  };
  const w = why[reason] ?? {
    en: "the chain could not be completed",
    ja: "証明書チェーンを最後までたどれません",
  };
  return finding(
    "CERT_UNTRUSTED",
    {
      en: `The certificate of ${name} could not be traced to a trusted root: ${w.en}.`,
      ja: `${name} の証明書を信頼できるルート証明書までたどれません。${w.ja}。`,
    },
    {
      ...chainDetail,
      // A JCAN chain: src/faq/engineAdvice.ts says how to install JCAN's root and intermediates.
      ...(leaf.jcan || result.chain.some((c) => c.jcan) ? { jcan: true } : {}),
      ...(reason === "unknown-issuer" ? { chainIncomplete: true, missingIssuer: missing } : {}),
    },
  );
}
