/**
 * The catalogue's words for the message's structure (diagnose/): damaged or unreadable input, Outlook
 * .msg files, nested and partial signatures.
 */
import { type Renderings, partName } from "./render";

type StructureCode = "MALFORMED_MIME" | "PARTIALLY_SIGNED" | "NESTED_SIGNATURE" | "MSG_WITHOUT_MIME";

export const STRUCTURE_MESSAGES: Renderings<StructureCode> = {
  MALFORMED_MIME: (d) => {
    switch (d.problem) {
      case "too-deep":
        return {
          en: `S/MIME layers are nested more than ${d.maxLayers ?? 0} deep; the inner layers were not analysed.`,
          ja: `S/MIME の入れ子が ${d.maxLayers ?? 0} 段を超えているため、内側は解析していません。`,
        };
      case "signed-parts-missing":
        return {
          en: `The multipart/signed part (${partName(d.part ?? "").en}) does not have the two parts it needs (the content, then an application/pkcs7-signature).`,
          ja: `multipart/signed（${partName(d.part ?? "").ja}）に、必要な 2 つのパート（本文と application/pkcs7-signature の電子署名）がそろっていません。`,
        };
      case "unanalysable":
        return {
          en: `The message could not be analysed: ${d.error ?? ""}.`,
          ja: `メールを解析できませんでした。技術的な詳細：${d.error ?? ""}`,
        };
      case "empty":
        return {
          en: "The input is empty: there is no e-mail message to check.",
          ja: "入力が空です。確認するメールがありません。",
        };
      case "not-a-message":
        return {
          en: "This file is not an e-mail message: it has no header lines (From, To, Subject…) and holds binary data. Open a message saved as .eml or as an Outlook .msg, or an S/MIME file (.p7m, .p7s).",
          ja: "このファイルはメールではありません。ヘッダー（From、To、Subject など）がなく、バイナリデータが入っています。.eml または Outlook の .msg として保存したメール、あるいは S/MIME のファイル（.p7m、.p7s）を開いてください。",
        };
      case "msg-unreadable":
        return d.notOutlook
          ? {
              en: `This file is an Office compound file but not an Outlook message (.msg): ${d.error ?? ""}. Open a message saved from Outlook, or saved as .eml.`,
              ja: `このファイルは Office の複合ファイルですが、Outlook で保存したメール（.msg）ではありません。Outlook で保存したメール（.msg）か、.eml として保存したメールを開いてください。技術的な詳細：${d.error ?? ""}`,
            }
          : {
              en: `The Outlook file (.msg) cannot be read: ${d.error ?? ""}. It may be damaged or incomplete; save the message from Outlook again (File › Save As), or as .eml.`,
              ja: `Outlook のファイル（.msg）を読み取れません。ファイルが壊れているか、途中までしかない可能性があります。Outlook でもう一度保存する（「ファイル」›「名前を付けて保存」）か、.eml として保存してください。技術的な詳細：${d.error ?? ""}`,
            };
      case "msg-cut": {
        const n = d.cutStreamCount ?? d.cutStreams?.length ?? 0;
        const listed = `${(d.cutStreams ?? []).slice(0, 3).join(", ")}${n > 3 ? ", …" : ""}`;
        return {
          en: `This Outlook file (.msg) is cut short: ${n} of its streams hold fewer bytes than the file says, so what was read from them is incomplete (${listed}). Save the message from Outlook again (File › Save As), or as .eml.`,
          ja: `この Outlook のファイル（.msg）は途中で切れています。${n} 件のストリームが、ファイルに記録された長さより短いため、読み取った内容は不完全です。Outlook でもう一度保存する（「ファイル」›「名前を付けて保存」）か、.eml として保存してください。技術的な詳細：${listed}`,
        };
      }
      case "msg-properties": {
        const unreadable = (d.unreadableProperties ?? []).join(", ");
        return {
          en: `Some properties of this Outlook file could not be read and were left out (${unreadable}): they do not hold a plain e-mail address (line breaks, angle brackets or commas in them), which is how a crafted file would add header lines. Treat the file with care.`,
          ja: `この Outlook のファイルの一部のプロパティを読み取れなかったため、使っていません（${unreadable}）。普通のメールアドレスではない値（改行、山かっこ、カンマなど）が入っており、細工したファイルがヘッダーを書き足すときの手口です。取り扱いに注意してください。`,
        };
      }
      case "smime-missing":
        return {
          en: `Outlook marks this item as S/MIME (${d.messageClass ?? ""}) but the file holds no S/MIME attachment (smime.p7m), so its signature or encryption cannot be checked. Only its text and headers are shown.`,
          ja: `Outlook ではこのアイテムは S/MIME（${d.messageClass ?? ""}）となっていますが、ファイルに S/MIME の添付（smime.p7m）がないため、電子署名や暗号化を確認できません。本文とヘッダーだけを表示しています。`,
        };
      default: {
        const problems = d.problems ?? [];
        const first = problems[0];
        const more = d.problemCount ?? problems.length;
        return {
          en: `The message structure is damaged: ${first?.message ?? "unreadable"} (byte ${first?.offset ?? 0}${more > 1 ? `, and ${more - 1} more problem(s)` : ""}). What could be read is shown.`,
          ja: `メールの構造が壊れています（${first?.offset ?? 0} バイト目付近${more > 1 ? `ほか ${more - 1} 件` : ""}）。読み取れた範囲で表示しています。技術的な詳細：${first?.message ?? "読み取り不能"}`,
        };
      }
    }
  },

  PARTIALLY_SIGNED: (d) => ({
    en: `Only part of this message is signed (${d.signedParts.map((p) => partName(p).en).join(", ")}); other content beside it (for example a mailing-list header or an added attachment) is not covered by the signature.`,
    ja: `このメールは一部だけが署名されています（${d.signedParts.map((p) => partName(p).ja).join("、")}）。それ以外の内容（メーリングリストの案内文や後から追加された添付ファイルなど）は電子署名の対象外です。`,
  }),

  NESTED_SIGNATURE: (d) => ({
    en: `Inside the signed message there is another signed message${d.innerName ? `, signed by ${d.innerName}` : ""}${d.outerName ? ` (the outer signature is by ${d.outerName})` : ""}. Each signature vouches for its own layer.`,
    ja: `電子署名付きメールの中に、さらに別の電子署名付きメールが入っています${d.innerName ? `（内側の署名者：${d.innerName}）` : ""}${d.outerName ? `。外側の署名者は ${d.outerName} です` : ""}。それぞれの電子署名が保証するのは、その電子署名の階層の内容だけです。`,
  }),

  MSG_WITHOUT_MIME: (d) => {
    const skipped = d.skippedAttachments?.length ?? 0;
    const unreadable = d.unreadableProperties?.join(", ");
    return {
      en: `This is an Outlook .msg of an ordinary item (${d.messageClass}): Outlook saved it without S/MIME, so it was not signed or encrypted when it was saved. A .msg keeps the text and ${d.headers === "transport" ? "the headers" : "a few properties (no transport headers)"}, not the message as it arrived, so its original character set (garbled text) and MIME structure cannot be checked from this file${skipped ? `, and ${skipped} attached item${skipped === 1 ? "" : "s"} could not be included` : ""}. To check those, download the message as .eml (Outlook on the web, new Outlook) or open it in Outlook with this add-in.${unreadable ? ` Some properties could not be read and were left out (${unreadable}): they do not hold a plain e-mail address.` : ""}`,
      ja: `これは Outlook の通常のアイテム（${d.messageClass}）を保存した .msg ファイルです。S/MIME なしで保存されているため、保存の時点で電子署名も暗号化もありません。.msg に残るのは本文と${d.headers === "transport" ? "ヘッダー" : "一部のプロパティ（受信時のヘッダーはありません）"}で、届いたときのメールそのものではないため、元の文字コード（文字化け）や MIME の構造はこのファイルからは分かりません${skipped ? `。添付されたアイテム ${skipped} 件は含められませんでした` : ""}。これらを調べるには、Outlook on the web や新しい Outlook でメールを .eml としてダウンロードするか、Outlook でメールを開いてこのアドインで確認してください。${unreadable ? `また、一部のプロパティは普通のメールアドレスではない値が入っていたため読み取れず、使っていません（${unreadable}）。` : ""}`,
    };
  },
};
