/** Rules on the message's content: tampering and mailing-list context, the .p7s note, mojibake, encryption. */
import { jaJoin, type Diagnosis, type LocalizedText } from "../../engine";
import { charsetName, unreadableCms } from "../verdict/common";
import { encodingMenuLabel, hostName, lacksEncodingMenu, preferredClients } from "../hosts";
import type { Host } from "../types";
import { type Candidate, P, first, has, num, shorten, str } from "./common";
import { localizedMessage } from "../time";

export function tamperedContext(d: Diagnosis): LocalizedText | undefined {
  const app = first(d, "CONTENT_APPENDED");
  if (app) {
    const lines = num(app.detail["addedLines"]);
    const bytes = num(app.detail["addedBytes"]);
    const preview = str(app.detail["appendedPreview"]);
    const sizeEn =
      lines !== undefined
        ? `a footer of ${lines} line${lines === 1 ? "" : "s"}${bytes !== undefined ? ` (${bytes} bytes)` : ""}`
        : "text";
    const sizeJa =
      lines !== undefined
        ? `${lines} 行${bytes !== undefined ? `（${bytes} バイト）` : ""}のフッター`
        : "文章";
    return {
      en: `What happened here: ${sizeEn} was added at the end after the message was signed${preview ? `, beginning “${shorten(preview)}”` : ""}. That is usually done by antivirus software or a mail server (a disclaimer or a virus-scan note), which is why your mail program reports tampering. The part that was signed matches the signature. Ask your mail administrator to stop adding text to signed messages.`,
      ja: `このメールでは、署名の後で末尾に${sizeJa}が追加されています${preview ? `（冒頭：「${shorten(preview)}」）` : ""}。多くはウイルス対策ソフトやメールサーバーが付け加える免責事項・ウイルスチェックの通知で、そのためにメールソフトが「改ざん」と表示します。署名された部分そのものは電子署名と一致しています。電子署名付きメールに文章を追加しないよう、メール管理者に相談してください。`,
    };
  }
  const inv = first(d, "SIGNATURE_INVALID");
  if (inv) {
    return {
      en: `${localizedMessage(inv).en} If your mail server or antivirus software rewrites messages, ask your mail administrator; otherwise confirm the content with the sender by another channel before relying on it.`,
      ja: `${localizedMessage(inv).ja}メールサーバーやウイルス対策ソフトがメールを書き換えていないか、メール管理者に確認してください。心当たりがない場合は、内容を信用する前に、電話など別の手段で差出人に確認してください。`,
    };
  }
  return undefined;
}

/** The tampered entry's context for a mailing-list message: the list is the likely cause. */
export function listContext(d: Diagnosis, rest: LocalizedText | undefined): LocalizedText {
  const list = first(d, "MAILING_LIST");
  const id = str(list?.detail["listId"]) ?? "";
  const lead: LocalizedText = {
    en: `This message came through the mailing list ${id}. Lists often add a footer or rewrite the subject or body of the messages they relay, which breaks the author's signature or leaves part of the message unsigned; that is the likely cause here. The list's administrator can configure it to leave signed messages unchanged.`,
    ja: `このメールはメーリングリスト ${id} を経由しています。メーリングリストは、配信するメールにフッターを追加したり、件名や本文を書き換えたりすることがよくあり、そのため差出人の電子署名が一致しなくなったり、一部が電子署名の対象外になったりします。このメールも、それが原因である可能性が高いと考えられます。電子署名付きメールを書き換えない設定にできるか、メーリングリストの管理者に相談してください。`,
  };
  return rest ? { en: `${lead.en} ${rest.en}`, ja: `${lead.ja}${rest.ja}` } : lead;
}

export function p7sHostNote(host: Host): LocalizedText | undefined {
  if (host.client === "outlook-web" || host.client === "outlook-new" || host.client === "outlook-mobile") {
    const n = hostName(host);
    return {
      en: `${n.en[0]?.toUpperCase()}${n.en.slice(1)} checks S/MIME signatures only when S/MIME is set up for your organisation; otherwise the signature shows as smime.p7s. Classic Outlook for Windows checks it without further setup.`,
      ja: `${n.ja}では、組織で S/MIME が設定されている場合にだけ電子署名が検証され、それ以外は smime.p7s として表示されます。Windows 版の Outlook では追加の設定なしで検証できます。`,
    };
  }
  return undefined;
}

