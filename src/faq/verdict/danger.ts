/** The dangers, ranked first: a sender or Reply-To mismatch, an invalid signature, a revoked or expired certificate, damaged input. */
import type { LocalizedText } from "../../engine";
import { reasonText, revokedAbove } from "../revocation";
import { localDay } from "../time";
import type { MessageVerdict } from "./types";
import {
  CHECK_ELSEWHERE,
  type Ctx,
  any,
  firstSentence,
  has,
  make,
  num,
  outerSigners,
  short,
  str,
  strs,
  unreadableCms,
} from "./common";
import { localizedMessage } from "../time";

/** 1. Sender mismatch: the From address is not the signer's. A message sent on behalf is milder. */
export function senderMismatchVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const signerEmails = [...new Set(outerSigners(d).flatMap((s) => s.emails))];
  const sm = has(d, "SENDER_MISMATCH");
  if (sm && signed) {
    const reason = str(sm.detail["reason"]);
    const from = str(sm.detail["from"]) ?? d.headers?.from?.join(", ") ?? "?";
    const certs = strs(sm.detail["signerEmails"]);
    const certList = short(certs.length > 0 ? certs.join(", ") : signerEmails.join(", ") || "—");
    if (reason === "sender-differs") {
      const sender = str(sm.detail["sender"]) ?? "?";
      // one address in the headline (two lines at 320 px), the other in the what-to-do line
      return make({
        level: "caution",
        code: "SENDER_ON_BEHALF",
        kind: "signed-warn",
        finding: "SENDER_MISMATCH",
        headline: {
          ja: `${short(sender, 30)} が差出人に代わって送信しています`,
          en: `Sent by ${short(sender, 30)} on the sender's behalf`,
        },
        action: {
          ja: `差出人（${short(from)}）からの代理送信に心当たりがない場合は、別の方法で差出人に確認してください。`,
          en: `If you do not expect mail sent for ${short(from)}, check with the sender by another channel.`,
        },
      });
    }
    if (reason === "address-in-display-name") {
      const hidden = str(sm.detail["displayNameAddress"]) ?? "?";
      return make({
        level: "danger",
        code: "SENDER_MISMATCH",
        kind: "signed-warn",
        finding: "SENDER_MISMATCH",
        headline: {
          ja: "差出人の表示名と実際のアドレスが違います",
          en: "The sender's name shows another address",
        },
        action: {
          ja: `実際の差出人は ${short(from)} のため、表示名にある ${short(hidden)} を信用せず、リンクや添付ファイルを開かないでください。`,
          en: `The real sender is ${short(from)}: do not trust ${short(hidden)} in the name, and do not open its links or attachments.`,
        },
      });
    }
    // the From address in the headline; the signer's address in the what-to-do line (never the From
    // header's name as the one who signed: a spoof quotes the victim's name). No From, or several: there
    // is no one address to name ("差出人 ? は…" before)
    const headline: LocalizedText =
      reason === "from-missing" || reason === "from-empty"
        ? {
            ja: "差出人（From）がないため、署名者と同じ人か確認できません",
            en: "The mail has no sender (From) to match the signer against",
          }
        : reason === "from-multiple-headers" || reason === "from-multiple-mailboxes"
          ? {
              ja: "差出人（From）が複数あり、署名者と同じ人か確認できません",
              en: "Several senders (From): none can be matched to the signer",
            }
          : {
              ja: `差出人 ${short(from, 30)} は署名者と一致しません`,
              en: `Sender ${short(from, 30)} is not the signer`,
            };
    return make({
      level: "danger",
      code: "SENDER_MISMATCH",
      kind: "signed-warn",
      finding: "SENDER_MISMATCH",
      headline,
      action: {
        ja: `リンクや添付ファイルを開かず、署名者（${certList}）に電話など別の方法で確認してください。`,
        en: `Do not open its links or attachments; ask the signer (${certList}) by another channel, such as a phone call.`,
      },
    });
  }
  return undefined;
}

