/**
 * Verification of a SignedData: every SignerInfo, the embedded-content attack, the overall verdict.
 */
import { parseCertificate } from "../x509/index";
import { ownContext } from "../crypto/context";
import { type HashName } from "../crypto/hashes";
import { internalError, report } from "../findings";
import { isMalformedInput, onlyMalformed } from "../asn1/errors";
import type { Finding, SignatureVerdict, Signer } from "../types";
import { equalBytes, toHex } from "../util/bytes";
import { DIGEST_OIDS } from "../asn1/oids";
import { findPrefixesByDigest } from "./appended";
import { MAX_APPENDED_SIGNATURE_CHECKS } from "../limits";
import { type SignedCms, type VerifyOptions, type Verifying, type SignedResult } from "./types";
import { type Status, type SharedSearch, signerName } from "./signers";
import { cmsLimitFindings } from "./limits";
import { verifyOne } from "./verifySigner";

/**
 * Verifies every SignerInfo of a SignedData. Never throws: unexpected problems become findings.
 */
export async function verifySigned(cms: SignedCms, options: VerifyOptions): Promise<SignedResult> {
  const opts: Verifying = { ...options, crypto: ownContext(options.crypto) };
  const opaqueContent = opts.detachedContent === undefined ? cms.eContent : undefined;
  try {
    return await verifySignedInner(cms, opts, opaqueContent);
  } catch (err) {
    return {
      verdict: "unverifiable",
      signers: [],
      findings: [
        !isMalformedInput(err)
          ? internalError("cms/verify", err, { layer: opts.layer })
          : report("MALFORMED_CMS", {
              problem: "unprocessable",
              error: err instanceof Error ? err.message : String(err),
              layer: opts.layer,
            }),
      ],
      ...(opaqueContent !== undefined ? { content: opaqueContent } : {}),
    };
  }
}

function nameOf(s: Signer): { name?: string } {
  const name = signerName(s);
  return name !== undefined ? { name } : {};
}

export async function verifySignedInner(
  cms: SignedCms,
  opts: Verifying,
  opaqueContent: Uint8Array | undefined,
): Promise<SignedResult> {
  const findings: Finding[] = [];
  const signers: Signer[] = [];
  const withContent = (r: Omit<SignedResult, "content">): SignedResult =>
    opaqueContent !== undefined ? { ...r, content: opaqueContent } : r;

  const embedded = cms.eContent;
  const attack = opts.detachedContent !== undefined && embedded !== undefined && embedded.length > 0;
  const content = attack ? embedded : (opts.detachedContent ?? embedded);

  if (cms.signerInfos.length === 0) {
    findings.push(report("SIGNATURE_INVALID", { reason: "no-signers", layer: opts.layer }));
    return withContent({ verdict: "invalid", signers, findings });
  }

  const parsedCerts = cms.certificates.map((der) => {
    try {
      return parseCertificate(der, opts.crypto);
    } catch (err) {
      onlyMalformed(err); // an unreadable certificate is skipped; a failure of ours is not
      return undefined;
    }
  });
  const digestCache = new Map<HashName, Promise<Uint8Array>>();
  const contentDigest = (h: HashName): Promise<Uint8Array> => {
    let p = digestCache.get(h);
    if (!p) {
      p = opts.crypto.digest(h, content ?? new Uint8Array(0));
      digestCache.set(h, p);
    }
    return p;
  };

  // The appended-footer search: one pass per digest algorithm for every signer's message digest (not one
  // pass per signer), and a budget of hand-made signature checks for signers without signed attributes.
  const prefixCache = new Map<HashName, Promise<Map<string, number>>>();
  const shared: SharedSearch = {
    appendedPrefix: (h, md) => {
      let p = prefixCache.get(h);
      if (!p) {
        p = (async () => {
          const d = await contentDigest(h);
          const targets = new Set<string>();
          for (const x of cms.signerInfos) {
            if (x.messageDigest && DIGEST_OIDS[x.digestAlgorithm] === h && !equalBytes(x.messageDigest, d))
              targets.add(toHex(x.messageDigest));
          }
          return findPrefixesByDigest(content ?? new Uint8Array(0), h, targets);
        })();
        prefixCache.set(h, p);
      }
      return p.then((m) => m.get(toHex(md)));
    },
    checksLeft: MAX_APPENDED_SIGNATURE_CHECKS,
    bySignature: new Map(),
  };

  const statuses: Status[] = [];
  const limitFindings = cmsLimitFindings(cms, opts.layer);
  if (limitFindings.length > 0) {
    findings.push(...limitFindings);
  }
  for (const si of cms.signerInfos) {
    const { signer, check } = await verifyOne(si, cms, opts, parsedCerts, content, contentDigest, shared);
    if (attack) {
      signer.valid = false;
    }
    signers.push(signer);
    statuses.push(check.status);
    for (const f of check.findings) findings.push(f);
  }

  if (attack) {
    const sameAsShown = equalBytes(embedded, opts.detachedContent as Uint8Array);
    findings.unshift(
      report("SIGNATURE_INVALID", {
        reason: "embedded-content",
        embeddedBytes: embedded.length,
        shownBytes: opts.detachedContent?.length ?? 0,
        sameAsShown,
        signatureOverEmbeddedValid: statuses.every((s) => s === "ok"),
        layer: opts.layer,
      }),
    );
  }

  if (cms.signerCount > 1) {
    findings.push(
      report("MULTIPLE_SIGNERS", {
        count: cms.signerCount,
        signers: signers.map((s, i) => ({
          index: i,
          subject: s.subject,
          valid: s.valid,
          status: statuses[i],
          ...nameOf(s),
        })),
        layer: opts.layer,
      }),
    );
  }

  let verdict: SignatureVerdict;
  if (attack || statuses.includes("bad")) verdict = "invalid";
  else if (statuses.includes("unverifiable") || cms.signerCount > cms.signerInfos.length)
    verdict = "unverifiable";
  else verdict = "valid";

  if (verdict === "valid") {
    findings.unshift(
      report("SIGNATURE_VALID", {
        names: signers.map((s) => signerName(s) ?? null),
        signers: signers.length,
        layer: opts.layer,
      }),
    );
  }
  return withContent({ verdict, signers, findings });
}
