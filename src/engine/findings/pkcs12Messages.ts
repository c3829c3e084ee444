/**
 * The catalogue's words for the certificate-file (.p12/.pfx) check (pkcs12/). Advice from the FAQ stays in
 * pkcs12/messages.ts (adviceFor) and src/faq.
 */
import { dayEn, dayJa } from "./dates";
import type { Renderings } from "./render";

type P12Code =
  | "P12_OK"
  | "P12_BAD_PASSWORD"
  | "P12_MALFORMED"
  | "P12_NO_KEY"
  | "P12_KEY_MISMATCH"
  | "CERT_EXPIRING"
  | "EMAIL_MISMATCH"
  | "CHAIN_INCOMPLETE";

export const P12_MESSAGES: Renderings<P12Code> = {
  P12_MALFORMED: (d) =>
    d.reason === "too-expensive"
      ? {
          en: `This file asks for far more password-hashing work than a normal certificate file (the check stops at ${d.iterationBudget ?? 0} rounds in all), so it was not opened: checking it could take minutes. It may be damaged or deliberately made that way. Export the certificate again from the program or browser that holds it; files exported by Windows, macOS, Firefox or OpenSSL are checked in well under a second.`,
          ja: `このファイルは、通常の電子証明書のファイルとは比べものにならないほど多くのパスワード計算を要求しているため、開かずに確認を中止しました（上限は合計 ${d.iterationBudget ?? 0} 回です。確認を続けると数分かかることがあります）。ファイルが壊れているか、意図的にそのように作られている可能性があります。電子証明書が入っているソフトやブラウザーから、もう一度エクスポートしてください。Windows、macOS、Firefox、OpenSSL でエクスポートしたファイルなら、1 秒もかからずに確認できます。`,
        }
      : {
          en: `This is not a readable PKCS#12 (.p12/.pfx) file: ${d.why ?? d.reason}. The file may be damaged or incomplete (for example cut short when it was copied), or it may be another kind of file. Export it again from the program or browser that holds the certificate.`,
          ja: `読み取れる PKCS#12（.p12/.pfx）ファイルではありません。コピーの途中で切れるなどしてファイルが壊れているか、別の種類のファイルの可能性があります。電子証明書が入っているソフトやブラウザーから、もう一度エクスポートしてください。技術的な詳細：${d.why ?? d.reason}`,
        },

  P12_BAD_PASSWORD: (d) =>
    d.stage === "mac"
      ? {
          en: "The password does not open this file (the integrity check fails). Check the password (upper/lower case, full-width characters, keyboard layout). If the password is certainly right, the file itself may be damaged.",
          ja: "このパスワードではファイルを開けません（完全性の検査に失敗しました）。大文字・小文字、全角・半角、キーボードの入力モードを確認してください。パスワードが確かに正しい場合は、ファイル自体が壊れている可能性があります。",
        }
      : {
          en: "The password does not decrypt the contents of this file. Check the password; some files use a second, different password for the private key.",
          ja: "このパスワードではファイルの中身を復号できません。パスワードを確認してください。秘密鍵に別のパスワードが設定されているファイルもあります。",
        },

  P12_NO_KEY: (d) => ({
    en: `The file holds no private key, only certificate(s)${d.name ? ` for ${d.name}` : ""}. It cannot be used to sign or to read encrypted mail. Export the certificate again *with* its private key (in Windows: "Yes, export the private key"), as a .pfx/.p12 file.`,
    ja: `このファイルには電子証明書${d.name ? `（${d.name}）` : ""}だけが入っていて、秘密鍵が含まれていません。電子署名や暗号化メールの閲覧には使えません。秘密鍵も含めて、.pfx/.p12 形式でもう一度エクスポートしてください（Windows の「証明書のエクスポート ウィザード」では「はい、秘密キーをエクスポートします」を選びます）。`,
  }),

  P12_KEY_MISMATCH: (d) =>
    d.name === undefined
      ? {
          en: "The file holds a private key but no certificate for it, so mail programs cannot use it for signing.",
          ja: "このファイルには秘密鍵はありますが、それに対応する電子証明書が入っていません。このままではメールソフトで電子署名に使えません。",
        }
      : {
          en: `The private key in the file does not belong to the certificate of ${d.name}: they were put together by mistake. Export the certificate again together with its own private key, or look for the file made when the certificate was issued.`,
          ja: `ファイル内の秘密鍵は ${d.name} の電子証明書のものではありません。誤って別の鍵と組み合わされています。電子証明書を本来の秘密鍵と一緒にエクスポートし直すか、電子証明書の発行時に作成したファイルを探してください。`,
        },

  CERT_EXPIRING: (d) => ({
    en: `The certificate of ${d.name} expires on ${dayEn(d.notAfter)}, in ${d.daysLeft} day${d.daysLeft === 1 ? "" : "s"}. Renew it in time so that you can keep signing.`,
    ja: `${d.name} の電子証明書は ${dayJa(d.notAfter)}に有効期限が切れます（あと ${d.daysLeft} 日）。電子署名を続けられるよう、早めに更新してください。`,
  }),

  EMAIL_MISMATCH: (d) => ({
    en: `The mailbox address ${d.email} is not in the certificate (it names: ${d.certificateEmails.length > 0 ? d.certificateEmails.join(", ") : "none"}). Mail signed with it from ${d.email} will be shown as sent by someone else; Outlook may not offer the certificate for this account at all.`,
    ja: `メールアドレス ${d.email} は電子証明書に含まれていません（電子証明書のアドレス：${d.certificateEmails.length > 0 ? d.certificateEmails.join("、") : "なし"}）。このアドレスから署名して送ると、受信者には差出人が一致しないと表示されます。Outlook でこのアカウントの電子証明書として選べないこともあります。`,
  }),

  CHAIN_INCOMPLETE: (d) => ({
    en: `The certificate of the issuing CA (${d.issuer}) is not in the file. Mail programs on other PCs may then fail to build the chain; install the CA's certificates as well, or export the file again including all certificates in the certification path.`,
    ja: `発行元の認証局の電子証明書（${d.issuer}）がファイルに含まれていません。ほかのパソコンでは発行元までたどれないことがあります。認証局の電子証明書も併せてインストールするか、「証明のパスにある証明書を可能であればすべて含める」を選んでエクスポートし直してください。`,
  }),

  P12_OK: (d) => {
    const addr = d.emails.length > 0 ? ` (${d.emails.join(", ")})` : "";
    const addrJa = d.emails.length > 0 ? `（${d.emails.join("、")}）` : "";
    return {
      en: `The file opens and holds the private key of the e-mail certificate of ${d.name}${addr}, valid until ${dayEn(d.notAfter)}. It is ready to import for signing.`,
      ja: `ファイルを開くことができ、${addrJa ? `${d.name}${addrJa}` : `${d.name} `}のメール用の電子証明書と、その秘密鍵が入っています。有効期限は ${dayJa(d.notAfter)}です。電子署名用としてそのままインポートできます。`,
    };
  },
};
