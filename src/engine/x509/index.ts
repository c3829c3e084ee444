/**
 * engine/x509: certificates (certificate.ts), their summary (summary.ts) and findings
 * (certificateFindings.ts), chain building (links.ts, chain.ts), the trust judgement (trust.ts), trust
 * anchors with their origin (anchors.ts, defaultAnchors.ts, mozillaRoots.ts) and export files (files.ts).
 */
export { parseCertificate, type ParsedCertificate } from "./certificate";
export { anchorSet, originLabel, type AnchorInput } from "./anchors";
export {
  emailUsageProblem,
  isEmailCertificate,
  rsaKeyBits,
  summarizeCertificate,
  summaryOf,
} from "./summary";
export { certificateFindings } from "./certificateFindings";
export { verifyCertificateSignature } from "./links";
export { buildChain, MAX_CHAIN, type ChainOptions, type ChainResult } from "./chain";
export { trustFinding } from "./trust";
