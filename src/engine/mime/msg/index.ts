/**
 * Outlook .msg input (MS-OXMSG): classic Outlook for Windows saves messages, and drops dragged ones, as a
 * compound file (MS-CFB) of MAPI properties. compound.ts reads the compound file's streams (by hand: its
 * header says why SheetJS `cfb` no longer does); this module picks the MS-OXMSG properties out of them and
 * rebuilds the message as MIME for the rest of the engine:
 *
 * - an S/MIME item (message class IPM.Note.SMIME…) keeps what was sent in its single attachment
 *   (`smime.p7m`, PidTagAttachDataBinary): the whole multipart/signed entity for a clear-signed item
 *   (IPM.Note.SMIME.MultipartSigned), the DER of the application/pkcs7-mime body for an encrypted or
 *   opaque-signed one (IPM.Note.SMIME). The message's own header lines go in front — the transport
 *   headers when Outlook kept them (PidTagTransportMessageHeaders, received mail), otherwise From, Sender,
 *   To, Cc, Subject, Date and Message-ID made from the properties (sent mail) — and the entity follows byte
 *   for byte, so the signature is checked over exactly what was signed.
 * - a plain item (IPM.Note and others) keeps no MIME at all: its text (PidTagBody, or PidTagHtml in
 *   PidTagInternetCodepage) becomes a UTF-8 text part, its attachments become base64 parts, and the caller
 *   says what a .msg cannot tell (`plain: true`).
 *
 * Host-free: typed arrays, TextDecoder, no Buffer. Bad input throws MsgError with a plain reason.
 */
export { isCompoundFile, MsgError } from "./compound";
export { readOutlookMessage } from "./item";
export type { OutlookMessage } from "./types";
