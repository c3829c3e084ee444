/**
 * How to switch on "add digital signature to outgoing messages" in the user's own client.
 *
 * Classic Outlook for Windows: the FAQ page's steps (entry "signature-not-received"), the set that fits
 * the version (11 → 2003, 12 → 2007, 14 → 2010, 15/16 → 2013–2016 and later). New Outlook, Outlook on the
 * web, Mac and mobile: the FAQ has no steps for them, so ours say where their S/MIME settings are, and
 * that menu names can differ between builds. No client lets an add-in read or set the switch.
 */
import { getEntry, preferredClients } from "../../faq/index";
import type { Host, HostClient, StepClient, StepSet } from "../../faq/types";
import type { LocalizedText } from "../../engine";

export const SIGNING_FAQ_ID = "signature-not-received";

export interface InstructionSet {
  label: LocalizedText;
  steps: LocalizedText[];
  notes: LocalizedText[];
  /** "faq": the FAQ page's own steps; "product": written by S/MIME Assistant for clients the FAQ lacks. */
  source: "faq" | "product";
  /** The FAQ step set used (source "faq"). */
  faqClient?: StepClient;
}

export interface SigningGuide {
  client: HostClient;
  /** The user's own client first. */
  primary: InstructionSet;
  /** Every other client, to show collapsed. */
  others: InstructionSet[];
  /** Always shown: an add-in cannot see or change the signing switch. */
  limitation: LocalizedText;
}

export const ADDIN_LIMITATION: LocalizedText = {
  en: "S/MIME Assistant cannot tell whether this message will be signed, and cannot switch signing on for you: Outlook does not let add-ins read or change S/MIME settings while you write a message. Please check the setting yourself with the steps below.",
  ja: "S/MIME アシスタントには、このメールに電子署名が付くかどうかを確認することも、電子署名をオンにすることもできません。Outlook は、メール作成中の S/MIME 設定をアドインが読み取ったり変更したりすることを許可していないためです。以下の手順で、ご自身で設定を確認してください。",
};

const PER_MESSAGE_CLASSIC: LocalizedText = {
  en: "To sign just one message instead: in the message window open the Options tab and click Sign (in some versions it is under Encrypt or Permission).",
  ja: "1 通だけ電子署名する場合は、メール作成画面の「オプション」タブで「署名」をクリックします（バージョンによっては「暗号化」や「アクセス許可」の中にあります）。",
};

const VERSION_16: LocalizedText = {
  en: "Outlook 2016, 2019, 2021, 2024 and Microsoft 365 all report version 16; the Outlook 2013/2016 steps apply to each of them.",
  ja: "Outlook 2016・2019・2021・2024 と Microsoft 365 の Outlook はいずれもバージョン 16 です。どれも Outlook 2013／2016 の手順で設定できます。",
};

const NEEDS_CERTIFICATE: LocalizedText = {
  en: "The option only works once your certificate (the PKCS#12 file) has been imported on this computer and chosen under Email Security → Settings.",
  ja: "この設定は、電子証明書（PKCS#12 ファイル）をこのパソコンにインポートし、「電子メールのセキュリティ」の「設定」で選んでいる場合にだけ有効です。",
};

const NEW_OUTLOOK: InstructionSet = {
  label: { en: "New Outlook for Windows", ja: "新しい Outlook（Windows）" },
  steps: [
    {
      en: "Open Settings (the gear icon at the top right) → Mail → S/MIME.",
      ja: "右上の歯車アイコンから「設定」を開き、「メール」→「S/MIME」を選びます。",
    },
    {
      en: "Tick “Add a digital signature to all messages I send” and save.",
      ja: "「送信するすべてのメッセージにデジタル署名を追加する」にチェックを入れて保存します。",
    },
    {
      en: "To sign only one message: in the message you are writing, open the Options tab (or More options …) and choose the S/MIME signing option.",
      ja: "1 通だけ電子署名する場合は、作成中のメールで「オプション」タブ（または「…」その他のオプション）を開き、S/MIME の電子署名を選びます。",
    },
  ],
  notes: [
    {
      en: "New Outlook uses the certificate from the Windows certificate store, and S/MIME works there only with work or school (Microsoft 365 / Exchange) accounts that your organisation has enabled for it. Menu names can differ slightly between updates.",
      ja: "新しい Outlook は Windows の証明書ストアにある電子証明書を使います。また、S/MIME を使えるのは、組織で有効にされた職場・学校（Microsoft 365／Exchange）のアカウントだけです。メニュー名は更新によって多少異なることがあります。",
    },
  ],
  source: "product",
};

const OUTLOOK_WEB: InstructionSet = {
  label: { en: "Outlook on the web", ja: "Outlook on the web" },
  steps: [
    {
      en: "Open Settings (the gear icon at the top right) → Mail → S/MIME.",
      ja: "右上の歯車アイコンから「設定」を開き、「メール」→「S/MIME」を選びます。",
    },
    {
      en: "Tick “Add a digital signature to all messages I send” and save.",
      ja: "「送信するすべてのメッセージにデジタル署名を追加する」にチェックを入れて保存します。",
    },
    {
      en: "To sign only one message: in the message you are writing, open More options (…) and choose the S/MIME signing option.",
      ja: "1 通だけ電子署名する場合は、作成中のメールで「…」（その他のオプション）を開き、S/MIME の電子署名を選びます。",
    },
  ],
  notes: [
    {
      en: "Signing in the browser needs Microsoft’s S/MIME extension for Microsoft Edge or Google Chrome (usually installed by your administrator) and your certificate in the computer’s certificate store. If the S/MIME page says the extension is missing, ask your administrator.",
      ja: "ブラウザーで電子署名するには、Microsoft Edge または Google Chrome 用の Microsoft の S/MIME 拡張機能（通常は管理者がインストールします）と、パソコンの証明書ストアにある電子証明書が必要です。S/MIME の設定画面に拡張機能がないと表示される場合は、管理者にお問い合わせください。",
    },
  ],
  source: "product",
};

