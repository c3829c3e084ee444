/**
 * Rules: (Diagnosis, Host) → Guidance — the FAQ entries that fit the message, best first, each with why it
 * applies, what the engine found that makes the page's generic answer concrete, and the steps for the
 * user's own client first.
 */
import type { Diagnosis, Finding, LocalizedText, Signer } from "../engine";
import { ADVICE_ENTRIES, type AdviceId } from "./advice";
import { FAQ_ENTRIES, type FaqId } from "./entries";
import { encodingMenuLabel, hostName, lacksEncodingMenu, orderSteps, preferredClients } from "./hosts";
import { localDay } from "./time";
import type { FaqEntry, Guidance, GuidanceItem, Host, StepSet } from "./types";

/** Priorities (lower = shown first). Gaps leave room for new rules. */
const P = {
  senderNotSigner: 5,
  replyToNotSigner: 6,
  tampered: 10,
  orphan: 20,
  capable: 21,
  openPgp: 22,
  certMissing: 25,
  mojibake: 30,
  emptyBodyCharset: 31,
  encryptedKeys: 40,
  emptyBodyEncrypted: 41,
  emptyBodyOpaque: 45,
  capableOpaque: 46,
  expired: 50,
  renewJcan: 51,
  untrustedRoot: 55,
  untrustedIntermediate: 56,
  adobe: 60,
  register: 70,
  encryptionError: 71,
  unsigned: 80,
  background: 90,
} as const;

interface Candidate {
  id: FaqId | AdviceId;
  priority: number;
  why: LocalizedText;
  context?: LocalizedText;
  hostNote?: LocalizedText;
  encodingToPick?: string;
  encodingLabel?: LocalizedText;
  /** Show the steps of another entry (empty-body borrows the encoding steps of mojibake). */
  stepsFrom?: FaqId;
}

const byId = new Map<string, FaqEntry>([...FAQ_ENTRIES, ...ADVICE_ENTRIES].map((e) => [e.id, e]));
const ADVICE = new Set<string>(ADVICE_ENTRIES.map((e) => e.id));

function entry(id: string): FaqEntry {
  const e = byId.get(id);
  if (!e) throw new Error(`FAQ entry missing: ${id}`);
  return e;
}

const has = (d: Diagnosis, code: Finding["code"]): boolean => d.findings.some((f) => f.code === code);
const first = (d: Diagnosis, code: Finding["code"]): Finding | undefined =>
  d.findings.find((f) => f.code === code);

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}
function shorten(s: string, max = 60): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
function signerName(s: Signer): string {
  return s.commonName || s.emails[0] || s.subject;
}

function isP7sAttachment(d: Diagnosis): boolean {
  return (d.attachments ?? []).some(
    (a) =>
      (a.filename ?? "").toLowerCase() === "smime.p7s" ||
      /^application\/(x-)?pkcs7-signature$/i.test(a.contentType.split(";")[0]?.trim() ?? ""),
  );
}

function jcanSigners(d: Diagnosis): Signer[] {
  return d.signers.filter((s) => s.jcan);
}

// ---- rule bodies ----

function tamperedContext(d: Diagnosis): LocalizedText | undefined {
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
      en: `${inv.message.en} If your mail server or antivirus software rewrites messages, ask your mail administrator; otherwise confirm the content with the sender by another channel before relying on it.`,
      ja: `${inv.message.ja}メールサーバーやウイルス対策ソフトがメールを書き換えていないか、メール管理者に確認してください。心当たりがない場合は、内容を信用する前に、電話など別の手段で差出人に確認してください。`,
    };
  }
  return undefined;
}

