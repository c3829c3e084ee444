/** The ladder's notes: why a rung was passed over and what a newer Outlook would add. */
import type { LocalizedText } from "../engine";
import type { LadderNote, Rung } from "./types";
import { OfficeCallError, describe } from "./async";

const UNSUPPORTED: Record<Rung, LocalizedText> = {
  eml: {
    en:
      "This version of Outlook cannot give add-ins the whole message (Mailbox 1.14), so the signature " +
      "itself cannot be checked here. Outlook for Microsoft 365, Outlook on the web and the new Outlook " +
      "for Windows can.",
    ja:
      "この Outlook はアドインにメッセージ全体を渡す機能（Mailbox 1.14）に対応していないため、ここでは署名そのものを" +
      "確認できません。Microsoft 365 版の Outlook、Outlook on the web、新しい Outlook for Windows では確認できます。",
  },
  "smime-attachment": {
    en: "This version of Outlook cannot read attachment contents (Mailbox 1.8), so the S/MIME data stored by Exchange cannot be read.",
    ja: "この Outlook は添付ファイルの内容の読み取り（Mailbox 1.8）に対応していないため、Exchange が保存している S/MIME のデータを読み取れません。",
  },
  headers: {
    en:
      "This version of Outlook cannot show add-ins the message's internet headers (Mailbox 1.8); only the " +
      "message type and the attachment list are available, so the result below is a rough guess.",
    ja:
      "この Outlook はアドインにインターネット ヘッダー（Mailbox 1.8）を渡せないため、メッセージの種類と添付ファイルの" +
      "一覧しか分かりません。以下の結果はおおまかな推定です。",
  },
  basic: {
    en: "This version of Outlook gives add-ins almost no information about the message.",
    ja: "この Outlook は、アドインにメッセージの情報をほとんど渡しません。",
  },
};

/**
 * Exchange Server on premises (userProfile.accountType "enterprise") caps add-ins at Mailbox 1.5 whatever
 * the Outlook version: the notes must not send people to update Outlook.
 */
const ON_PREMISES: Partial<Record<Rung, LocalizedText>> = {
  eml: {
    en:
      "Your mailbox is on Exchange Server on premises, which limits add-ins to Mailbox 1.5 whatever the " +
      "Outlook version, so Outlook cannot give add-ins the whole message (Mailbox 1.14) and the signature " +
      "itself cannot be checked here. Updating Outlook does not change this. To check the signature, save " +
      "the message (.msg or .eml) and open it in S/MIME Assistant's standalone page or with its command line.",
    ja:
      "このメールボックスはオンプレミスの Exchange Server 上にあります。オンプレミスの Exchange Server では、Outlook の" +
      "バージョンにかかわらずアドインが使える機能は Mailbox 1.5 までに制限されるため、メッセージ全体（Mailbox 1.14）を" +
      "受け取れず、ここでは署名そのものを確認できません。Outlook を更新しても変わりません。署名を確認するには、メッセージを" +
      "ファイル（.msg または .eml）として保存し、S/MIME アシスタントの単体ページまたはコマンドラインで開いてください。",
  },
  "smime-attachment": {
    en:
      "Exchange Server on premises limits add-ins to Mailbox 1.5, so the S/MIME data it stores (smime.p7m, " +
      "Mailbox 1.8) cannot be read here either.",
    ja:
      "オンプレミスの Exchange Server ではアドインの機能が Mailbox 1.5 までに制限されるため、Exchange が保存している " +
      "S/MIME のデータ（smime.p7m、Mailbox 1.8）も読み取れません。",
  },
  headers: {
    en:
      "Exchange Server on premises limits add-ins to Mailbox 1.5, so the internet headers (Mailbox 1.8) are " +
      "not available either; only the message type and the attachment list are, and the result below is a " +
      "rough guess.",
    ja:
      "オンプレミスの Exchange Server ではアドインの機能が Mailbox 1.5 までに制限されるため、インターネット ヘッダー" +
      "（Mailbox 1.8）も受け取れません。メッセージの種類と添付ファイルの一覧しか分からないため、以下の結果はおおまかな推定です。",
  },
};

