/** The cautions: mojibake, an untrusted issuer, points to check on a valid signature, a signature not verifiable. */
import { jaJoin, type Finding, type FindingCode, type LocalizedText } from "../../engine";
import type { MessageVerdict, VerdictCode } from "./types";
import { rankFindings } from "./rank";
import { type Ctx, any, charsetName, has, make, outerSigners, str, vouchedBy } from "./common";

/** 6. Mojibake: what the user sees; before an untrusted root (in Outlook, JCAN mail is often untrusted) */
export function mojibakeVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const moji = has(d, "CHARSET_MISMATCH") ?? has(d, "CHARSET_UNDECLARED");
  if (moji) {
    const detected = charsetName(str(moji.detail["detected"]));
    const declared = str(moji.detail["declared"]);
    return make({
      level: "caution",
      code: "MOJIBAKE",
      kind: signed && d.signature === "valid" ? "signed-warn" : signed ? "unverifiable" : "none",
      finding: moji.code,
      headline: declared
        ? {
            ja: `本文が文字化けしています（${charsetName(declared)} と宣言、実際は ${detected}）`,
            en: `Garbled text: declared ${charsetName(declared)}, written in ${detected}`,
          }
        : {
            ja: `文字コードの指定がなく、文字化けすることがあります（実際は ${detected}）`,
            en: `No character set declared: may be garbled (${detected})`,
          },
      action: {
        ja: `下の「本文」に、${detected} として読み直した本文を表示しています。`,
        en: `The text below is shown decoded as ${detected}: read it there.`,
      },
    });
  }
  return undefined;
}

/** 7. Untrusted: the chain does not reach a trusted root. */
export function untrustedVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const untrusted = has(d, "CERT_UNTRUSTED");
  if (untrusted && signed && d.signature === "valid") {
    const jcan = outerSigners(d).some((s) => s.jcan);
    return make({
      level: "caution",
      code: "CERT_UNTRUSTED",
      kind: "signed-warn",
      finding: "CERT_UNTRUSTED",
      headline: {
        ja: "署名者の電子証明書の発行元を確認できません",
        en: "The signer's certificate is not from a trusted issuer",
      },
      action: jcan
        ? {
            ja: "JCAN のルート証明書と中間CA証明書をインストールしてから、もう一度確認してください。",
            en: "Install the JCAN root and intermediate certificates, then check again.",
          }
        : {
            ja: "発行元に心当たりがなければ、差出人に別の方法で確認してください。",
            en: "If you do not know the issuer, check with the sender by another channel.",
          },
    });
  }
  return undefined;
}

/**
 * Points to check on a valid signature, in rank order: the first whose finding (first listed first) is
 * present names the verdict.
 */
const VALID_CAUTIONS: readonly {
  findings: readonly FindingCode[];
  /** Which of those findings count, when not every one does. */
  matches?: (f: Finding) => boolean;
  code: VerdictCode;
  headline: LocalizedText | ((f: Finding) => LocalizedText);
  action: LocalizedText | ((outlook: boolean) => LocalizedText);
}[] = [
  {
    findings: ["CERT_NOT_FOR_EMAIL"],
    code: "CERT_NOT_FOR_EMAIL",
    headline: {
      ja: "署名者の電子証明書は、メールの電子署名用ではありません",
      en: "The signer's certificate is not meant for signing mail",
    },
    action: {
      ja: "メールソフトによっては警告が出ます。差出人にメール用の電子証明書を使うよう伝えてください。",
      en: "Some mail programs warn about it; tell the sender to use a certificate made for e-mail.",
    },
  },
  {
    // before a weak digest: a short key is the graver of the two, and its remedy differs (a new
    // certificate, not a setting in the sender's mail program)
    findings: ["WEAK_KEY"],
    code: "WEAK_ALGORITHM",
    headline: (f) => {
      const bits = typeof f.detail["keySize"] === "number" ? f.detail["keySize"] : undefined;
      return bits !== undefined
        ? {
            ja: `電子署名は有効ですが、署名者の鍵が短すぎます（RSA ${bits} ビット）`,
            en: `The signature is valid, but the signer's key is too short (RSA ${bits}-bit)`,
          }
        : {
            ja: "電子署名は有効ですが、署名者の鍵が短すぎます",
            en: "The signature is valid, but the signer's key is too short",
          };
    },
    action: {
      ja: "差出人に、2048 ビット以上の鍵の電子証明書へ更新してもらってください。",
      en: "Ask the sender to renew their certificate with a key of at least 2048 bits.",
    },
  },
  {
    findings: ["WEAK_DIGEST"],
    code: "WEAK_ALGORITHM",
    headline: {
      ja: "電子署名は有効ですが、古い方式が使われています",
      en: "The signature is valid but uses an outdated method",
    },
    action: {
      ja: "差出人に、SHA-256 以上で署名するよう設定を見直してもらってください。",
      en: "Ask the sender to sign with SHA-256 or stronger.",
    },
  },
  {
    findings: ["PARTIALLY_SIGNED"],
    code: "PARTIALLY_SIGNED",
    headline: {
      ja: "電子署名は、メールの一部にしか付いていません",
      en: "Only part of the mail is signed",
    },
    action: {
      ja: "署名された部分の外にある文章や添付ファイルは、差出人のものと確認できません。",
      en: "Text and attachments outside the signed part are not confirmed as the sender's.",
    },
  },
  {
    findings: ["SIGNING_TIME_MISMATCH"],
    code: "SIGNING_TIME_MISMATCH",
    headline: {
      ja: "署名時刻と送信日時が大きく離れています",
      en: "The signing time is far from the date the mail was sent",
    },
    action: {
      ja: "古いメールの再送でないか、内容の日付を確認してください。",
      en: "Check that this is not an old message sent again.",
    },
  },
  {
    // the signature checks out, but a certificate on the way to the root is signed in a way this engine
    // does not check (Ed448, say), so who vouches is not known
    findings: ["UNSUPPORTED_ALGORITHM"],
    matches: (f) => f.detail["scope"] === "chain",
    code: "UNSUPPORTED_ALGORITHM",
    headline: {
      ja: "電子署名は有効ですが、発行元までの電子証明書をここでは確認できません",
      en: "The signature is valid, but the certificates up to its issuer cannot be checked here",
    },
    action: checkInClient,
  },
];