export function mojibakeCandidates(d: Diagnosis, host: Host): Candidate[] {
  const f = first(d, "CHARSET_MISMATCH") ?? first(d, "CHARSET_UNDECLARED");
  if (!f) return [];
  const detected = str(f.detail["detected"]);
  const declared = str(f.detail["declared"]);
  const userClient = preferredClients(host)[0] ?? "outlook-2010-2019-365";
  const labelClient = userClient === "webmail" ? "outlook-2010-2019-365" : userClient;
  const label = detected ? encodingMenuLabel(detected, labelClient) : undefined;
  // as the headline names them (「Shift_JIS」「UTF-8」, not the detail's 「shift_jis」)
  const shownDetected = detected ? charsetName(detected) : undefined;
  const shownDeclared = declared ? charsetName(declared) : undefined;
  const why: LocalizedText =
    f.code === "CHARSET_MISMATCH"
      ? {
          en: `The text says it is ${shownDeclared ?? "one encoding"} but is written in ${shownDetected ?? "another"}, so it shows as garbled characters.`,
          ja: [
            "本文は",
            shownDeclared ?? "ある文字コード",
            "と宣言されていますが、実際には",
            shownDetected ?? "別の文字コード",
            "で書かれているため、文字化けして表示されます。",
          ].reduce(jaJoin),
        }
      : {
          en: `The text does not say which encoding it uses${shownDetected ? ` (it is ${shownDetected})` : ""}, so mail programs may show it garbled.`,
          ja: `本文の文字コードが指定されていない${shownDetected ? `（実際は ${shownDetected}）` : ""}ため、メールソフトによっては文字化けして表示されます。`,
        };
  const context: LocalizedText | undefined = label
    ? {
        en: `Pick “${label.en}” in the encoding menu. S/MIME Assistant already shows the text decoded as ${shownDetected}.`,
        ja: `エンコードのメニューでは「${label.ja}」を選んでください。S/MIME アシスタントでは、${shownDetected} として読み直した本文をすでに表示しています。`,
      }
    : undefined;
  let hostNote: LocalizedText | undefined;
  const n = hostName(host);
  if (lacksEncodingMenu(host)) {
    hostNote = {
      en: `${n.en[0]?.toUpperCase()}${n.en.slice(1)} has no menu to change the encoding of a received message. Ask the sender to send it again in Unicode (UTF-8), or open it in classic Outlook for Windows and follow the steps below. Meanwhile S/MIME Assistant shows the text correctly.`,
      ja: `${n.ja}には、受信したメールのエンコードを変更するメニューがありません。差出人に Unicode(UTF-8) での再送を依頼するか、Windows 版の Outlook でメールを開いて下記の手順を行ってください。それまでは S/MIME アシスタントで正しい本文を確認できます。`,
    };
  } else if (host.client === "outlook-mac") {
    hostNote = {
      en: "The FAQ gives no steps for Outlook for Mac. Ask the sender to send the message again in Unicode (UTF-8); meanwhile S/MIME Assistant shows the text correctly.",
      ja: "FAQ には Mac 版 Outlook の手順は掲載されていません。差出人に Unicode(UTF-8) での再送を依頼してください。それまでは S/MIME アシスタントで正しい本文を確認できます。",
    };
  }
  const c: Candidate = { id: "mojibake", priority: P.mojibake, why };
  if (context) c.context = context;
  if (hostNote) c.hostNote = hostNote;
  if (detected) c.encodingToPick = detected;
  if (label) c.encodingLabel = label;
  const empty: Candidate = {
    id: "empty-body",
    priority: P.emptyBodyCharset,
    why: {
      en: "If the body looks empty instead of garbled, the cause is the same: the encoding.",
      ja: "本文が文字化けではなく空白に見える場合も、原因は同じく文字のエンコード形式です。",
    },
    stepsFrom: "mojibake",
  };
  if (hostNote) empty.hostNote = hostNote;
  return [c, empty];
}

export function encryptedCandidates(d: Diagnosis): Candidate[] {
  if (d.kind !== "encrypted" && !has(d, "ENCRYPTED")) return [];
  // meant to be encrypted but unreadable (cut short): no key or client setting would open it
  if (!has(d, "ENCRYPTED") && unreadableCms(d)) return [];
  const rs = d.recipients.slice(0, 3);
  const listEn = rs
    .map((r) => `${r.issuer ?? "unknown issuer"}${r.serialNumber ? `, serial ${r.serialNumber}` : ""}`)
    .join("; ");
  const listJa = rs
    .map((r) => `${r.issuer ?? "発行者不明"}${r.serialNumber ? `、シリアル番号 ${r.serialNumber}` : ""}`)
    .join("／");
  const more = d.recipients.length > rs.length ? d.recipients.length - rs.length : 0;
  const context: LocalizedText | undefined =
    rs.length > 0
      ? {
          en: `This message is encrypted to ${d.recipients.length} certificate${d.recipients.length === 1 ? "" : "s"} (${listEn}${more ? `; and ${more} more` : ""}). Only the private key of one of them can open it.`,
          ja: `このメールは ${d.recipients.length} 件の電子証明書あてに暗号化されています（${listJa}${more ? `、ほか ${more} 件` : ""}）。開けるのは、これらの電子証明書の秘密鍵だけです。`,
        }
      : undefined;
  const keys: Candidate = {
    id: "keep-expired-revoked-keys",
    priority: P.encryptedKeys,
    why: {
      en: "This message is encrypted: it can only ever be opened with the private key of your certificate, so keep that key (and a backup) even after the certificate expires or is revoked.",
      ja: "このメールは暗号化されています。開くにはお使いの電子証明書の秘密鍵が必要なため、電子証明書の有効期限が切れたり失効したりした後も、秘密鍵（とそのバックアップ）を削除しないでください。",
    },
  };
  if (context) keys.context = context;
  // An encrypted layer inside a signature the client has already opened does not leave the body empty.
  if (d.kind !== "encrypted") return [keys];
  // a whole encrypted message: "it cannot be opened" is the card that fits first, keeping the key second
  const empty: Candidate = {
    id: "empty-body",
    priority: P.encryptedKeys - 1,
    why: {
      en: "If your mail program shows this message with an empty body, it could not decrypt it: check that the certificate it was encrypted to is installed with its private key.",
      ja: "このメールの本文が空白で表示される場合は、メールソフトが復号できていません。暗号化に使われた電子証明書が秘密鍵とともにインストールされているか確認してください。",
    },
  };
  if (context) empty.context = context;
  return [keys, empty];
}
