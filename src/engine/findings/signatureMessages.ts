/**
 * The catalogue's words for the signature itself (cms/): valid, invalid and why, the signer's certificate
 * missing, a footer appended after signing, several signers, weak digests. The signer is named by the
 * detail's `name` (absent: an unknown signer).
 */
import type { Renderings } from "./render";

type SignatureCode =
  | "SIGNATURE_VALID"
  | "SIGNATURE_INVALID"
  | "SIGNER_CERTIFICATE_MISSING"
  | "CONTENT_APPENDED"
  | "MULTIPLE_SIGNERS"
  | "WEAK_DIGEST";

const en = (name: string | null | undefined): string => name ?? "an unknown signer";
const ja = (name: string | null | undefined): string => name ?? "不明な署名者";

export const SIGNATURE_MESSAGES: Renderings<SignatureCode> = {
  SIGNATURE_VALID: (d) =>
    d.names.length === 1
      ? {
          en: `The signature of ${en(d.names[0])} is valid: the message has not been changed since it was signed.`,
          ja: `${ja(d.names[0])} の電子署名は有効で、署名されてから改ざんされていません。`,
        }
      : {
          en: `All ${d.names.length} signatures are valid (${d.names.map(en).join("; ")}): the message has not been changed since it was signed.`,
          ja: `${d.names.length} 件の電子署名（${d.names.map(ja).join("、")}）はすべて有効で、署名されてから改ざんされていません。`,
        },

  SIGNATURE_INVALID: (d) => {
    const n = en(d.name);
    const nj = ja(d.name);
    switch (d.reason) {
      case "no-signers":
        return {
          en: "The signature contains no signer at all, so nothing vouches for this message.",
          ja: "電子署名のデータに署名者が 1 人も含まれていないため、このメールを保証するものはありません。",
        };
      case "embedded-content":
        return d.sameAsShown
          ? {
              en: "The detached signature unexpectedly carries its own copy of the content. A signature that embeds content must not be trusted for the message shown beside it.",
              ja: "分離署名の中に、本来含まれないはずの本文が埋め込まれています。このような電子署名は、表示されているメールの保証として信頼できません。",
            }
          : {
              en: "The signature carries its own, different content: it vouches for that hidden content, not for the message you see. Treat this message as forged.",
              ja: "電子署名の中に、表示されている本文とは別の本文が埋め込まれています。電子署名が保証しているのはその隠れた本文で、表示されている内容ではありません。偽装されたメールとして扱ってください。",
            };
      case "signed-attributes-invalid": {
        const first = d.attributeProblems?.[0];
        const attr = first?.attribute ?? "";
        const what = `${attr} attribute ${first?.problem === "repeated" ? "appears more than once" : `has ${first?.values ?? 0} values`}`;
        const whatJa = `${attr} 属性が${first?.problem === "repeated" ? "複数あります" : ` ${first?.values ?? 0} 個の値を持っています`}`;
        return {
          en: `The signature of ${n} is not valid: its ${what}, which the standard forbids (a signature must vouch for exactly one content).`,
          ja: `${nj} の電子署名は無効です。${whatJa}。規格では認められていません（1 つの電子署名が保証する内容は 1 つでなければなりません）。`,
        };
      }
      case "content-type-missing":
        return {
          en: `The signature of ${n} lacks the required content-type attribute, so it cannot be valid.`,
          ja: `${nj} の電子署名には必須の content-type 属性がないため、有効な電子署名ではありません。`,
        };
      case "content-type-mismatch":
        return {
          en: `The signature of ${n} was made for another kind of content (${d.signedContentType ?? ""}) than the message carries (${d.eContentType ?? ""}).`,
          ja: `${nj} の電子署名は、このメールとは別の種類の内容（${d.signedContentType ?? ""}）に対するものです。`,
        };
      case "message-digest-missing":
        return {
          en: `The signature of ${n} lacks the message-digest attribute, so it does not vouch for any content.`,
          ja: `${nj} の電子署名には message-digest 属性がないため、どの内容も保証していません。`,
        };
      case "message-digest-mismatch":
        return {
          en: `The message was changed after ${n} signed it: its content no longer matches the signature.`,
          ja: `${nj} が署名した後に、メールの内容が改ざんされています。内容が電子署名と一致しません。`,
        };
      default:
        return {
          en: `The signature of ${n} does not match: the signed data or the signature was altered, or the signature was not made with this certificate's key.`,
          ja: `${nj} の電子署名が一致しません。署名されたデータか電子署名そのものが改ざんされたか、この電子証明書の鍵で作られた電子署名ではありません。`,
        };
    }
  },

  SIGNER_CERTIFICATE_MISSING: (d) => {
    const idEn =
      d.subjectKeyIdentifier !== undefined
        ? `key id ${d.subjectKeyIdentifier}`
        : `issued by ${d.issuer ?? ""}, serial ${d.serialNumber ?? ""}`;
    const idJa =
      d.subjectKeyIdentifier !== undefined
        ? `鍵識別子 ${d.subjectKeyIdentifier}`
        : `発行者 ${d.issuer ?? ""}、シリアル番号 ${d.serialNumber ?? ""}`;
    return {
      en: `The certificate of the signer (${idEn}) is not included in the message, so the signature cannot be checked. Ask the sender to send a signed message that includes the certificate.`,
      ja: `署名者の電子証明書（${idJa}）がメールに含まれていないため、電子署名を確認できません。電子証明書を含めて署名したメールを送ってもらうよう、差出人に依頼してください。`,
    };
  },

  CONTENT_APPENDED: (d) => {
    const preview = d.appendedPreview.length > 80 ? `${d.appendedPreview.slice(0, 80)}…` : d.appendedPreview;
    return {
      en: `${d.addedBytes} bytes (${d.addedLines} line${d.addedLines === 1 ? "" : "s"}) were added at the end of the message after ${en(d.name)} signed it — typically a disclaimer or virus-scan note appended by a mail server. ${d.signatureVerified ? "The part that was signed is intact." : "The part before it matches what was signed."} The added text begins: "${preview}"`,
      ja: `${ja(d.name)} が署名した後で、メールの末尾に ${d.addedBytes} バイト（${d.addedLines} 行）が追加されています。多くはメールサーバーが付け加える免責事項やウイルスチェックの通知です。${d.signatureVerified ? "署名された部分そのものは改ざんされていません。" : "追加部分より前は、署名された内容と一致しています。"}追加された部分の冒頭：「${preview}」`,
    };
  },

  MULTIPLE_SIGNERS: (d) => ({
    en: `This message has ${d.count} signatures: ${d.signers.map((s) => en(s.name)).join("; ")}. Each is checked separately.`,
    ja: `このメールには ${d.count} 件の電子署名があります（${d.signers.map((s) => ja(s.name)).join("、")}）。それぞれを個別に確認しています。`,
  }),

  WEAK_DIGEST: (d) => {
    const h = d.digestAlgorithm.toUpperCase();
    if (d.source === "certificate") {
      return {
        en: `The certificate of ${en(d.name)} is itself signed with ${h}, which is no longer considered secure.`,
        ja: `${ja(d.name)} の電子証明書自体が ${h} で署名されています。${h} は現在では安全とはみなされていません。`,
      };
    }
    if (d.signatureAlgorithmOnly) {
      return {
        en: `The signature of ${en(d.name)} uses ${h}, which is no longer considered secure.`,
        ja: `${ja(d.name)} の電子署名には ${h} が使われています。現在では安全とはみなされていません。`,
      };
    }
    return {
      en: `The signature of ${en(d.name)} uses ${h}, which is no longer considered secure. Current mail clients (Thunderbird, recent Outlook) may reject it; the sender should switch to SHA-256.`,
      ja: `${ja(d.name)} の電子署名には ${h} が使われています。${h} は現在では安全とはみなされず、最近のメールソフト（Thunderbird や新しい Outlook など）では電子署名が受け付けられないことがあります。差出人に SHA-256 へ切り替えてもらってください。`,
    };
  },
};
