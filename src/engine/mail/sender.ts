/**
 * SENDER_MISMATCH: the From header must name exactly one address, and the signer certificate must name
 * that address (SAN rfc822Name or DN emailAddress). See docs/architecture.md. A Sender that is a mailing
 * list's own address (the List-Post address or one in a list domain exactly; MAILING_LIST names it, see
 * mailinglist.ts) does not count.
 */
import { finding } from "../findings";
import { decodeEncodedWords, findAddressesInText, headerValues, parseMailboxes } from "../mime/index";
import type { MimePart } from "../mime/types";
import type { Finding } from "../types";

export type SenderMismatchReason =
  | "from-missing"
  | "from-multiple-headers"
  | "from-empty"
  | "from-multiple-mailboxes"
  | "address-in-display-name"
  | "sender-differs"
  | "not-in-certificate";

function list(a: string[]): string {
  return a.length > 0 ? a.join(", ") : "-";
}

/**
 * Checks the From (and Sender) headers of the root message against the signer certificate's email
 * addresses. Returns undefined when From is exactly one address that the certificate names and nothing
 * else contradicts it. `isListAddress` tells a mailing list's own address (a Sender that does not count).
 */
export function checkSender(
  root: MimePart,
  signerEmails: string[],
  isListAddress: (address: string) => boolean = () => false,
): Finding | undefined {
  const certEmails = [...new Set(signerEmails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ""))];
  const fromHeaders = headerValues(root, "from");
  const fromDecoded = fromHeaders.map((v) => decodeEncodedWords(v));
  const reasons: SenderMismatchReason[] = [];

  let from = "";
  let hidden: string | undefined;
  let fromAddresses: string[] = [];
  if (fromHeaders.length === 0) reasons.push("from-missing");
  else if (fromHeaders.length > 1) {
    reasons.push("from-multiple-headers");
    fromAddresses = fromHeaders.flatMap((v) => parseMailboxes(v).map((m) => m.address)).filter((a) => a);
  }
  if (fromHeaders.length === 1) {
    const boxes = parseMailboxes(fromHeaders[0] as string);
    fromAddresses = boxes.map((m) => m.address).filter((a) => a !== "");
    if (fromAddresses.length === 0) reasons.push("from-empty");
    else if (boxes.length > 1) reasons.push("from-multiple-mailboxes");
    else {
      const box = boxes[0] as { name: string; address: string };
      from = box.address;
      hidden = findAddressesInText(box.name).find((a) => a !== from);
      if (hidden !== undefined) reasons.push("address-in-display-name");
      if (!certEmails.includes(from)) reasons.push("not-in-certificate");
    }
  }

  const senderAddresses = headerValues(root, "sender")
    .flatMap((v) => parseMailboxes(v))
    .map((m) => m.address)
    .filter((a) => a !== "");
  const otherSender = senderAddresses.find((a) => a !== from && !isListAddress(a));
  if (from !== "" && otherSender !== undefined) reasons.push("sender-differs");

  const reason = reasons[0];
  if (reason === undefined) return undefined;

  const certList = list(certEmails);
  const shown = fromDecoded.join(" / ");
  let en: string;
  let ja: string;
  switch (reason) {
    case "from-missing":
      en = `The message has no From header, so it cannot be checked that the signer (${certList}) is the sender.`;
      ja = `差出人 (From) ヘッダーがないため、署名した人 (${certList}) が差出人であることを確認できません。`;
      break;
    case "from-multiple-headers":
      en = `The message has ${fromHeaders.length} From headers (${list(fromAddresses)}). Mail programs may show a different sender from the one who signed (${certList}).`;
      ja = `差出人 (From) ヘッダーが ${fromHeaders.length} つあります (${list(fromAddresses)})。メールソフトによっては、署名した人 (${certList}) とは別の差出人が表示されるおそれがあります。`;
      break;
    case "from-empty":
      en = `The From header "${shown}" holds no email address, so it cannot be matched with the signer certificate (${certList}).`;
      ja = `差出人 (From) ヘッダー「${shown}」にメールアドレスがないため、署名した証明書のアドレス (${certList}) と照合できません。`;
      break;
    case "from-multiple-mailboxes":
      en = `The From header names ${fromAddresses.length} addresses (${list(fromAddresses)}); it is unclear which of them signed (the certificate names ${certList}).`;
      ja = `差出人 (From) に ${fromAddresses.length} 件のアドレス (${list(fromAddresses)}) が書かれています。このうち誰が署名したのか特定できません (証明書のアドレスは ${certList} です)。`;
      break;
    case "address-in-display-name":
      en = `The sender's display name shows the address ${hidden ?? ""}, but the message really comes from ${from}. This is a common impersonation trick: trust the real address, not the name.`;
      ja = `差出人の表示名にアドレス ${hidden ?? ""} が書かれていますが、実際の差出人アドレスは ${from} です。なりすましでよく使われる手口です。表示名ではなく、実際のアドレスを確認してください。`;
      break;
    case "sender-differs":
      en = `The Sender header names ${otherSender ?? ""}, which differs from the From address ${from}. The message was sent on behalf of the author by another mailbox.`;
      ja = `送信者 (Sender) のアドレス ${otherSender ?? ""} が、差出人 (From) のアドレス ${from} と異なります。別のメールボックスが差出人に代わって送信したメールです。`;
      break;
    case "not-in-certificate":
      if (certEmails.length === 0) {
        en = `The signer certificate names no email address, so the From address ${from} cannot be confirmed by the signature.`;
        ja = `署名した証明書にはメールアドレスが記載されていないため、差出人 (From) のアドレス ${from} を署名で確認できません。`;
      } else {
        en = `The From address ${from} does not match the address of the signer certificate (${certList}).`;
        ja = `差出人 (From) のアドレス ${from} は、署名した証明書のアドレス (${certList}) と一致しません。`;
      }
      break;
  }

  const detail: Record<string, unknown> = { reason, from: from || shown, signerEmails: certEmails };
  if (reasons.length > 1) detail["reasons"] = reasons;
  if (fromDecoded.length > 0) detail["fromHeaders"] = fromDecoded;
  if (fromAddresses.length > 1) detail["fromAddresses"] = fromAddresses;
  if (hidden !== undefined) detail["displayNameAddress"] = hidden;
  if (senderAddresses.length > 0) detail["sender"] = otherSender ?? senderAddresses[0];
  return finding("SENDER_MISMATCH", { en, ja }, detail);
}
