/** UI text of the AddToContacts component (ja / en). */
import type { LocalizedText } from "../../engine";

export const STRINGS = {
  title: { ja: "差出人の証明書を連絡先に登録", en: "Add the sender’s certificate to your contacts" },
  intro: {
    ja: "連絡先に証明書を登録すると、この相手に暗号化メールを送れるようになります。",
    en: "With the certificate in your contacts, you can send this person encrypted mail.",
  },
  certificate: { ja: "証明書", en: "Certificate" },
  validity: { ja: "有効期間", en: "Valid" },
  fingerprint: { ja: "SHA-256 フィンガープリント", en: "SHA-256 fingerprint" },
  saveCer: { ja: ".cer 形式で保存", en: "Save .cer" },
  savePem: { ja: ".pem 形式で保存", en: "Save .pem" },
  copyPem: { ja: "PEM をコピー", en: "Copy PEM" },
  copied: { ja: "PEM をコピーしました。", en: "PEM copied." },
  copyFailed: {
    ja: "コピーできませんでした。「.pem 形式で保存」をお使いください。",
    en: "Could not copy. Please use “Save .pem” instead.",
  },
  oneClick: { ja: "Outlook の連絡先に追加", en: "Add to Outlook contacts" },
  working: { ja: "Microsoft 365 の連絡先に登録しています…", en: "Adding to your Microsoft 365 contacts…" },
  tryAgain: { ja: "もう一度試す", en: "Try again" },
  created: {
    ja: "連絡先「{name}」（{address}）を作成し、証明書を登録しました。",
    en: "Created the contact “{name}” ({address}) with the certificate.",
  },
  updated: {
    ja: "連絡先「{name}」（{address}）に証明書を追加しました。登録済みの証明書はそのまま残しています。",
    en: "Added the certificate to the contact “{name}” ({address}). Certificates already there were kept.",
  },
  alreadyPresent: {
    ja: "この証明書は連絡先「{name}」（{address}）にすでに登録されています。",
    en: "This certificate is already on the contact “{name}” ({address}).",
  },
  syncNote: {
    ja: "Outlook に反映されるまで数分かかることがあります。",
    en: "It may take a few minutes to appear in Outlook.",
  },
  errorTitle: { ja: "連絡先に登録できませんでした", en: "The certificate was not added" },
  gateTitle: {
    ja: "この電子証明書は連絡先に登録できません",
    en: "This certificate cannot be added to your contacts",
  },
  notAvailableTitle: { ja: "ワンクリック登録は利用できません", en: "One-click adding is not available" },
  guidedTitle: { ja: "手動で登録する手順", en: "Add it by hand" },
  noCertificate: {
    ja: "このメッセージには差出人の証明書が含まれていないため、登録も保存もできません。",
    en: "This message does not carry the sender’s certificate, so it cannot be saved or added.",
  },
  fileSaveFailed: {
    ja: "ファイルを保存できませんでした。「PEM をコピー」をお使いください。",
    en: "The file could not be saved. Please use “Copy PEM” instead.",
  },
} satisfies Record<string, LocalizedText>;

export { fill } from "../i18n/index";
