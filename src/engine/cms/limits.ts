/**
 * MALFORMED_CMS for each cap of ../limits.ts a SignedData reached: what was left unchecked is said.
 */
import { report } from "../findings";
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
      report("MALFORMED_CMS", {
        problem: "too-many",
        limit: "signers",
        cap: MAX_SIGNERS,
        count: cms.signerCount,
        layer,
        checked: cms.signerInfos.length,
      }),
    );
  }
  if (cms.certificateCount > MAX_CERTIFICATES) {
    out.push(
      report("MALFORMED_CMS", {
        problem: "too-many",
        limit: "certificates",
        cap: MAX_CERTIFICATES,
        count: cms.certificateCount,
        layer,
      }),
    );
  }
  return out;
}