/** 2. Reply-To names an address the signer does not. */
export function replyToVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const rt = has(d, "REPLY_TO_MISMATCH");
  if (rt && signed) {
    const to = str(rt.detail["replyTo"]) ?? "?";
    return make({
      level: "danger",
      code: "REPLY_TO_MISMATCH",
      kind: "signed-warn",
      finding: "REPLY_TO_MISMATCH",
      headline: {
        ja: `返信先が署名者とは別のアドレスです（${short(to, 30)}）`,
        en: `Replies go to another address: ${short(to, 30)}`,
      },
      action: {
        ja: "返信する前に宛先を確認し、署名者のアドレス（差出人）に送ってください。",
        en: "Before you reply, check the recipient and send to the signer's own address.",
      },
    });
  }
  return undefined;
}

/** 3. Invalid signature: a footer added on the way (by a mailing list or a server), or really changed. */
export function invalidSignatureVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  if (signed && d.signature === "invalid") {
    const appended = any(d, "CONTENT_APPENDED");
    if (appended) {
      const lines = num(appended.detail["addedLines"]);
      const listId = str(any(d, "MAILING_LIST")?.detail["listId"]);
      const what: LocalizedText =
        lines !== undefined
          ? { ja: ` ${lines} 行`, en: `${lines} line${lines === 1 ? "" : "s"}` }
          : { ja: "文章", en: "text" };
      if (listId) {
        return make({
          level: "caution",
          code: "TAMPERED_LIST_FOOTER",
          kind: "broken",
          finding: "CONTENT_APPENDED",
          // the list's name in the what-to-do line: the headline keeps to two lines at 320 px
          headline: {
            ja: `電子署名は無効です：メーリングリストが末尾に${what.ja}を追加しています`,
            en: `Signature invalid: a mailing list added ${what.en}`,
          },
          action: {
            ja: `メーリングリスト ${short(listId, 40)} が末尾に追加した部分は、差出人の文章として扱わないでください。それより前は署名どおりです。`,
            en: `Do not treat the text the list ${short(listId, 40)} added at the end as the sender's; everything before it is as signed.`,
          },
        });
      }
      return make({
        level: "caution",
        code: "TAMPERED_FOOTER",
        kind: "broken",
        finding: "CONTENT_APPENDED",
        headline: {
          ja: `電子署名は無効です：署名後に末尾へ${what.ja}が追加されています`,
          en: `Signature invalid: ${what.en} added after signing`,
        },
        action: {
          ja: "追加された部分より前は署名どおりです。繰り返し起きる場合はメール管理者に連絡してください。",
          en: "Everything before the added part is as signed. If this keeps happening, tell your mail administrator.",
        },
      });
    }
    // "changed after signing" only where the check says so: no signer at all, or signed attributes that
    // are missing or malformed, say nothing about the mail having been changed
    // across every signer and layer: any sign of a change wins over a malformed signature
    const reasons = d.findings
      .filter((f) => f.code === "SIGNATURE_INVALID")
      .map((f) => str(f.detail["reason"]));
    const structural = new Set([
      "signed-attributes-invalid",
      "content-type-missing",
      "content-type-mismatch",
      "message-digest-missing",
    ]);
    const why =
      reasons.length > 0 && reasons.every((r) => r === "no-signers")
        ? "no-signers"
        : reasons.length > 0 &&
            reasons.every((r) => r === "no-signers" || (r !== undefined && structural.has(r)))
          ? "structural"
          : "changed";
    return make({
      level: "danger",
      code: "SIGNATURE_INVALID",
      kind: "broken",
      finding: "SIGNATURE_INVALID",
      headline:
        why === "no-signers"
          ? {
              ja: "電子署名は無効です：署名者が 1 人も含まれていません",
              en: "Signature invalid: it names no signer",
            }
          : why === "structural"
            ? {
                ja: "電子署名は無効です：署名データの形式が規格に合っていません",
                en: "Signature invalid: its data does not follow the standard",
              }
            : {
                ja: "電子署名は無効です：署名の後でメールが改ざんされています",
                en: "Signature invalid: the mail was changed after it was signed",
              },
      action: CHECK_ELSEWHERE,
    });
  }
  return undefined;
}

