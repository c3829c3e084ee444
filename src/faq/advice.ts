/**
 * This project's own action cards, for messages the FAQ page has no entry for (issue #15 item 3): a sender
 * who is not the signer, a Reply-To that is not the signer's, and a mail without a signature. Same shape as
 * the page's entries (FaqEntry) so the pane shows them the same way, but NOT entries of the page: they are
 * not in FAQ_ENTRIES, not in the FAQ browser and not in Diagnosis.faq ("ids of the fitting FAQ entries").
 * Wording follows docs/style-ja.md; Outlook's labels in 「」 as Outlook shows them (「署名者:」, 「詳細」,
 * 「返信」, 「宛先」).
 */
import type { FaqEntry, StepSet } from "./types";

export const ADVICE_IDS = ["sender-not-signer", "reply-to-not-signer", "unsigned-mail"] as const;
export type AdviceId = (typeof ADVICE_IDS)[number];

const CLASSIC = { ja: "Outlook（Windows 版）", en: "Classic Outlook for Windows" };
const WEB = { ja: "Outlook on the web・新しい Outlook", en: "Outlook on the web and new Outlook" };

const ASK_ELSEWHERE = {
  ja: "違う場合は、リンクや添付ファイルを開かず、以前から知っている電話番号などで署名者本人に確認するか、社内の情報システム担当者に相談してください。",
  en: "If they differ, do not open links or attachments; check with the signer through a phone number you already know, or ask your IT help desk.",
};

const SENDER_STEPS: StepSet[] = [
  {
    client: "outlook",
    label: CLASSIC,
    steps: [
      {
        ja: "メールの右側にある電子署名のアイコン（赤いリボンのマーク）をクリックします。",
        en: "Click the signature icon (the red ribbon) on the right of the mail.",
      },
      {
        ja: "表示された画面で「詳細」をクリックし、「署名者:」のメールアドレスを差出人のアドレスと比べます。",
        en: "In the window that opens, click “Details” and compare the address after “Signed by:” with the sender's address.",
      },
      ASK_ELSEWHERE,
    ],
  },
  {
    client: "webmail",
    label: WEB,
    steps: [
      {
        ja: "メールの上部にある差出人の名前を選び、実際のメールアドレスを確認します。",
        en: "Select the sender's name at the top of the mail to see the real address.",
      },
      {
        ja: "メールの上部にある電子署名の表示を選び、署名者のメールアドレスと比べます。",
        en: "Select the signature indicator at the top of the mail and compare the signer's address.",
      },
      ASK_ELSEWHERE,
    ],
  },
];

const REPLY_STEPS: StepSet[] = [
  {
    client: "outlook",
    label: CLASSIC,
    steps: [
      { ja: "「返信」をクリックします。", en: "Click “Reply”." },
      {
        ja: "「宛先」のアドレスが署名者（差出人）のアドレスか確認します。",
        en: "Check that the address in “To” is the signer's (the sender's) address.",
      },
      {
        ja: "違う場合は、「宛先」を署名者のアドレスに書き換えてから送信します。",
        en: "If it is not, replace the address in “To” with the signer's address before you send.",
      },
    ],
  },
  {
    client: "webmail",
    label: WEB,
    steps: [
      { ja: "「返信」を選びます。", en: "Select “Reply”." },
      {
        ja: "「宛先」のアドレスが署名者（差出人）のアドレスか確認します。",
        en: "Check that the address in “To” is the signer's (the sender's) address.",
      },
      {
        ja: "違う場合は、「宛先」を署名者のアドレスに書き換えてから送信します。",
        en: "If it is not, replace the address in “To” with the signer's address before you send.",
      },
    ],
  },
];

const CHECK_IMPORTANT = {
  ja: "振込先の変更やパスワードの入力など重要な依頼は、メールに書かれた連絡先ではなく、以前から知っている電話番号などで差出人に確認します。",
  en: "For important requests (new bank details, entering a password…), check with the sender through a phone number you already know, not one given in the mail.",
};

const UNSIGNED_STEPS: StepSet[] = [
  {
    client: "outlook",
    label: CLASSIC,
    steps: [
      {
        ja: "差出人の名前をクリックし、表示されたカードで実際のメールアドレスを確認します。",
        en: "Click the sender's name and check the real address on the card that opens.",
      },
      CHECK_IMPORTANT,
    ],
  },
  {
    client: "webmail",
    label: WEB,
    steps: [
      {
        ja: "メールの上部にある差出人の名前を選び、実際のメールアドレスを確認します。",
        en: "Select the sender's name at the top of the mail to see the real address.",
      },
      CHECK_IMPORTANT,
    ],
  },
];

export const ADVICE_ENTRIES: FaqEntry[] = [
  {
    id: "sender-not-signer",
    question: {
      ja: "差出人のアドレスが署名者と違うときは",
      en: "The sender's address is not the signer's: what now?",
    },
    answer: {
      ja: "電子署名が保証するのは、署名者の電子証明書にあるメールアドレスの持ち主が署名したことです。差出人のアドレスは送る側が自由に書けるため、署名者と違う場合は差出人を装った「なりすまし」の可能性があります。",
      en: "A signature vouches for the owner of the address in the signer's certificate. The From address can be written freely by whoever sends the mail, so when it is not the signer's, the mail may impersonate the sender.",
    },
    steps: SENDER_STEPS,
  },
  {
    id: "reply-to-not-signer",
    question: {
      ja: "返信先が署名者と違うアドレスになっているときは",
      en: "Replies would go to another address than the signer's: what now?",
    },
    answer: {
      ja: "このメールには返信先が指定されていて、そのまま返信すると署名者ではないアドレスに届きます。詐欺メールでは、返信を別のアドレスに誘導する手口がよく使われます。",
      en: "This mail names a Reply-To address: replying as usual sends your answer to an address that is not the signer's. Fraudulent mail often redirects replies this way.",
    },
    steps: REPLY_STEPS,
  },
  {
    id: "unsigned-mail",
    question: {
      ja: "電子署名のないメールの差出人を確かめるには",
      en: "How can I tell who sent a mail without a signature?",
    },
    answer: {
      ja: "電子署名のないメールでは、差出人のアドレスが本物かどうかをメールだけで確かめることはできません。普段のやり取りは問題ありませんが、重要な依頼は別の方法で確認してください。",
      en: "Without a signature, the mail itself cannot show that the From address is genuine. Everyday mail is fine, but check important requests by another channel.",
    },
    steps: UNSIGNED_STEPS,
  },
];
