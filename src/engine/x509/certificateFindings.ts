/**
 * Findings about one certificate at a time: validity (at signing and now), e-mail usage, weak keys and digests.
 */
import { report } from "../findings";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import type { CertificateSummary, Finding } from "../types";
import { INFO, rsaKeyBits, emailUsageProblem } from "./summary";

export function displayName(cert: CertificateSummary): string {
  return cutString(cert.commonName || cert.emails[0] || cert.subject || "(unnamed)", MAX_NAME_IN_MESSAGE);
}

export function day(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/**
 * CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_NOT_FOR_EMAIL, WEAK_KEY — and WEAK_DIGEST when the certificate
 * itself is signed with SHA-1/MD5 (not for self-signed roots, whose signature proves nothing).
 */
export function certificateFindings(
  cert: CertificateSummary,
  opts: { at: Date; signingTime?: Date },
): Finding[] {
  const out: Finding[] = [];
  const name = displayName(cert);
  const at = opts.at.getTime();
  const nb = Date.parse(cert.notBefore);
  const na = Date.parse(cert.notAfter);
  const st = opts.signingTime?.getTime();
  const validAtSigning = st === undefined || Number.isNaN(st) ? undefined : st >= nb && st <= na;
  const base = {
    subject: cert.subject,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    at: opts.at.toISOString(),
  };
  if (Number.isNaN(nb) || Number.isNaN(na)) {
    // Unreadable validity dates: the certificate cannot be judged valid (the signer does not count as valid).
    out.push(
      report("MALFORMED_CMS", {
        problem: "validity-unreadable",
        name,
        unreadable: Number.isNaN(nb) ? "notBefore" : "notAfter",
        subject: cert.subject,
        reason: "validity-unreadable",
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
      }),
    );
  }
  const signingDetail =
    st !== undefined && !Number.isNaN(st)
      ? { signingTime: new Date(st).toISOString(), validAtSigningTime: validAtSigning ?? null }
      : { validAtSigningTime: null };
  // Judged at the time of signing (the signing time, else the evaluation time): a certificate that was
  // valid when the message was signed and has expired since is the normal state of old mail (info); one
  // that was expired or not yet valid when signing is a real problem (warning).
  const hasSt = st !== undefined && !Number.isNaN(st);
  if (!Number.isNaN(na) && (at > na || (hasSt && (st as number) > na))) {
    out.push(
      report(
        "CERT_EXPIRED",
        { name, ...base, ...signingDetail },
        validAtSigning === true ? "info" : "warning",
      ),
    );
  } else if (!Number.isNaN(nb) && (at < nb || (hasSt && (st as number) < nb))) {
    // Not valid now, or (valid now but) not yet valid when signed: the catalogue says which from the times.
    out.push(report("CERT_NOT_YET_VALID", { name, ...base, ...signingDetail }));
  }
  const usage = emailUsageProblem(cert);
  if (usage) {
    out.push(
      report("CERT_NOT_FOR_EMAIL", {
        name,
        subject: cert.subject,
        reason: usage,
        keyUsage: cert.keyUsage ?? null,
        extendedKeyUsage: cert.extendedKeyUsage ?? null,
      }),
    );
  }
  const bits = rsaKeyBits(cert);
  if (bits !== undefined && bits < 2048) {
    out.push(report("WEAK_KEY", { name, subject: cert.subject, keyType: cert.keyType, keySize: bits }));
  }
  const info = INFO.get(cert);
  if (!cert.selfSigned && (info?.signatureHash === "sha-1" || info?.signatureHash === "md5")) {
    out.push(
      report("WEAK_DIGEST", {
        name,
        subject: cert.subject,
        source: "certificate",
        digestAlgorithm: info.signatureHash,
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Chains
