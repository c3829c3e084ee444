/**
 * Product advice that used to be written into engine messages (issue #13): the engine now states the
 * facts (a JCAN certificate, an untrusted chain, a signed PDF, a certificate to renew) and these texts say
 * what to do about them. Where to show each:
 *  - jcanInstallAdvice: beside CERT_UNTRUSTED when detail.jcan is true (the chain is JCAN's);
 *  - adobePdfNote: beside SIGNED_PDF_ATTACHMENT (the signer is often JCAN; Adobe's own trust list);
 *  - renewAdvice: with the check-p12 result's "renew" advice (P12Advice id "renew"), JCAN or not by the
 *    certificate's `jcan` flag.
 */
import type { CertificateSummary, Finding, LocalizedText } from "../engine";

/** Installing JCAN's root and intermediate certificates (an untrusted JCAN chain). */
export function jcanInstallAdvice(): LocalizedText {
  return {
    en: "For JCAN certificates, install the JCAN root and intermediate certificates.",
    ja: "JCAN の電子証明書の場合は、JCAN のルート証明書と中間CA証明書をインストールしてください。",
  };
}

/** Adobe Acrobat/Reader and JCAN signatures on PDF attachments. */
export function adobePdfNote(): LocalizedText {
  return {
    en: 'Adobe Acrobat/Reader may say "this signature has problems" for JCAN certificates until its trust settings are changed.',
    ja: "JCAN の電子証明書による電子署名は、Adobe の信頼設定を変更するまで「この署名には問題があります」と表示されることがあります。",
  };
}

/** Where to renew a certificate: for JCAN, through the organisation's LRA (the FAQ lists them). */
export function renewAdvice(cert: Pick<CertificateSummary, "jcan"> | undefined): LocalizedText {
  if (cert?.jcan) {
    return {
      en: "Apply for a new JCAN certificate through the LRA (registration authority) that serves your organisation; the FAQ lists the LRAs and how to contact them.",
      ja: "新しい JCAN の電子証明書は、所属機関を担当する LRA（登録局）を通じて申請してください。LRA の一覧と連絡先は FAQ に掲載しています。",
    };
  }
  return {
    en: "Apply for a new certificate where this one was issued (for a JCAN certificate: through your LRA, listed in the FAQ).",
    ja: "新しい電子証明書は、この電子証明書を発行した認証局に申請してください（JCAN の電子証明書の場合は、FAQ に一覧がある LRA を通じて申請します）。",
  };
}

/** The advice that goes with one finding of a Diagnosis, if any. */
export function adviceForFinding(f: Finding): LocalizedText | undefined {
  if (f.code === "CERT_UNTRUSTED" && f.detail["jcan"] === true) return jcanInstallAdvice();
  if (f.code === "SIGNED_PDF_ATTACHMENT") return adobePdfNote();
  return undefined;
}
