/** The page's last nine entries: what goes wrong with signed mail (warnings, mojibake, .p7s, PDF signatures). */
import type { FaqEntry } from "../types";
import { MOJIBAKE_STEPS, REGISTER_STEPS, SIGNATURE_NOT_RECEIVED_STEPS } from "./steps";

export const MESSAGE_ENTRIES: FaqEntry[] = [
  {
    id: "tampered-warning",
    question: {
      ja: "電子メール開封時に「改ざんされています」とセキュリティ警告が表示されます",
      en: "A security warning says the message “has been tampered with” when I open it",
    },
    answer: {
      ja: "実際に攻撃を受け改ざんされた可能性もありますが、ご利用中のウイルス対策ソフトの設定や、社内のメールサーバの設定が原因で「改ざん検知」のメッセージが表示されることもあります。各製品のサポートや社内メール管理者に相談の上、適切な対処を行ってください。",
      en: "The message may really have been altered by an attacker, but the “tampering detected” warning can also be caused by the settings of your antivirus software or of your company’s mail server. Consult the support of those products or your company’s mail administrator and take the appropriate action.",
    },
    steps: [],
    keywords: [
      "tampered",
      "改ざん",
      "invalid signature",
      "signature",
      "antivirus",
      "ウイルス対策",
      "mail server",
      "メールサーバ",
    ],
  },
  {
    id: "empty-body",
    question: { ja: "電子メール本文に何も表示されません", en: "Nothing is shown in the body of the e-mail" },
    answer: {
      ja: "メールソフトが正しい文字のエンコード形式で参照できていない可能性があります。メールソフトの文字のエンコード形式を変更することにより改善できる場合があります。",
      en: "Your mail program may not be reading the message with the right text encoding. Changing the text encoding in your mail program may fix it.",
    },
    steps: [],
    keywords: ["blank", "empty", "本文", "encoding", "エンコード", "smime.p7m"],
  },
  {
    id: "outlook-encryption-error",
    question: {
      ja: "Outlookで暗号化メール送信時に「このメッセージの暗号化中に問題が発生しました。次の受信者の証明書がない、無効である、競合している、もしくは暗号化をサポートしていない可能性があります。」というメッセージが表示されます",
      en: "When I send encrypted mail, Outlook says “Microsoft Outlook had problems encrypting this message because the following recipients had missing or invalid certificates, or conflicting or unsupported encryption capabilities”",
    },
    answer: {
      ja: "電子メール送信時に、このメッセージが表示された場合は、送信相手の電子証明書(公開鍵)がOutlookに設定されていない可能性があります。送信相手の電子証明書(公開鍵)をOutlookに設定してください。\n「非暗号化メッセージを送信」をクリックすると暗号化せずに送信することができます。「キャンセル」をクリックすると送信前の画面に戻ります。\nまた、「続行」をクリックすると暗号化メールで送信することはできますが、送信相手が暗号化メール本文を確認できない場合がありますので、ご注意ください。",
      en: "If this message appears when you send mail, the recipient’s certificate (public key) has probably not been set up in Outlook. Register the recipient’s certificate (public key) in Outlook.\nClicking “Send Unencrypted” sends the message without encryption; clicking “Cancel” takes you back to the message before sending.\nClicking “Continue” does send the message encrypted, but please note that the recipient may then be unable to read its body.",
    },
    steps: [],
    keywords: ["encrypt", "暗号化", "recipient", "受信者", "public key", "公開鍵", "certificate missing"],
  },
  {
    id: "register-sender-certificate",
    question: {
      ja: "電子メールの送信相手の電子証明書を登録する方法を教えてください (Outlook)",
      en: "How do I register a correspondent’s digital certificate? (Outlook)",
    },
    answer: {
      ja: "送信相手の電子証明書は、送信相手からの電子署名付きメールを取得することができ、メールソフトが自動で登録します。ただし、自動で登録されない場合もあり、その場合は、メールソフトに送信相手の電子証明書を手動で登録することもできます。登録の方法については以下の手順で行います。",
      en: "A correspondent’s certificate arrives with every digitally signed message they send you, and your mail program normally registers it automatically. Sometimes it is not registered automatically; in that case you can register it in your mail program by hand, as follows.",
    },
    steps: REGISTER_STEPS,
    keywords: [
      "contacts",
      "連絡先",
      "register",
      "登録",
      "sender certificate",
      "add to contacts",
      "public key",
      "公開鍵",
    ],
  },
  {
    id: "signature-not-received",
    question: {
      ja: "電子署名付きメールを送信しましたが、送信相手に電子証明書の情報が届きません",
      en: "I sent a digitally signed message, but my certificate did not reach the recipient",
    },
    answer: {
      ja: "電子メールの設定で「このメッセージにデジタル署名を追加する」に✔が付いていることを確認してください。それぞれの確認方法は以下のとおりです。",
      en: "Check that “Add digital signature to this message” is ticked in your e-mail settings. Where to check, for each version of Outlook:",
    },
    steps: SIGNATURE_NOT_RECEIVED_STEPS,
    keywords: [
      "digital signature",
      "デジタル署名",
      "sign",
      "署名",
      "Trust Center",
      "セキュリティセンター",
      "settings",
    ],
  },
  {
    id: "mojibake",
    question: {
      ja: "電子署名付きメール(S/MIME)を受信したが文字化けします",
      en: "A digitally signed (S/MIME) message I received shows garbled text",
    },
    answer: {
      ja: "メールソフト上の文字エンコード形式が原因の可能性があります。メールソフトの文字のエンコード形式の変更を試してください。\nなお、サポートが切れているメールソフト(Outlook Express、Windows Live メール等)で文字化けが発生する場合が多いので、サポートされ、かつ最新バージョンのメールソフトのご利用を推奨します。",
      en: "The text encoding used by your mail program may be the cause. Try changing the text encoding in your mail program.\nGarbled text often appears in mail programs that are no longer supported (Outlook Express, Windows Live Mail, etc.), so we recommend a supported mail program in its latest version.",
    },
    steps: MOJIBAKE_STEPS,
    closing: {
      ja: "上記手順で文字化けが解消されない場合には、送信者側で文字のエンコード形式の変更(「日本語(自動選択)」、「日本語シフトJIS」、「Unicode(UTF-8)」のいずれか)と、メールの再送を依頼してください。",
      en: "If these steps do not fix the garbled text, ask the sender to change their text encoding (to “Japanese (Auto-Select)”, “Japanese (Shift-JIS)” or “Unicode (UTF-8)”) and send the message again.",
    },
    keywords: [
      "garbled",
      "mojibake",
      "文字化け",
      "encoding",
      "エンコード",
      "charset",
      "文字コード",
      "UTF-8",
      "Shift_JIS",
      "ISO-2022-JP",
    ],
  },
  {
    id: "smime-p7s-attachment",
    question: {
      ja: "受信したメールに「smime.p7s」が添付されています",
      en: "A message I received has an attachment called “smime.p7s”",
    },
    answer: {
      ja: "電子署名付きメール(S/MIME)に対応していないメールソフト(特にWebメール)で電子署名付きメールを受信すると電子署名の検証ができず、「smime.p7s」が添付される場合があります。",
      en: "When a digitally signed message is received with a mail program that does not support signed mail (S/MIME), especially webmail, the signature cannot be verified and may appear as an attachment named “smime.p7s”.",
    },
    steps: [],
    keywords: ["smime.p7s", "p7s", "attachment", "添付", "webmail", "Webメール", "signature"],
  },
  {
    id: "smime-capable-software",
    question: {
      ja: "電子署名付きメール(S/MIME)に対応したメールソフトを教えてください",
      en: "Which mail programs support digitally signed mail (S/MIME)?",
    },
    answer: {
      ja: "当センターで電子署名付きメール(S/MIME)の動作確認できている電子署名付きメール(S/MIME)に対応したメールソフトは以下になります。",
      en: "The mail programs with which we have confirmed that digitally signed mail (S/MIME) works are the following.",
    },
    steps: [],
    items: [
      { ja: "Outlook", en: "Outlook" },
      { ja: "Thunderbird", en: "Thunderbird" },
      { ja: "Becky! Internet Mail", en: "Becky! Internet Mail" },
      { ja: "Mac Mail", en: "Mac Mail" },
      {
        ja: "Gmail(G Suiteの場合、送受信対応可、Gmail無償版は受信のみ)",
        en: "Gmail (G Suite: sending and receiving; free Gmail: receiving only)",
      },
    ],
    closing: {
      ja: "その他にも電子署名付きメール(S/MIME)に対応したメールソフトやアプリケーションはあります。",
      en: "Other mail programs and applications also support signed mail (S/MIME).",
    },
    keywords: [
      "Outlook",
      "Thunderbird",
      "Becky",
      "Mac Mail",
      "Gmail",
      "G Suite",
      "mail program",
      "メールソフト",
      "対応",
    ],
  },
  {
    id: "adobe-pdf-signature-error",
    question: {
      ja: "電子署名したPDFファイルをAdobeで開いた際にエラーが表示されます",
      en: "Adobe shows an error when I open a digitally signed PDF file",
    },
    answer: {
      ja: "JCAN証明書は信頼性のある電子証明書ですが、AdobeでJCAN証明書による電子署名されたPDFファイルを開いた場合、Adobe Approved Trust List(Adobeが設定している証明書一覧)にJCAN証明書のルート証明書が登録されていないため、「この署名には問題があります」と表示されます。下記のマニュアルに沿ってAdobeの環境設定を変更することで、エラーは表示されなくなります。",
      en: "JCAN certificates are trustworthy, but when you open a PDF signed with a JCAN certificate in Adobe, it says “At least one signature has problems”, because the JCAN root certificate is not on the Adobe Approved Trust List (the list of certificates Adobe trusts). Change Adobe’s preferences as described in the manuals below and the error will no longer appear.",
    },
    steps: [],
    links: [
      {
        title: {
          ja: "Adobe署名検証設定および電子署名マニュアル",
          en: "Manual: Adobe signature validation settings and digital signing",
        },
      },
      {
        title: {
          ja: "CertExchange.fdfファイルでJCAN証明書を正常に検証するためのAdobe設定方法",
          en: "Adobe settings for validating JCAN certificates correctly with the CertExchange.fdf file",
        },
      },
      {
        title: {
          ja: "JCAN証明書設定ファイル(fdfファイル)",
          en: "JCAN certificate settings file (FDF file)",
        },
      },
    ],
    keywords: ["PDF", "Adobe", "Acrobat", "Reader", "AATL", "fdf", "署名に問題"],
  },
];
