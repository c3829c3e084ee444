/**
 * SENDER_MISMATCH: the From header must name exactly one address, and the signer certificate must name
 * that address (SAN rfc822Name or DN emailAddress). See docs/architecture.md. A Sender that is a mailing
 * list's own address (the List-Post address or one in a list domain exactly; MAILING_LIST names it, see
 * mailinglist.ts) does not count.
 */
import { report } from "../findings";
import type { SenderMismatchDetail } from "../findings/details";
import { decodeEncodedWords, findAddressesInText, headerValues, parseMailboxes } from "../mime/index";
import type { MimePart } from "../mime/types";
import type { Finding } from "../types";

/** Why From (or Sender) does not match the signer: the SENDER_MISMATCH detail's reason. */
export type SenderMismatchReason = SenderMismatchDetail["reason"];

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

  const shown = fromDecoded.join(" / ");
  const sender = otherSender ?? senderAddresses[0];
  const several = reason === "from-multiple-headers" || reason === "from-multiple-mailboxes";
  return report("SENDER_MISMATCH", {
    reason,
    from: from || shown,
    signerEmails: certEmails,
    ...(reasons.length > 1 ? { reasons } : {}),
    ...(fromDecoded.length > 0 ? { fromHeaders: fromDecoded } : {}),
    ...(fromAddresses.length > 1 || several ? { fromAddresses } : {}),
    ...(hidden !== undefined ? { displayNameAddress: hidden } : {}),
    ...(sender !== undefined ? { sender } : {}),
  });
}
