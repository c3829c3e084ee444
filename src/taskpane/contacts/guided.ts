/**
 * The guided path for adding a correspondent's certificate by hand (always shown): the FAQ's Outlook steps
 * ("register-sender-certificate"), the steps for importing the exported .cer file, and a note for clients
 * without a Certificates page on contacts.
 */
import type { LocalizedText } from "../../engine";
import { getEntry, orderSteps } from "../../faq/index";
import type { Host, StepSet } from "../../faq/types";

export const REGISTER_FAQ_ID = "register-sender-certificate";

/** Classic Outlook for Windows: importing the saved .cer on the contact's Certificates page. */
export function importCerSteps(cerName: string): StepSet {
  return {
    client: "outlook",
    label: {
      ja: "保存した証明書ファイル（.cer）を取り込む場合（Windows 版 Outlook）",
      en: "Importing the saved certificate file (.cer) — classic Outlook for Windows",
    },
    steps: [
      {
        ja: `上の「.cer 形式で保存」で電子証明書を保存します（ファイル名：${cerName}）。`,
        en: `Save the certificate with “Save .cer” above (file name: ${cerName}).`,
      },
      {
        ja: "Outlook の「連絡先」（人）を開き、差出人の連絡先を開きます。まだない場合は「新しい連絡先」で作成し、メールアドレスを入力します。",
        en: "Open People (Contacts) in Outlook and open the sender’s contact. If there is none, create one with “New Contact” and enter the email address.",
      },
      {
        ja: "連絡先ウィンドウ上部の「表示」グループにある「証明書」をクリックします。",
        en: "In the contact window, click “Certificates” in the Show group at the top.",
      },
      {
        ja: "「インポート」をクリックし、保存した .cer ファイルを選んで「開く」をクリックします。",
        en: "Click “Import…”, choose the saved .cer file and click “Open”.",
      },
      {
        ja: "「アクション」グループの「保存して閉じる」をクリックすれば完了です。",
        en: "Click “Save & Close” in the Actions group to finish.",
      },
    ],
  };
}

/**
 * What differs for the user's client, when it matters. oneClick: whether the one-click button is offered
 * above (only then may the note point to it).
 */
export function hostNote(host: Host, oneClick = true): LocalizedText | undefined {
  switch (host.client) {
    case "outlook-new":
    case "outlook-web":
      return oneClick
        ? {
            ja: "新しい Outlook と Outlook on the web には、連絡先に電子証明書を手動で登録する画面がありません。上のボタンで登録するか、Windows 版（クラシック）Outlook で下の手順を行ってください。",
            en: "New Outlook and Outlook on the web have no page for adding a certificate to a contact by hand. Use the button above, or follow the steps below in classic Outlook for Windows.",
          }
        : {
            ja: "新しい Outlook と Outlook on the web には、連絡先に電子証明書を手動で登録する画面がありません。Windows 版（クラシック）Outlook で下の手順を行ってください。",
            en: "New Outlook and Outlook on the web have no page for adding a certificate to a contact by hand. Follow the steps below in classic Outlook for Windows.",
          };
    case "outlook-mac":
      return oneClick
        ? {
            ja: "Mac 版 Outlook では、連絡先に電子証明書を手動で登録できない場合があります。上のボタンで登録するか、Windows 版（クラシック）Outlook で下の手順を行ってください。",
            en: "Outlook for Mac may not let you add a certificate to a contact by hand. Use the button above, or follow the steps below in classic Outlook for Windows.",
          }
        : {
            ja: "Mac 版 Outlook では、連絡先に電子証明書を手動で登録できない場合があります。その場合は Windows 版（クラシック）Outlook で下の手順を行ってください。",
            en: "Outlook for Mac may not let you add a certificate to a contact by hand. If so, follow the steps below in classic Outlook for Windows.",
          };
    case "outlook-mobile":
      return {
        ja: "モバイル版 Outlook では連絡先に電子証明書を登録できません。パソコンの Outlook で下の手順を行ってください。",
        en: "Outlook for iOS and Android cannot add certificates to contacts. Follow the steps below in Outlook on a computer.",
      };
    default:
      return undefined;
  }
}

export interface GuidedPath {
  question: LocalizedText;
  note?: LocalizedText;
  /** The FAQ's step sets (the user's client first), then importing the .cer when there is one. */
  steps: StepSet[];
}

export function guidedPath(host: Host, cerName?: string, oneClick = true): GuidedPath {
  const entry = getEntry(REGISTER_FAQ_ID);
  const steps: StepSet[] = entry ? orderSteps(entry.steps, host) : [];
  if (cerName) steps.push(importCerSteps(cerName));
  const note = hostNote(host, oneClick);
  return {
    question: entry?.question ?? {
      ja: "電子メールの送信相手の電子証明書を登録する方法",
      en: "How to register a correspondent’s certificate",
    },
    ...(note ? { note } : {}),
    steps,
  };
}
