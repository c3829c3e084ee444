/** Rules on the signer's certificate: registering it, expiry, an untrusted issuer, background terms. */
import type { Diagnosis, LocalizedText } from "../../engine";
import { hostName } from "../hosts";
import { localDay } from "../time";
import type { Host } from "../types";
import { type Candidate, P, first, has, jcanSigners, signerName } from "./common";
import { localizedMessage } from "../time";

export function registerCandidates(d: Diagnosis, host: Host): Candidate[] {
  const out: Candidate[] = [];
  const signedKind = d.kind === "signed" || d.kind === "opaque-signed";
  const readable = d.signers.filter((s) => s.certificate !== undefined);
  const certsOnly = d.kind === "certs-only" && (d.certificates?.length ?? 0) > 0;
  if (!((signedKind && d.signature === "valid" && readable.length > 0) || certsOnly)) return out;
  // A certificate that does not belong to the From address is not one to register for that sender.
  if (has(d, "SENDER_MISMATCH")) return out;
  // An expired certificate cannot be used to encrypt to its owner: registering it would not help.
  if (has(d, "CERT_EXPIRED")) return out;
  // Nor a revoked one: it must not be trusted for this sender, let alone used to encrypt to them.
  if (has(d, "CERT_REVOKED")) return out;
  const s = readable[0];
  const who = s ? `${signerName(s)}${s.emails[0] ? ` <${s.emails[0]}>` : ""}` : undefined;
  const c: Candidate = {
    id: "register-sender-certificate",
    priority: P.register,
    why: certsOnly
      ? {
          en: "This message carries certificates only; register them to be able to send encrypted mail to their owners.",
          ja: "このメールには電子証明書だけが入っています。登録すると、その持ち主に暗号化メールを送れるようになります。",
        }
      : {
          en: "This signed message carries the sender’s certificate. Register it to be able to send them encrypted mail.",
          ja: "この電子署名付きメールには差出人の電子証明書が含まれています。登録すると、この差出人に暗号化メールを送れるようになります。",
        },
  };
  if (s && who) {
    c.context = {
      en: `The certificate here: ${who}, issued by ${s.issuer}, valid until ${localDay(s.notAfter, "en")}.`,
      ja: `このメールの電子証明書：${who}（発行者：${s.issuer}、有効期限：${localDay(s.notAfter, "ja")}）。`,
    };
  }
  if (host.client !== "outlook-classic" && host.client !== "unknown") {
    const n = hostName(host);
    c.hostNote = {
      en: `These steps are for classic Outlook for Windows; ${n.en} has no such menu and uses the certificates your organisation publishes in its directory. To register an outside sender’s certificate, open this message in classic Outlook for Windows.`,
      ja: `この手順は Windows 版の Outlook 向けです。${n.ja}には同じメニューがなく、組織のディレクトリに登録された電子証明書が使われます。社外の差出人の電子証明書を登録するには、Windows 版の Outlook でこのメールを開いてください。`,
    };
  }
  out.push(c);
  out.push({
    id: "outlook-encryption-error",
    priority: P.encryptionError,
    why: {
      en: "Until the sender’s certificate is registered, Outlook shows this error when you try to send them encrypted mail.",
      ja: "差出人の電子証明書を登録するまでは、この相手に暗号化メールを送ろうとすると Outlook にこのエラーが表示されます。",
    },
  });
  return out;
}

export function expiredCandidates(d: Diagnosis): Candidate[] {
  const f = first(d, "CERT_EXPIRED");
  if (!f) return [];
  const out: Candidate[] = [
    {
      id: "expired-certificate",
      priority: P.expired,
      // Valid when signed, expired since (info): the signature stands; only new mail needs a new certificate.
      why:
        f.severity === "info"
          ? {
              en: "The signer’s certificate has expired since the message was signed. The signature stays valid; to sign new mail, or to receive encrypted mail, the sender needs a new certificate.",
              ja: "署名者の電子証明書は、メールに署名した後で有効期限が切れました。電子署名はそのまま有効です。新しく電子署名したり暗号化メールを受け取ったりするには、差出人は新しい電子証明書を取得する必要があります。",
            }
          : {
              en: "The signer’s certificate has expired. An expired certificate can no longer be used to sign or encrypt: the sender needs a new one.",
              ja: "署名者の電子証明書の有効期限が切れています。有効期限が切れた電子証明書では電子署名も暗号化もできないため、差出人は新しい電子証明書を取得する必要があります。",
            },
      context: localizedMessage(f),
    },
  ];
  if (jcanSigners(d).length > 0 || (d.certificates ?? []).some((c) => c.jcan)) {
    out.push({
      id: "get-jcan-certificate",
      priority: P.renewJcan,
      why: {
        en: "It is a JCAN certificate: a new one is obtained through an LRA or the service provider it came from.",
        ja: "JCAN証明書のため、新しい電子証明書は LRA や電子証明書の申込先の事業者を通じて取得します。",
      },
    });
  }
  return out;
}

