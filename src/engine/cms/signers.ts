/**
 * The signer side of verification: finding a signer's certificate, labels, the placeholder of a missing one.
 */
import { onlyMalformed } from "../asn1/errors";
import { type ParsedCertificate } from "../x509/index";
import { normalizedName, parseName } from "../x509/certificate";
import { digestSync, type HashName } from "../crypto/hashes";
import { report } from "../findings";
import type { Finding, Signer } from "../types";
import { encodeBase64, equalBytes, toHex } from "../util/bytes";
import { digestName, signatureName } from "../asn1/oids";
import { MAX_NAME_IN_MESSAGE, cutString } from "../limits";
import { children, readTlv } from "../asn1";
import { type SignerId, type SignerInfoData } from "./types";

// ---------------------------------------------------------------------------------------------------
// Verification

export type Status = "ok" | "bad" | "unverifiable";

/** What the signers of one SignedData share for the appended-footer search (limits.ts). */
export interface SharedSearch {
  /** The prefix length whose digest is `md`, searched once per hash for every signer. */
  appendedPrefix: (h: HashName, md: Uint8Array) => Promise<number | undefined>;
  /** Hand-made signature checks left for signers without signed attributes. */
  checksLeft: number;
  /** Results per distinct key, signature and hash. */
  bySignature: Map<string, number | undefined>;
}

export interface SignerCheck {
  status: Status;
  /** SIGNATURE_INVALID reason, when bad. */
  reason?: string;
  findings: Finding[];
}

export function signerLabel(s: Signer): string {
  const cut = (v: string): string => cutString(v, MAX_NAME_IN_MESSAGE);
  if (s.commonName) return s.emails[0] ? `${cut(s.commonName)} <${cut(s.emails[0])}>` : cut(s.commonName);
  if (s.emails[0]) return cut(s.emails[0]);
  if (s.subject) return cut(s.subject);
  return s.serialNumber ? `serial ${cut(s.serialNumber)}` : "an unknown signer";
}

/** The signer's label for a finding's detail; undefined when nothing names the signer. */
export function signerName(s: Signer): string | undefined {
  const l = signerLabel(s);
  return l === "an unknown signer" ? undefined : l;
}

export function signerLabelJa(s: Signer): string {
  const l = signerLabel(s);
  return l === "an unknown signer" ? "不明な署名者" : l;
}

export function findCertificate(
  sid: SignerId,
  certs: (ParsedCertificate | undefined)[],
): ParsedCertificate | undefined {
  for (const c of certs) {
    if (!c) continue;
    if (sid.kind === "issuer-serial") {
      if (c.serialNumber !== sid.serialNumber) continue;
      if (equalBytes(c.issuerDer, sid.issuerDer)) return c;
      try {
        if (normalizedName(c.issuerAttrs) === normalizedName(parseName(readTlv(sid.issuerDer, 0)).attrs))
          return c;
      } catch (err) {
        onlyMalformed(err); // unreadable name: no match
      }
    } else {
      if (c.subjectKeyIdentifier === sid.subjectKeyIdentifier) return c;
      try {
        // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING value.
        const spki = children(readTlv(c.spki, 0));
        const bits = spki[1];
        if (bits && toHex(digestSync("sha-1", bits.value.subarray(1))) === sid.subjectKeyIdentifier) return c;
      } catch (err) {
        onlyMalformed(err); // unreadable key: no match
      }
    }
  }
  return undefined;
}

/** Base64 of a certificate, made once per parsed certificate (signers sharing one do not each encode it). */
export const BASE64 = new WeakMap<ParsedCertificate, string>();
export function certificateBase64(cert: ParsedCertificate): string {
  let b = BASE64.get(cert);
  if (b === undefined) {
    b = encodeBase64(cert.der);
    BASE64.set(cert, b);
  }
  return b;
}

export function placeholderSigner(si: SignerInfoData, layer: number): Signer {
  const issuer = si.sid.kind === "issuer-serial" ? si.sid.issuer : "";
  return {
    subject: "",
    commonName: "",
    emails: [],
    issuer,
    serialNumber: si.sid.kind === "issuer-serial" ? si.sid.serialNumber : "",
    notBefore: "",
    notAfter: "",
    sha256: "",
    keyType: "unknown",
    selfSigned: false,
    jcan: /jcan/i.test(issuer),
    digestAlgorithm: digestName(si.digestAlgorithm),
    signatureAlgorithm: signatureName(si.signatureAlgorithm),
    chain: [],
    trusted: false,
    valid: false,
    layer,
  };
}

export function unsupported(
  kind: "digest" | "signature" | "key",
  name: string,
  detail: Record<string, unknown>,
): Finding {
  return report("UNSUPPORTED_ALGORITHM", { ...detail, kind, scope: "signer", what: name });
}
