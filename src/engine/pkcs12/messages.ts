/**
 * Texts of the certificate-file check (English and Japanese) and the advice from the FAQ: keep a backup,
 * import on several PCs, keep expired keys, where to renew. The FAQ entries themselves live in src/faq;
 * the engine only names the topic (`faqTopic`) so the pane and CLI can link to them.
 */
import type { CertificateSummary, LocalizedText } from "../types";

export type AdviceId = "backup" | "several-pcs" | "keep-expired" | "renew";

export interface P12Advice {
  id: AdviceId;
  message: LocalizedText;
  /** FAQ topic the advice comes from (e.g. "lra-list" for where to renew a JCAN certificate). */
  faqTopic?: string;
}

export function nameOf(cert: CertificateSummary): string {
  return cert.commonName || cert.emails[0] || cert.subject || "(unnamed)";
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

export function adviceFor(
  cert: CertificateSummary | undefined,
  state: { hasKey: boolean; expired: boolean; expiring: boolean },
): P12Advice[] {
  const out: P12Advice[] = [];
  if (state.hasKey) {
    out.push({
      id: "backup",
      message: {
        en: "Keep a backup of this file and of its password in a safe place, apart from this PC. Without them you can neither sign on a new PC nor read mail that was encrypted to you.",
        ja: "このファイルとパスワードは、パソコンとは別の安全な場所にバックアップしておいてください。失うと、新しいパソコンで署名できず、あなたあてに暗号化されたメールも読めなくなります。",
      },
      faqTopic: "backup",
    });
    out.push({
      id: "several-pcs",
      message: {
        en: "The same file can be imported on each PC (and into each mail program) you use, so that all of them can sign and read encrypted mail.",
        ja: "同じファイルを、お使いの複数のパソコンやメールソフトにインポートできます。そうすれば、どの環境でも署名や暗号化メールの閲覧ができます。",
      },
      faqTopic: "import",
    });
    out.push({
      id: "keep-expired",
      message: {
        en: "Do not delete this file or its key when the certificate expires or is renewed: it is still needed to read mail that was encrypted to it in the past.",
        ja: "証明書の有効期限が切れたり更新したりしても、このファイルと秘密鍵は削除しないでください。過去に暗号化されたメールを読むのに必要です。",
      },
      faqTopic: "expired-keys",
    });
  }
  if (state.expired || state.expiring) {
    // Where to renew (for JCAN: through the LRA) is the FAQ's advice: src/faq/engineAdvice.ts renewAdvice.
    out.push({
      id: "renew",
      message: {
        en: state.expired
          ? "The certificate has expired: renew it before you sign again."
          : "Renew the certificate before it expires.",
        ja: state.expired
          ? "証明書の有効期限が切れています。署名を続けるには更新が必要です。"
          : "有効期限が切れる前に証明書を更新してください。",
      },
      faqTopic: "lra-list",
    });
  }
  return out;
}

export const MSG = {
  malformed(reason: string): LocalizedText {
    return {
      en: `This is not a readable PKCS#12 (.p12/.pfx) file: ${reason}. The file may be damaged or incomplete (for example cut short when it was copied), or it may be another kind of file. Export it again from the program or browser that holds the certificate.`,
      ja: `読み取れる PKCS#12（.p12/.pfx）ファイルではありません（${reason}）。コピーの途中で切れるなどしてファイルが壊れているか、別の種類のファイルの可能性があります。証明書が入っているソフトやブラウザーから、もう一度エクスポートしてください。`,
    };
  },
  tooExpensive(budget: number): LocalizedText {
    return {
      en: `This file asks for far more password-hashing work than a normal certificate file (the check stops at ${budget} rounds in all), so it was not opened: checking it could take minutes. It may be damaged or deliberately made that way. Export the certificate again from the program or browser that holds it; files exported by Windows, macOS, Firefox or OpenSSL are checked in well under a second.`,
      ja: `このファイルは、通常の証明書ファイルとは比べものにならないほど多くのパスワード計算を要求しているため、開かずに確認を中止しました（上限は合計 ${budget} 回です。確認を続けると数分かかることがあります）。ファイルが壊れているか、意図的にそのように作られている可能性があります。証明書が入っているソフトやブラウザーから、もう一度エクスポートしてください。Windows、macOS、Firefox、OpenSSL でエクスポートしたファイルなら、1 秒もかからずに確認できます。`,
    };
  },
  pem(): string {
    return "it is PEM text (-----BEGIN …), not a binary PKCS#12 file";
  },
  badPassword(stage: "mac" | "decrypt"): LocalizedText {
    return stage === "mac"
      ? {
          en: "The password does not open this file (the integrity check fails). Check the password (upper/lower case, full-width characters, keyboard layout). If the password is certainly right, the file itself may be damaged.",
          ja: "このパスワードではファイルを開けません（完全性の検査に失敗しました）。大文字・小文字、全角・半角、キーボードの入力モードを確認してください。パスワードが確かに正しい場合は、ファイル自体が壊れている可能性があります。",
        }
      : {
          en: "The password does not decrypt the contents of this file. Check the password; some files use a second, different password for the private key.",
          ja: "このパスワードではファイルの中身を復号できません。パスワードを確認してください。秘密鍵に別のパスワードが設定されているファイルもあります。",
        };
  },
  noKey(cert: CertificateSummary | undefined): LocalizedText {
    const who = cert ? ` for ${nameOf(cert)}` : "";
    const whoJa = cert ? `（${nameOf(cert)}）` : "";
    return {
      en: `The file holds no private key, only certificate(s)${who}. It cannot be used to sign or to read encrypted mail. Export the certificate again *with* its private key (in Windows: "Yes, export the private key"), as a .pfx/.p12 file.`,
      ja: `このファイルには証明書${whoJa}だけが入っていて、秘密鍵が含まれていません。署名や暗号化メールの閲覧には使えません。証明書を「秘密キーをエクスポートする」を選んで、.pfx/.p12 形式でもう一度エクスポートしてください。`,
    };
  },
  keyMismatch(cert: CertificateSummary | undefined): LocalizedText {
    if (!cert) {
      return {
        en: "The file holds a private key but no certificate for it, so mail programs cannot use it for signing.",
        ja: "このファイルには秘密鍵はありますが、それに対応する証明書が入っていません。このままではメールソフトで署名に使えません。",
      };
    }
    return {
      en: `The private key in the file does not belong to the certificate of ${nameOf(cert)}: they were put together by mistake. Export the certificate again together with its own private key, or look for the file made when the certificate was issued.`,
      ja: `ファイル内の秘密鍵は ${nameOf(cert)} の証明書のものではありません。誤って別の鍵と組み合わされています。証明書を本来の秘密鍵と一緒にエクスポートし直すか、証明書の発行時に作成したファイルを探してください。`,
    };
  },
  expired(cert: CertificateSummary): LocalizedText {
    return {
      en: `The certificate of ${nameOf(cert)} expired on ${day(cert.notAfter)}: it can no longer be used to sign. Keep this file anyway: it is still needed to read mail encrypted to it in the past.`,
      ja: `${nameOf(cert)} の証明書は ${day(cert.notAfter)} に有効期限が切れています。署名には使えません。ただし、過去に暗号化されたメールを読むのに必要なので、このファイルは削除せずに保管してください。`,
    };
  },
  notYetValid(cert: CertificateSummary): LocalizedText {
    return {
      en: `The certificate of ${nameOf(cert)} is not valid until ${day(cert.notBefore)}. Check the computer's clock.`,
      ja: `${nameOf(cert)} の証明書は ${day(cert.notBefore)} から有効になるもので、まだ有効ではありません。パソコンの時計が正しいか確認してください。`,
    };
  },
  expiring(cert: CertificateSummary, days: number): LocalizedText {
    return {
      en: `The certificate of ${nameOf(cert)} expires on ${day(cert.notAfter)}, in ${days} day${days === 1 ? "" : "s"}. Renew it in time so that you can keep signing.`,
      ja: `${nameOf(cert)} の証明書は ${day(cert.notAfter)} に有効期限が切れます（あと ${days} 日）。署名を続けられるよう、早めに更新してください。`,
    };
  },
  emailMismatch(cert: CertificateSummary, email: string): LocalizedText {
    const list = cert.emails.length > 0 ? cert.emails.join(", ") : "none";
    const listJa = cert.emails.length > 0 ? cert.emails.join("、") : "なし";
    return {
      en: `The mailbox address ${email} is not in the certificate (it names: ${list}). Mail signed with it from ${email} will be shown as sent by someone else; Outlook may not offer the certificate for this account at all.`,
      ja: `メールアドレス ${email} は証明書に含まれていません（証明書のアドレス：${listJa}）。このアドレスから署名して送ると、受信者には送信者が一致しないと表示されます。Outlook でこのアカウントの証明書として選べないこともあります。`,
    };
  },
  chainIncomplete(cert: CertificateSummary): LocalizedText {
    return {
      en: `The certificate of the issuing CA (${cert.issuer}) is not in the file. Mail programs on other PCs may then fail to build the chain; install the CA's certificates as well, or export the file again including all certificates in the certification path.`,
      ja: `発行元の認証局の証明書（${cert.issuer}）がファイルに含まれていません。ほかのパソコンでは証明書チェーンを確認できないことがあります。認証局の証明書も併せてインストールするか、「証明のパスにある証明書を可能であればすべて含める」を選んでエクスポートし直してください。`,
    };
  },
  ok(cert: CertificateSummary): LocalizedText {
    const addr = cert.emails.length > 0 ? ` (${cert.emails.join(", ")})` : "";
    const addrJa = cert.emails.length > 0 ? `（${cert.emails.join("、")}）` : "";
    return {
      en: `The file opens and holds the private key of the e-mail certificate of ${nameOf(cert)}${addr}, valid until ${day(cert.notAfter)}. It is ready to import for signing.`,
      ja: `ファイルを開くことができ、${addrJa ? `${nameOf(cert)}${addrJa}` : `${nameOf(cert)} `}のメール用証明書と、その秘密鍵が入っています。有効期限は ${day(cert.notAfter)} です。署名用としてそのままインポートできます。`,
    };
  },
  unsupported(what: string): LocalizedText {
    return {
      en: `Part of the file uses an algorithm this check cannot handle (${what}), so it could not be checked completely.`,
      ja: `ファイルの一部に、このチェックでは扱えない方式（${what}）が使われているため、すべてを確認することはできませんでした。`,
    };
  },
} as const;