export function unsupportedNote(rung: Rung, context: { onPremises?: boolean } = {}): LadderNote {
  const onPrem = context.onPremises ? ON_PREMISES[rung] : undefined;
  return { rung, reason: "unsupported", message: onPrem ?? UNSUPPORTED[rung] };
}

/**
 * Classic Outlook for Windows hands add-ins a MIME message it rebuilds from what it stored
 * (getAsFileAsync), and a clear-signed message's rebuilt bytes may differ from what was signed.
 */
const CHECK_ORIGINAL: LocalizedText = {
  en:
    "To check the original, save the message (File → Save As, as .msg or .eml) and open the file in " +
    "S/MIME Assistant's standalone page or with its command line (smime-assistant diagnose FILE).",
  ja:
    "元のメッセージを確認するには、メッセージを保存し（「ファイル」→「名前を付けて保存」で .msg または .eml）、" +
    "S/MIME アシスタントの単体ページかコマンドライン（smime-assistant diagnose ファイル名）で開いてください。",
};

/** The signature failed on the rebuilt copy and there is no original to try. */
export const REBUILT_ONLY_NOTE: LadderNote = {
  rung: "eml",
  reason: "caution",
  message: {
    en:
      "Outlook for Windows rebuilt this message before handing it to the add-in, and the signature check " +
      "failed on that rebuilt copy. The failure may come from the rebuilding, not from a change to the " +
      "message itself. " +
      CHECK_ORIGINAL.en,
    ja:
      "Windows 版 Outlook は、このメッセージを組み立て直してからアドインに渡しています。電子署名の検証に失敗したのは" +
      "組み立て直したメッセージで、失敗の原因はメッセージの改ざんではなく、この組み立て直しにある可能性があります。" +
      CHECK_ORIGINAL.ja,
  },
};

/** The rebuilt copy failed, Exchange's original S/MIME data verified: the result shown is the original's. */
export const REBUILT_DIFFERS_NOTE: LadderNote = {
  rung: "smime-attachment",
  reason: "caution",
  message: {
    en:
      "The signature check failed on the copy of the message that Outlook for Windows rebuilt for the " +
      "add-in, so the add-in also checked the original S/MIME data that Exchange keeps (smime.p7m). The " +
      "result shown is the original's: the difference came from Outlook's rebuilding, not from a change " +
      "to the message.",
    ja:
      "Windows 版 Outlook がアドイン用に組み立て直したメッセージでは電子署名の検証に失敗したため、Exchange が保存している" +
      "元の S/MIME のデータ（smime.p7m）も確認しました。表示している結果は元のデータのものです。違いは Outlook の" +
      "組み立て直しによるもので、メッセージが変更されたためではありません。",
  },
};

/** Both the rebuilt copy and Exchange's original fail: the original's result is shown. */
export const ORIGINAL_ALSO_FAILS_NOTE: LadderNote = {
  rung: "smime-attachment",
  reason: "caution",
  message: {
    en:
      "The signature check failed on the copy that Outlook for Windows rebuilt for the add-in, so the " +
      "add-in also checked the original S/MIME data that Exchange keeps (smime.p7m). The result shown is " +
      "the original's.",
    ja:
      "Windows 版 Outlook がアドイン用に組み立て直したメッセージで電子署名の検証に失敗したため、Exchange が保存している" +
      "元の S/MIME のデータ（smime.p7m）も確認しました。表示している結果は元のデータのものです。",
  },
};

/** The item is in a shared folder or a shared mailbox (getSharedPropertiesAsync, Mailbox 1.8). */
export function sharedItemNote(owner: string | undefined): LadderNote {
  return {
    rung: "basic",
    reason: "not-applicable",
    message: owner
      ? {
          en: `This message is in a shared folder or shared mailbox (${owner}).`,
          ja: `このメッセージは共有フォルダーまたは共有メールボックス（${owner}）にあります。`,
        }
      : {
          en: "This message is in a shared folder or shared mailbox.",
          ja: "このメッセージは共有フォルダーまたは共有メールボックスにあります。",
        },
  };
}

