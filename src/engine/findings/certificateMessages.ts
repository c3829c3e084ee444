/**
 * The catalogue's words for findings about one certificate and its chain (x509/): validity, usage, key
 * size, trust. Names and dates come from the detail; days are said in UTC (./dates.ts).
 */
import { dayEn, dayJa } from "./dates";
import type { Renderings } from "./render";

type CertificateCode =
  "CERT_EXPIRED" | "CERT_NOT_YET_VALID" | "CERT_NOT_FOR_EMAIL" | "WEAK_KEY" | "CERT_UNTRUSTED";

const text = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");

export const CERTIFICATE_MESSAGES: Renderings<CertificateCode> = {
  CERT_EXPIRED: (d) => {
    if (d.certificateFile) {
      return {
        en: `The certificate of ${d.name} expired on ${dayEn(d.notAfter)}: it can no longer be used to sign. Keep this file anyway: it is still needed to read mail encrypted to it in the past.`,
        ja: `${d.name} の電子証明書は ${dayJa(d.notAfter)}に有効期限が切れています。電子署名には使えません。ただし、過去に暗号化されたメールを読むのに必要なので、このファイルは削除せずに保管してください。`,
      };
    }
    const sEn =
      d.validAtSigningTime === true
        ? " It was still valid when the message was signed, so the signature is not affected: this is normal for older mail. Only new signatures, and encrypted mail to its owner, need a new certificate."
        : d.validAtSigningTime === false
          ? " It had already expired when the message was signed."
          : " The message carries no signing time, so whether it was valid at signing cannot be told.";
    const sJa =
      d.validAtSigningTime === true
        ? "署名された時点では有効だったため、電子署名そのものには影響しません。古いメールでは普通のことです。新しく署名したり、この相手に暗号化メールを送ったりするには、新しい電子証明書が必要です。"
        : d.validAtSigningTime === false
          ? "署名された時点で、すでに有効期限が切れていました。"
          : "署名時刻が記録されていないため、署名の時点で有効だったかどうかは分かりません。";
    return {
      en: `The certificate of ${d.name} expired on ${dayEn(d.notAfter)}.${sEn}`,
      ja: `${d.name} の電子証明書は ${dayJa(d.notAfter)}に有効期限が切れています。${sJa}`,
    };
  },

  CERT_NOT_YET_VALID: (d) => {
    if (d.certificateFile) {
      return {
        en: `The certificate of ${d.name} is not valid until ${dayEn(d.notBefore)}. Check the computer's clock.`,
        ja: `${d.name} の電子証明書は ${dayJa(d.notBefore)}から有効になるもので、まだ有効ではありません。パソコンの時計が正しいか確認してください。`,
      };
    }
    if (Date.parse(d.at) < Date.parse(d.notBefore) || d.signingTime === undefined) {
      return {
        en: `The certificate of ${d.name} is not valid until ${dayEn(d.notBefore)}. Check the computer's clock, or the certificate was issued with a future start date.${d.validAtSigningTime === false ? " It was not valid when the message was signed either." : ""}`,
        ja: `${d.name} の電子証明書は ${dayJa(d.notBefore)}から有効になるもので、まだ有効ではありません。パソコンの時計が正しいか確認してください。時計が正しい場合は、有効期間の開始日が将来の日付で発行された電子証明書です。${d.validAtSigningTime === false ? "署名された時点でも有効ではありませんでした。" : ""}`,
      };
    }
    return {
      en: `The certificate of ${d.name} was not yet valid when the message was signed (signed ${dayEn(d.signingTime)}, valid from ${dayEn(d.notBefore)}): the signing computer's clock was wrong, or the signing time is not true.`,
      ja: `${d.name} の電子証明書は、署名された ${dayJa(d.signingTime)}の時点ではまだ有効ではありませんでした。有効期間の開始は ${dayJa(d.notBefore)}です。署名したパソコンの時計がずれていたか、署名時刻が正しくありません。`,
    };
  },

  CERT_NOT_FOR_EMAIL: (d) =>
    d.reason === "key-usage"
      ? {
          en: `The certificate of ${d.name} is not meant for signing: its key usage (${(d.keyUsage ?? []).join(", ") || "none"}) has neither digitalSignature nor nonRepudiation. Mail clients may reject the signature.`,
          ja: `${d.name} の電子証明書は電子署名用ではありません。鍵の用途（${(d.keyUsage ?? []).join("、") || "なし"}）に digitalSignature も nonRepudiation も含まれていないため、メールソフトが電子署名を受け付けないことがあります。`,
        }
      : {
          en: `The certificate of ${d.name} is not meant for e-mail: its extended key usage (${(d.extendedKeyUsage ?? []).join(", ")}) does not include emailProtection. Mail clients may reject the signature.`,
          ja: `${d.name} の電子証明書はメール用ではありません。拡張鍵用途（${(d.extendedKeyUsage ?? []).join("、")}）に電子メールの保護（emailProtection）が含まれていないため、メールソフトが電子署名を受け付けないことがあります。`,
        },

  WEAK_KEY: (d) => ({
    en: `The certificate of ${d.name} has a ${d.keySize}-bit RSA key. Keys below 2048 bits are considered breakable and are rejected by current mail clients.`,
    ja: `${d.name} の電子証明書の RSA 鍵は ${d.keySize} ビットです。2048 ビット未満の鍵は安全とはいえず、最近のメールソフトでは受け付けられません。`,
  }),

  CERT_UNTRUSTED: (d) => {
    const p = d as Record<string, unknown>;
    const missing = d.missingIssuer ?? "";
    const top = d.topName ?? "";
    const why: Record<string, { en: string; ja: string }> = {
      "no-anchors": {
        en: "no trusted root certificate was configured to check it against",
        ja: "確認に使う信頼済みのルート証明書が設定されていません",
      },
      "self-signed": {
        en: "it ends at a self-signed certificate that is not among the trusted roots",
        ja: "発行元をたどると、信頼済みのルート証明書に含まれない自己署名の電子証明書で終わっています",
      },
      "unknown-issuer":
        d.chain.length <= 1
          ? {
              en: `the chain is incomplete: the intermediate certificate that issued it (${missing}) was not included in the message, and it is not among the trusted roots. Missing intermediates are not fetched; the sender's mail program should include them`,
              ja: `発行元をたどる途中で切れています。この電子証明書を発行した中間CA証明書（${missing}）がメールに含まれておらず、信頼済みのルート証明書にもありません。欠けた中間CA証明書をインターネットから取りに行くことはしません。差出人のメールソフトで中間CA証明書を含めて署名する必要があります`,
            }
          : {
              en: `the chain ends at "${top}", whose issuer (${missing}) is neither in the message nor among the trusted roots: a root certificate not trusted here, or a further intermediate certificate that was not included`,
              ja: `発行元をたどると「${top}」で止まっています。その発行元（${missing}）はメールにも信頼済みのルート証明書にもありません。ここでは信頼されていないルート証明書か、メールに含まれていない別の中間CA証明書です`,
            },
      "bad-signature": {
        en: "a certificate in the chain does not carry a valid signature from its issuer",
        ja: "発行元までの電子証明書の中に、発行元による正しい署名がないものがあります",
      },
      loop: {
        en: "the certificates in the message issue one another in a loop and never reach a trusted root",
        ja: "メールに含まれる電子証明書が互いを発行し合う循環になっていて、信頼済みのルート証明書にたどり着きません",
      },
      "too-long": {
        en: `the chain is longer than ${text(p["maxChain"])} certificates, more than any genuine chain, and was not followed further`,
        ja: `発行元までの電子証明書が ${text(p["maxChain"])} 段を超えており、通常ではありえない長さのため、それ以上たどっていません`,
      },
      distrusted: {
        en: `the certificate "${text(p["certificate"])}" in its chain is explicitly distrusted${p["label"] ? ` (${text(p["label"])})` : ""}`,
        ja: `発行元の電子証明書「${text(p["certificate"])}」は、信頼しないものとして明示的に登録されています${p["label"] ? `（${text(p["label"])}）` : ""}`,
      },
      "distrust-after": {
        en: `the root "${text(p["anchor"])}" is no longer trusted for e-mail certificates issued after ${dayEn(text(p["distrustAfter"]))}, and this one was issued on ${dayEn(text(p["notBefore"]))}`,
        ja: `ルート証明書「${text(p["anchor"])}」は、${dayJa(text(p["distrustAfter"]))}より後に発行されたメール用の電子証明書を信頼しなくなっており、この電子証明書は ${dayJa(text(p["notBefore"]))}に発行されています`,
      },
      "not-a-ca": {
        en: `the certificate "${text(p["certificate"])}" that issued "${text(p["issued"])}" in its chain is not allowed to issue certificates (it is not a CA certificate). Someone may have made this certificate themselves with an ordinary certificate: do not rely on the sender's name in it`,
        ja: `「${text(p["issued"])}」を発行した電子証明書「${text(p["certificate"])}」は、電子証明書を発行することを認められていません（CA の証明書ではありません）。誰かが普通の電子証明書を使って、この電子証明書を自分で作った可能性があります。電子証明書に書かれた差出人の名前を信用しないでください`,
      },
      "path-length": {
        en: `the CA certificate "${text(p["certificate"])}" may have at most ${text(p["pathLenConstraint"])} intermediate CA certificate(s) below it, but this chain has ${text(p["intermediatesBelow"])}. A CA that was not allowed to issue certificates issued one in this chain; someone may have made this certificate themselves`,
        ja: `CA の証明書「${text(p["certificate"])}」の下に置ける中間CA証明書は ${text(p["pathLenConstraint"])} 段までですが、ここでは ${text(p["intermediatesBelow"])} 段あります。電子証明書を発行することを認められていない CA が、発行元の電子証明書を発行しています。誰かがこの電子証明書を自分で作った可能性があります`,
      },
      "issuer-not-valid": {
        en: `the issuing certificate "${text(p["certificate"])}" was not valid when the message was signed (valid ${dayEn(text(p["notBefore"]))} to ${dayEn(text(p["notAfter"]))})`,
        ja: `発行元の電子証明書「${text(p["certificate"])}」は、署名された時点で有効期間外でした。有効期間は ${dayJa(text(p["notBefore"]))}から ${dayJa(text(p["notAfter"]))}までです`,
      },
    };
    const w = why[d.reason] ?? {
      en: "the chain could not be completed",
      ja: "発行元を最後までたどれません",
    };
    return {
      en: `The certificate of ${d.name} could not be traced to a trusted root: ${w.en}.`,
      ja: `${d.name} の電子証明書を信頼できるルート証明書までたどれません。${w.ja}。`,
    };
  },
};
