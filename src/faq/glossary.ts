/**
 * Glossary for tooltips next to certificate fields, condensed from the FAQ entries named in faqId.
 */
import type { GlossaryTerm } from "./types";

export const GLOSSARY: GlossaryTerm[] = [
  {
    id: "jcan-certificate",
    term: { ja: "JCAN証明書", en: "JCAN certificate" },
    definition: {
      ja: "個人や端末に発行され、身元を明らかにするクライアント証明書です。文書への署名、データの暗号化、クライアント認証に使います。",
      en: "A client certificate issued to a person or device to establish their identity; used to sign documents, encrypt data and authenticate clients.",
    },
    faqId: "jcan-certificate",
  },
  {
    id: "root-certificate",
    term: { ja: "ルート証明書", en: "Root certificate" },
    definition: {
      ja: "証明書のチェーン（階層）の最上位にある証明書です。ブラウザや OS にあらかじめインストールされています。",
      en: "The certificate at the top of a certificate chain; browsers and operating systems come with root certificates pre-installed.",
    },
    faqId: "root-certificate",
  },
  {
    id: "intermediate-ca-certificate",
    term: { ja: "中間CA証明書", en: "Intermediate CA certificate" },
    definition: {
      ja: "ルート証明書と利用者の証明書（エンドエンティティ証明書）の間にある認証局の証明書です。上位の認証局から発行されることで信頼性が担保されます。",
      en: "The certificate of a certification authority between the root and the user’s (end-entity) certificate; it is trusted because a higher authority issued it.",
    },
    faqId: "intermediate-ca-certificate",
  },
  {
    id: "common-name",
    term: { ja: "コモンネーム（CN）", en: "Common name (CN)" },
    definition: {
      ja: "証明書の識別名（DN）の項目の一つです。クライアント証明書では利用者名など、持ち主を識別する文字列が入ります。",
      en: "A field of the certificate’s distinguished name (DN); in a client certificate it usually names the holder, such as the user’s name.",
    },
    faqId: "common-name",
  },
  {
    id: "pkcs12",
    term: { ja: "PKCS#12", en: "PKCS#12" },
    definition: {
      ja: "秘密鍵と証明書をまとめて保管する、パスワードで保護されたファイル形式（.p12 / .pfx）です。JCAN証明書はこの形式で発行されます。",
      en: "A password-protected file format (.p12 / .pfx) that stores a private key with its certificate; JCAN certificates are issued in this format.",
    },
    faqId: "pkcs12",
  },
  {
    id: "lra",
    term: { ja: "LRA（登録局）", en: "LRA (local registration authority)" },
    definition: {
      ja: "JTS登録を受け、JCAN証明書の申込みを受け付けて発行を取り次ぐ事業者です。",
      en: "A JTS-registered business that accepts applications for JCAN certificates and arranges their issuance.",
    },
    faqId: "get-jcan-certificate",
  },
];
