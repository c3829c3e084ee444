/** The page's first nine entries: the certificate itself, getting it, importing it and keeping old keys. */
import type { FaqEntry } from "../types";

export const CERTIFICATE_ENTRIES: FaqEntry[] = [
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
];
