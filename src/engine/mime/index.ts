/**
 * The engine's byte-exact MIME parser: raw spans of every part, RFC 2046 boundaries, RFC 2047 encoded
 * words, RFC 2231 parameters, RFC 5322 address lists. Host-free and never throws.
 */
export { detectBareLf, parseMessage, walkParts } from "./parser";
export type { ParseOptions } from "./parser";
export {
  headerValue,
  headerValues,
  messageHeaders,
  parseContentType,
  parseDisposition,
  parseHeaderBlock,
} from "./headers";
export { decodeEncodedWords, decodeRawText } from "./words";
export {
  bodyBytes,
  decodedBody,
  decodeQuotedPrintable,
  signedContent,
  isSignatureType,
  isPkcs7MimeType,
  lfToCrlf,
} from "./body";
export { parseMailboxes, findAddressesInText } from "./address";
export type { ContentType, HeaderField, Mailbox, MimePart, MimeProblem, ParsedMessage } from "./types";