const WHAT: Record<Rung, LocalizedText> = {
  eml: { en: "the whole message", ja: "メッセージ全体" },
  "smime-attachment": { en: "the S/MIME data (smime.p7m)", ja: "S/MIME のデータ（smime.p7m）" },
  headers: { en: "the internet headers", ja: "インターネット ヘッダー" },
  basic: { en: "the message details", ja: "メッセージの情報" },
};

export function errorNote(rung: Rung, e: unknown): LadderNote {
  const what = WHAT[rung];
  if (e instanceof OfficeCallError && e.kind === "timeout") {
    return {
      rung,
      reason: "error",
      message: {
        en: `Outlook did not hand over ${what.en} in time (${e.api}, no answer within 15 seconds).`,
        ja: `Outlook から${what.ja}を時間内に受け取れませんでした（${e.api}、15 秒以内に応答がありませんでした）。`,
      },
    };
  }
  const detail = e instanceof OfficeCallError ? e.message : describe(e);
  return {
    rung,
    reason: "error",
    message: {
      en: `Outlook could not hand over ${what.en} (${detail}).`,
      ja: `Outlook から${what.ja}を受け取れませんでした（${detail}）。`,
    },
  };
}

export function notApplicableNote(rung: Rung, itemClass: string | undefined): LadderNote {
  if (rung === "smime-attachment") {
    return {
      rung,
      reason: "not-applicable",
      message: {
        en: `Exchange does not store this message as S/MIME (message class ${itemClass ?? "unknown"}), so there is no smime.p7m to read.`,
        ja: `Exchange はこのメッセージを S/MIME として保存していません（メッセージ クラス ${itemClass ?? "不明"}）。そのため smime.p7m はありません。`,
      },
    };
  }
  return {
    rung,
    reason: "not-applicable",
    message: {
      en: "This step does not apply to this message.",
      ja: "この手順はこのメッセージには当てはまりません。",
    },
  };
}

export const NO_ITEM_NOTE: LadderNote = {
  rung: "basic",
  reason: "not-applicable",
  message: {
    en: "No message is selected. Select a message to check it (or pin this pane to follow your selection).",
    ja: "メッセージが選択されていません。確認したいメッセージを選択してください（この作業ウィンドウをピン留めすると、選択に合わせて表示が切り替わります）。",
  },
};

export const NOT_IN_OUTLOOK_NOTE: LadderNote = {
  rung: "basic",
  reason: "unsupported",
  message: {
    en: "The add-in is not running inside Outlook, so it cannot read a message. Open a message file (.eml) instead.",
    ja: "アドインが Outlook の中で動いていないため、メッセージを読み取れません。代わりにメッセージ ファイル（.eml）を開いてください。",
  },
};

export const COMPOSE_NOTE: LadderNote = {
  rung: "basic",
  reason: "not-applicable",
  message: {
    en: "This is a message you are writing; the signing setup check applies here, not the message check.",
    ja: "これは作成中のメッセージです。ここではメッセージの確認の代わりに、署名の設定を確認するための手順を表示します。",
  },
};

export const PARTIAL_NOTE: Record<"headers" | "basic", LadderNote> = {
  headers: {
    rung: "headers",
    reason: "not-applicable",
    message: {
      en:
        "Partial result: it is based on the message's headers and attachment list only. The signature could " +
        "not be verified, because Outlook did not give the add-in the original message.",
      ja:
        "部分的な結果です。メッセージのヘッダーと添付ファイルの一覧だけをもとにしています。Outlook から元のメッセージを" +
        "受け取れなかったため、署名は検証できていません。",
    },
  },
  basic: {
    rung: "basic",
    reason: "not-applicable",
    message: {
      en:
        "Partial result: it is based on the message type and attachment list only. The signature could not be " +
        "verified, because Outlook did not give the add-in the original message.",
      ja:
        "部分的な結果です。メッセージの種類と添付ファイルの一覧だけをもとにしています。Outlook から元のメッセージを" +
        "受け取れなかったため、署名は検証できていません。",
    },
  },
};
