/**
 * The knowledge base: the 18 entries of GMO GlobalSign's "JCAN証明書 FAQ" page, in the page's order.
 *
 * Japanese text is the page's own wording (steps without their "1." numbering; the page's "★" in e-mail
 * addresses turned back into "@"). Two obvious typos of the page are corrected, and test/faq checks
 * every other Japanese string against the page verbatim:
 *   - 「電証明書発行管理者」→「電子証明書発行管理者」 (import-multiple-pcs)
 *   - 「ファイル→」「オプション」→「ファイル」→「オプション」 (mojibake, Outlook ribbon steps)
 * English is a careful translation; Outlook menu names are given as in the English version of Outlook.
 */
import type { FaqEntry, StepSet } from "./types";

/** Ids of the entries, in the page's order. Stable: add, never rename. */
export const FAQ_IDS = [
  "jcan-certificate",
  "root-certificate",
  "intermediate-ca-certificate",
  "common-name",
  "pkcs12",
  "get-jcan-certificate",
  "import-multiple-pcs",
  "expired-certificate",
  "keep-expired-revoked-keys",
  "tampered-warning",
  "empty-body",
  "outlook-encryption-error",
  "register-sender-certificate",
  "signature-not-received",
  "mojibake",
  "smime-p7s-attachment",
  "smime-capable-software",
  "adobe-pdf-signature-error",
] as const;

export type FaqId = (typeof FAQ_IDS)[number];

const SIGNATURE_NOT_RECEIVED_STEPS: StepSet[] = [
  {
    client: "outlook-2003",
    label: { ja: "Outlook 2003の場合", en: "Outlook 2003" },
    steps: [{ ja: "≪ツール≫⇒≪オプション≫⇒≪セキュリティ≫タブ", en: "Tools → Options → Security tab." }],
  },
  {
    client: "outlook-2007",
    label: { ja: "Outlook 2007の場合", en: "Outlook 2007" },
    steps: [
      {
        ja: "≪ツール≫⇒≪セキュリティセンター≫⇒≪電子メールのセキュリティ≫",
        en: "Tools → Trust Center → E-mail Security.",
      },
    ],
  },
  {
    client: "outlook-2010",
    label: { ja: "Outlook 2010の場合", en: "Outlook 2010" },
    steps: [
      {
        ja: "≪オプション≫⇒≪その他オプション≫ダイアログボックスを表示⇒≪セキュリティ設定≫",
        en: "Options → open the More Options dialog box → Security Settings.",
      },
    ],
  },
  {
    client: "outlook-2013-2016",
    label: { ja: "Outlook 2013または2016の場合", en: "Outlook 2013 or 2016" },
    steps: [
      {
        ja: "Outlookを起動し、画面左上のファイルをクリックし、オプションを選択します。",
        en: "Start Outlook, click File at the top left of the window and choose Options.",
      },
      {
        ja: "Outlookのオプション画面の[セキュリティセンター]タブを選択し、「セキュリティセンターの設定」をクリックします。",
        en: "In the Outlook Options window, select the Trust Center tab and click “Trust Center Settings”.",
      },
      {
        ja: "セキュリティセンターの[電子メールのセキュリティ]タブを選択し、「送信メッセージにデジタル署名を追加する」に✔を入れ、OKで画面を閉じます。こちらで設定完了になります。",
        en: "In the Trust Center, select the E-mail Security tab, tick “Add digital signature to outgoing messages” and close the window with OK. The setting is now complete.",
      },
    ],
  },
];

const OUTLOOK_ENCODINGS_NOTE = {
  ja: "「日本語(自動選択)」、「Unicode(UTF-8)」、「日本語(シフトJIS)」のいずれかを選択すると文字化けが解消されることがあります。",
  en: "Choosing “Japanese (Auto-Select)”, “Unicode (UTF-8)” or “Japanese (Shift-JIS)” often fixes the garbled text.",
};

