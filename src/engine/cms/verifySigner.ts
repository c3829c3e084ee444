/**
 * Verification of one SignerInfo: certificate and chain, signed attributes, the signature, appended content.
 */
import { onlyMalformed } from "../asn1/errors";
import {
  buildChain,
  certificateFindings,
  summaryOf,
  trustFinding,
  type ChainResult,
  type ParsedCertificate,
} from "../x509/index";
import { type HashName } from "../crypto/hashes";
import { report, type FindingDetails } from "../findings";
import type { Finding, Signer } from "../types";
import { equalBytes, toHex } from "../util/bytes";
import { DIGEST_OIDS, digestName, signatureName } from "../asn1/oids";
import { describeAppended, lastBoundaryDigests } from "./appended";
import {
  keyWithinLimits,
  publicKeyOf,
  quickToCheck,
  rsaExponentBits,
  resolveScheme,
  verifyData,
  verifyDigest,
  type PublicKey,
  type Scheme,
} from "../crypto/signature";
import { type SignerInfoData, type SignedCms, type Verifying, SIGNER_PATHS } from "./types";
import {
  type SharedSearch,
  type SignerCheck,
  signerName,
  findCertificate,
  certificateBase64,
  placeholderSigner,
  unsupported,
} from "./signers";

export async function verifyOne(
  si: SignerInfoData,
  cms: SignedCms,
  opts: Verifying,
  parsedCerts: (ParsedCertificate | undefined)[],
  content: Uint8Array | undefined,
  contentDigest: (h: HashName) => Promise<Uint8Array>,
  shared: SharedSearch,
): Promise<{ signer: Signer; check: SignerCheck }> {
  const out: Finding[] = [];
  const idx = si.index;
  const cert = findCertificate(si.sid, parsedCerts);
  let signer: Signer;
  let chain: ChainResult | undefined;
  let datesUnreadable = false;
  if (cert) {
    const summary = summaryOf(cert);
    // The chain is judged at the time of signing (the signing time, else the evaluation time).
    chain = await buildChain(cert.der, cms.certificates, opts.trustAnchors, {
      time: si.signingTime ?? opts.at,
      ...(opts.distrust ? { distrust: opts.distrust } : {}),
      crypto: opts.crypto,
    });
    signer = {
      ...summary,
      jcan: summary.jcan || chain.chain.some((c) => c.jcan),
      digestAlgorithm: digestName(si.digestAlgorithm),
      signatureAlgorithm: signatureName(si.signatureAlgorithm),
      chain: chain.chain.map((c) => c.subject),
      trusted: chain.trusted,
      ...(chain.trusted && chain.trustedBy ? { trustedBy: chain.trustedBy } : {}),
      valid: false,
      layer: opts.layer,
      certificate: certificateBase64(cert),
    };
    SIGNER_PATHS.set(signer, chain.ders ?? [cert.der]);
    const cf = certificateFindings(summary, {
      at: opts.at,
      ...(si.signingTime ? { signingTime: si.signingTime } : {}),
    });
    const tf = trustFinding(summary, chain);
    for (const f of tf ? [...cf, tf] : cf)
      out.push({ ...f, detail: { ...f.detail, signer: idx, layer: opts.layer } });
    // Validity dates that cannot be read (certificateFindings says so): the signer cannot count as valid.
    datesUnreadable = cf.some((f) => f.code === "MALFORMED_CMS");
  } else {
    signer = placeholderSigner(si, opts.layer);
  }
  if (si.signingTime) signer.signingTime = si.signingTime.toISOString();
  const label = signerName(signer);
  const base = {
    signer: idx,
    subject: signer.subject,
    layer: opts.layer,
    ...(label !== undefined ? { name: label } : {}),
  };

  if (!cert) {
    out.push(
      report("SIGNER_CERTIFICATE_MISSING", {
        ...base,
        ...(si.sid.kind === "issuer-serial"
          ? { issuer: si.sid.issuer, serialNumber: si.sid.serialNumber }
          : { subjectKeyIdentifier: si.sid.subjectKeyIdentifier }),
      }),
    );
  }

  const hash: HashName | undefined = DIGEST_OIDS[si.digestAlgorithm];
  if (hash === "sha-1" || hash === "md5") {
    out.push(report("WEAK_DIGEST", { ...base, source: "signature", digestAlgorithm: hash }));
  }

  const fail = (
    reason: FindingDetails["SIGNATURE_INVALID"]["reason"],
    extra: Omit<Partial<FindingDetails["SIGNATURE_INVALID"]>, "reason"> = {},
  ): SignerCheck => {
    out.unshift(report("SIGNATURE_INVALID", { ...base, reason, ...extra }));
    return { status: "bad", reason, findings: out };
  };
  const unverifiable = (): SignerCheck => ({ status: "unverifiable", findings: out });
  const done = (check: SignerCheck): { signer: Signer; check: SignerCheck } => {
    signer.valid = check.status === "ok";
    return { signer, check };
  };

  if (!hash) {
    out.push(
      unsupported("digest", digestName(si.digestAlgorithm), {
        ...base,
        algorithm: digestName(si.digestAlgorithm),
        oid: si.digestAlgorithm,
      }),
    );
    return done(unverifiable());
  }
  if (content === undefined) {
    return done(unverifiable());
  }

  // Signed attributes: content type and message digest first (a mismatch is a failure even without a key).
  let digestOk = true;
  if (si.signedAttrs) {
    // RFC 5652 §11.1/§11.2: content-type and message-digest appear once, with one value. A second value
    // would let one signature vouch for two contents (OpenSSL refuses such a SignerInfo too).
    const bad = si.attrProblems.filter(
      (p) => p.attribute !== "signing-time" && (p.problem === "repeated" || p.problem === "several-values"),
    );
    const first = bad[0];
    if (first) {
      return done(fail("signed-attributes-invalid", { attributeProblems: bad.map((p) => ({ ...p })) }));
    }
    if (si.contentTypeAttr === undefined) {
      return done(fail("content-type-missing"));
    }
    if (si.contentTypeAttr !== cms.eContentType) {
      return done(
        fail("content-type-mismatch", {
          signedContentType: si.contentTypeAttr,
          eContentType: cms.eContentType,
        }),
      );
    }
    if (!si.messageDigest) {
      return done(fail("message-digest-missing"));
    }
    const d = await contentDigest(hash);
    digestOk = equalBytes(d, si.messageDigest);
  }

  // The signature itself.
  let sigOutcome: "ok" | "bad" | "unsupported" | "no-key" = "no-key";
  let scheme: Scheme | undefined;
  let key: PublicKey | undefined;
  const resolved = resolveScheme(si.signatureAlgorithm, si.signatureParams, hash);
  if (!resolved.ok) {
    out.push(
      unsupported("signature", resolved.reason, {
        ...base,
        algorithm: resolved.name,
        oid: resolved.oid,
      }),
    );
    sigOutcome = "unsupported";
  } else if (cert) {
    scheme = resolved.scheme;
    if (scheme.hash === "sha-1" || scheme.hash === "md5") {
      if (hash !== scheme.hash && !out.some((f) => f.code === "WEAK_DIGEST")) {
        out.push(
          report("WEAK_DIGEST", {
            ...base,
            source: "signature",
            digestAlgorithm: scheme.hash,
            signatureAlgorithmOnly: true,
          }),
        );
      }
    }
    try {
      key = publicKeyOf(cert.spki);
    } catch (err) {
      onlyMalformed(err);
      key = undefined;
    }
    if (!key || key.kind === "other") {
      const kt =
        key && key.kind === "other" ? `${key.type}${key.curve ? ` ${key.curve}` : ""}` : "unreadable";
      out.push(unsupported("key", kt, { ...base, algorithm: kt, oid: key?.oid ?? "" }));
      sigOutcome = "unsupported";
    } else if (!keyWithinLimits(key)) {
      // limits.ts: a key this large would take this tool minutes to check by hand.
      const kt =
        key.kind === "rsa" ? `RSA ${key.bits}-bit (exponent of ${rsaExponentBits(key)} bits)` : key.kind;
      out.push(
        unsupported("key", kt, {
          ...base,
          algorithm: kt,
          oid: key.oid,
          limit: "rsa-key-size",
          ...(key.kind === "rsa" ? { keyBits: key.bits, exponentBits: rsaExponentBits(key) } : {}),
        }),
      );
      sigOutcome = "unsupported";
    } else {
      sigOutcome = await verifyData(opts.crypto, scheme, key, si.signedAttrs ?? content, si.signature);
    }
  }

  if (sigOutcome === "unsupported" && !out.some((f) => f.code === "UNSUPPORTED_ALGORITHM")) {
    out.push(
      unsupported("signature", signatureName(si.signatureAlgorithm), {
        ...base,
        algorithm: signatureName(si.signatureAlgorithm),
        oid: si.signatureAlgorithm,
      }),
    );
  }

  if (!digestOk) {
    const appended = await shared.appendedPrefix(hash, si.messageDigest as Uint8Array);
    const check = fail("message-digest-mismatch", { signatureVerified: sigOutcome === "ok" });
    if (appended !== undefined) out.push(appendedFinding(content, appended, base, sigOutcome === "ok"));
    return done(check);
  }

  if (sigOutcome === "bad") {
    let appended: number | undefined;
    let appendedSearch: string | undefined;
    if (!si.signedAttrs && scheme && key) {
      // Once per distinct key, signature and hash; only for keys quick to check, within the budget.
      const id = `${scheme.scheme}|${scheme.hash}|${toHex(si.signature)}|${cert ? toHex(cert.spki) : ""}`;
      if (shared.bySignature.has(id)) appended = shared.bySignature.get(id);
      else if (!quickToCheck(key)) appendedSearch = "skipped: the key is too large to check repeatedly";
      else {
        const candidates = lastBoundaryDigests(content, scheme.hash, 64).reverse();
        if (candidates.length > shared.checksLeft) appendedSearch = "skipped: check budget used up";
        else {
          for (const c of candidates) {
            shared.checksLeft--;
            if ((await verifyDigest(scheme, key, c.digest, si.signature)) === "ok") {
              appended = c.length;
              break;
            }
          }
          shared.bySignature.set(id, appended);
        }
      }
    }
    const check = fail(
      appended !== undefined ? "message-digest-mismatch" : "signature-mismatch",
      appendedSearch !== undefined ? { appendedSearch } : {},
    );
    if (appended !== undefined) out.push(appendedFinding(content, appended, base, true));
    return done(check);
  }
  if (sigOutcome === "ok" && !datesUnreadable) return done({ status: "ok", findings: out });
  return done(unverifiable());
}

export function appendedFinding(
  content: Uint8Array,
  signedBytes: number,
  base: { signer?: number; subject?: string; layer?: number; name?: string },
  signatureVerified: boolean,
): Finding {
  return report("CONTENT_APPENDED", {
    ...base,
    ...describeAppended(content, signedBytes),
    signatureVerified,
  });
}
