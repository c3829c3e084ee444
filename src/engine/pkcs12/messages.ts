/**
 * The advice of the certificate-file check (English and Japanese) from the FAQ: keep a backup,
 * import on several PCs, keep expired keys, where to renew. The FAQ entries themselves live in src/faq;
 * the engine only names the topic (`faqTopic`) so the pane and CLI can link to them.
 */
import type { CertificateSummary, LocalizedText } from "../types";

export type AdviceId = "backup" | "several-pcs" | "keep-expired" | "renew";

export interface P12Advice {
  id: AdviceId;
  message: LocalizedText;
  /** FAQ topic the advice comes from (e.g. "lra-list" for where to renew a JCAN certificate). */
  faqTopic?: string;
}

export function nameOf(cert: CertificateSummary): string {
  return cert.commonName || cert.emails[0] || cert.subject || "(unnamed)";
}

export function adviceFor(
  cert: CertificateSummary | undefined,
  state: { hasKey: boolean; expired: boolean; expiring: boolean },
): P12Advice[] {
  const out: P12Advice[] = [];
  if (state.hasKey) {
    out.push({
      id: "backup",
      message: {
        en: "Keep a backup of this file and of its password in a safe place, apart from this PC. Without them you can neither sign on a new PC nor read mail that was encrypted to you.",
        ja: "このファイルとパスワードは、パソコンとは別の安全な場所にバックアップしておいてください。失うと、新しいパソコンで署名できず、あなたあてに暗号化されたメールも読めなくなります。",
      },
      faqTopic: "backup",
    });
    out.push({
      id: "several-pcs",
      message: {
        en: "The same file can be imported on each PC (and into each mail program) you use, so that all of them can sign and read encrypted mail.",
        ja: "同じファイルを、お使いの複数のパソコンやメールソフトにインポートできます。そうすれば、どの環境でも署名や暗号化メールの閲覧ができます。",
      },
      faqTopic: "import",
    });
    out.push({
      id: "keep-expired",
      message: {
        en: "Do not delete this file or its key when the certificate expires or is renewed: it is still needed to read mail that was encrypted to it in the past.",
        ja: "電子証明書の有効期限が切れたり更新したりしても、このファイルと秘密鍵は削除しないでください。過去に暗号化されたメールを読むのに必要です。",
      },
      faqTopic: "expired-keys",
    });
  }
  if (state.expired || state.expiring) {
    // Where to renew (for JCAN: through the LRA) is the FAQ's advice: src/faq/engineAdvice.ts renewAdvice.
    out.push({
      id: "renew",
      message: {
        en: state.expired
          ? "The certificate has expired: renew it before you sign again."
          : "Renew the certificate before it expires.",
        ja: state.expired
          ? "電子証明書の有効期限が切れています。署名を続けるには更新が必要です。"
          : "有効期限が切れる前に電子証明書を更新してください。",
      },
      faqTopic: "lra-list",
    });
  }
  return out;
}

/** The reason of P12_MALFORMED for PEM text (the catalogue words the finding: findings/pkcs12Messages.ts). */
export const PEM_REASON = "it is PEM text (-----BEGIN …), not a binary PKCS#12 file";
