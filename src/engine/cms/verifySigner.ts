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
import { finding } from "../findings";
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
  signerLabel,
  signerLabelJa,
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
  const label = signerLabel(signer);
  const labelJa = signerLabelJa(signer);
  const base = { signer: idx, subject: signer.subject, layer: opts.layer };

  if (!cert) {
    out.push(
      finding(
        "SIGNER_CERTIFICATE_MISSING",
        {
          en: `The certificate of the signer (${si.sid.kind === "issuer-serial" ? `issued by ${si.sid.issuer}, serial ${si.sid.serialNumber}` : `key id ${si.sid.subjectKeyIdentifier}`}) is not included in the message, so the signature cannot be checked. Ask the sender to send a signed message that includes the certificate.`,
          ja: `署名者の証明書（${si.sid.kind === "issuer-serial" ? `発行者 ${si.sid.issuer}、シリアル番号 ${si.sid.serialNumber}` : `鍵識別子 ${si.sid.subjectKeyIdentifier}`}）がメールに含まれていないため、署名を確認できません。証明書を含めて署名したメールを送ってもらうよう、送信者に依頼してください。`,
        },
        {
          ...base,
          ...(si.sid.kind === "issuer-serial"
            ? { issuer: si.sid.issuer, serialNumber: si.sid.serialNumber }
            : { subjectKeyIdentifier: si.sid.subjectKeyIdentifier }),
        },
      ),
    );
  }

  const hash: HashName | undefined = DIGEST_OIDS[si.digestAlgorithm];
  if (hash === "sha-1" || hash === "md5") {
    const h = hash === "md5" ? "MD5" : "SHA-1";
    out.push(
      finding(
        "WEAK_DIGEST",
        {
          en: `The signature of ${label} uses ${h}, which is no longer considered secure. Current mail clients (Thunderbird, recent Outlook) may reject it; the sender should switch to SHA-256.`,
          ja: `${labelJa} の署名には ${h} が使われています。${h} は現在では安全とはみなされず、最近のメールソフト（Thunderbird や新しい Outlook など）では署名が受け付けられないことがあります。送信者に SHA-256 へ切り替えてもらってください。`,
        },
        { ...base, source: "signature", digestAlgorithm: hash },
      ),
    );
  }

  const fail = (reason: string, en: string, ja: string, extra: Record<string, unknown> = {}): SignerCheck => {
    out.unshift(finding("SIGNATURE_INVALID", { en, ja }, { ...base, reason, ...extra }));
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
      const what = `${first.attribute} attribute ${first.problem === "repeated" ? "appears more than once" : `has ${first.values ?? 0} values`}`;
      const whatJa = `${first.attribute} 属性が${first.problem === "repeated" ? "複数あります" : `${first.values ?? 0} 個の値を持っています`}`;
      return done(
        fail(
          "signed-attributes-invalid",
          `The signature of ${label} is not valid: its ${what}, which the standard forbids (a signature must vouch for exactly one content).`,
          `${labelJa} の署名は無効です。${whatJa}。規格では認められていません（1 つの署名が保証する内容は 1 つでなければなりません）。`,
          { attributeProblems: bad },
        ),
      );
    }
    if (si.contentTypeAttr === undefined) {
      return done(
        fail(
          "content-type-missing",
          `The signature of ${label} lacks the required content-type attribute, so it cannot be valid.`,
          `${labelJa} の署名には必須の content-type 属性がないため、有効な署名ではありません。`,
        ),
      );
    }
    if (si.contentTypeAttr !== cms.eContentType) {
      return done(
        fail(
          "content-type-mismatch",
          `The signature of ${label} was made for another kind of content (${si.contentTypeAttr}) than the message carries (${cms.eContentType}).`,
          `${labelJa} の署名は、このメッセージとは別の種類の内容（${si.contentTypeAttr}）に対するものです。`,
          { signedContentType: si.contentTypeAttr, eContentType: cms.eContentType },
        ),
      );
    }
    if (!si.messageDigest) {
      return done(
        fail(
          "message-digest-missing",
          `The signature of ${label} lacks the message-digest attribute, so it does not vouch for any content.`,
          `${labelJa} の署名には message-digest 属性がないため、どの内容も保証していません。`,
        ),
      );
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
          finding(
            "WEAK_DIGEST",
            {
              en: `The signature of ${label} uses ${scheme.hash.toUpperCase()}, which is no longer considered secure.`,
              ja: `${labelJa} の署名には ${scheme.hash.toUpperCase()} が使われています。現在では安全とはみなされていません。`,
            },
            { ...base, source: "signature", digestAlgorithm: scheme.hash },
          ),
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
    const check = fail(
      "message-digest-mismatch",
      `The message was changed after ${label} signed it: its content no longer matches the signature.`,
      `${labelJa} が署名した後に、メッセージの内容が変更されています。内容が署名と一致しません。`,
      { signatureVerified: sigOutcome === "ok" },
    );
    if (appended !== undefined)
      out.push(appendedFinding(content, appended, base, sigOutcome === "ok", label, labelJa));
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
            if (verifyDigest(scheme, key, c.digest, si.signature) === "ok") {
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
      appended !== undefined
        ? `The message was changed after ${label} signed it: its content no longer matches the signature.`
        : `The signature of ${label} does not match: the signed data or the signature was altered, or the signature was not made with this certificate's key.`,
      appended !== undefined
        ? `${labelJa} が署名した後に、メッセージの内容が変更されています。内容が署名と一致しません。`
        : `${labelJa} の署名が一致しません。署名されたデータか署名そのものが変更されたか、この証明書の鍵で作られた署名ではありません。`,
      appendedSearch !== undefined ? { appendedSearch } : {},
    );
    if (appended !== undefined) out.push(appendedFinding(content, appended, base, true, label, labelJa));
    return done(check);
  }
  if (sigOutcome === "ok" && !datesUnreadable) return done({ status: "ok", findings: out });
  return done(unverifiable());
}

export function appendedFinding(
  content: Uint8Array,
  signedBytes: number,
  base: Record<string, unknown>,
  signatureVerified: boolean,
  label: string,
  labelJa: string,
): Finding {
  const d = describeAppended(content, signedBytes);
  const preview = d.appendedPreview.length > 80 ? `${d.appendedPreview.slice(0, 80)}…` : d.appendedPreview;
  return finding(
    "CONTENT_APPENDED",
    {
      en: `${d.addedBytes} bytes (${d.addedLines} line${d.addedLines === 1 ? "" : "s"}) were added at the end of the message after ${label} signed it — typically a disclaimer or virus-scan note appended by a mail server. ${signatureVerified ? "The part that was signed is intact." : "The part before it matches what was signed."} The added text begins: "${preview}"`,
      ja: `${labelJa} が署名した後で、メッセージの末尾に ${d.addedBytes} バイト（${d.addedLines} 行）が追加されています。多くはメールサーバーが付け加える免責事項やウイルスチェックの通知です。${signatureVerified ? "署名された部分そのものは変更されていません。" : "追加部分より前は、署名された内容と一致しています。"}追加された部分の冒頭：「${preview}」`,
    },
    { ...base, ...d, signatureVerified },
  );
}
