/**
 * X.509 CRLs (RFC 5280 §5): parsed on the copy-free BER reader, judged against the certificate they are
 * asked about and its issuer. Only complete, direct CRLs are used: an indirect CRL, a delta CRL, a CRL
 * with an unknown critical extension, or one whose issuer is not the certificate's issuer is refused
 * with a reason (never read as "not revoked").
 */
import {
  children,
  Asn1Error,
  decodeOid,
  decodeTime,
  integerHex,
  isContext,
  isUniversal,
  readTlv,
  TAG,
  type Tlv,
  signedEnvelope,
} from "../asn1";
import { ownContext, type CryptoContext } from "../crypto/context";
import { publicKeyOf, resolveScheme, verifyData, type VerifyOutcome } from "../crypto/signature";
import { equalBytes, toHex } from "../util/bytes";
import { onlyIfLoaded } from "../util/lazyCode";
import { normalizedName, parseName, type ParsedCertificate } from "../x509/certificate";

/** RFC 5280 CRLReason names by code. */
export const CRL_REASONS: Record<number, string> = {
  0: "unspecified",
  1: "keyCompromise",
  2: "cACompromise",
  3: "affiliationChanged",
  4: "superseded",
  5: "cessationOfOperation",
  6: "certificateHold",
  8: "removeFromCRL",
  9: "privilegeWithdrawn",
  10: "aACompromise",
};

export function reasonName(code: number | undefined): string | undefined {
  return code === undefined ? undefined : (CRL_REASONS[code] ?? `reason ${code}`);
}

export interface RevokedEntry {
  serialNumber: string;
  revocationDate: Date | undefined;
  reason?: string;
  /** The entry names another certificate issuer (indirect CRL). */
  certificateIssuer?: boolean;
}

export interface ParsedCrl {
  der: Uint8Array;
  tbs: Uint8Array;
  sigAlgOid: string;
  sigAlgParams: Tlv | undefined;
  signature: Uint8Array;
  issuerDer: Uint8Array;
  issuer: string;
  issuerAttrs: { type: string; value: string }[];
  thisUpdate: Date | undefined;
  nextUpdate: Date | undefined;
  /** Revoked serial numbers (lower-case hex, as in ParsedCertificate.serialNumber). */
  revoked: Map<string, RevokedEntry>;
  indirect: boolean;
  delta: boolean;
  /** OIDs of critical CRL extensions this reader does not understand. */
  unknownCritical: string[];
  authorityKeyIdentifier?: string;
}

/** Most revoked entries read from one CRL (a large CA's CRL holds some hundred thousand). */
export const MAX_CRL_ENTRIES = 2_000_000;

function extensions(t: Tlv | undefined): { oid: string; critical: boolean; value: Uint8Array }[] {
  if (!isUniversal(t, TAG.SEQUENCE)) return [];
  const out: { oid: string; critical: boolean; value: Uint8Array }[] = [];
  for (const ext of children(t)) {
    const parts = children(ext);
    const oidT = parts[0];
    const valT = parts[parts.length - 1];
    if (!isUniversal(oidT, TAG.OID) || !isUniversal(valT, TAG.OCTET_STRING)) continue;
    const critT = parts.length === 3 ? parts[1] : undefined;
    out.push({
      oid: decodeOid(oidT.value),
      critical: isUniversal(critT, TAG.BOOLEAN) && critT.value[0] !== 0,
      value: valT.value,
    });
  }
  return out;
}

