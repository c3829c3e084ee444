/**
 * The trust judgement of a built chain: CERT_UNTRUSTED with the reason, in words.
 */
import { finding } from "../findings";
import type { CertificateSummary, Finding } from "../types";

import { displayName, day } from "./certificateFindings";
import { type ChainResult, MAX_CHAIN } from "./chain";

/**
 * The finding for a chain that does not end at a trust anchor: CERT_UNTRUSTED, or, when a certificate in
 * the chain is signed with an algorithm this tool cannot check, UNSUPPORTED_ALGORITHM saying that the chain
 * was not checked (not "untrusted": nothing says it is). Undefined when trusted.
 */
export function trustFinding(leaf: CertificateSummary, result: ChainResult): Finding | undefined {
  if (result.trusted) return undefined;
  const name = displayName(leaf);
  const top = result.chain[result.chain.length - 1];
  const reason = result.reason ?? "unknown-issuer";
  const chainDetail = {
    subject: leaf.subject,
    reason,
    chain: result.chain.map((c) => c.subject),
    complete: result.complete,
    ...(top ? { top: top.subject, topIssuer: top.issuer } : {}),
    ...(result.problem ?? {}),
  };
  if (reason === "unsupported-algorithm") {
    return finding(
      "UNSUPPORTED_ALGORITHM",
      {
        en: `The certificate chain of ${name} was not checked: a certificate in it is signed with an algorithm this tool cannot check, so whether it leads to a trusted root cannot be told here.`,
        ja: `${name} の電子証明書のチェーンは確認していません。チェーンの中に、このツールでは確認できない方式で署名された証明書があるため、信頼できるルート証明書につながるかどうかは判断できません。`,
      },
      { ...chainDetail, source: "certificate-chain", chainChecked: false },
    );
  }
  const p = result.problem ?? {};
  const missing = top?.issuer ?? leaf.issuer;
  const why: Record<string, { en: string; ja: string }> = {
    "no-anchors": {
      en: "no trusted root certificate was configured to check it against",
      ja: "照合する信頼済みのルート証明書が設定されていません",
    },
    "self-signed": {
      en: "it ends at a self-signed certificate that is not among the trusted roots",
      ja: "信頼済みのルート証明書に含まれない自己署名証明書で終わっています",
    },
    "unknown-issuer":
      result.chain.length <= 1
        ? {
            en: `the chain is incomplete: the intermediate certificate that issued it (${missing}) was not included in the message, and it is not among the trusted roots. Missing intermediates are not fetched; the sender's mail program should include them`,
            ja: `証明書チェーンが途中で切れています。この証明書を発行した中間CA証明書（${missing}）がメールに含まれておらず、信頼済みのルート証明書にもありません。欠けた中間CA証明書をインターネットから取りに行くことはしません。送信者のメールソフトで中間CA証明書を含めて署名する必要があります`,
          }
        : {
            en: `the chain ends at "${top?.commonName || top?.subject || ""}", whose issuer (${missing}) is neither in the message nor among the trusted roots: a root certificate not trusted here, or a further intermediate certificate that was not included`,
            ja: `証明書チェーンは「${top?.commonName || top?.subject || ""}」で止まっています。その発行元（${missing}）はメールにも信頼済みのルート証明書にもありません。ここでは信頼されていないルート証明書か、メールに含まれていない別の中間CA証明書です`,
          },
    "bad-signature": {
      en: "a certificate in the chain does not carry a valid signature from its issuer",
      ja: "証明書チェーンの中に、発行元による正しい署名がない証明書があります",
    },
    loop: {
      en: "the certificates in the message issue one another in a loop and never reach a trusted root",
      ja: "メールに含まれる証明書が互いを発行し合う循環になっていて、信頼済みのルート証明書にたどり着きません",
    },
    "too-long": {
      en: `the chain is longer than ${MAX_CHAIN} certificates, more than any genuine chain, and was not followed further`,
      ja: `証明書チェーンが ${MAX_CHAIN} 段を超えており、通常の証明書ではありえない長さのため、それ以上たどっていません`,
    },
    distrusted: {
      en: `the certificate "${p["certificate"] ?? ""}" in its chain is explicitly distrusted${p["label"] ? ` (${p["label"]})` : ""}`,
      ja: `チェーンの中の証明書「${p["certificate"] ?? ""}」は、信頼しないものとして明示的に登録されています${p["label"] ? `（${p["label"]}）` : ""}`,
    },
    "distrust-after": {
      en: `the root "${p["anchor"] ?? ""}" is no longer trusted for e-mail certificates issued after ${day(p["distrustAfter"] ?? "")}, and this one was issued on ${day(p["notBefore"] ?? "")}`,
      ja: `ルート証明書「${p["anchor"] ?? ""}」は、${day(p["distrustAfter"] ?? "")} より後に発行されたメール用の証明書を信頼しなくなっており、この証明書は ${day(p["notBefore"] ?? "")} に発行されています`,
    },
    "not-a-ca": {
      en: `the certificate "${p["certificate"] ?? ""}" that issued "${p["issued"] ?? ""}" in its chain is not allowed to issue certificates (it is not a CA certificate). Someone may have made this certificate themselves with an ordinary certificate: do not rely on the sender's name in it`,
      ja: `チェーンの中で「${p["issued"] ?? ""}」を発行した証明書「${p["certificate"] ?? ""}」は、電子証明書を発行することを認められていません（CA の証明書ではありません）。誰かが普通の電子証明書を使って、この証明書を自分で作った可能性があります。証明書に書かれた差出人の名前を信用しないでください`,
    },
    "path-length": {
      en: `the CA certificate "${p["certificate"] ?? ""}" may have at most ${p["pathLenConstraint"] ?? ""} intermediate CA certificate(s) below it, but this chain has ${p["intermediatesBelow"] ?? ""}. A CA that was not allowed to issue certificates issued one in this chain; someone may have made this certificate themselves`,
      ja: `CA の証明書「${p["certificate"] ?? ""}」の下に置ける中間CA証明書は ${p["pathLenConstraint"] ?? ""} 段までですが、このチェーンには ${p["intermediatesBelow"] ?? ""} 段あります。証明書を発行することを認められていない CA がチェーンの中の証明書を発行しています。誰かがこの証明書を自分で作った可能性があります`,
    },
    "issuer-not-valid": {
      en: `the issuing certificate "${p["certificate"] ?? ""}" was not valid when the message was signed (valid ${day(p["notBefore"] ?? "")} to ${day(p["notAfter"] ?? "")})`,
      ja: `発行元の証明書「${p["certificate"] ?? ""}」は、署名された時点で有効期間外でした（有効期間 ${day(p["notBefore"] ?? "")}〜${day(p["notAfter"] ?? "")}）`,
    },
  };
  const w = why[reason] ?? {
    en: "the chain could not be completed",
    ja: "証明書チェーンを最後までたどれません",
  };
  return finding(
    "CERT_UNTRUSTED",
    {
      en: `The certificate of ${name} could not be traced to a trusted root: ${w.en}.`,
      ja: `${name} の証明書を信頼できるルート証明書までたどれません。${w.ja}。`,
    },
    {
      ...chainDetail,
      // A JCAN chain: src/faq/engineAdvice.ts says how to install JCAN's root and intermediates.
      ...(leaf.jcan || result.chain.some((c) => c.jcan) ? { jcan: true } : {}),
      ...(reason === "unknown-issuer" ? { chainIncomplete: true, missingIssuer: missing } : {}),
    },
  );
}
