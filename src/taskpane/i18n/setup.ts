/**
 * The signing-setup part of the pane's one catalogue (i18n/index.ts): compose mode, the recipients, the
 * self-test and the certificate-file check. Japanese: です・ます調, 。、.
 */
import type { LocalizedText } from "../../engine";

export const SETUP_STRINGS = {
  composeTitle: { en: "Check my signing setup", ja: "電子署名の設定を確認する" },
  switchTitle: {
    en: "Switch on signing for outgoing messages",
    ja: "送信するメールへの電子署名をオンにする",
  },
  yourClient: { en: "Your mail program: {name}", ja: "お使いのメールソフト：{name}" },
  faqSource: {
    en: "Steps from the FAQ “I sent a digitally signed message, but my certificate did not reach the recipient”.",
    ja: "FAQ「電子署名付きメールを送信しましたが、送信相手に電子証明書の情報が届きません」の手順です。",
  },
  productSource: {
    en: "The FAQ has no steps for this client; these say where its S/MIME settings are.",
    ja: "FAQ にはこのメールソフトの手順がないため、S/MIME 設定の場所をご案内します。",
  },
  setupOtherClients: { en: "Steps for other mail programs", ja: "ほかのメールソフトの手順" },
  recipientsTitle: { en: "Recipients and their certificates", ja: "宛先と電子証明書" },
  recipientsIntro: {
    en: "To send encrypted mail you need each recipient’s certificate. S/MIME Assistant remembers the certificates of signed messages it has checked; Outlook’s contacts or your organisation’s directory may still hold others.",
    ja: "暗号化メールを送るには、宛先ごとに相手の電子証明書が必要です。S/MIME アシスタントは、確認した電子署名付きメールの電子証明書を記憶しています。ほかの電子証明書が Outlook の連絡先や組織のディレクトリに登録されている場合もあります。",
  },
  recipientsLoading: { en: "Reading the recipients…", ja: "宛先を読み込んでいます…" },
  recipientsNone: {
    en: "No recipients yet. Add them in To, Cc or Bcc and the list updates.",
    ja: "宛先はまだありません。宛先（To）、CC、BCC に追加すると一覧が更新されます。",
  },
  recipientsUnavailable: {
    en: "The recipients can be checked only while you write a message in Outlook.",
    ja: "宛先の確認は、Outlook でメールを作成しているときだけ利用できます。",
  },
  recipientsFailed: {
    en: "Outlook did not give the {field} recipients: {reason}",
    ja: "Outlook から {field} の宛先を取得できませんでした：{reason}",
  },
  noLiveUpdate: {
    en: "This version of Outlook does not tell add-ins when recipients change. Press Refresh after editing them.",
    ja: "このバージョンの Outlook は、宛先の変更をアドインに通知しません。宛先を変更したら「更新」を押してください。",
  },
  refresh: { en: "Refresh", ja: "更新" },
  fieldTo: { en: "To", ja: "宛先" },
  fieldCc: { en: "Cc", ja: "CC" },
  fieldBcc: { en: "Bcc", ja: "BCC" },
  stValid: { en: "Certificate known, valid until {date}", ja: "電子証明書あり（{date}まで有効）" },
  stExpiring: {
    en: "Certificate known, expires on {date} ({days} days left)",
    ja: "電子証明書あり（{date}まで有効、あと {days} 日）",
  },
  stExpired: { en: "Known certificate expired on {date}", ja: "記憶している電子証明書は {date}に期限切れ" },
  stNotYet: {
    en: "Known certificate valid only from {date}",
    ja: "記憶している電子証明書は {date}から有効",
  },
  stNone: { en: "No certificate known", ja: "電子証明書は未確認" },
  stNoAddress: { en: "No address (unresolved name)", ja: "アドレスがありません（名前が未解決）" },
  summaryReady: {
    en: "A certificate is known for every recipient ({n}).",
    ja: "すべての宛先（{n} 件）の電子証明書を確認済みです。",
  },
  summaryMissing: {
    en: "{missing} of {total} recipients have no usable certificate known. If you encrypt this message, Outlook will probably show the error below when you send it.",
    ja: "{total} 件中 {missing} 件の宛先で、使える電子証明書が確認できていません。このメールを暗号化すると、送信時に Outlook で次のエラーが表示される可能性があります。",
  },
  signedOnly: {
    en: "A message that is only signed (not encrypted) needs no certificates of the recipients.",
    ja: "電子署名だけで暗号化しないメールには、宛先の電子証明書は必要ありません。",
  },
  howToGetCert: {
    en: "To get a recipient’s certificate, ask them to send you a signed message, open it, and add the sender to your contacts (see “How do I register a correspondent’s digital certificate?”).",
    ja: "相手の電子証明書を入手するには、相手から電子署名付きメールを送ってもらって開き、差出人を連絡先に登録してください（FAQ「電子メールの送信相手の電子証明書を登録する方法」を参照）。",
  },
  selfTestTitle: {
    en: "Test: send a signed message to yourself",
    ja: "テスト：自分あてに電子署名付きメールを送る",
  },
  selfTestResult: { en: "Result of your self-test", ja: "自分あてテストの結果" },
  recipientsWillSee: { en: "What recipients will see", ja: "受信者に表示される内容" },
  signedWith: {
    en: "Signed with: {name} (valid until {date})",
    ja: "電子署名に使われた電子証明書：{name}（{date}まで有効）",
  },
  seeFaq: { en: "FAQ", ja: "FAQ" },
  fileCheckTitle: { en: "Check my certificate file", ja: "証明書ファイルを確認する" },
  fileCheckIntro: {
    en: "Choose your certificate file (.p12 or .pfx) and type its password. The file is checked on this computer only: nothing is uploaded, and the password is neither stored nor sent.",
    ja: "証明書ファイル（.p12 または .pfx）を選び、パスワードを入力してください。確認はこのパソコンの中だけで行います。ファイルは送信されず、パスワードも保存・送信されません。",
  },
  fileLabel: { en: "Certificate file (.p12 / .pfx)", ja: "証明書ファイル（.p12／.pfx）" },
  passwordLabel: { en: "Password of the file", ja: "ファイルのパスワード" },
  checkButton: { en: "Check the file", ja: "ファイルを確認" },
  fileChecking: { en: "Checking the file…", ja: "ファイルを確認しています…" },
  checkedFile: { en: "Checked: {name}", ja: "確認したファイル：{name}" },
  fileTooComplex: {
    en: "This file is too complex to check here: checking it took longer than {seconds} seconds, so it was stopped. You can check it with the command line on a computer: “smime-assistant check-p12 {name}”. Other files can be checked here as usual.",
    ja: "このファイルは複雑すぎるため、ここでは確認できません（{seconds} 秒以上かかったため中止しました）。パソコンのコマンドラインで「smime-assistant check-p12 {name}」を実行すると確認できます。ほかのファイルは、これまでどおりここで確認できます。",
  },
  passwordCleared: {
    en: "The password field was cleared after the check.",
    ja: "確認後、パスワード欄を消去しました。",
  },
  fileCertificate: { en: "Certificate", ja: "電子証明書" },
  certName: { en: "Name", ja: "名前" },
  certEmails: { en: "E-mail addresses", ja: "メールアドレス" },
  certIssuer: { en: "Issuer", ja: "発行者" },
  certValidity: { en: "Valid", ja: "有効期間" },
  certFingerprint: { en: "SHA-256 fingerprint", ja: "SHA-256 フィンガープリント" },
  advice: { en: "Advice", ja: "アドバイス" },
  fileFindings: { en: "Findings", ja: "確認結果" },
  relatedFaq: { en: "Related FAQ", ja: "関連する FAQ" },
  fileChooseFirst: { en: "Choose a file first.", ja: "先にファイルを選んでください。" },
  fileTooLarge: {
    en: "This file is {size}; a certificate file is normally a few kilobytes. Choose the .p12 or .pfx file of your certificate.",
    ja: "このファイルは {size} あります。証明書ファイルは通常数 KB です。電子証明書の .p12 または .pfx ファイルを選んでください。",
  },
  fileUnreadable: {
    en: "The file could not be read: {reason}",
    ja: "ファイルを読み込めませんでした：{reason}",
  },
  fileUncheckable: {
    en: "The file could not be checked: {reason}",
    ja: "ファイルを確認できませんでした：{reason}",
  },
} as const satisfies Record<string, LocalizedText>;
