/**
 * The catalogue's words for the From / Sender check (mail/sender.ts): the signer's certificate must name
 * the one From address.
 */
import type { Renderings } from "./render";

const list = (a: readonly string[] | undefined): string => (a && a.length > 0 ? a.join(", ") : "-");

export const MAIL_MESSAGES: Renderings<"SENDER_MISMATCH"> = {
  SENDER_MISMATCH: (d) => {
    const certList = list(d.signerEmails);
    const from = d.from;
    const headers = d.fromHeaders ?? [];
    switch (d.reason) {
      case "from-missing":
        return {
          en: `The message has no From header, so it cannot be checked that the signer (${certList}) is the sender.`,
          ja: `差出人（From）ヘッダーがないため、署名者（${certList}）が差出人であることを確認できません。`,
        };
      case "from-multiple-headers":
        return {
          en: `The message has ${headers.length} From headers (${list(d.fromAddresses)}). Mail programs may show a different sender from the one who signed (${certList}).`,
          ja: `差出人（From）ヘッダーが ${headers.length} 個あります（${list(d.fromAddresses)}）。メールソフトによっては、署名者（${certList}）とは別の差出人が表示されるおそれがあります。`,
        };
      case "from-empty":
        return {
          en: `The From header "${headers.join(" / ")}" holds no email address, so it cannot be matched with the signer certificate (${certList}).`,
          ja: `差出人（From）ヘッダー「${headers.join(" / ")}」にメールアドレスがないため、署名者の電子証明書のアドレス（${certList}）と照合できません。`,
        };
      case "from-multiple-mailboxes":
        return {
          en: `The From header names ${(d.fromAddresses ?? []).length} addresses (${list(d.fromAddresses)}); it is unclear which of them signed (the certificate names ${certList}).`,
          ja: `差出人（From）に ${(d.fromAddresses ?? []).length} 件のアドレス（${list(d.fromAddresses)}）が書かれています。このうち誰が署名したのか特定できません（電子証明書のアドレスは ${certList} です）。`,
        };
      case "address-in-display-name":
        return {
          en: `The sender's display name shows the address ${d.displayNameAddress ?? ""}, but the message really comes from ${from}. This is a common impersonation trick: trust the real address, not the name.`,
          ja: `差出人の表示名にアドレス ${d.displayNameAddress ?? ""} が書かれていますが、実際の差出人のアドレスは ${from} です。なりすましでよく使われる手口です。表示名ではなく、実際のアドレスを確認してください。`,
        };
      case "sender-differs":
        return {
          en: `The Sender header names ${d.sender ?? ""}, which differs from the From address ${from}. The message was sent on behalf of the author by another mailbox.`,
          ja: `Sender ヘッダーのアドレス ${d.sender ?? ""} が、差出人のアドレス ${from} と異なります。別のメールボックスが差出人に代わって送信したメールです。`,
        };
      default:
        return d.signerEmails.length === 0
          ? {
              en: `The signer certificate names no email address, so the From address ${from} cannot be confirmed by the signature.`,
              ja: `署名者の電子証明書にはメールアドレスが記載されていないため、差出人のアドレス ${from} を電子署名で確認できません。`,
            }
          : {
              en: `The From address ${from} does not match the address of the signer certificate (${certList}).`,
              ja: `差出人のアドレス ${from} は、署名者の電子証明書のアドレス（${certList}）と一致しません。`,
            };
    }
  },
};
