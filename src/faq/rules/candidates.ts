/** All fitting candidates for a message: which rules apply, in what combination. */
import type { Diagnosis } from "../../engine";
import type { Host } from "../types";
import { type Candidate, P, first, has, isP7sAttachment } from "./common";
import {
  encryptedCandidates,
  listContext,
  mojibakeCandidates,
  p7sHostNote,
  tamperedContext,
} from "./content";
import {
  backgroundCandidates,
  expiredCandidates,
  registerCandidates,
  untrustedCandidates,
} from "./certificates";
import { mismatchCandidates, unsignedCandidates } from "./sender";
import { localizedMessage } from "../time";
import { unreadableCms } from "../verdict/common";

export function candidates(d: Diagnosis, host: Host): Candidate[] {
  const out: Candidate[] = [];
  out.push(...mismatchCandidates(d));

  // Tampering: a signature that no longer matches, or text appended after signing; on a mailing list,
  // also a signature that covers only part of the message (the list added a footer part).
  const list = first(d, "MAILING_LIST");
  const listAffected = list !== undefined && list.detail["signatureAffected"] === true;
  if (
    has(d, "SIGNATURE_INVALID") ||
    has(d, "CONTENT_APPENDED") ||
    (listAffected && has(d, "PARTIALLY_SIGNED"))
  ) {
    const c: Candidate = {
      id: "tampered-warning",
      priority: P.tampered,
      why: {
        en: "The signature does not match the message as it arrived, which is why mail programs warn that it has been tampered with.",
        ja: "届いたメールが電子署名と一致しないため、メールソフトが「改ざんされています」と警告します。",
      },
    };
    const ctx = listAffected ? listContext(d, tamperedContext(d)) : tamperedContext(d);
    if (ctx) c.context = ctx;
    out.push(c);
  }

  // OpenPGP: not an S/MIME problem; a client that supports OpenPGP can check it.
  if (has(d, "OPENPGP")) {
    out.push({
      id: "smime-capable-software",
      priority: P.openPgp,
      why: {
        en: "This message is protected with OpenPGP, not S/MIME, so there is no S/MIME problem to fix. To check it, use a mail program that supports OpenPGP, such as Thunderbird (which also handles S/MIME).",
        ja: "このメールは S/MIME ではなく OpenPGP で保護されているため、S/MIME として直すべき問題はありません。確認するには、Thunderbird など OpenPGP に対応したメールソフトを使ってください（Thunderbird は S/MIME にも対応しています）。",
      },
    });
  }

  // smime.p7s as an attachment: separated from its content, or a client without S/MIME.
  const orphan = first(d, "ORPHAN_SIGNATURE");
  if (orphan || d.kind === "orphan-signature" || isP7sAttachment(d)) {
    const c: Candidate = {
      id: "smime-p7s-attachment",
      priority: P.orphan,
      why: {
        en: "The signature of this message appears as an attachment (smime.p7s) instead of being checked.",
        ja: "このメールの電子署名が、検証されずに添付ファイル（smime.p7s）として表示されています。",
      },
    };
    if (orphan) c.context = orphan.message;
    const note = p7sHostNote(host);
    if (note) c.hostNote = note;
    out.push(c);
    out.push({
      id: "smime-capable-software",
      priority: P.capable,
      why: {
        en: "Mail programs that can check the signature.",
        ja: "電子署名を検証できるメールソフトの一覧です。",
      },
    });
  }

  if (has(d, "SIGNER_CERTIFICATE_MISSING")) {
    out.push({
      id: "signature-not-received",
      priority: P.certMissing,
      why: {
        en: "The sender’s certificate is not in this message, so it cannot be checked or registered. Pass this entry on to the sender.",
        ja: "このメールには差出人の電子証明書が含まれていないため、検証も登録もできません。この項目を差出人にお伝えください。",
      },
      context: {
        en: "In the same security settings, the sender should also tick “Send these certificates with signed messages” (Outlook: Change Settings in E-mail Security).",
        ja: "差出人は、同じセキュリティ設定の「署名されたメッセージと一緒にこれらの証明書を送信する」にも✔が付いているか確認してください（Outlook の場合：「電子メールのセキュリティ」の「設定」）。",
      },
    });
  }

  out.push(...mojibakeCandidates(d, host));
  out.push(...encryptedCandidates(d));

  // Opaque-signed: clients without S/MIME show an empty body and an smime.p7m attachment. Not when its data
  // cannot be read (cut short): whether it is signed at all is then unknown, and no client would open it.
  const unreadable = unreadableCms(d) !== undefined;
  if (
    d.kind === "opaque-signed" &&
    !unreadable &&
    host.client !== "outlook-classic" &&
    host.client !== "outlook-mac"
  ) {
    out.push({
      id: "empty-body",
      priority: P.emptyBodyOpaque,
      why: {
        en: "This message is signed in the “opaque” format: mail programs without S/MIME show an empty body with an smime.p7m attachment.",
        ja: "このメールは本文ごと署名データに包まれた形式（opaque）で電子署名されています。S/MIME に対応していないメールソフトでは、本文が空で smime.p7m が添付されたように表示されます。",
      },
    });
    out.push({
      id: "smime-capable-software",
      priority: P.capableOpaque,
      why: {
        en: "Mail programs that can open and check it.",
        ja: "このメールを開いて電子署名を検証できるメールソフトの一覧です。",
      },
    });
  }

  out.push(...expiredCandidates(d));
  out.push(...untrustedCandidates(d));

  const pdf = first(d, "SIGNED_PDF_ATTACHMENT");
  if (pdf) {
    out.push({
      id: "adobe-pdf-signature-error",
      priority: P.adobe,
      why: {
        en: "An attached PDF is digitally signed; Adobe may report a problem with the signature until its trust settings are changed.",
        ja: "添付の PDF に電子署名があります。Adobe の信頼設定を変更するまで、電子署名に問題があると表示されることがあります。",
      },
      context: localizedMessage(pdf),
    });
  }

  out.push(...registerCandidates(d, host));
  out.push(...unsignedCandidates(d));
  out.push(...backgroundCandidates(d));

  return out;
}
