/**
 * MALFORMED_CMS for each cap of ../limits.ts a SignedData reached: what was left unchecked is said.
 */
import { finding } from "../findings";
import type { Finding } from "../types";
import { MAX_CERTIFICATES, MAX_SIGNERS } from "../limits";
import { type SignedCms } from "./types";

/**
 * MALFORMED_CMS for each cap of limits.ts this SignedData reached (more signers or certificates than are
 * read), with `detail.limit`: what was left unchecked is said, never dropped silently.
 */
export function cmsLimitFindings(cms: SignedCms, layer: number): Finding[] {
  const out: Finding[] = [];
  if (cms.signerCount > cms.signerInfos.length) {
    out.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The signature has ${cms.signerCount} signers, more than this tool checks (${MAX_SIGNERS}); only the first ${cms.signerInfos.length} were checked, so the signature as a whole cannot be confirmed.`,
          ja: `署名者が ${cms.signerCount} 件あり、このツールが確認する上限（${MAX_SIGNERS} 件）を超えています。最初の ${cms.signerInfos.length} 件だけを確認したため、署名全体が正しいとは確認できません。`,
        },
        { limit: "signers", cap: MAX_SIGNERS, count: cms.signerCount, layer },
      ),
    );
  }
  if (cms.certificateCount > MAX_CERTIFICATES) {
    out.push(
      finding(
        "MALFORMED_CMS",
        {
          en: `The signature carries ${cms.certificateCount} certificates, more than this tool reads (${MAX_CERTIFICATES}); the rest were ignored.`,
          ja: `署名データに電子証明書が ${cms.certificateCount} 件含まれており、このツールが読み取る上限（${MAX_CERTIFICATES} 件）を超えています。残りは読み取っていません。`,
        },
        { limit: "certificates", cap: MAX_CERTIFICATES, count: cms.certificateCount, layer },
      ),
    );
  }
  return out;
}
