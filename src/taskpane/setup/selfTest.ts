/**
 * The self-test, as a plain function: when the read pane shows a message from the user to the user, say
 * whether their own signature arrived intact and what recipients will see — derived from the Diagnosis.
 */
import {
  type Diagnosis,
  type FindingCode,
  type LocalizedText,
  parseMailboxes,
  type Signer,
} from "../../engine";
import { verdictOf as messageVerdict } from "../../faq/verdict";
import { localDay } from "../../faq/time";

export type SelfTestState =
  | "intact" // signed, verifies, nothing a recipient would be warned about
  | "intact-with-warnings" // verifies, but recipients will see a warning (untrusted, expired, mismatch…)
  | "broken" // the signature no longer matches the message
  | "not-signed" // the message arrived without a signature
  | "restructured" // the signature arrived as a loose smime.p7s attachment
  | "encrypted" // encrypted: the signature inside cannot be seen
  | "unverifiable"; // a signature is there but could not be checked

export interface SelfTestVerdict {
  /** True when the message is from the user to the user (the self-test applies). */
  applies: boolean;
  /** Why it does not apply. */
  reason?: "no-user-address" | "not-from-user" | "not-to-user";
  state?: SelfTestState;
  headline?: LocalizedText;
  /** What recipients will see, one point per line. */
  recipientsSee: LocalizedText[];
  /** FAQ entries to offer, best first. */
  faq: string[];
  /** The user's signer (the one naming their address, else the first). */
  signer?: Signer;
}

export interface SelfTestOptions {
  /** Evaluation time for "expiring soon" (default now). */
  at?: Date;
  /** From address when the Diagnosis has no headers (a partial read): Outlook's item.from. */
  fromAddress?: string;
  /** To addresses when the Diagnosis has no headers. */
  toAddresses?: string[];
}

const DAY_MS = 86_400_000;
export const SELF_EXPIRING_DAYS = 30;

function addresses(raw: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const r of raw ?? []) {
    try {
      for (const m of parseMailboxes(r)) if (m.address) out.push(m.address.toLowerCase());
    } catch {
      // an unreadable header gives no address
    }
  }
  return out;
}

function norm(a: string | undefined): string {
  return (a ?? "").trim().toLowerCase();
}

/** Whether the message is from the user to the user (From is exactly the user; To includes the user). */
export function isSelfMessage(
  d: Pick<Diagnosis, "headers">,
  userAddress: string | undefined,
  opts: Pick<SelfTestOptions, "fromAddress" | "toAddresses"> = {},
): { applies: boolean; reason?: SelfTestVerdict["reason"] } {
  const user = norm(userAddress);
  if (!user) return { applies: false, reason: "no-user-address" };
  const from = d.headers?.from ? addresses(d.headers.from) : opts.fromAddress ? [norm(opts.fromAddress)] : [];
  const to = d.headers?.to ? addresses(d.headers.to) : (opts.toAddresses ?? []).map(norm);
  if (from.length !== 1 || from[0] !== user) return { applies: false, reason: "not-from-user" };
  if (!to.includes(user)) return { applies: false, reason: "not-to-user" };
  return { applies: true };
}

