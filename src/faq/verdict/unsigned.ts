/** Not signed: an orphan smime.p7s, an encrypted mail, a certificates-only file, OpenPGP, or plain mail. */
import type { MessageVerdict } from "./types";
import { type Ctx, any, make } from "./common";

/** By the kind of message, once no signed verdict applies. */
export function unsignedVerdict({ d, outlook }: Ctx): MessageVerdict {
  switch (d.kind) {
    case "orphan-signature": {
      // a signature file opened on its own (a saved smime.p7s): nothing says the mail was rebuilt
      const alone = any(d, "ORPHAN_SIGNATURE")?.detail["part"] === "(input)";
      return make({
        level: "caution",
        code: "ORPHAN_SIGNATURE",
        kind: "orphan",
        finding: "ORPHAN_SIGNATURE",
        headline: alone
          ? {
              ja: "電子署名のファイル（smime.p7s）だけでは確認できません",
              en: "A signature file (smime.p7s) alone cannot be checked",
            }
          : {
              ja: "電子署名が添付ファイル（smime.p7s）として届いています",
              en: "Signature not checked: it came as smime.p7s",
            },
        action: alone
          ? {
              ja: "smime.p7s ではなく、メール全体を保存したファイル（.eml か .msg）を開いてください。",
              en: "Open the whole mail saved as a file (.eml or .msg), not the smime.p7s.",
            }
          : {
              ja: "途中でメールが組み替えられています。差出人の確認は別の方法で行ってください。",
              en: "The mail was rebuilt on the way; confirm the sender by another channel.",
            },
      });
    }
    case "encrypted": {
      // the recipients' count only when the data said it (never a made-up "1"); past the cap on listed
      // recipients, the ENCRYPTED finding has the whole count
      const counted = any(d, "ENCRYPTED")?.detail["recipientCount"];
      const n = typeof counted === "number" ? counted : d.recipients.length;
      return make({
        level: "info",
        code: "ENCRYPTED",
        kind: "encrypted",
        finding: "ENCRYPTED",
        headline:
          n > 0
            ? {
                ja: `このメールは暗号化されています（受信者 ${n} 人あて）`,
                en: `This mail is encrypted (for ${n} recipient${n === 1 ? "" : "s"})`,
              }
            : { ja: "このメールは暗号化されています", en: "This mail is encrypted" },
        action: outlook
          ? {
              ja: "Outlook で開くと復号されます。開けないときは、自分の電子証明書（秘密鍵付き）が入っているか確認してください。",
              en: "Outlook decrypts it when you open it; if it cannot, check that your certificate with its private key is installed.",
            }
          : {
              ja: "メールソフトで開くと復号されます。開けないときは、自分の電子証明書（秘密鍵付き）が入っているか確認してください。",
              en: "Your mail program decrypts it when you open it; if it cannot, check that your certificate with its private key is installed.",
            },
      });
    }
    case "certs-only": {
      const n = d.certificates?.length ?? 0;
      return make({
        level: "info",
        code: "CERTS_ONLY",
        kind: "certs-only",
        finding: "CERTS_ONLY",
        // none readable (damaged, or past the cap): no "(0)" and no "save the certificates you need"
        headline:
          n > 0
            ? {
                ja: `電子証明書だけが入ったファイルです（${n} 枚）`,
                en: `A file that holds only certificates (${n})`,
              }
            : {
                ja: "電子証明書だけが入ったファイルですが、読み取れません",
                en: "A file of certificates that cannot be read",
              },
        action:
          n > 0
            ? {
                ja: "署名されたメールではありません。必要な電子証明書を保存して使ってください。",
                en: "It is not a signed mail; save the certificates you need.",
              }
            : {
                ja: "署名されたメールではありません。必要な電子証明書は、差出人にもう一度送ってもらってください。",
                en: "It is not a signed mail; ask whoever sent it for the certificates again.",
              },
      });
    }
    default: {
      if (any(d, "OPENPGP"))
        return make({
          level: "info",
          code: "OPENPGP",
          kind: "unverifiable",
          finding: "OPENPGP",
          headline: {
            ja: "このメールは S/MIME ではなく OpenPGP を使っています",
            en: "This mail uses OpenPGP, not S/MIME",
          },
          action: {
            ja: "OpenPGP に対応したメールソフト（Thunderbird など）で確認してください。",
            en: "Check it in a mail program that supports OpenPGP, such as Thunderbird.",
          },
        });
      return make({
        level: "info",
        code: "UNSIGNED",
        kind: "none",
        headline: { ja: "このメールには電子署名がありません", en: "This mail is not signed" },
        action: {
          ja: "電子署名がないため、差出人が本人かどうかは確認できません。重要な依頼は別の方法で確認してください。",
          en: "Without a signature, nothing confirms who sent it; check important requests by another channel.",
        },
      });
    }
  }
}
