/** FINDING_TITLES: a short title per finding code, in Japanese and English. */
import type { LocalizedText } from "../../engine";

/** Short titles of the findings for the 「確認した内容」 list (the full message is under each). */
export const FINDING_TITLES: Partial<Record<string, LocalizedText>> = {
  SIGNATURE_VALID: { ja: "電子署名は有効です", en: "Signature valid" },
  SIGNATURE_INVALID: { ja: "電子署名が無効です", en: "Signature invalid" },
  CONTENT_APPENDED: {
    ja: "署名の後で末尾に文章が追加されています",
    en: "Text added at the end after signing",
  },
  SIGNER_CERTIFICATE_MISSING: { ja: "署名者の電子証明書がありません", en: "Signer certificate missing" },
  MALFORMED_CMS: { ja: "電子署名のデータが壊れています", en: "Signature data damaged" },
  MALFORMED_MIME: { ja: "メールの形式に問題があります", en: "Mail structure damaged" },
  UNSUPPORTED_ALGORITHM: { ja: "確認できない方式です", en: "Method not supported" },
  ORPHAN_SIGNATURE: {
    ja: "電子署名が添付ファイルとして届いています",
    en: "Signature arrived as an attachment",
  },
  PARTIALLY_SIGNED: { ja: "メールの一部だけが署名されています", en: "Only part of the mail is signed" },
  MULTIPLE_SIGNERS: { ja: "署名者が複数います", en: "Several signers" },
  ENCRYPTED: { ja: "暗号化されています", en: "Encrypted" },
  CERTS_ONLY: { ja: "電子証明書だけのファイルです", en: "Certificates only" },
  SENDER_MISMATCH: { ja: "差出人と署名者が一致しません", en: "Sender does not match the signer" },
  CERT_EXPIRED: { ja: "電子証明書の有効期限", en: "Certificate expiry" },
  CERT_NOT_YET_VALID: { ja: "電子証明書の有効期間前です", en: "Certificate not yet valid" },
  CERT_UNTRUSTED: { ja: "ルート証明書まで確認できません", en: "Not traced to a trusted root" },
  CERT_NOT_FOR_EMAIL: { ja: "メール用の電子証明書ではありません", en: "Certificate not for e-mail" },
  CERT_REVOKED: { ja: "電子証明書が失効しています", en: "Certificate revoked" },
  REVOCATION_GOOD: { ja: "失効していません", en: "Not revoked" },
  REVOCATION_UNKNOWN: { ja: "失効状況を確認できません", en: "Revocation status unknown" },
  WEAK_DIGEST: { ja: "古いハッシュ方式です", en: "Outdated digest" },
  WEAK_KEY: { ja: "鍵が短すぎます", en: "Key too short" },
  SIGNING_TIME_MISMATCH: { ja: "署名時刻と送信日時が離れています", en: "Signing time far from the date" },
  CHARSET_MISMATCH: { ja: "文字化け（文字コードの宣言違い）", en: "Garbled text (wrong charset)" },
  CHARSET_UNDECLARED: { ja: "文字コードの指定がありません", en: "No charset declared" },
  SIGNED_PDF_ATTACHMENT: { ja: "電子署名付き PDF が添付されています", en: "Signed PDF attached" },
  MAILING_LIST: { ja: "メーリングリスト経由です", en: "Via a mailing list" },
  REPLY_TO_MISMATCH: { ja: "返信先が署名者と異なります", en: "Reply-To differs from the signer" },
  OPENPGP: { ja: "OpenPGP のメールです", en: "OpenPGP mail" },
  NESTED_SIGNATURE: { ja: "電子署名が二重になっています", en: "Nested signature" },
  MSG_WITHOUT_MIME: { ja: ".msg ファイルから確認しました", en: "Checked from a .msg file" },
};
