/**
 * The trust judgement of a built chain: CERT_UNTRUSTED with the reason, in words.
 */
import { report } from "../findings";
import type { CertificateSummary, Finding } from "../types";

import { displayName } from "./certificateFindings";
import { type ChainResult, MAX_CHAIN } from "./chain";

/**
 * The finding for a chain that does not end at a trust anchor: CERT_UNTRUSTED, or, when a certificate in
 * the chain is signed with an algorithm this tool cannot check, UNSUPPORTED_ALGORITHM saying that the chain
 * was not checked (not "untrusted": nothing says it is). Undefined when trusted.
 */
export function trustFinding(leaf: CertificateSummary, result: ChainResult): Finding | undefined {
  if (result.trusted) return undefined;
  const name = displayName(leaf);
  const top = result.chain[result.chain.length - 1];
  const reason = result.reason ?? "unknown-issuer";
  const chainDetail = {
    subject: leaf.subject,
    reason,
    chain: result.chain.map((c) => c.subject),
    complete: result.complete,
    ...(top ? { top: top.subject, topIssuer: top.issuer } : {}),
    ...(result.problem ?? {}),
  };
  if (reason === "unsupported-algorithm") {
    return report("UNSUPPORTED_ALGORITHM", {
      ...chainDetail,
      scope: "chain",
      name,
      source: "certificate-chain",
      chainChecked: false,
    });
  }
  const missing = top?.issuer ?? leaf.issuer;
  return report("CERT_UNTRUSTED", {
    ...chainDetail,
    name,
    ...(top ? { topName: top.commonName || top.subject } : {}),
    // A JCAN chain: src/faq/engineAdvice.ts says how to install JCAN's root and intermediates.
    ...(leaf.jcan || result.chain.some((c) => c.jcan) ? { jcan: true as const } : {}),
    ...(reason === "unknown-issuer" ? { chainIncomplete: true as const, missingIssuer: missing } : {}),
    ...(reason === "too-long" ? { maxChain: MAX_CHAIN } : {}),
  });
}
