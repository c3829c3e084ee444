/** The ladder's notes: why a rung was passed over and what a newer Outlook would add. */
import type { LocalizedText } from "../engine/types";
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

export function unsupportedNote(rung: Rung): LadderNote {
  return { rung, reason: "unsupported", message: UNSUPPORTED[rung] };
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