const SEE = {
  fine: {
    en: "Recipients whose mail program supports S/MIME see the message as signed by you, and can tell it was not changed on the way.",
    ja: "S/MIME に対応したメールソフトを使う受信者には、あなたの電子署名付きメールとして表示され、途中で改ざんされていないことを確認できます。",
  },
  untrusted: {
    en: "Recipients whose computer does not trust the authority that issued your certificate (for a JCAN certificate: the JCAN root certificate is not installed) see a warning that the signature cannot be trusted.",
    ja: "あなたの電子証明書を発行した認証局を信頼していないパソコンの受信者（JCAN の電子証明書の場合は、JCAN のルート証明書をインストールしていない受信者）には、電子署名を信頼できないという警告が表示されます。",
  },
  expired: {
    en: "Your certificate has expired: recipients see a warning on the signature. Get a new certificate before you sign again.",
    ja: "電子証明書の有効期限が切れているため、受信者には電子署名に関する警告が表示されます。次に電子署名する前に、新しい電子証明書を取得してください。",
  },
  notYetValid: {
    en: "Your certificate is not valid yet (check the computer’s date and time): recipients see a warning on the signature.",
    ja: "電子証明書がまだ有効期間に入っていないため、受信者には電子署名に関する警告が表示されます（パソコンの日付と時刻も確認してください）。",
  },
  mismatch: {
    en: "The address in your certificate is not the address the message was sent from: recipients may see a warning that the sender does not match the signature.",
    ja: "電子証明書に記載されたアドレスと差出人（From）のアドレスが一致しないため、受信者には差出人が電子署名と一致しないという警告が表示されることがあります。",
  },
  notForEmail: {
    en: "Your certificate is not meant for e-mail signing: recipients’ programs may reject the signature.",
    ja: "電子証明書がメールの電子署名用ではないため、受信者のメールソフトが電子署名を認めない可能性があります。",
  },
  weak: {
    en: "The signature uses an outdated algorithm (SHA-1 or a short key): some recipients’ programs treat it as invalid. Choose SHA-256 in your signing settings, or get a new certificate.",
    ja: "電子署名に古いアルゴリズム（SHA-1 や短い鍵）が使われているため、受信者のメールソフトによっては無効として扱われます。電子署名の設定で SHA-256 を選ぶか、新しい電子証明書を取得してください。",
  },
  noCert: {
    en: "Your certificate was not sent with the message, so recipients cannot check the signature. In Outlook’s Email Security settings, tick “Send these certificates with signed messages”.",
    ja: "メールに電子証明書が含まれていないため、受信者は電子署名を確認できません。Outlook の「電子メールのセキュリティ」の設定で「署名されたメッセージと一緒にこれらの証明書を送信する」にチェックを入れてください。",
  },
  appended: {
    en: "Something on the way (a mail server, a gateway or antivirus software adding a footer) changed the message after you signed it: recipients see a warning that the message was changed. Ask your mail administrator to stop adding text to signed mail.",
    ja: "送信の途中で（メールサーバー、ゲートウェイ、ウイルス対策ソフトなどがフッターを追加して）署名後のメールが変更されたため、受信者には「改ざんされています」という警告が表示されます。電子署名付きメールに文章を追加しないよう、メール管理者にご相談ください。",
  },
  broken: {
    en: "The message no longer matches your signature: recipients see a warning that it was changed (tampered with). A mail server or antivirus software on the way may have changed it.",
    ja: "メールが電子署名と一致しなくなっているため、受信者には「改ざんされています」という警告が表示されます。途中のメールサーバーやウイルス対策ソフトが変更した可能性があります。",
  },
  notSigned: {
    en: "The message arrived without a signature: recipients see an ordinary unsigned message and do not receive your certificate. Check that signing is switched on.",
    ja: "メールは電子署名なしで届きました。受信者には電子署名のない通常のメールとして表示され、あなたの電子証明書も届きません。電子署名の設定がオンになっているか確認してください。",
  },
  restructured: {
    en: "The signature arrived as a separate smime.p7s attachment, not as a signature: recipients see an attachment they cannot use, and no signature check. A server on the way rebuilt the message.",
    ja: "電子署名が、smime.p7s という別の添付ファイルとして届きました。受信者には使えない添付ファイルが表示されるだけで、電子署名は検証されません。途中のサーバーがメールを組み替えています。",
  },
  opaque: {
    en: "The message is signed in the “opaque” form (the text inside smime.p7m): recipients whose program does not support S/MIME see an empty message with an attachment. Sending signed messages as clear text avoids this.",
    ja: "メールが「不透明署名」形式（本文が smime.p7m の中にある形式）で電子署名されています。S/MIME に対応していないメールソフトの受信者には、本文が空で添付ファイルだけのメールに見えます。クリア テキスト形式で電子署名して送信すると、この問題を避けられます。",
  },
  encrypted: {
    en: "The message is encrypted, so S/MIME Assistant cannot see the signature inside. For the self-test, send yourself a message that is signed but not encrypted.",
    ja: "メールが暗号化されているため、S/MIME アシスタントは中の電子署名を確認できません。自分あてのテストでは、電子署名だけを付けて暗号化せずに送信してください。",
  },
  unverifiable: {
    en: "A signature is there, but it could not be checked (see the findings above). Recipients’ programs may not be able to check it either.",
    ja: "電子署名は付いていますが、確認できませんでした（上の確認結果をご覧ください）。受信者のメールソフトでも確認できない可能性があります。",
  },
  mojibake: {
    en: "Part of the text is not in the character set the message declares: some recipients may see garbled text.",
    ja: "本文の一部が、メールで宣言された文字コードと異なります。受信者によっては文字化けして表示されることがあります。",
  },
} satisfies Record<string, LocalizedText>;