/** The tampered entry's context for a mailing-list message: the list is the likely cause. */
function listContext(d: Diagnosis, rest: LocalizedText | undefined): LocalizedText {
  const list = first(d, "MAILING_LIST");
  const id = str(list?.detail["listId"]) ?? "";
  const lead: LocalizedText = {
    en: `This message came through the mailing list ${id}. Lists often add a footer or rewrite the subject or body of the messages they relay, which breaks the author's signature or leaves part of the message unsigned; that is the likely cause here. The list's administrator can configure it to leave signed messages unchanged.`,
    ja: `このメールはメーリングリスト ${id} を経由しています。メーリングリストは、配信するメールにフッターを追加したり、件名や本文を書き換えたりすることがよくあり、そのため差出人の電子署名が一致しなくなったり、一部が電子署名の対象外になったりします。このメールも、それが原因である可能性が高いと考えられます。電子署名付きメールを書き換えない設定にできるか、メーリングリストの管理者に相談してください。`,
  };
  return rest ? { en: `${lead.en} ${rest.en}`, ja: `${lead.ja}${rest.ja}` } : lead;
}

function p7sHostNote(host: Host): LocalizedText | undefined {
  if (host.client === "outlook-web" || host.client === "outlook-new" || host.client === "outlook-mobile") {
    const n = hostName(host);
    return {
      en: `${n.en[0]?.toUpperCase()}${n.en.slice(1)} checks S/MIME signatures only when S/MIME is set up for your organisation; otherwise the signature shows as smime.p7s. Classic Outlook for Windows checks it without further setup.`,
      ja: `${n.ja}では、組織で S/MIME が設定されている場合にだけ電子署名が検証され、それ以外は smime.p7s として表示されます。Windows 版の Outlook では追加の設定なしで検証できます。`,
    };
  }
  return undefined;
}