function enumValue(v: Uint8Array): number | undefined {
  const t = readTlv(v, 0);
  if (t.cls !== 0 || t.tag !== 10 || t.value.length > 2) return undefined;
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

/** Parses a DER CRL. Throws Asn1Error when it is not one. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  const { top, tbsT, sigAlgT, sigT } = signedEnvelope(der, "CRL");
  const tbs = children(tbsT);
  let i = 0;
  if (isUniversal(tbs[0], TAG.INTEGER)) i++;
  i++; // inner signature algorithm
  const issuerT = tbs[i++];
  const thisT = tbs[i++];
  if (!isUniversal(issuerT, TAG.SEQUENCE) || !thisT)
    throw new Asn1Error("malformed CRL body (TBSCertList)", tbsT.offset);
  let nextUpdate: Date | undefined;
  const maybeNext = tbs[i];
  if (
    maybeNext &&
    (maybeNext.tag === TAG.UTC_TIME || maybeNext.tag === TAG.GENERALIZED_TIME) &&
    maybeNext.cls === 0
  ) {
    nextUpdate = decodeTime(maybeNext);
    i++;
  }
  const [sigOidT, sigParams] = children(sigAlgT);
  if (!isUniversal(sigOidT, TAG.OID))
    throw new Asn1Error("malformed CRL signature algorithm", sigAlgT.offset);
  const name = parseName(issuerT);
  const crl: ParsedCrl = {
    der: top.raw,
    tbs: tbsT.raw,
    sigAlgOid: decodeOid(sigOidT.value),
    sigAlgParams: sigParams,
    signature: sigT.value.subarray(1),
    issuerDer: issuerT.raw,
    issuer: name.text,
    issuerAttrs: name.attrs,
    thisUpdate: decodeTime(thisT),
    nextUpdate,
    revoked: new Map(),
    indirect: false,
    delta: false,
    unknownCritical: [],
  };
  const listT = tbs[i];
  if (isUniversal(listT, TAG.SEQUENCE)) {
    i++;
    let count = 0;
    for (const rc of children(listT)) {
      if (++count > MAX_CRL_ENTRIES)
        throw new Asn1Error("the CRL holds more entries than this tool reads", rc.offset);
      const [serialT, dateT, extT] = children(rc);
      if (!isUniversal(serialT, TAG.INTEGER) || !dateT) throw new Asn1Error("malformed CRL entry", rc.offset);
      const e: RevokedEntry = { serialNumber: integerHex(serialT.value), revocationDate: decodeTime(dateT) };
      for (const x of extensions(extT)) {
        if (x.oid === "2.5.29.21") {
          const r = reasonName(enumValue(x.value));
          if (r) e.reason = r;
        } else if (x.oid === "2.5.29.29") e.certificateIssuer = true;
        else if (x.critical && x.oid !== "2.5.29.24") crl.unknownCritical.push(x.oid);
      }
      crl.revoked.set(e.serialNumber, e);
    }
  }
  const extWrap = tbs[i];
  if (isContext(extWrap, 0)) {
    for (const x of extensions(children(extWrap)[0])) {
      switch (x.oid) {
        case "2.5.29.20": // cRLNumber
          break;
        case "2.5.29.35": {
          const kid = children(readTlv(x.value, 0)).find((c) => isContext(c, 0));
          if (kid)
            crl.authorityKeyIdentifier = Array.from(kid.value, (b) => b.toString(16).padStart(2, "0")).join(
              "",
            );
          break;
        }
        case "2.5.29.27": // deltaCRLIndicator
          crl.delta = true;
          break;
        case "2.5.29.28": {
          // IssuingDistributionPoint: indirectCRL [4] BOOLEAN; a partitioned CRL (only some reasons or
          // only some certificates) is not a complete answer either.
          for (const f of children(readTlv(x.value, 0))) {
            if (isContext(f, 4) && f.value[0] !== 0) crl.indirect = true;
            if (isContext(f, 3)) crl.unknownCritical.push("onlySomeReasons");
          }
          break;
        }
        default:
          if (x.critical) crl.unknownCritical.push(x.oid);
      }
    }
  }
  return crl;
}

/**
 * Parsed CRLs by the bytes object they came from: a batch hands the same CRL (an offline `--crl`, or the
 * fetcher's cached answer) to every message, and a big CA's CRL is parsed and its signature checked once.
 */
export function parseCrlCached(crypto: CryptoContext, der: Uint8Array): ParsedCrl {
  const parsedCrls = crypto.store("crls", () => new WeakMap<Uint8Array, ParsedCrl>());
  const hit = parsedCrls.get(der);
  if (hit) return hit;
  const crl = parseCrl(der);
  parsedCrls.set(der, crl);
  return crl;
}

async function verifyCrlSignature(
  crypto: CryptoContext,
  crl: ParsedCrl,
  issuer: ParsedCertificate,
): Promise<VerifyOutcome> {
  const crlVerdicts = crypto.store(
    "crl-verdicts",
    () => new WeakMap<ParsedCrl, Map<string, VerifyOutcome>>(),
  );
  let byKey = crlVerdicts.get(crl);
  if (!byKey) crlVerdicts.set(crl, (byKey = new Map()));
  const key = toHex(issuer.spki);
  const hit = byKey.get(key);
  if (hit) return hit;
  const v = await verifyWithCertificate(
    crypto,
    issuer,
    crl.sigAlgOid,
    crl.sigAlgParams,
    crl.tbs,
    crl.signature,
  );
  byKey.set(key, v);
  return v;
}

/** Verifies a signature over `tbs` with the key of `signer`. */
export async function verifyWithCertificate(
  crypto: CryptoContext,
  signer: ParsedCertificate,
  sigAlgOid: string,
  sigAlgParams: Tlv | undefined,
  tbs: Uint8Array,
  signature: Uint8Array,
): Promise<VerifyOutcome> {
  try {
    const scheme = resolveScheme(sigAlgOid, sigAlgParams, undefined);
    return scheme.ok
      ? await verifyData(crypto, scheme.scheme, publicKeyOf(signer.spki), tbs, signature)
      : "unsupported";
  } catch (err) {
    onlyIfLoaded(err); // the engine's own code missing is the check's error, not a bad signature
    return "bad";
  }
}

/** The outcome of asking one CRL about one certificate. */
export type CrlAnswer =
  | { status: "good" | "revoked"; crl: ParsedCrl; entry?: RevokedEntry }
  | { status: "unusable"; reason: string; code: string };

/** Clock skew allowed on thisUpdate. */
const SKEW_MS = 5 * 60 * 1000;

/**
 * Judges `cert` (issued by `issuer`) against a CRL: the CRL's issuer must be the certificate's issuer and
 * its signature must verify with the issuer's key (a CRL signed by anyone else is refused), it must be
 * current at `at`, complete and direct.
 */
export async function checkCrl(
  crlDer: Uint8Array,
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  at: Date,
  context?: CryptoContext,
): Promise<CrlAnswer> {
  const crypto = ownContext(context);
  let crl: ParsedCrl;
  try {
    crl = parseCrlCached(crypto, crlDer);
  } catch (err) {
    return {
      status: "unusable",
      code: "unparseable",
      reason: `the CRL could not be read (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  const sameName =
    equalBytes(crl.issuerDer, cert.issuerDer) ||
    normalizedName(crl.issuerAttrs) === normalizedName(cert.issuerAttrs);
  if (!sameName)
    return {
      status: "unusable",
      code: "other-issuer",
      reason: `the CRL was issued by "${crl.issuer}", not by the certificate's issuer "${cert.issuer}"`,
    };
  if (crl.indirect || [...crl.revoked.values()].some((e) => e.certificateIssuer))
    return {
      status: "unusable",
      code: "indirect",
      reason:
        "the CRL is an indirect CRL (it lists certificates of other issuers), which this tool does not use",
    };
  if (crl.delta)
    return { status: "unusable", code: "delta", reason: "the CRL is a delta CRL, not a complete one" };
  if (crl.unknownCritical.length > 0)
    return {
      status: "unusable",
      code: "critical-extension",
      reason: `the CRL carries a critical extension this tool does not understand (${crl.unknownCritical.join(", ")})`,
    };
  if (issuer.keyUsage && !issuer.keyUsage.includes("cRLSign"))
    return {
      status: "unusable",
      code: "issuer-not-crl-signer",
      reason: "the issuer's certificate does not allow it to sign CRLs (keyUsage without cRLSign)",
    };
  const v = await verifyCrlSignature(crypto, crl, issuer);
  if (v !== "ok")
    return {
      status: "unusable",
      code: v === "unsupported" ? "unsupported-algorithm" : "bad-signature",
      reason:
        v === "unsupported"
          ? "the CRL is signed with an algorithm this tool cannot check"
          : "the CRL's signature does not verify with the issuer's key: it was not issued by the certificate's issuer",
    };
  const ms = at.getTime();
  if (!crl.thisUpdate || crl.thisUpdate.getTime() - SKEW_MS > ms)
    return {
      status: "unusable",
      code: "not-yet-valid",
      reason: `the CRL was issued after the evaluation time (thisUpdate ${crl.thisUpdate?.toISOString() ?? "unreadable"})`,
    };
  if (!crl.nextUpdate || crl.nextUpdate.getTime() < ms)
    return {
      status: "unusable",
      code: "stale",
      reason: crl.nextUpdate
        ? `the CRL is out of date (its next update was due ${crl.nextUpdate.toISOString()})`
        : "the CRL names no next update, so its freshness cannot be told",
    };
  const entry = crl.revoked.get(cert.serialNumber);
  if (entry && entry.reason === "removeFromCRL") return { status: "good", crl };
  return entry ? { status: "revoked", crl, entry } : { status: "good", crl };
}