function expiringSoon(signer: Signer, at: Date): LocalizedText | undefined {
  const end = Date.parse(signer.notAfter);
  if (!Number.isFinite(end)) return undefined;
  const days = Math.floor((end - at.getTime()) / DAY_MS);
  if (days < 0 || days >= SELF_EXPIRING_DAYS) return undefined;
  return {
    en: `Your certificate expires on ${localDay(signer.notAfter, "en")} (in ${days} day${days === 1 ? "" : "s"}): renew it before then, or recipients will see warnings.`,
    ja: `電子証明書の有効期限は ${localDay(signer.notAfter, "ja")}です（あと ${days} 日）。期限が切れると受信者に警告が表示されるため、それまでに更新してください。`,
  };
}

const HEADLINE: Record<SelfTestState, LocalizedText> = {
  intact: {
    en: "Your own signature arrived intact.",
    ja: "あなたの電子署名は、改ざんされずに届いています。",
  },
  "intact-with-warnings": {
    en: "Your signature arrived intact, but recipients will see a warning.",
    ja: "あなたの電子署名は改ざんされずに届いていますが、受信者には警告が表示されます。",
  },
  broken: {
    en: "Your signature did not survive the trip: the message was changed after signing.",
    ja: "あなたの電子署名は、届くまでの間に無効になりました。署名の後でメールが変更されています。",
  },
  "not-signed": {
    en: "This message to yourself is not signed.",
    ja: "この自分あてのメールには電子署名が付いていません。",
  },
  restructured: {
    en: "Your signature arrived as an attachment, not as a signature.",
    ja: "あなたの電子署名は、電子署名としてではなく添付ファイルとして届いています。",
  },
  encrypted: {
    en: "This message to yourself is encrypted; the signature inside cannot be checked here.",
    ja: "この自分あてのメールは暗号化されているため、中の電子署名はここでは確認できません。",
  },
  unverifiable: {
    en: "Your signature is there, but it could not be checked.",
    ja: "電子署名は付いていますが、確認できませんでした。",
  },
};