export function untrustedCandidates(d: Diagnosis): Candidate[] {
  const f = first(d, "CERT_UNTRUSTED");
  // Without any configured trust anchor (a bare CLI run) there is nothing the user can fix here.
  if (!f || f.detail["reason"] === "no-anchors") return [];
  // The leaf's issuer itself is missing (the chain stops at the leaf): the intermediate entry first;
  // otherwise (the chain reaches a CA but not a trusted root) the root entry first.
  const chain = f.detail["chain"];
  const intermediateFirst =
    f.detail["reason"] === "unknown-issuer" && (!Array.isArray(chain) || chain.length <= 1);
  return [
    {
      id: "root-certificate",
      priority: intermediateFirst ? P.untrustedIntermediate : P.untrustedRoot,
      why: {
        en: "The signer’s certificate could not be traced to a trusted root certificate.",
        ja: "署名者の電子証明書を、信頼できるルート証明書までたどれませんでした。",
      },
      context: localizedMessage(f),
    },
    {
      id: "intermediate-ca-certificate",
      priority: intermediateFirst ? P.untrustedRoot : P.untrustedIntermediate,
      why: {
        en: "The chain from the signer to the root runs through intermediate CA certificates; a missing one breaks it.",
        ja: "署名者からルートまでのチェーンは中間CA証明書を経由します。中間CA証明書が欠けるとチェーンがつながりません。",
      },
    },
  ];
}

export function backgroundCandidates(d: Diagnosis): Candidate[] {
  const js = jcanSigners(d);
  const jc = (d.certificates ?? []).filter((c) => c.jcan);
  if (js.length === 0 && jc.length === 0) return [];
  const s = js[0] ?? jc[0];
  const cn = s ? s.commonName || s.subject : "";
  const issuer = s?.issuer ?? "";
  const ctx: LocalizedText = {
    en: `The certificate of ${cn} was issued under JCAN (issuer: ${issuer}).`,
    ja: `${cn} の電子証明書は JCAN の電子証明書です（発行者：${issuer}）。`,
  };
  return [
    {
      id: "jcan-certificate",
      priority: P.background,
      why: { en: "Background: what a JCAN certificate is.", ja: "参考：JCAN証明書とは。" },
      context: ctx,
    },
    {
      id: "root-certificate",
      priority: P.background + 1,
      why: {
        en: "Background: the root at the top of its chain.",
        ja: "参考：チェーンの最上位にあるルート証明書。",
      },
    },
    {
      id: "intermediate-ca-certificate",
      priority: P.background + 2,
      why: {
        en: "Background: the intermediate CA between the root and the signer.",
        ja: "参考：ルートと署名者の間にある中間CA証明書。",
      },
      ...(s && s.issuer
        ? {
            context: {
              en: `Here the issuing CA is: ${s.issuer}.`,
              ja: `このメールでは、発行元の認証局は ${s.issuer} です。`,
            },
          }
        : {}),
    },
    {
      id: "common-name",
      priority: P.background + 3,
      why: {
        en: "Background: the common name identifies the certificate’s holder.",
        ja: "参考：コモンネームは電子証明書の持ち主を表します。",
      },
      ...(cn
        ? {
            context: {
              en: `Here the common name is “${cn}”.`,
              ja: `このメールの電子証明書のコモンネームは「${cn}」です。`,
            },
          }
        : {}),
    },
  ];
}
