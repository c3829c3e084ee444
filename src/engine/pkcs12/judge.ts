/**
 * The judgement of what the file holds: one key and its e-mail certificate, validity, usage, chain, advice.
 */
import { report, type FindingDetails } from "../findings";
import type { Finding } from "../types";
import { certificateFindings, parseCertificate, summaryOf } from "../x509/index";
import type { CryptoContext } from "../crypto/context";
import { keyLabel, keyMatchesSpki, publicPartOfPkcs8, type KeyPublicPart } from "./keys";
import { adviceFor, nameOf } from "./messages";
import { type P12Options, type P12Result, EXPIRING_DAYS, DAY_MS } from "./types";
import { type KeyEntry, type Collected } from "./structure";
import { type CertInfo, issuedBy, likelyLeaf } from "./check";

export async function judge(
  crypto: CryptoContext,
  c: Collected,
  opts: P12Options,
  at: Date,
  info: { mac: string; encryption: string[] },
): Promise<P12Result> {
  const findings: Finding[] = [...c.findings];
  // ---- certificates
  const certs: CertInfo[] = [];
  for (const entry of c.certs) {
    try {
      const parsed = parseCertificate(entry.der, crypto);
      certs.push({ entry, parsed, summary: summaryOf(parsed) });
    } catch (e) {
      findings.push(
        report(
          "P12_MALFORMED",
          { reason: "certificate", why: `a certificate in the file cannot be read: ${(e as Error).message}` },
          "warning",
        ),
      );
    }
  }
  // ---- keys and their public parts
  const keys: { entry: KeyEntry; pub: KeyPublicPart }[] = [];
  for (const entry of c.keys) {
    try {
      keys.push({ entry, pub: await publicPartOfPkcs8(entry.pkcs8, crypto) });
    } catch (e) {
      findings.push(
        report("P12_MALFORMED", {
          reason: "private-key",
          why: `the private key cannot be read: ${(e as Error).message}`,
        }),
      );
    }
  }
  if (c.badPassword) {
    findings.push(report("P12_BAD_PASSWORD", { stage: "decrypt", partial: true }));
  }
  // ---- pick the end-entity certificate
  let ee: CertInfo | undefined;
  let matchedKey: { entry: KeyEntry; pub: KeyPublicPart } | undefined;
  let matchBy: "public-key" | "local-key-id" | undefined;
  for (const k of keys) {
    const matches = certs.filter((ci) => keyMatchesSpki(k.pub, ci.parsed.spki) === true);
    const byId =
      k.entry.localKeyId !== undefined
        ? certs.find((ci) => ci.entry.localKeyId === k.entry.localKeyId)
        : undefined;
    const pick = matches.find((m) => m === byId) ?? matches.find((m) => m.parsed.isCA !== true) ?? matches[0];
    if (pick) {
      ee = pick;
      matchedKey = k;
      matchBy = "public-key";
      break;
    }
    if (byId && keyMatchesSpki(k.pub, byId.parsed.spki) === undefined) {
      // key type we cannot compare (e.g. Ed25519 where WebCrypto lacks it): trust the localKeyId pairing
      ee = byId;
      matchedKey = k;
      matchBy = "local-key-id";
      break;
    }
  }
  const hasKey = keys.length > 0 || c.lockedKeys > 0;
  if (!ee) {
    const byId = keys
      .map((k) =>
        k.entry.localKeyId !== undefined
          ? certs.find((ci) => ci.entry.localKeyId === k.entry.localKeyId)
          : undefined,
      )
      .find((x) => x !== undefined);
    ee = byId ?? likelyLeaf(certs);
  }
  const summary = ee?.summary;
  if (!hasKey) {
    findings.push(
      report("P12_NO_KEY", { certificates: certs.length, ...(summary ? { name: nameOf(summary) } : {}) }),
    );
  } else if (keys.length > 0 && !matchedKey) {
    findings.push(
      report("P12_KEY_MISMATCH", {
        keys: keys.map((k) => keyLabel(k.pub)),
        certificates: certs.length,
        ...(summary
          ? {
              subject: summary.subject,
              certificateKey: `${summary.keyType} ${summary.keySize ?? ""}`.trim(),
              name: nameOf(summary),
            }
          : {}),
      }),
    );
  }
  // ---- judge the certificate
  let expired = false;
  let expiring = false;
  if (ee && summary) {
    for (const f of certificateFindings(summary, { at })) {
      if (f.code === "CERT_EXPIRED") {
        expired = true;
        findings.push(report("CERT_EXPIRED", asFileFinding(f.detail), f.severity));
      } else if (f.code === "CERT_NOT_YET_VALID") {
        findings.push(report("CERT_NOT_YET_VALID", asFileFinding(f.detail), f.severity));
      } else {
        findings.push(f);
      }
    }
    const na = Date.parse(summary.notAfter);
    if (!expired && !Number.isNaN(na) && na >= at.getTime() && na - at.getTime() <= EXPIRING_DAYS * DAY_MS) {
      expiring = true;
      const days = Math.max(0, Math.floor((na - at.getTime()) / DAY_MS));
      findings.push(
        report("CERT_EXPIRING", {
          name: nameOf(summary),
          subject: summary.subject,
          notAfter: summary.notAfter,
          at: at.toISOString(),
          daysLeft: days,
        }),
      );
    }
    const email = opts.email?.trim().toLowerCase();
    if (email && !summary.emails.includes(email)) {
      findings.push(
        report("EMAIL_MISMATCH", {
          email,
          certificateEmails: summary.emails,
        }),
      );
    }
    const eeParsed = ee.parsed;
    if (!summary.selfSigned && !certs.some((o) => o !== ee && issuedBy(eeParsed, o.parsed))) {
      findings.push(
        report("CHAIN_INCOMPLETE", {
          subject: summary.subject,
          issuer: summary.issuer,
          certificatesInFile: certs.map((x) => x.summary.subject),
        }),
      );
    }
  }
  if (matchedKey && summary && !findings.some((f) => f.severity === "error" || f.severity === "warning")) {
    findings.unshift(
      report("P12_OK", {
        name: nameOf(summary),
        subject: summary.subject,
        emails: summary.emails,
        notAfter: summary.notAfter,
        key: keyLabel(matchedKey.pub),
        matchedBy: matchBy,
        integrity: info.mac,
        encryption: [...new Set(info.encryption)],
        ...(matchedKey.entry.friendlyName !== undefined
          ? { friendlyName: matchedKey.entry.friendlyName }
          : {}),
      }),
    );
  }
  const ordered = ee ? [ee, ...certs.filter((x) => x !== ee)] : certs;
  const advice = adviceFor(summary, { hasKey: matchedKey !== undefined, expired, expiring });
  return {
    findings,
    ...(summary ? { certificate: summary } : {}),
    ...(certs.length > 0 ? { certificates: ordered.map((x) => x.summary) } : {}),
    ...(advice.length > 0 ? { advice } : {}),
  };
}

export function omitSigning(detail: Record<string, unknown>): Record<string, unknown> {
  const { signingTime: _s, validAtSigningTime: _v, ...rest } = detail;
  return rest;
}

/** A certificate's validity finding said of the certificate file: no signing times, `certificateFile`. */
function asFileFinding(detail: Record<string, unknown>): FindingDetails["CERT_EXPIRED"] {
  return { ...(omitSigning(detail) as FindingDetails["CERT_EXPIRED"]), certificateFile: true };
}