/** The self-test verdict for a Diagnosis of the message in the read pane. Never throws. */
export function selfTestVerdict(
  d: Diagnosis,
  userAddress: string | undefined,
  opts: SelfTestOptions = {},
): SelfTestVerdict {
  const self = isSelfMessage(d, userAddress, opts);
  if (!self.applies) {
    const v: SelfTestVerdict = { applies: false, recipientsSee: [], faq: [] };
    if (self.reason) v.reason = self.reason;
    return v;
  }
  const user = norm(userAddress);
  const at = opts.at ?? new Date();
  const codes = new Set<FindingCode>(d.findings.map((f) => f.code));
  const has = (c: FindingCode): boolean => codes.has(c);
  const signer = d.signers.find((s) => s.emails.some((e) => norm(e) === user)) ?? d.signers[0];
  const see: LocalizedText[] = [];
  const faq: string[] = [];
  const addFaq = (id: string): void => {
    if (!faq.includes(id)) faq.push(id);
  };

  const mojibake = has("CHARSET_MISMATCH") || has("CHARSET_UNDECLARED");
  // The message's one verdict (src/faq/verdict/) decides the situation, as in the pane and the CLI.
  const kind = messageVerdict(d).kind;
  let state: SelfTestState;
  if (kind === "none" || kind === "certs-only" || kind === "malformed") {
    state = "not-signed";
    see.push(SEE.notSigned);
    addFaq("signature-not-received");
  } else if (kind === "encrypted") {
    state = "encrypted";
    see.push(SEE.encrypted);
  } else if (kind === "orphan") {
    state = "restructured";
    see.push(SEE.restructured);
    addFaq("smime-p7s-attachment");
  } else if (kind === "broken") {
    state = "broken";
    see.push(has("CONTENT_APPENDED") ? SEE.appended : SEE.broken);
    addFaq("tampered-warning");
  } else if (kind === "signed-ok" || kind === "signed-warn") {
    if (has("CERT_UNTRUSTED")) {
      see.push(SEE.untrusted);
      addFaq("root-certificate");
    }
    if (has("CERT_EXPIRED")) {
      see.push(SEE.expired);
      addFaq("expired-certificate");
    } else if (has("CERT_NOT_YET_VALID")) {
      see.push(SEE.notYetValid);
    } else if (signer) {
      const soon = expiringSoon(signer, at);
      if (soon) {
        see.push(soon);
        addFaq("expired-certificate");
      }
    }
    const signerHasUser = signer ? signer.emails.some((e) => norm(e) === user) : false;
    if (has("SENDER_MISMATCH") || !signerHasUser) see.push(SEE.mismatch);
    if (has("CERT_NOT_FOR_EMAIL")) see.push(SEE.notForEmail);
    if (has("WEAK_DIGEST") || has("WEAK_KEY")) see.push(SEE.weak);
    if (d.kind === "opaque-signed") {
      see.push(SEE.opaque);
      addFaq("empty-body");
    }
    if (mojibake) {
      see.push(SEE.mojibake);
      addFaq("mojibake");
    }
    state = see.length > 0 ? "intact-with-warnings" : "intact";
    if (state === "intact") see.push(SEE.fine);
  } else {
    state = "unverifiable";
    see.push(has("SIGNER_CERTIFICATE_MISSING") ? SEE.noCert : SEE.unverifiable);
    addFaq("signature-not-received");
  }
  if (mojibake && !see.includes(SEE.mojibake)) {
    see.push(SEE.mojibake);
    addFaq("mojibake");
  }
  const v: SelfTestVerdict = { applies: true, state, headline: HEADLINE[state], recipientsSee: see, faq };
  if (signer) v.signer = signer;
  return v;
}

/** How to send a signed message to yourself (shown always in the self-test panel). */
export const SELF_TEST_STEPS: LocalizedText[] = [
  {
    en: "Make sure signing is switched on (see “Switch on signing” above), or sign just this one message.",
    ja: "電子署名の設定がオンになっていることを確認します（上の「送信するメールへの電子署名をオンにする」を参照）。この 1 通だけ電子署名してもかまいません。",
  },
  {
    en: "Write a new message to your own address (put yourself in To), with a subject such as “Signature test” and a line or two of text, and send it.",
    ja: "自分のアドレスを宛先（To）にした新しいメールを作成し、件名を「署名テスト」などにして本文を 1～2 行書き、送信します。",
  },
  {
    en: "When it arrives in your Inbox, select it and open S/MIME Assistant. It checks the message as it arrived — after your mail server, gateways and antivirus handled it, much as a recipient receives it.",
    ja: "受信トレイに届いたらそのメールを選び、S/MIME アシスタントを開きます。メールサーバーやゲートウェイ、ウイルス対策ソフトを通った後の、受信者が受け取るのとほぼ同じ状態で確認できます。",
  },
  {
    en: "Mail to yourself may never leave your organisation. If you also write to people outside it, send a second test to an address of yours elsewhere (for example a personal mailbox) and check that one too.",
    ja: "自分あてのメールは組織の外に出ないことがあります。社外の相手にも送る場合は、組織外にある自分の別のアドレス（個人のメールアドレスなど）にもテストを送り、同じように確認してください。",
  },
];
