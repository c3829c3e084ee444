/**
 * The catalogue's words for CMS data that cannot be read or checked (cms/, x509/, pkcs12/): MALFORMED_CMS
 * and UNSUPPORTED_ALGORITHM, each case told by the detail's `problem` / `scope`.
 */
import { jaJoin } from "../util/ja";
import { type Renderings, partName } from "./render";

export const CMS_MESSAGES: Renderings<"MALFORMED_CMS" | "UNSUPPORTED_ALGORITHM"> = {
  MALFORMED_CMS: (d) => {
    switch (d.problem) {
      case "validity-unreadable":
        return {
          en: `The validity dates of the certificate of ${d.name ?? ""} cannot be read (${d.unreadable ?? ""}), so whether it is valid cannot be told; it is not counted as valid.`,
          ja: `${d.name ?? ""} の電子証明書の有効期間（${d.unreadable === "notBefore" ? "開始日" : "終了日"}）を読み取れません。有効かどうか判断できないため、有効とはみなしません。`,
        };
      case "unprocessable":
        return {
          en: `The signature could not be processed: ${d.error ?? ""}.`,
          ja: `電子署名を処理できませんでした。技術的な詳細：${d.error ?? ""}`,
        };
      case "too-many":
        return d.limit === "signers"
          ? {
              en: `The signature has ${d.count ?? 0} signers, more than this tool checks (${d.cap ?? 0}); only the first ${d.checked ?? 0} were checked, so the signature as a whole cannot be confirmed.`,
              ja: `署名者が ${d.count ?? 0} 人あり、このツールが確認する上限（${d.cap ?? 0} 人）を超えています。最初の ${d.checked ?? 0} 人だけを確認したため、電子署名全体が有効とは確認できません。`,
            }
          : {
              en: `The signature carries ${d.count ?? 0} certificates, more than this tool reads (${d.cap ?? 0}); the rest were ignored.`,
              ja: `電子署名のデータに電子証明書が ${d.count ?? 0} 件含まれており、このツールが読み取る上限（${d.cap ?? 0} 件）を超えています。残りは読み取っていません。`,
            };
      case "not-a-signature":
        return {
          en: `The signature part (${partName(d.part ?? "").en}) holds ${d.contentType ?? ""} data, not a signature.`,
          ja: `電子署名のパート（${partName(d.part ?? "").ja}）には、電子署名ではなく別の種類のデータが入っています。`,
        };
      default: {
        const where =
          d.part === undefined || d.part === "(input)" ? { en: "the input", ja: "入力" } : partName(d.part);
        const ofJa = jaJoin(where.ja, "の"); // 「パート 1 の」「メール全体の」
        return {
          en: `The S/MIME data in ${where.en} cannot be read: ${d.error ?? ""}${d.offset !== undefined ? ` (at byte ${d.offset})` : ""}.`,
          ja: `${ofJa} S/MIME データを読み取れません${d.offset !== undefined ? `（${d.offset} バイト目）` : ""}。技術的な詳細：${d.error ?? ""}`,
        };
      }
    }
  },

  UNSUPPORTED_ALGORITHM: (d) => {
    switch (d.scope) {
      case "chain":
        return {
          en: `The certificate chain of ${d.name ?? ""} was not checked: a certificate in it is signed with an algorithm this tool cannot check, so whether it leads to a trusted root cannot be told here.`,
          ja: `${d.name ?? ""} の電子証明書の発行元は確認していません。発行元までの電子証明書の中に、このツールでは確認できない方式で署名されたものがあるため、信頼できるルート証明書につながるかどうかは判断できません。`,
        };
      case "cms-content":
        return {
          en: `The S/MIME part (${partName(d.part ?? "").en}) holds CMS content of type ${d.contentType ?? ""}, which this version does not analyse.`,
          ja: `S/MIME パート（${partName(d.part ?? "").ja}）には CMS データ（種類：${d.contentType ?? ""}）が含まれていますが、このバージョンでは解析できません。`,
        };
      case "pkcs12":
        return {
          en: `Part of the file uses an algorithm this check cannot handle (${d.algorithm ?? ""}), so it could not be checked completely.`,
          ja: `ファイルの一部に、このチェックでは扱えない方式（${d.algorithm ?? ""}）が使われているため、すべてを確認することはできませんでした。`,
        };
      default: {
        const what = d.what ?? d.algorithm ?? "";
        const en = {
          digest: `the digest algorithm ${what}`,
          signature: `the signature algorithm ${what}`,
          key: `a ${what} key`,
        }[d.kind ?? "signature"];
        const ja = { digest: `ダイジェスト方式 ${what}`, signature: `署名方式 ${what}`, key: `${what} の鍵` }[
          d.kind ?? "signature"
        ];
        return {
          en: `This signature uses ${en}, which this tool cannot check. The signature may well be fine; it simply cannot be verified here.`,
          ja: `${jaJoin("この電子署名には", ja)}が使われていますが、このツールでは確認できません。電子署名が有効な可能性もありますが、ここでは検証できません。`,
        };
      }
    }
  },
};
