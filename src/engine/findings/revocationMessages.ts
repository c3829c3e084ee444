/**
 * The catalogue's words for revocation (revocation/): revoked, checked good, not known. Days are said in
 * UTC with the zone (./dates.ts); the detail keeps the instants.
 */
import { jaJoin } from "../util/ja";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import { dayEn, dayJa } from "./dates";
import type { RevocationCheck } from "./details";
import type { Renderings } from "./render";

/** CRL / OCSP reason codes (RFC 5280 §5.3.1) in Japanese. */
const REASON_JA: Record<string, string> = {
  unspecified: "理由の記載なし",
  keyCompromise: "鍵の危殆化（漏えい）",
  cACompromise: "認証局の危殆化",
  affiliationChanged: "所属の変更",
  superseded: "新しい電子証明書への切り替え",
  cessationOfOperation: "利用の終了",
  certificateHold: "一時停止",
  privilegeWithdrawn: "権限の取り消し",
  aACompromise: "属性認証局の危殆化",
};

const cut = (x: string | undefined): string => cutString(x ?? "", MAX_NAME_IN_MESSAGE);
const dEn = (iso: string | undefined): string => (iso ? dayEn(iso) : "?");
const dJa = (iso: string | undefined): string => (iso ? dayJa(iso) : "?");

type RevocationCode = "CERT_REVOKED" | "REVOCATION_GOOD" | "REVOCATION_UNKNOWN";

export const REVOCATION_MESSAGES: Renderings<RevocationCode> = {
  CERT_REVOKED: (d) => {
    const name = d.name;
    const who = d.issuerRevoked
      ? `The certificate "${cut(d.subject)}" in the path of ${name}`
      : `The certificate of ${name}`;
    const whoJa = d.issuerRevoked
      ? `${name} の発行元の電子証明書「${cut(d.subject)}」`
      : `${name} の電子証明書`;
    const reasonEn = d.reason ? ` (reason: ${d.reason})` : "";
    const reasonJa = d.reason ? `（理由：${REASON_JA[d.reason] ?? d.reason}）` : "";
    const src = d.source === "ocsp" ? `the OCSP responder ${cut(d.url)}` : `the CRL of ${cut(d.by)}`;
    const srcJa = d.source === "ocsp" ? `OCSP レスポンダー ${cut(d.url)}` : `${cut(d.by)} の CRL`;
    const when = d.compromise
      ? {
          en: "Its key was reported compromised: whoever holds it could have made this signature, whatever date it carries.",
          ja: "鍵が漏えいしたと届け出られているため、署名の日時にかかわらず、第三者が作った電子署名である可能性があります。",
        }
      : d.signingTime === undefined
        ? {
            en: "The signature carries no signing time, so it cannot be shown to predate the revocation.",
            ja: "電子署名に署名時刻がないため、失効より前に署名されたとは確認できません。",
          }
        : {
            en: `That is before the message was signed (${dEn(d.signingTime)}).`,
            ja: `これはメールに署名された ${dJa(d.signingTime)}より前です。`,
          };
    return {
      en: `${who} was revoked on ${dEn(d.revocationTime)}${reasonEn}, as ${src} says. ${when.en} Do not rely on this signature; confirm with the sender by another way (telephone, a known address).`,
      ja: `${whoJa}は ${dJa(d.revocationTime)}に失効しています${reasonJa}（${srcJa} による）。${when.ja}この電子署名は信頼せず、電話など別の手段で差出人に確認してください。`,
    };
  },

  REVOCATION_GOOD: (d) => {
    const first = d.checks[0] as RevocationCheck | undefined;
    const later = d.checks.filter((l) => l.status === "revoked");
    const how =
      first?.source === "ocsp"
        ? {
            en: `OCSP (${cut(first.url)}, answer signed by ${cut(first.by)})`,
            ja: `OCSP（${cut(first.url)}、応答の署名者：${cut(first.by)}）`,
          }
        : {
            en: `the CRL of ${cut(first?.by)}${first?.url ? ` (${cut(first.url)})` : ""}`,
            ja: `${cut(first?.by)} の CRL${first?.url ? `（${cut(first.url)}）` : ""}`,
          };
    const l = later[0];
    const laterText = l
      ? {
          en: ` It was revoked later, on ${dEn(l.revocationTime)}${l.reason ? ` (reason: ${l.reason})` : ""}, after this message was signed: the signature was made while the certificate was good.`,
          ja: `その後 ${dJa(l.revocationTime)}に失効しています${l.reason ? `（理由：${REASON_JA[l.reason] ?? l.reason}）` : ""}が、このメールはそれより前、電子証明書が有効なうちに署名されています。`,
        }
      : { en: "", ja: "" };
    return {
      en: `The certificate of ${d.name} was not revoked${l ? " when the message was signed" : ""}: checked through ${how.en}, answer of ${dEn(first?.thisUpdate)}.${laterText.en}`,
      ja: `${d.name} の電子証明書は${l ? "署名の時点で" : ""}失効していません（${jaJoin(how.ja, "で確認")}、${dJa(first?.thisUpdate)}時点の情報）。${laterText.ja}`,
    };
  },

  REVOCATION_UNKNOWN: (d) => {
    const why = ((): { en: string; ja: string } => {
      switch (d.reason) {
        case "unavailable":
          return d.unavailable ?? { en: "it cannot be checked here", ja: "ここでは確認できません" };
        case "not-checked":
          return {
            en: "no revocation check was requested (the command line checks with --revocation or --crl FILE)",
            ja: "失効の確認は求められていません。コマンドラインでは --revocation か --crl で確認できます",
          };
        case "unreadable":
          return { en: "the certificate could not be read", ja: "電子証明書を読み取れません" };
        case "self-signed":
          return {
            en: "it is self-signed, so no issuer publishes its revocation",
            ja: "自己署名の電子証明書で、失効を公開する発行者がいません",
          };
        case "issuer-missing":
          return {
            en: "the certificate of its issuer is not at hand, so no answer about it could be verified",
            ja: "発行者の電子証明書が手元にないため、失効情報を検証できません",
          };
        default: {
          const text = cutString((d.reasons ?? []).join("; ") || "no answer", 4 * MAX_NAME_IN_MESSAGE);
          return {
            en: `no usable answer was obtained (${text})`,
            ja: `使える失効情報が得られませんでした：${text}`,
          };
        }
      }
    })();
    return {
      en: `Whether the certificate of ${d.name} has been revoked is not known: ${why.en}.`,
      ja: `${d.name} の電子証明書が失効していないかは確認できていません（${why.ja}）。`,
    };
  },
};