/** 4. Revoked: when (local day) and whether before signing in the headline, the reason in the action. */
export function revokedVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const revoked = has(d, "CERT_REVOKED");
  if (revoked && signed) {
    const when = str(revoked.detail["revocationTime"]);
    const signing = str(revoked.detail["signingTime"]);
    const compromise = revoked.detail["compromise"] === true;
    const before = when !== undefined && signing !== undefined && Date.parse(when) <= Date.parse(signing);
    const day: LocalizedText = when
      ? { ja: `（${localDay(when, "ja")}）`, en: ` (${localDay(when, "en")})` }
      : { ja: "", en: "" };
    const reason = reasonText(str(revoked.detail["reason"]));
    // a CA above the signer's own certificate was revoked: say so, not "the signer's certificate"
    const above = revokedAbove(revoked, d.signers);
    return make({
      level: "danger",
      code: "CERT_REVOKED",
      kind: "signed-warn",
      finding: revoked.code,
      headline: above
        ? {
            ja: `署名者の電子証明書の発行元（${short(above, 24)}）が失効しています${day.ja}`,
            en: `The issuer of the signer's certificate (${short(above, 24)}) was revoked${day.en}`,
          }
        : compromise
          ? {
              ja: `署名者の電子証明書は鍵の漏えいで失効しています${day.ja}`,
              en: `The signer's certificate was revoked: its key was compromised${day.en}`,
            }
          : before
            ? {
                ja: `署名者の電子証明書は署名より前に失効しています${day.ja}`,
                en: `The signer's certificate was revoked before signing${day.en}`,
              }
            : {
                ja: `署名者の電子証明書は失効しています${day.ja}`,
                en: `The signer's certificate has been revoked${day.en}`,
              },
      action: reason
        ? {
            ja: `この電子署名は信頼せず（失効理由：${reason.ja}）、電話など別の方法で差出人に確認してください。`,
            en: `Do not rely on this signature (revoked: ${reason.en}); check with the sender by another channel, such as a phone call.`,
          }
        : {
            ja: "この電子署名は信頼せず、電話など別の方法で差出人に確認してください。",
            en: "Do not rely on this signature; check with the sender by another channel, such as a phone call.",
          },
    });
  }
  return undefined;
}

/** 5. The certificate was expired or not yet valid when the message was signed. */
export function invalidAtSigningVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const expired = has(d, "CERT_EXPIRED") ?? has(d, "CERT_NOT_YET_VALID");
  if (expired && signed) {
    const when = str(expired.detail["signingTime"]);
    const notYet = expired.code === "CERT_NOT_YET_VALID";
    return make({
      level: "danger",
      code: "CERT_INVALID_AT_SIGNING",
      kind: "signed-warn",
      finding: expired.code,
      headline: notYet
        ? {
            ja: "署名者の電子証明書は、署名した時点でまだ有効ではありませんでした",
            en: "The signer's certificate was not yet valid at signing",
          }
        : {
            ja: `署名者の電子証明書は、署名した時点で有効期限が切れていました${when ? "" : "（署名時刻なし）"}`,
            en: `The signer's certificate had expired at signing${when ? "" : " (no signing time)"}`,
          },
      action: {
        ja: "この電子署名は信頼できません。有効な電子証明書で送り直してもらうよう差出人に依頼してください。",
        en: "Do not rely on this signature; ask the sender to send it again with a valid certificate.",
      },
    });
  }
  return undefined;
}

/** A damaged Outlook file (.msg): the user's own saved copy, so the fix is to save it again, not a resend. */
const MSG_SAVE_AGAIN: LocalizedText = {
  ja: "Outlook でこのメールをもう一度保存して（「ファイル」›「名前を付けて保存」）、そのファイルを開いてください。",
  en: "Save the message from Outlook again (File › Save As) and open that file.",
};

