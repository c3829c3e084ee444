/**
 * The one en/ja message catalogue: (code, detail) → message. A finding site passes its code and detail;
 * the words are made here, from the detail alone. Codes not yet catalogued still pass their message with
 * the detail (see ./index.ts).
 */
import { MAX_NAME_IN_MESSAGE, MAX_RECIPIENTS, cutString } from "../limits";
import type { LocalizedText } from "../types";
import { charsetDisplayName, shortCharsetName } from "./charsetNames";
import { CERTIFICATE_MESSAGES } from "./certificateMessages";
import type { CataloguedCode, FindingDetails } from "./details";
import { MAIL_MESSAGES } from "./mailMessages";
import { REVOCATION_MESSAGES } from "./revocationMessages";
import { CMS_MESSAGES } from "./cmsMessages";
import { P12_MESSAGES } from "./pkcs12Messages";
import { STRUCTURE_MESSAGES } from "./structureMessages";
import { SIGNATURE_MESSAGES } from "./signatureMessages";
import { type Render, type Renderings, plural } from "./render";

const CATALOGUE: Renderings<CataloguedCode> = {
  ...CERTIFICATE_MESSAGES,
  ...SIGNATURE_MESSAGES,
  ...MAIL_MESSAGES,
  ...REVOCATION_MESSAGES,
  ...STRUCTURE_MESSAGES,
  ...CMS_MESSAGES,
  ...P12_MESSAGES,
  ORPHAN_SIGNATURE: (d) =>
    d.part === "(input)"
      ? {
          en: "This is a detached signature on its own (what an smime.p7s attachment holds): the content it signs is not part of it, so it cannot be checked.",
          ja: "これは電子署名だけのデータ（smime.p7s の中身）で、署名対象の本文が含まれていないため、検証できません。",
        }
      : d.source === "office-attachments"
        ? {
            en:
              `The signature (${d.filename}) shows as an ordinary attachment, separated from the content it signs, so it cannot ` +
              `be checked. This happens when a mail program or web mail without S/MIME support, or a server on the way, ` +
              `restructured the message.`,
            ja:
              `電子署名（${d.filename}）が、署名対象の本文から切り離された普通の添付ファイルとして表示されています。このままでは検証できません。` +
              `S/MIME に対応していないメールソフトや Web メール、途中のサーバーがメールを組み替えたときに起こります。`,
          }
        : {
            en: `The signature (${d.filename}) arrived as an ordinary attachment, separated from the content it signs, so no mail program can check it. This happens when a mail program or web mail without S/MIME support, or a server on the way, restructured the message.`,
            ja: `電子署名（${d.filename}）が、署名対象の本文から切り離された普通の添付ファイルとして届いています。このままではどのメールソフトでも検証できません。S/MIME に対応していないメールソフトや Web メール、途中のサーバーがメールを組み替えたときに起こります。`,
          },

  ENCRYPTED: (d) => {
    if ("partial" in d) {
      return d.guessed
        ? {
            en:
              "The message is protected with S/MIME: most likely encrypted (it could also be signed with the content " +
              "inside the signature; Outlook's message type does not say which). Only a recipient's private key can open it.",
            ja:
              "このメールは S/MIME で保護されています。暗号化されている可能性が高いです（本文を電子署名の中に含める形式の電子署名" +
              "の場合もあり、Outlook が示すアイテムの種類からはどちらか判別できません）。開けるのは受信者の秘密鍵だけです。",
          }
        : {
            en: "The message is encrypted with S/MIME. Only a recipient's private key can open it; its content, and any signature inside, cannot be checked here.",
            ja: "このメールは S/MIME で暗号化されています。開けるのは受信者の秘密鍵だけで、本文や内側の電子署名はここでは確認できません。",
          };
    }
    const n = d.recipientCount;
    const alg = d.contentEncryptionAlgorithm;
    const listed =
      n > d.recipients.length
        ? {
            en: ` Only the first ${MAX_RECIPIENTS} recipients are listed.`,
            ja: `受信者は最初の ${MAX_RECIPIENTS} 人だけを表示しています。`,
          }
        : { en: "", ja: "" };
    return d.layer === 0
      ? {
          en: `The message is encrypted (${alg}) for ${plural(n, "recipient")}. Only a recipient's private key can open it; its content, and any signature inside, cannot be checked here.${listed.en}`,
          ja: `このメールは暗号化されています（${alg}、受信者 ${n} 人）。開けるのは受信者の秘密鍵だけで、本文や内側の電子署名はここでは確認できません。${listed.ja}`,
        }
      : {
          en: `Inside the signature, the content is encrypted (${alg}) for ${plural(n, "recipient")}: the signature vouches only for the encrypted data.${listed.en}`,
          ja: `電子署名の内側の本文が暗号化されています（${alg}、受信者 ${n} 人）。電子署名が保証しているのは暗号化されたデータだけです。${listed.ja}`,
        };
  },

  CERTS_ONLY: (d) => {
    if ("partial" in d) {
      return {
        en: "This is a certificate bundle, not a signed message.",
        ja: "これは電子署名付きメールではなく、電子証明書だけをまとめたものです。",
      };
    }
    const n = d.certificates.length;
    const names = d.certificates
      .map((c) => cutString(c.commonName || c.subject, MAX_NAME_IN_MESSAGE))
      .join(", ");
    if (n === 0)
      return {
        en: "This is a certificate bundle, not a signed message, but none of its certificates could be read.",
        ja: "これは電子署名付きメールではなく、電子証明書だけをまとめたものですが、読み取れる電子証明書はありませんでした。",
      };
    return {
      en: `This is a certificate bundle (${plural(n, "certificate")}${names ? `: ${names}` : ""}), not a signed message.`,
      ja: `これは電子署名付きメールではなく、電子証明書だけをまとめたものです（${n} 件${names ? `：${names}` : ""}）。`,
    };
  },

  CHARSET_MISMATCH: (d) => {
    if ("heuristic" in d) {
      const detected = shortCharsetName(d.detected);
      const declared = shortCharsetName(d.declared);
      return {
        en:
          `The text appears garbled: it looks like ${detected} text read as ${declared}. ` +
          `Outlook decoded it before the add-in could see the original bytes, so this is an informed guess.`,
        ja:
          `本文が文字化けしているようです。${detected} で書かれた文字を ${declared} として読んだときの` +
          `崩れ方をしています。アドインは Outlook が変換した後の本文しか受け取れないため、これは推定です。`,
      };
    }
    const dd = charsetDisplayName(d.declared);
    const dn = charsetDisplayName(d.detected);
    return {
      en:
        `The text says it is ${dd.en}, but it is actually written in ${dn.en}; that is why it shows as ` +
        `garbled characters (mojibake). It is shown decoded as ${dn.en} here.`,
      ja:
        `本文は ${dd.ja} と宣言されていますが、実際には ${dn.ja} で書かれています。そのため文字化けしています。` +
        `ここでは ${dn.ja} として読み直した本文を表示しています。`,
    };
  },

  // Adobe's trust settings for JCAN signatures are the FAQ's advice: src/faq/engineAdvice.ts adobePdfNote.
  SIGNED_PDF_ATTACHMENT: (d) => ({
    en: `The attached PDF "${d.filename}" carries a digital signature${d.signers.length ? ` by ${d.signers.join(", ")}` : ""}.`,
    ja: `添付の PDF「${d.filename}」には電子署名${d.signers.length ? `（署名者：${d.signers.join("、")}）` : ""}があります。`,
  }),

  SIGNING_TIME_MISMATCH: (d) => {
    const after = Date.parse(d.signingTime) - Date.parse(d.date ?? "") > 0;
    return {
      en: `The signature was made at ${d.signingTime}, ${d.differenceHours} hours ${after ? "after" : "before"} the message's Date header (${d.date}). A clock set wrong, or a message re-sent later, can cause this; so can a replayed signature.`,
      ja: `署名時刻（${d.signingTime}）が、メールの日付ヘッダー（${d.date}）より ${d.differenceHours} 時間${after ? "後" : "前"}です。パソコンの時計のずれや後日の再送でも起こりますが、署名が使い回された可能性もあります。`,
    };
  },

  OPENPGP: (d) => {
    const signed = d.forms.some((f) => f.endsWith("signed"));
    const encrypted = d.forms.some((f) => f.endsWith("encrypted"));
    const whatEn = signed && encrypted ? "signed and encrypted" : encrypted ? "encrypted" : "signed";
    const whatJa = signed && encrypted ? "署名・暗号化" : encrypted ? "暗号化" : "署名";
    return {
      en: `This message is ${whatEn} with OpenPGP, which S/MIME Assistant does not check. That is not an S/MIME problem: to check it, open the message in a mail program that supports OpenPGP, such as Thunderbird.`,
      ja: `このメールは OpenPGP で${whatJa}されています。S/MIME アシスタントは OpenPGP を確認しませんが、S/MIME に問題があるわけではありません。確認するには、Thunderbird など OpenPGP に対応したメールソフトでメールを開いてください。`,
    };
  },

  MAILING_LIST: (d) => {
    const where = d.address ?? d.sender;
    const ids = `${d.listId}${where ? `, ${where}` : ""}`;
    const idsJa = `${d.listId}${where ? `、${where}` : ""}`;
    let en = `This message was relayed by the mailing list ${d.name ? `“${d.name}” (${ids})` : ids}.`;
    let ja = `このメールはメーリングリスト${d.name ? `「${d.name}」（${idsJa}）` : ` ${idsJa} `}を経由して届いています。`;
    if (d.sender) {
      en += ` The Sender ${d.sender} is the list's own address, not a different sender.`;
      ja += `Sender ヘッダーの ${d.sender} はメーリングリスト自身のアドレスで、別人が送ったことを示すものではありません。`;
    }
    if (d.signatureAffected) {
      en +=
        " Mailing lists often add a footer or rewrite the subject or body of the messages they relay, which breaks the author's signature or leaves part of the message unsigned: that, rather than tampering by a third party, is the likely cause here.";
      ja +=
        "メーリングリストは、配信するメールにフッターを追加したり、件名や本文を書き換えたりすることがよくあります。そのため差出人の電子署名が一致しなくなったり、一部が署名の対象外になったりします。このメールも、第三者による改ざんではなく、これが原因である可能性が高いと考えられます。";
    }
    return { en, ja };
  },

  REPLY_TO_MISMATCH: (d) => {
    const other = d.replyTo;
    const certList = d.signerEmails.length > 0 ? d.signerEmails.join(", ") : "-";
    return d.signerEmails.length > 0
      ? {
          en: `Replies to this message would go to ${other}, an address the signer certificate does not name (it names ${certList}). The signature vouches for who sent the message, not for where your reply goes: check the address before you reply.`,
          ja: `このメールに返信すると、署名者の電子証明書に記載されていないアドレス ${other} に送られます（電子証明書のアドレスは ${certList} です）。電子署名が保証するのは差出人であり、返信先ではありません。返信する前に宛先を確認してください。`,
        }
      : {
          en: `Replies to this message would go to ${other}, but the signer certificate names no email address, so the signature cannot vouch for that address. Check it before you reply.`,
          ja: `このメールに返信すると ${other} に送られますが、署名者の電子証明書にはメールアドレスが記載されていないため、電子署名ではこのアドレスを確認できません。返信する前に宛先を確認してください。`,
        };
  },

  CHARSET_UNDECLARED: (d) => {
    const dn = charsetDisplayName(d.detected);
    return {
      en:
        `This text part does not say which character set it uses (no charset parameter). ` +
        `It looks like ${dn.en} and is shown decoded as such here; other mail programs may show it garbled.`,
      ja:
        `本文の文字コード（charset）が指定されていません。内容から ${dn.ja} と判断して表示しています。` +
        `受信した人のメールソフトによっては文字化けすることがあります。`,
    };
  },

  INTERNAL_ERROR: (d) => ({
    en: `S/MIME Assistant itself failed while checking this message (${d.where}: ${d.error}). This is a bug in the tool, not a problem of the message; the result below may be incomplete.`,
    ja: `S/MIME Assistant 自体の不具合により、このメールの確認中にエラーが発生しました。メールの問題ではありません。以下の結果は不完全な可能性があります。技術的な詳細：${d.where}：${d.error}`,
  }),
};

export function isCatalogued(code: string): code is CataloguedCode {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

/** The message of a catalogued finding, from its code and detail. */
export function renderMessage<C extends CataloguedCode>(code: C, detail: FindingDetails[C]): LocalizedText {
  return (CATALOGUE[code] as Render<C>)(detail);
}
