/**
 * CMS (RFC 5652) for S/MIME: one typed decoder per structure (ContentInfo, SignedData, SignerInfo,
 * EnvelopedData, RecipientInfo; BER accepted: indefinite lengths, chunked eContent) and the verification
 * of every SignerInfo. Host-free.
 */
export { Asn1Error } from "../asn1";
export { parseCms, peekContentType } from "./contentInfo";
export { cmsLimitFindings } from "./limits";
export { verifySigned } from "./verify";
export {
  signerPath,
  type CmsInfo,
  type EnvelopedCms,
  type SignedCms,
  type SignedResult,
  type SignerId,
  type SignerInfoData,
  type UnknownCms,
  type VerifyOptions,
} from "./types";