/** Malformed input: not a message we could read (or a damaged CMS): before "unsigned". */
export function malformedVerdict({ d, signed }: Ctx): MessageVerdict | undefined {
  const errors = d.findings.filter(
    (f) => (f.code === "MALFORMED_MIME" || f.code === "MALFORMED_CMS") && f.severity === "error",
  );
  // the MIME parser's structure report comes first; a more specific one (not a message at all, layers
  // too deep, a multipart/signed without its parts…) says more
  const malformed = errors.find((f) => f.detail.problem !== "structure") ?? errors[0];
  const structure = malformed?.code === "MALFORMED_MIME" && malformed.detail.problem === "structure";
  // S/MIME data that could not be read at all (not a cap, not one unreadable date)
  const unreadable = unreadableCms(d);
  // meant to be encrypted, but no EnvelopedData was read: it cannot be decrypted either, whatever else
  // is wrong with the message (not "it opens in your mail program")
  const encryptedDamaged = d.kind === "encrypted" && !any(d, "ENCRYPTED") && unreadable !== undefined;
  if (!malformed || !(d.kind === "none" || (signed && d.signature !== "valid") || encryptedDamaged))
    return undefined;
  // an Outlook file cut short or unreadable explains the rest (a signature cut with it, a lost attachment)
  const msg = d.findings.find(
    (f) =>
      f.code === "MALFORMED_MIME" &&
      (f.detail.problem === "msg-cut" ||
        (f.detail.problem === "msg-unreadable" && f.detail.notOutlook !== true)),
  );
  const cut = msg?.detail.problem === "msg-cut";
  let headline: LocalizedText;
  if (encryptedDamaged)
    headline = cut
      ? {
          ja: "Outlook のファイル（.msg）が途中で切れているため、暗号化されたメールを開けません",
          en: "The Outlook file (.msg) is cut short, so the encrypted mail cannot be opened",
        }
      : {
          ja: "暗号化されたメールのデータが壊れているため、開けません",
          en: "The encrypted mail is damaged and cannot be opened",
        };
  else if (d.kind !== "none")
    headline = cut
      ? {
          ja: "Outlook のファイル（.msg）が途中で切れているため、電子署名を確認できません",
          en: "The Outlook file (.msg) is cut short, so the signature cannot be checked",
        }
      : structure
        ? {
            ja: "メールの構造が壊れているため、電子署名を確認できません",
            en: "The mail's structure is damaged, so the signature cannot be checked",
          }
        : {
            ja: "メールの形式が壊れているため、確認できません",
            en: "The mail is damaged and cannot be checked",
          };
  else if (msg)
    // short in both languages: the finding's own first sentence carries the reader's technical reason
    headline = cut
      ? {
          ja: "この Outlook のファイル（.msg）は途中で切れています",
          en: "This Outlook file (.msg) is cut short",
        }
      : { ja: "Outlook のファイル（.msg）を読み取れません", en: "The Outlook file (.msg) cannot be read" };
  else if (structure)
    // damage inside the MIME structure: where it is and the parser's words are for the help desk (the
    // finding), not for the headline
    headline = { ja: "メールの構造が壊れています", en: "The mail's structure is damaged" };
  else
    // what the file is (not a message at all…): the finding's first sentence says it
    headline = {
      ja: firstSentence(localizedMessage(malformed).ja),
      en: firstSentence(localizedMessage(malformed).en),
    };
  return make({
    level: "danger",
    code: "MALFORMED",
    kind: "malformed",
    finding: encryptedDamaged && unreadable ? unreadable.code : malformed.code,
    headline,
    action: msg
      ? MSG_SAVE_AGAIN
      : encryptedDamaged
        ? { ja: "差出人にもう一度送ってもらってください。", en: "Ask the sender to send it again." }
        : {
            ja: "内容をうのみにせず、必要なら差出人に送り直してもらってください。",
            en: "Do not rely on its content; ask the sender to send it again if you need it.",
          },
  });
}
