/**
 * The engine's whole public surface: every caller outside src/engine imports from here and nowhere else.
 * Host-free: bytes in, Diagnosis out (see the architecture note).
 */
// ---- the engine
export { createEngine, diagnose, checkPkcs12, type Engine, type EngineOptions } from "./engine";
export type { CryptoPort } from "./crypto/port";
export * from "./types";
export { finding, report, detailOf, renderMessage, DEFAULT_SEVERITY, type FindingDetails } from "./findings";
export { dayEn, dayJa } from "./findings/dates";
export { partName } from "./findings/render";
export type { P12Advice, P12Options, P12Result } from "./pkcs12/index";
// ---- trust anchors and certificates
export { mozillaTrust, organisationAnchors } from "./x509/defaultAnchors";
export { MOZILLA_EMAIL_ROOTS, MOZILLA_EMAIL_DISTRUST } from "./x509/mozillaRoots";
export { originLabel, prepareAnchors } from "./x509/anchors";
export { buildChain, summarizeCertificate, type ChainResult } from "./x509/index";
export { certificateFiles, safeFileName, type CertificateFiles } from "./x509/files";
export { parseCrl } from "./revocation/crl";
// ---- mail: parsing helpers the Office adapter reuses for headers-only diagnosis and rebuilding
export {
  decodeEncodedWords,
  detectBareLf,
  headerValue,
  messageHeaders,
  parseHeaderBlock,
  parseMailboxes,
  parseMessage,
  type ContentType,
  type Mailbox,
} from "./mime/index";
export { isCompoundFile } from "./mime/msg/index";
export { mailingListFinding, mailingListOf } from "./mail/mailinglist";
export { openPgpFinding } from "./mail/openpgp";
// ---- bytes and limits
export {
  concat,
  decodeBase64,
  decodeBase64String,
  encodeBase64,
  equalBytes,
  fromHex,
  fromPem,
  latin1,
  toHex,
  utf8,
} from "./util/bytes";
export { MAX_OUTPUT_STRING, cutString } from "./limits";
export { jaJoin } from "./util/ja";
