/** The add-to-contacts part of the pane's one catalogue (i18n/index.ts). */
import type { LocalizedText } from "../../engine";

export const CONTACT_STRINGS = {
  contactTitle: {
    ja: "差出人の電子証明書を連絡先に登録",
    en: "Add the sender’s certificate to your contacts",
  },
  contactIntro: {
    ja: "連絡先に電子証明書を登録すると、この相手に暗号化メールを送れるようになります。",
    en: "With the certificate in your contacts, you can send this person encrypted mail.",
  },
  contactCertificate: { ja: "電子証明書", en: "Certificate" },
  contactValidity: { ja: "有効期間", en: "Valid" },
  contactFingerprint: { ja: "SHA-256 フィンガープリント", en: "SHA-256 fingerprint" },
  contactSaveCer: { ja: ".cer 形式で保存", en: "Save .cer" },
  contactSavePem: { ja: ".pem 形式で保存", en: "Save .pem" },
  contactCopyPem: { ja: "PEM をコピー", en: "Copy PEM" },
  contactCopied: { ja: "PEM をコピーしました。", en: "PEM copied." },
  contactCopyFailed: {
    ja: "コピーできませんでした。「.pem 形式で保存」をお使いください。",
    en: "Could not copy. Please use “Save .pem” instead.",
  },
  contactOneClick: { ja: "Outlook の連絡先に追加", en: "Add to Outlook contacts" },
  contactWorking: {
    ja: "Microsoft 365 の連絡先に登録しています…",
    en: "Adding to your Microsoft 365 contacts…",
  },
  contactTryAgain: { ja: "もう一度試す", en: "Try again" },
  contactCreated: {
    ja: "連絡先「{name}」（{address}）を作成し、電子証明書を登録しました。",
    en: "Created the contact “{name}” ({address}) with the certificate.",
  },
  contactUpdated: {
    ja: "連絡先「{name}」（{address}）に電子証明書を追加しました。登録済みの電子証明書はそのまま残しています。",
    en: "Added the certificate to the contact “{name}” ({address}). Certificates already there were kept.",
  },
  contactAlreadyPresent: {
    ja: "この電子証明書は連絡先「{name}」（{address}）にすでに登録されています。",
    en: "This certificate is already on the contact “{name}” ({address}).",
  },
  contactSyncNote: {
    ja: "Outlook に反映されるまで数分かかることがあります。",
    en: "It may take a few minutes to appear in Outlook.",
  },
  contactErrorTitle: { ja: "連絡先に登録できませんでした", en: "The certificate was not added" },
  contactRefusedTitle: {
    ja: "この電子証明書は連絡先に登録できません",
    en: "This certificate cannot be added to your contacts",
  },
  contactNotAvailableTitle: {
    ja: "ワンクリック登録は利用できません",
    en: "One-click adding is not available",
  },
  contactGuidedTitle: { ja: "手動で登録する手順", en: "Add it by hand" },
  contactNoCertificate: {
    ja: "このメールには差出人の電子証明書が含まれていないため、登録も保存もできません。",
    en: "This message does not carry the sender’s certificate, so it cannot be saved or added.",
  },
  contactFileSaveFailed: {
    ja: "ファイルを保存できませんでした。「PEM をコピー」をお使いください。",
    en: "The file could not be saved. Please use “Copy PEM” instead.",
  },
  contactRetryIn: { ja: "（{seconds} 秒後に再試行できます）", en: " (you can retry in {seconds} s)" },
} as const satisfies Record<string, LocalizedText>;