const MOJIBAKE_STEPS: StepSet[] = [
  {
    client: "outlook-2010-2019-365",
    label: {
      ja: "Outlook 2010 / 2013 / 2016 / 2019 / Office 365 ProPlusの場合",
      en: "Outlook 2010 / 2013 / 2016 / 2019 / Office 365 ProPlus",
    },
    steps: [
      {
        ja: "文字化けしているメールをダブルクリックしてメールを表示",
        en: "Double-click the garbled message to open it in its own window.",
      },
      {
        ja: "「ファイル」→「オプション」→「リボンのユーザー設定」をクリック",
        en: "Click File → Options → Customize Ribbon.",
      },
      {
        ja: "「新しいグループ」をクリックし、「新しいグループ(ユーザー設定)」を追加",
        en: "Click “New Group” to add a “New Group (Custom)”.",
      },
      {
        ja: "「コマンドの選択」で「すべてのコマンド」を選択",
        en: "Under “Choose commands from”, select “All Commands”.",
      },
      {
        ja: "「その他」を選択します。(「その他」が複数ありますが、マウスポインタで対象の「その他」をマウスオーバーしますと「MessageEncodingGallery」の「その他」がありますので、そちらを選択してください(コマンド名は、あいうえお順に並んでいます))",
        en: "Select the encoding command (“その他” in Japanese Outlook). Several commands share that name: hover the mouse pointer over them and pick the one whose tooltip shows “MessageEncodingGallery”. In English Outlook it may be listed under another name, such as “Encoding”; the commands are listed in alphabetical order.",
      },
      {
        ja: "「追加」をクリックし、「新しいグループ」に「その他」を追加。「OK」でOutlookのオプション画面を閉じます",
        en: "Click “Add” to put the command into the new group, then close Outlook Options with “OK”.",
      },
      {
        ja: "追加された「その他」より、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the newly added command, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: OUTLOOK_ENCODINGS_NOTE,
  },
  {
    client: "outlook-2010-and-earlier",
    label: { ja: "Outlook 2010以前の場合", en: "Outlook 2010 and earlier" },
    steps: [
      {
        ja: "文字化けしているメールをダブルクリックしてメールを表示",
        en: "Double-click the garbled message to open it in its own window.",
      },
      {
        ja: "「メッセージ」タブをクリックし、「移動」グループの「アクション」をクリック",
        en: "Click the Message tab, then “Actions” in the Move group.",
      },
      {
        ja: "「その他アクション」→「エンコード」から、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "Under Other Actions → Encoding, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: OUTLOOK_ENCODINGS_NOTE,
  },
  {
    client: "thunderbird",
    label: { ja: "Thunderbirdの場合", en: "Thunderbird" },
    steps: [
      {
        ja: "メニューの「表示」→「テキストエンコーディング」から適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the menu View → Text Encoding, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: {
      ja: "「自動判別(日本語)」、「Unicode」、「日本語(ISO-2022-JP)」、「日本語(Shift_JIS)」のいずれかを選択されると文字化けが解消されることがあります。",
      en: "Choosing “Auto-detect (Japanese)”, “Unicode”, “Japanese (ISO-2022-JP)” or “Japanese (Shift_JIS)” often fixes the garbled text.",
    },
  },
  {
    client: "windows-live-mail",
    label: { ja: "Windows Live メールの場合", en: "Windows Live Mail" },
    steps: [
      {
        ja: "「ホーム」タブ→「エンコード」→「その他」から、適宜項目をクリックし、文字化けが解消するか確認してください。",
        en: "From the Home tab → Encoding → More, click an encoding and check whether the text becomes readable.",
      },
    ],
    note: {
      ja: "「日本語(自動選択)」、「日本語シフトJIS」、「Unicode(UTF-8)」のいずれかを選択されると文字化けが解消されることがあります。",
      en: "Choosing “Japanese (Auto-Select)”, “Japanese (Shift-JIS)” or “Unicode (UTF-8)” often fixes the garbled text.",
    },
  },
  {
    client: "webmail",
    label: { ja: "Webメールの場合", en: "Webmail" },
    steps: [
      {
        ja: "各サービス提供元にお問い合わせください。Webブラウザ(Internet Explorer、Firefox等)上の文字エンコード形式も変更することができますので、同様の対応で文字化けが解消されることがあります。",
        en: "Please ask your webmail provider. You can also change the text encoding in your web browser (Internet Explorer, Firefox, etc.), which may fix the garbled text in the same way.",
      },
      {
        ja: "メニュー「表示」→「エンコード」又は「テキストエンコーディング」から適宜項目をクリックしてください。",
        en: "In the browser menu, click View → Encoding (or Text Encoding) and choose an encoding.",
      },
    ],
  },
];

const REGISTER_STEPS: StepSet[] = [
  {
    client: "outlook",
    label: { ja: "Outlook", en: "Outlook" },
    steps: [
      {
        ja: "Outlookで受信した電子署名付きメールの差出人氏名を右クリックします。",
        en: "In Outlook, right-click the sender’s name on a digitally signed message you have received.",
      },
      {
        ja: "メニュー画面が表示されますので、「Outlookの連絡先に追加」をクリックします。",
        en: "In the menu that appears, click “Add to Outlook Contacts”.",
      },
      {
        ja: "連絡先登録画面が表示されます。画面上の[表示]タブにある「証明書」をクリックします。",
        en: "The contact window opens. Click “Certificates” under Show at the top of the window.",
      },
      {
        ja: "証明書(デジタルID)に電子証明書が表示されます。画面右側の「プロパティ」をクリックすると証明書のプロパティが表示されますので、証明書情報を確認することができます。",
        en: "The certificate is listed under Certificates (Digital IDs). Click “Properties” on the right to see the certificate’s details.",
      },
      {
        ja: "画面左上の[アクション]タブの「保存して閉じる」をクリックで完了になります。送信相手の電子証明書が登録されます。",
        en: "Click “Save & Close” under Actions at the top left to finish. The correspondent’s certificate is now registered.",
      },
    ],
  },
];

export const FAQ_ENTRIES: FaqEntry[] = [
  {
    id: "jcan-certificate",
    question: { ja: "JCAN証明書とは何ですか?", en: "What is a JCAN certificate?" },
    answer: {
      ja: "クライアント証明書と呼ばれる電子証明書で、個人や端末に対して発行し身元を明らかにする役割があります。\n用途としては大きく3つあり、文書への署名、データの暗号化、クライアント認証を行うことができます。",
      en: "It is a digital certificate of the kind called a client certificate: it is issued to a person or a device and establishes their identity.\nIt has three main uses: signing documents, encrypting data, and client authentication.",
    },
    steps: [],
    keywords: ["JCAN", "client certificate", "クライアント証明書", "電子証明書", "digital certificate"],
  },
  {
    id: "root-certificate",
    question: { ja: "ルート証明書とは何ですか?", en: "What is a root certificate?" },
    answer: {
      ja: "電子証明書は複数の階層にチェーンしており、その階層の中で最上位の証明書がルート証明書です。\nこのルート証明書が各ブラウザやOSにデフォルトでインストールされており、パブリック証明書と呼ばれます。",
      en: "Digital certificates are chained through several levels, and the certificate at the top of that hierarchy is the root certificate.\nRoot certificates come pre-installed in web browsers and operating systems; such certificates are called public certificates.",
    },
    steps: [],
    keywords: ["root CA", "trust anchor", "chain", "チェーン", "階層"],
  },
  {
    id: "intermediate-ca-certificate",
    question: { ja: "中間CA証明書とは何ですか?", en: "What is an intermediate CA certificate?" },
    answer: {
      ja: "ルート証明書とクライアント証明書(エンドエンティティ証明書)の中間に位置するCA証明書のこと。\n認証局の階層構造上、上位の認証局から証明書を発行してもらうことで信頼性の担保となります。",
      en: "It is a CA certificate that sits between the root certificate and the client certificate (the end-entity certificate).\nIn the hierarchy of certification authorities, having its certificate issued by a higher authority is what makes it trustworthy.",
    },
    steps: [],
    keywords: ["intermediate", "中間証明書", "CA", "認証局", "chain", "end-entity"],
  },
  {
    id: "common-name",
    question: { ja: "コモンネームとは何ですか?", en: "What is a common name?" },
    answer: {
      ja: "電子証明書に記載されているディスティングイッシュネーム(DN)の中の項目の一つ。クライアント証明書では利用者名などの証明書所有者を識別する文字列が入ることが多く、サーバ証明書ではサイトを一意に識別するドメイン名(FQDN)がコモンネームに設定されます。",
      en: "It is one of the fields of the distinguished name (DN) written in a digital certificate. In a client certificate it usually holds a string that identifies the certificate’s holder, such as the user’s name; in a server certificate the common name is the domain name (FQDN) that uniquely identifies the site.",
    },
    steps: [],
    keywords: ["CN", "common name", "DN", "distinguished name", "subject"],
  },
  {
    id: "pkcs12",
    question: { ja: "PKCS#12とは何ですか?", en: "What is PKCS#12?" },
    answer: {
      ja: "PKCS (Public-Key Cryptography Standards)#12 は、秘密鍵と公開鍵証明書を保管するためのファイル形式のことです。\nパスワードによって保護・暗号化がされています。JCAN証明書はこちらの形式で発行されます。",
      en: "PKCS (Public-Key Cryptography Standards) #12 is a file format for storing a private key together with its public-key certificate.\nThe file is protected and encrypted with a password. JCAN certificates are issued in this format.",
    },
    steps: [],
    keywords: ["p12", "pfx", ".p12", ".pfx", "private key", "秘密鍵", "password", "パスワード"],
  },
  {
    id: "get-jcan-certificate",
    question: {
      ja: "JCAN証明書を取得するにはどうしたらよいですか?",
      en: "How can I get a JCAN certificate?",
    },
    answer: {
      ja: "JCAN証明書の取得方法については、以下のとおりご案内いたします。\n新しくJCAN証明書をご利用されたい方\nJCAN証明書を取得する方法は2つございます。\n(1)GMOグローバルサインからJCAN証明書の直接購入を希望される方は、JIPDECトラステッド・サービス登録(電子証明書取扱業務)(以下、JTS登録)の審査をJIPDECから受けていただく必要があります。JTS登録についてはこちらをご確認ください。\n(2)既にJTS登録を受けた事業者(LRA)からJCAN証明書の発行を希望される方は、JCAN証明書の発行が可能なLRA登録事業者へご連絡ください。\n現在、JCAN証明書が発行可能なLRA事業者は、下記のとおりです。",
      en: "Here is how to obtain a JCAN certificate.\nIf you want to start using a JCAN certificate\nThere are two ways to obtain one.\n(1) To buy JCAN certificates directly from GMO GlobalSign, your organisation must first pass JIPDEC’s review for the JIPDEC Trusted Service Registration (digital certificate handling), “JTS registration” below. See the JTS registration information for details.\n(2) To have a JCAN certificate issued by a business that already holds JTS registration (an LRA), contact one of the registered LRAs that can issue JCAN certificates.\nThe LRAs that can currently issue JCAN certificates are listed below.",
    },
    steps: [],
    closing: {
      ja: "既にJCAN証明書をご利用中の方\nJCAN証明書の更新案内メールの送信元やJCAN証明書を申込先、ご利用中の電子契約サービス等のサービス提供事業者等をご確認の上、その事業者へJCAN証明書の取得等について、お問い合わせください。お問い合わせ先が不明な場合は、GMOグローバルサインへお問い合わせください。",
      en: "If you already use a JCAN certificate\nCheck who sent you the renewal notice for your JCAN certificate, where you applied for it, or which provider runs the e-contract (or similar) service you use, and ask that business about obtaining a new JCAN certificate. If you do not know whom to ask, contact GMO GlobalSign.",
    },
    lraOperators: [
      {
        name: { ja: "株式会社日本BPO", en: "Nihon BPO Co., Ltd." },
        services: {
          ja: "文書の電子化、メールのなりすまし対策(S/MIME)、有資格者向け電子証明書",
          en: "Document digitisation; protection against e-mail spoofing (S/MIME); certificates for licensed professionals",
        },
        email: "jcan@bpo-j.jp",
        phone: "03-4284-3111",
      },
      {
        name: { ja: "インフラウェア株式会社", en: "Infraware Inc." },
        services: {
          ja: "文書の電子化、メールのなりすまし対策(S/MIME)、有資格者向け電子証明書",
          en: "Document digitisation; protection against e-mail spoofing (S/MIME); certificates for licensed professionals",
        },
        serviceName: {
          ja: "JCAN 証明書・オンライン発行サービス",
          en: "JCAN Certificate Online Issuance Service",
        },
        email: "jcan@123sign.biz",
        phone: "045-342-9806",
      },
      {
        name: { ja: "公益財団法人防衛基盤整備協会", en: "Defense Base Development Association (BSK)" },
        services: {
          ja: "メールのなりすまし対策(S/MIME)",
          en: "Protection against e-mail spoofing (S/MIME)",
        },
        serviceName: {
          ja: "電子証明書発行サービスに関するHP",
          en: "Web page of its digital certificate issuance service",
        },
        email: "bsk-lra@bsk-z.or.jp",
        phone: "03-3358-8704",
      },
      {
        name: { ja: "インタセクト・コミュニケーションズ株式会社", en: "Intasect Communications, Inc." },
        services: {
          ja: "文書の電子化、電子契約、有資格者向け電子証明書",
          en: "Document digitisation; electronic contracts; certificates for licensed professionals",
        },
        serviceName: {
          ja: "JCAN証明書オンライン発行サービス",
          en: "JCAN Certificate Online Issuance Service",
        },
        email: "jcanlra-support@intasect.co.jp",
        phone: "03-3233-3521",
      },
      {
        name: { ja: "松本商工会議所", en: "Matsumoto Chamber of Commerce and Industry" },
        services: {
          ja: "クライアント証明書、有資格者向け電子証明書",
          en: "Client certificates; certificates for licensed professionals",
        },
        serviceName: { ja: "MCCI電子証明書サービス", en: "MCCI Digital Certificate Service" },
        email: "info@mcci.or.jp",
        phone: "0263-32-5576",
      },
      {
        name: { ja: "松本商工会議所", en: "Matsumoto Chamber of Commerce and Industry" },
        services: {
          ja: "クライアント証明書、有資格者向け電子証明書",
          en: "Client certificates; certificates for licensed professionals",
        },
        serviceName: { ja: "CCIセキュアアクセス", en: "CCI Secure Access" },
        email: "info@mcci.or.jp",
        phone: "0263-37-0005",
      },
    ],
    links: [
      {
        title: {
          ja: "JTS登録(JIPDECトラステッド・サービス登録)について",
          en: "About JTS registration (JIPDEC Trusted Service Registration)",
        },
      },
      {
        title: {
          ja: "JCAN認証局LRA登録に関するお問い合わせ",
          en: "Enquiries about LRA registration with the JCAN CA",
        },
      },
    ],
    keywords: [
      "LRA",
      "JTS",
      "JIPDEC",
      "GMO",
      "GlobalSign",
      "グローバルサイン",
      "renew",
      "更新",
      "申込",
      "apply",
    ],
  },
  {
    id: "import-multiple-pcs",
    question: {
      ja: "電子証明書を複数のパソコンにインポートすることはできますか?",
      en: "Can I import my digital certificate on more than one computer?",
    },
    answer: {
      ja: "電子証明書を複数のパソコンにインポートすることはできます。電子証明書発行管理者から配付された電子証明書ファイルをご利用されるパソコンにインポートしてご利用ください。なお、電子証明書ファイルのインポートには、電子証明書発行管理者から電子証明書を配付された際に伝えられたパスワードが必要になります。パスワードを忘れてしまった場合、インポートすることはできませんので、ご注意ください。",
      en: "Yes, you can. Import the certificate file that your certificate issuing administrator gave you on each computer you use. Importing the file requires the password you were told when the certificate was handed to you. Please note that without that password the file cannot be imported.",
    },
    steps: [],
    keywords: ["import", "インポート", "password", "パスワード", "PC", "パソコン", "computer", "p12", "pfx"],
  },
  {
    id: "expired-certificate",
    question: {
      ja: "電子証明書の有効期限が切れてしまいました。有効期限が切れた電子証明書で、電子署名付きメール・暗号化メールを送ることはできますか?",
      en: "My digital certificate has expired. Can I still send signed or encrypted e-mail with it?",
    },
    answer: {
      ja: "電子証明書の有効期限が切れた状態で、電子署名付きメール・暗号化メールを送ることはできません。有効期限が切れましたら、速やかに新しい電子証明書を取得してください。",
      en: "No. With an expired certificate you cannot send digitally signed or encrypted e-mail. Once your certificate has expired, obtain a new one as soon as possible.",
    },
    steps: [],
    keywords: ["expired", "expiry", "有効期限", "期限切れ", "renew", "更新"],
  },
  {
    id: "keep-expired-revoked-keys",
    question: {
      ja: "有効期限が切れた電子証明書や、失効された電子証明書は削除してもよいですか?",
      en: "May I delete certificates that have expired or been revoked?",
    },
    answer: {
      ja: "電子証明書(秘密鍵)を削除してしまうと、過去に受信した暗号化メールを復号することができなくなります。電子証明書(秘密鍵)のバックアップを取得し、安全な場所で保管してください。",
      en: "If you delete a certificate (and its private key), you will no longer be able to decrypt the encrypted mail you received in the past. Make a backup of the certificate and its private key and keep it in a safe place.",
    },
    steps: [],
    keywords: [
      "delete",
      "削除",
      "revoked",
      "失効",
      "private key",
      "秘密鍵",
      "decrypt",
      "復号",
      "backup",
      "バックアップ",
    ],
  },
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