function mojibakeCandidates(d: Diagnosis, host: Host): Candidate[] {
  const f = first(d, "CHARSET_MISMATCH") ?? first(d, "CHARSET_UNDECLARED");
  if (!f) return [];
  const detected = str(f.detail["detected"]);
  const declared = str(f.detail["declared"]);
  const userClient = preferredClients(host)[0] ?? "outlook-2010-2019-365";
  const labelClient = userClient === "webmail" ? "outlook-2010-2019-365" : userClient;
  const label = detected ? encodingMenuLabel(detected, labelClient) : undefined;
  const why: LocalizedText =
    f.code === "CHARSET_MISMATCH"
      ? {
          en: `The text says it is ${declared ?? "one encoding"} but is written in ${detected ?? "another"}, so it shows as garbled characters.`,
          ja: `本文は ${declared ?? "ある文字コード"} と宣言されていますが、実際には ${detected ?? "別の文字コード"} で書かれているため、文字化けして表示されます。`,
        }
      : {
          en: `The text does not say which encoding it uses${detected ? ` (it is ${detected})` : ""}, so mail programs may show it garbled.`,
          ja: `本文の文字コードが指定されていない${detected ? `（実際は ${detected}）` : ""}ため、メールソフトによっては文字化けして表示されます。`,
        };
  const context: LocalizedText | undefined = label
    ? {
        en: `Pick “${label.en}” in the encoding menu. S/MIME Assistant already shows the text decoded as ${detected}.`,
        ja: `エンコードのメニューでは「${label.ja}」を選んでください。S/MIME アシスタントでは、${detected} として読み直した本文をすでに表示しています。`,
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

function encryptedCandidates(d: Diagnosis): Candidate[] {
  if (d.kind !== "encrypted" && !has(d, "ENCRYPTED")) return [];
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

function registerCandidates(d: Diagnosis, host: Host): Candidate[] {
  const out: Candidate[] = [];
  const signedKind = d.kind === "signed" || d.kind === "opaque-signed";
  const readable = d.signers.filter((s) => s.certificate !== undefined);
  const certsOnly = d.kind === "certs-only" && (d.certificates?.length ?? 0) > 0;
  if (!((signedKind && d.signature === "valid" && readable.length > 0) || certsOnly)) return out;
  // A certificate that does not belong to the From address is not one to register for that sender.
  if (has(d, "SENDER_MISMATCH")) return out;
  // An expired certificate cannot be used to encrypt to its owner: registering it would not help.
  if (has(d, "CERT_EXPIRED")) return out;
  // Nor a revoked one: it must not be trusted for this sender, let alone used to encrypt to them.
  if (has(d, "CERT_REVOKED")) return out;
  const s = readable[0];
  const who = s ? `${signerName(s)}${s.emails[0] ? ` <${s.emails[0]}>` : ""}` : undefined;
  const c: Candidate = {
    id: "register-sender-certificate",
    priority: P.register,
    why: certsOnly
      ? {
          en: "This message carries certificates only; register them to be able to send encrypted mail to their owners.",
          ja: "このメールには電子証明書だけが入っています。登録すると、その持ち主に暗号化メールを送れるようになります。",
        }
      : {
          en: "This signed message carries the sender’s certificate. Register it to be able to send them encrypted mail.",
          ja: "この電子署名付きメールには差出人の電子証明書が含まれています。登録すると、この差出人に暗号化メールを送れるようになります。",
        },
  };
  if (s && who) {
    c.context = {
      en: `The certificate here: ${who}, issued by ${s.issuer}, valid until ${localDay(s.notAfter, "en")}.`,
      ja: `このメールの電子証明書：${who}（発行者：${s.issuer}、有効期限：${localDay(s.notAfter, "ja")}）。`,
    };
  }
  if (host.client !== "outlook-classic" && host.client !== "unknown") {
    const n = hostName(host);
    c.hostNote = {
      en: `These steps are for classic Outlook for Windows; ${n.en} has no such menu and uses the certificates your organisation publishes in its directory. To register an outside sender’s certificate, open this message in classic Outlook for Windows.`,
      ja: `この手順は Windows 版の Outlook 向けです。${n.ja}には同じメニューがなく、組織のディレクトリに登録された電子証明書が使われます。社外の差出人の電子証明書を登録するには、Windows 版の Outlook でこのメールを開いてください。`,
    };
  }
  out.push(c);
  out.push({
    id: "outlook-encryption-error",
    priority: P.encryptionError,
    why: {
      en: "Until the sender’s certificate is registered, Outlook shows this error when you try to send them encrypted mail.",
      ja: "差出人の電子証明書を登録するまでは、この相手に暗号化メールを送ろうとすると Outlook にこのエラーが表示されます。",
    },
  });
  return out;
}

function expiredCandidates(d: Diagnosis): Candidate[] {
  const f = first(d, "CERT_EXPIRED");
  if (!f) return [];
  const out: Candidate[] = [
    {
      id: "expired-certificate",
      priority: P.expired,
      // Valid when signed, expired since (info): the signature stands; only new mail needs a new certificate.
      why:
        f.severity === "info"
          ? {
              en: "The signer’s certificate has expired since the message was signed. The signature stays valid; to sign new mail, or to receive encrypted mail, the sender needs a new certificate.",
              ja: "署名者の電子証明書は、メールに署名した後で有効期限が切れました。電子署名はそのまま有効です。新しく電子署名したり暗号化メールを受け取ったりするには、差出人は新しい電子証明書を取得する必要があります。",
            }
          : {
              en: "The signer’s certificate has expired. An expired certificate can no longer be used to sign or encrypt: the sender needs a new one.",
              ja: "署名者の電子証明書の有効期限が切れています。有効期限が切れた電子証明書では電子署名も暗号化もできないため、差出人は新しい電子証明書を取得する必要があります。",
            },
      context: f.message,
    },
  ];
  if (jcanSigners(d).length > 0 || (d.certificates ?? []).some((c) => c.jcan)) {
    out.push({
      id: "get-jcan-certificate",
      priority: P.renewJcan,
      why: {
        en: "It is a JCAN certificate: a new one is obtained through an LRA or the service provider it came from.",
        ja: "JCAN証明書のため、新しい電子証明書は LRA や電子証明書の申込先の事業者を通じて取得します。",
      },
    });
  }
  return out;
}

function untrustedCandidates(d: Diagnosis): Candidate[] {
  const f = first(d, "CERT_UNTRUSTED");
  // Without any configured trust anchor (a bare CLI run) there is nothing the user can fix here.
  if (!f || f.detail["reason"] === "no-anchors") return [];
  // The leaf's issuer itself is missing (the chain stops at the leaf): the intermediate entry first;
  // otherwise (the chain reaches a CA but not a trusted root) the root entry first.
  const chain = f.detail["chain"];
  const intermediateFirst =
    f.detail["reason"] === "unknown-issuer" && (!Array.isArray(chain) || chain.length <= 1);
  return [
    {
      id: "root-certificate",
      priority: intermediateFirst ? P.untrustedIntermediate : P.untrustedRoot,
      why: {
        en: "The signer’s certificate could not be traced to a trusted root certificate.",
        ja: "署名者の電子証明書を、信頼できるルート証明書までたどれませんでした。",
      },
      context: f.message,
    },
    {
      id: "intermediate-ca-certificate",
      priority: intermediateFirst ? P.untrustedRoot : P.untrustedIntermediate,
      why: {
        en: "The chain from the signer to the root runs through intermediate CA certificates; a missing one breaks it.",
        ja: "署名者からルートまでのチェーンは中間CA証明書を経由します。中間CA証明書が欠けるとチェーンがつながりません。",
      },
    },
  ];
}

function backgroundCandidates(d: Diagnosis): Candidate[] {
  const js = jcanSigners(d);
  const jc = (d.certificates ?? []).filter((c) => c.jcan);
  if (js.length === 0 && jc.length === 0) return [];
  const s = js[0] ?? jc[0];
  const cn = s ? s.commonName || s.subject : "";
  const issuer = s?.issuer ?? "";
  const ctx: LocalizedText = {
    en: `The certificate of ${cn} was issued under JCAN (issuer: ${issuer}).`,
    ja: `${cn} の電子証明書は JCAN の電子証明書です（発行者：${issuer}）。`,
  };
  return [
    {
      id: "jcan-certificate",
      priority: P.background,
      why: { en: "Background: what a JCAN certificate is.", ja: "参考：JCAN証明書とは。" },
      context: ctx,
    },
    {
      id: "root-certificate",
      priority: P.background + 1,
      why: {
        en: "Background: the root at the top of its chain.",
        ja: "参考：チェーンの最上位にあるルート証明書。",
      },
    },
    {
      id: "intermediate-ca-certificate",
      priority: P.background + 2,
      why: {
        en: "Background: the intermediate CA between the root and the signer.",
        ja: "参考：ルートと署名者の間にある中間CA証明書。",
      },
      ...(s && s.issuer
        ? {
            context: {
              en: `Here the issuing CA is: ${s.issuer}.`,
              ja: `このメールでは、発行元の認証局は ${s.issuer} です。`,
            },
          }
        : {}),
    },
    {
      id: "common-name",
      priority: P.background + 3,
      why: {
        en: "Background: the common name identifies the certificate’s holder.",
        ja: "参考：コモンネームは電子証明書の持ち主を表します。",
      },
      ...(cn
        ? {
            context: {
              en: `Here the common name is “${cn}”.`,
              ja: `このメールの電子証明書のコモンネームは「${cn}」です。`,
            },
          }
        : {}),
    },
  ];
}

/** A sender or a Reply-To that is not the signer's (a warning, not the info of an accepted list). */
function mismatchCandidates(d: Diagnosis): Candidate[] {
  const out: Candidate[] = [];
  const signedKind = d.kind === "signed" || d.kind === "opaque-signed";
  if (!signedKind) return out;
  const sm = d.findings.find((f) => f.code === "SENDER_MISMATCH" && f.severity !== "info");
  if (sm) {
    const from = str(sm.detail["from"]);
    const signers = Array.isArray(sm.detail["signerEmails"])
      ? (sm.detail["signerEmails"] as unknown[]).filter((x): x is string => typeof x === "string")
      : [];
    const c: Candidate = {
      id: "sender-not-signer",
      priority: P.senderNotSigner,
      why:
        sm.detail["reason"] === "sender-differs"
          ? {
              en: "This mail was sent by another mailbox on the sender's behalf: check that you expect that.",
              ja: "このメールは、別のメールボックスが差出人に代わって送信しています。心当たりがあるか確認してください。",
            }
          : {
              en: "The sender's address on this mail is not the address the signature vouches for.",
              ja: "このメールの差出人のアドレスは、電子署名が保証するアドレスと違います。",
            },
    };
    if (from && signers.length > 0)
      c.context = {
        en: `Here: the sender is ${shorten(from)}, the signer is ${shorten(signers.join(", "))}.`,
        ja: `このメールの差出人は ${shorten(from)}、署名者は ${shorten(signers.join(", "))} です。`,
      };
    out.push(c);
  }
  const rt = d.findings.find((f) => f.code === "REPLY_TO_MISMATCH" && f.severity !== "info");
  if (rt) {
    const to = str(rt.detail["replyTo"]);
    const c: Candidate = {
      id: "reply-to-not-signer",
      priority: P.replyToNotSigner,
      why: {
        en: "Replies to this mail would go to an address the signer does not hold.",
        ja: "このメールに返信すると、署名者のものではないアドレスに届きます。",
      },
    };
    if (to)
      c.context = {
        en: `Here, replies would go to ${shorten(to)}.`,
        ja: `このメールの返信先は ${shorten(to)} です。`,
      };
    out.push(c);
  }
  return out;
}

/** A plain mail with no signature at all (not encrypted, not OpenPGP, not a certificate file). */
function unsignedCandidates(d: Diagnosis): Candidate[] {
  if (d.kind !== "none" || has(d, "OPENPGP") || has(d, "ORPHAN_SIGNATURE") || isP7sAttachment(d)) return [];
  // a file that is not a mail at all gets no advice about mail
  if (
    d.findings.some(
      (f) => (f.code === "MALFORMED_MIME" || f.code === "MALFORMED_CMS") && f.severity === "error",
    )
  )
    return [];
  return [
    {
      id: "unsigned-mail",
      priority: P.unsigned,
      why: {
        en: "This mail is not signed, so nothing in it confirms who sent it.",
        ja: "このメールには電子署名がないため、差出人が本人かどうかをメールからは確認できません。",
      },
    },
  ];
}

function candidates(d: Diagnosis, host: Host): Candidate[] {
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

  // Opaque-signed: clients without S/MIME show an empty body and an smime.p7m attachment.
  if (d.kind === "opaque-signed" && host.client !== "outlook-classic" && host.client !== "outlook-mac") {
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
      context: pdf.message,
    });
  }

  out.push(...registerCandidates(d, host));
  out.push(...unsignedCandidates(d));
  out.push(...backgroundCandidates(d));

  return out;
}

function stepsFor(c: Candidate, host: Host): StepSet[] {
  const src = entry(c.stepsFrom ?? c.id);
  return orderSteps(src.steps, host);
}

/** The FAQ guidance for a message: fitting entries, best first, each made concrete for this message. */
export function guidanceFor(d: Diagnosis, host: Host): Guidance {
  let cs: Candidate[];
  try {
    cs = candidates(d, host);
  } catch {
    return { items: [] };
  }
  cs.sort((a, b) => a.priority - b.priority);
  const seen = new Set<string>();
  const items: GuidanceItem[] = [];
  for (const c of cs) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const item: GuidanceItem = { entry: entry(c.id), why: c.why, steps: stepsFor(c, host) };
    if (c.context) item.context = c.context;
    if (c.encodingToPick) item.encodingToPick = c.encodingToPick;
    if (c.encodingLabel) item.encodingLabel = c.encodingLabel;
    if (c.hostNote) item.hostNote = c.hostNote;
    if (c.priority >= P.background) item.background = true;
    if (ADVICE.has(c.id)) item.advice = true;
    items.push(item);
  }
  return { items };
}

/** Ids of the fitting entries of the FAQ page, best first (what Diagnosis.faq holds; not our own advice). */
export function faqIdsFor(d: Diagnosis, host: Host): string[] {
  return guidanceFor(d, host)
    .items.filter((i) => !i.advice)
    .map((i) => i.entry.id);
}

/** One line per guidance item for the human `diagnose` output: the entry's question and its id. */
export function formatGuidanceTitles(g: Guidance, lang: "ja" | "en"): string[] {
  return g.items.map((i) => `${i.entry.question[lang]} [${i.entry.id}]`);
}
