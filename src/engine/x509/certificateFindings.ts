/**
 * Findings about one certificate at a time: validity (at signing and now), e-mail usage, weak keys and digests.
 */
import { finding } from "../findings";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import type { CertificateSummary, Finding } from "../types";
import { INFO, rsaKeyBits, emailUsageProblem } from "./summary";

export function displayName(cert: CertificateSummary): string {
  return cutString(cert.commonName || cert.emails[0] || cert.subject || "(unnamed)", MAX_NAME_IN_MESSAGE);
}

export function day(isoTime: string): string {
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