const OUTLOOK_MAC: InstructionSet = {
  label: { en: "Outlook for Mac", ja: "Mac 版 Outlook" },
  steps: [
    {
      en: "Import your certificate (the .p12 file) into the login keychain with Keychain Access.",
      ja: "キーチェーンアクセスで、電子証明書（.p12 ファイル）を「ログイン」キーチェーンに読み込みます。",
    },
    {
      en: "In Outlook choose Outlook → Settings (Preferences) → Accounts, select your account, then Advanced… → Security (in newer versions: the account’s Security settings).",
      ja: "Outlook で「Outlook」→「設定」（環境設定）→「アカウント」を開き、アカウントを選んで「詳細設定」→「セキュリティ」を開きます（新しいバージョンでは、アカウントの「セキュリティ」設定です）。",
    },
    {
      en: "Under Digital signing, choose your certificate and tick “Sign outgoing messages”.",
      ja: "「デジタル署名」で電子証明書を選び、「送信メッセージに署名する」にチェックを入れます。",
    },
  ],
  notes: [
    {
      en: "To sign only one message: in the message you are writing, use the Options tab → Sign (or the lock/S/MIME button). Menu names differ between the legacy and the new Outlook for Mac.",
      ja: "1 通だけ電子署名する場合は、作成中のメールの「オプション」タブ →「署名」（または鍵／S/MIME のボタン）を使います。メニュー名は従来版と新しい Mac 版 Outlook で異なります。",
    },
  ],
  source: "product",
};

const OUTLOOK_MOBILE: InstructionSet = {
  label: { en: "Outlook for iOS / Android", ja: "モバイル版 Outlook（iOS／Android）" },
  steps: [
    {
      en: "Open Settings → your account → Security (S/MIME) and switch S/MIME on.",
      ja: "「設定」→ アカウント →「セキュリティ」（S/MIME）を開き、S/MIME をオンにします。",
    },
    {
      en: "Switch on signing by default (“Sign by default”) there.",
      ja: "同じ画面で、既定で電子署名する設定（「既定で署名」）をオンにします。",
    },
  ],
  notes: [
    {
      en: "On phones the certificate usually comes through your organisation’s device management; if S/MIME is not offered, ask your administrator.",
      ja: "スマートフォンでは、電子証明書は通常、組織のデバイス管理を通じて配布されます。S/MIME の項目がない場合は、管理者にお問い合わせください。",
    },
  ],
  source: "product",
};

function faqSets(): StepSet[] {
  return getEntry(SIGNING_FAQ_ID)?.steps ?? [];
}

function fromFaq(set: StepSet, extraNotes: LocalizedText[]): InstructionSet {
  return {
    label: set.label,
    steps: set.steps,
    notes: [...(set.note ? [set.note] : []), ...extraNotes],
    source: "faq",
    faqClient: set.client,
  };
}

function majorVersion(version: string | undefined): number | undefined {
  const m = /^\s*(\d{1,3})\./.exec(version ?? "");
  return m ? Number(m[1]) : undefined;
}

/** The instructions for this host, its own client first. */
export function signingGuide(host: Host): SigningGuide {
  const sets = faqSets();
  const classicNotes = (set: StepSet): LocalizedText[] => {
    const notes: LocalizedText[] = [];
    if (set.client === "outlook-2013-2016" && (majorVersion(host.version) ?? 16) >= 16)
      notes.push(VERSION_16);
    if (set.client === "outlook-2013-2016" || set.client === "outlook-2010") notes.push(PER_MESSAGE_CLASSIC);
    notes.push(NEEDS_CERTIFICATE);
    return notes;
  };
  const classic = sets.map((s) => fromFaq(s, classicNotes(s)));
  const product: Partial<Record<HostClient, InstructionSet>> = {
    "outlook-new": NEW_OUTLOOK,
    "outlook-web": OUTLOOK_WEB,
    "outlook-mac": OUTLOOK_MAC,
    "outlook-mobile": OUTLOOK_MOBILE,
  };
  const everyProduct = [NEW_OUTLOOK, OUTLOOK_WEB, OUTLOOK_MAC, OUTLOOK_MOBILE];

  if (host.client === "outlook-classic" || host.client === "unknown") {
    const want: StepClient =
      host.client === "outlook-classic"
        ? (preferredClients(host).find((c) => sets.some((s) => s.client === c)) ?? "outlook-2013-2016")
        : "outlook-2013-2016";
    const i = classic.findIndex((s) => s.faqClient === want);
    const primary = classic[i >= 0 ? i : 0];
    if (primary) {
      return {
        client: host.client,
        primary,
        others: [...classic.filter((s) => s !== primary), ...everyProduct],
        limitation: ADDIN_LIMITATION,
      };
    }
  }
  const own = product[host.client] ?? NEW_OUTLOOK;
  return {
    client: host.client,
    primary: own,
    others: [...classic, ...everyProduct.filter((s) => s !== own)],
    limitation: ADDIN_LIMITATION,
  };
}