/** The what-to-do line when this check cannot finish: the user's own mail program has the last word. */
function checkInClient(outlook: boolean): LocalizedText {
  return {
    ja: outlook
      ? "Outlook でも、電子署名のアイコン（赤いリボンのマーク）で確認してください。"
      : "お使いのメールソフトでも、電子署名の表示を確認してください。",
    en: outlook
      ? "Check the signature icon (the red ribbon) in Outlook as well."
      : "Check the signature display in your mail program as well.",
  };
}

/** Further cautions on a valid signature, else the signature is fine. */
export function validSignatureVerdict({ d, signed, outlook }: Ctx): MessageVerdict | undefined {
  if (signed && d.signature === "valid") {
    for (const c of VALID_CAUTIONS) {
      // as has(): a finding of the code that is not mere information, and that the entry counts
      const f = c.findings
        .map((code) =>
          d.findings.find((x) => x.code === code && x.severity !== "info" && (c.matches?.(x) ?? true)),
        )
        .find((x) => x !== undefined);
      if (f)
        return make({
          level: "caution",
          code: c.code,
          kind: "signed-warn",
          finding: f.code,
          headline: typeof c.headline === "function" ? c.headline(f) : c.headline,
          action: typeof c.action === "function" ? c.action(outlook) : c.action,
        });
    }
    const other = rankFindings(d.findings).find((f) => f.severity !== "info");
    if (other) {
      // a .msg cut short: the signed content was read whole and checks out, other streams were not
      const cut = other.code === "MALFORMED_MIME" && other.detail.problem === "msg-cut";
      return make({
        level: "caution",
        code: "UNVERIFIABLE",
        kind: "signed-warn",
        finding: other.code,
        headline: cut
          ? {
              ja: "電子署名は有効ですが、Outlook のファイル（.msg）が途中で切れています",
              en: "The signature is valid, but the Outlook file (.msg) is cut short",
            }
          : {
              ja: "電子署名は有効ですが、確認が必要な点があります",
              en: "The signature is valid, with a point to check",
            },
        action: cut
          ? {
              ja: "宛先や添付ファイル名などが欠けている可能性があります。Outlook でもう一度保存して確認してください。",
              en: "Recipients, attachment names and other details may be missing; save the message from Outlook again and check that.",
            }
          : {
              ja: "下の「確認した内容」を開いて、注意点を確認してください。",
              en: 'Open "What was checked" below to see the point.',
            },
      });
    }
    // who vouched goes to the what-to-do line, so that the headline keeps to two lines at 320 px; a
    // revocation check that found the certificate good (relay, --revocation, --crl) is said there too
    const by = vouchedBy(d);
    const revocationGood = any(d, "REVOCATION_GOOD") !== undefined;
    return make({
      level: "safe",
      code: "SIGNED_OK",
      kind: "signed-ok",
      headline: {
        ja: "電子署名は有効で、改ざんされていません",
        en: "The signature is valid and the mail has not been changed",
      },
      action: {
        ja: `${by ? `${jaJoin(jaJoin("発行元は", by.ja), "で確認済みです。")}` : "このメールは署名者から届いたままの内容です。"}${revocationGood ? "署名の時点で電子証明書が失効していないことも確認しました。" : ""}特に対処は必要ありません。`,
        en: `${by ? `Issuer verified with ${by.en}.` : "This mail is as the signer sent it."}${revocationGood ? " The certificate was not revoked when it was signed." : ""} Nothing to do.`,
      },
    });
  }
  return undefined;
}

/** Signed but not verifiable. */
export function unverifiableVerdict({ d, signed, outlook }: Ctx): MessageVerdict | undefined {
  if (signed) {
    const missing = any(d, "SIGNER_CERTIFICATE_MISSING");
    if (missing)
      return make({
        level: "caution",
        code: "SIGNER_CERTIFICATE_MISSING",
        kind: "unverifiable",
        finding: "SIGNER_CERTIFICATE_MISSING",
        headline: {
          ja: "署名者の電子証明書がなく、電子署名を確認できません",
          en: "The signer's certificate is not in the mail, so the signature cannot be checked",
        },
        action: {
          ja: "差出人に、電子証明書を添えて送り直してもらってください。",
          en: "Ask the sender to send it again with their certificate attached.",
        },
      });
    const unsup = any(d, "UNSUPPORTED_ALGORITHM");
    return make({
      level: "caution",
      code: unsup ? "UNSUPPORTED_ALGORITHM" : "UNVERIFIABLE",
      kind: "unverifiable",
      ...(unsup ? { finding: "UNSUPPORTED_ALGORITHM" as const } : {}),
      headline: unsup
        ? {
            ja: "この電子署名の方式は、ここでは確認できません",
            en: "This signature uses a method that cannot be checked here",
          }
        : {
            ja: "電子署名はありますが、確認できませんでした",
            en: "The mail is signed, but the signature could not be checked",
          },
      action: checkInClient(outlook),
    });
  }
  return undefined;
}
