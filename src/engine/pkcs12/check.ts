/**
 * checkPkcs12With: open the file with its password, collect keys and certificates, then judge them.
 */
import { children, isContext, isUniversal, octetStringContent, readTlv, TAG, type Tlv } from "../asn1";
import { report } from "../findings";
import type { CertificateSummary } from "../types";
import { equalBytes } from "../util/bytes";
import { type ParsedCertificate } from "../x509/index";
import { normalizedName } from "../x509/certificate";
import type { CryptoContext } from "../crypto/context";
import {
  decryptWithPassword,
  encryptionAlgorithmName,
  ITERATION_BUDGET,
  type PasswordForms,
} from "./ciphers";

import { PEM_REASON } from "./messages";
import { type P12Options, type P12Result } from "./types";
import {
  OIDS,
  P12Error,
  TooExpensiveError,
  tooExpensiveResult,
  type CertEntry,
  type Collected,
  malformed,
  intValue,
  octets,
  oid,
  seq,
  explicit0,
  unsupportedFinding,
  readSafeContents,
} from "./structure";
import { passwordForms, checkMac } from "./mac";
import { judge } from "./judge";

export interface CertInfo {
  entry: CertEntry;
  parsed: ParsedCertificate;
  summary: CertificateSummary;
}

export function issuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
  if (
    !equalBytes(child.issuerDer, parent.subjectDer) &&
    normalizedName(child.issuerAttrs) !== normalizedName(parent.subjectAttrs)
  ) {
    return false;
  }
  return (
    child.authorityKeyIdentifier === undefined ||
    parent.subjectKeyIdentifier === undefined ||
    child.authorityKeyIdentifier === parent.subjectKeyIdentifier
  );
}

/** The end-entity certificate when no key decides: not a CA, not the issuer of another one, with addresses. */
export function likelyLeaf(certs: CertInfo[]): CertInfo | undefined {
  const score = (c: CertInfo): number =>
    (c.parsed.isCA === true ? 0 : 4) +
    (certs.some((o) => o !== c && issuedBy(o.parsed, c.parsed) && !equalBytes(o.parsed.der, c.parsed.der))
      ? 0
      : 2) +
    (c.summary.emails.length > 0 ? 1 : 0);
  let best: CertInfo | undefined;
  for (const c of certs) if (!best || score(c) > score(best)) best = c;
  return best;
}

/** Total length the outer DER header announces (definite lengths only). */
export function declaredLength(bytes: Uint8Array): number | undefined {
  if (bytes[0] !== 0x30 || bytes.length < 2) return undefined;
  const lb = bytes[1] as number;
  if (lb < 0x80) return 2 + lb;
  const n = lb & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] as number);
  return 2 + n + len;
}

export async function check(crypto: CryptoContext, bytes: Uint8Array, opts: P12Options): Promise<P12Result> {
  const at = opts.at ?? new Date();
  if (bytes.length === 0) return malformed("the file is empty");
  if (bytes[0] === 0x2d /* '-' */ && bytes[1] === 0x2d) return malformed(PEM_REASON);
  // ---- PFX
  let pfx: Tlv;
  try {
    pfx = readTlv(bytes, 0);
  } catch (e) {
    const declared = declaredLength(bytes);
    if (declared !== undefined && declared > bytes.length) {
      return malformed(
        `the file is cut short (truncated): it announces ${declared} bytes but only ${bytes.length} are present`,
        { truncated: true, expectedLength: declared, length: bytes.length },
      );
    }
    return malformed((e as Error).message, { offset: (e as { offset?: number }).offset ?? null });
  }
  if (!isUniversal(pfx, TAG.SEQUENCE)) return malformed("the file does not start with an ASN.1 SEQUENCE");
  const [versionT, authSafeT, macDataT] = children(pfx);
  const version = intValue(versionT, "PFX version");
  if (version !== 3) return malformed(`PFX version ${version} (expected 3)`);
  const [ctT, ctContent] = seq(authSafeT, "authSafe ContentInfo");
  const ct = oid(ctT, "authSafe content type");
  if (ct === OIDS.signedData) {
    return { findings: [unsupportedFinding("public-key integrity mode (signedData authSafe)")] };
  }
  if (ct !== OIDS.data) throw new P12Error(`authSafe content type ${ct} (expected data)`);
  const authSafe = octets(explicit0(ctContent, "authSafe"), "authSafe content");
  // ---- MAC
  const forms = passwordForms(opts.password);
  const total = opts.iterationBudget ?? ITERATION_BUDGET;
  const budget = { left: total, total };
  const mac = checkMac(macDataT, authSafe, forms, budget);
  if (mac.state === "bad") {
    return {
      findings: [report("P12_BAD_PASSWORD", { stage: "mac", macAlgorithm: mac.algorithm })],
    };
  }
  const confirmed = mac.state === "ok";
  const pw: PasswordForms = {
    utf8: new TextEncoder().encode(opts.password),
    bmp: mac.state === "ok" ? mac.forms : forms,
    budget,
    crypto,
  };
  const collected: Collected = { keys: [], certs: [], lockedKeys: 0, findings: [], bags: 0, budget: total };
  if (mac.state === "unsupported") {
    collected.findings.push(
      unsupportedFinding(`MAC ${mac.algorithm ?? ""}`.trim(), { part: "integrity check" }),
    );
  }
  const encryption: string[] = [];
  // ---- AuthenticatedSafe
  for (const ci of seq(readTlv(authSafe, 0), "AuthenticatedSafe")) {
    const [typeT, contentT] = seq(ci, "ContentInfo");
    const type = oid(typeT, "ContentInfo type");
    if (type === OIDS.data) {
      await readSafeContents(octets(explicit0(contentT, "data"), "SafeContents"), pw, collected, 0);
    } else if (type === OIDS.encryptedData) {
      const [, eci] = seq(explicit0(contentT, "encryptedData"), "EncryptedData");
      const [, algT, encT] = seq(eci, "EncryptedContentInfo");
      if (!algT) throw new P12Error("EncryptedContentInfo has no algorithm");
      if (!isContext(encT, 0)) continue; // no content
      const data = encT.constructed ? octetStringContent(encT) : encT.value;
      const r = await decryptWithPassword(algT, data, pw);
      encryption.push(r.algorithm);
      if (!r.ok && r.reason === "too-expensive")
        throw new TooExpensiveError("certificates", r.algorithm, total);
      if (!r.ok) {
        if (r.reason === "bad-password") {
          collected.badPassword = "decrypt";
          continue;
        }
        if (r.reason === "unsupported") {
          collected.findings.push(
            unsupportedFinding(r.algorithm, {
              part: "certificates",
              ...(r.message ? { reason: r.message } : {}),
            }),
          );
          continue;
        }
        throw new P12Error(`the encryption parameters (${r.algorithm}) are malformed`);
      }
      try {
        await readSafeContents(r.plain, pw, collected, 0);
      } catch (e) {
        if (e instanceof TooExpensiveError) throw e;
        // Without a MAC, a wrong password can survive the padding check (1 in 256): garbage follows.
        if (!confirmed) {
          collected.badPassword = "decrypt";
          continue;
        }
        throw e;
      }
    } else if (type === OIDS.envelopedData) {
      collected.findings.push(
        unsupportedFinding("public-key privacy mode (envelopedData)", { part: "certificates" }),
      );
    }
  }
  if (collected.badPassword && collected.keys.length === 0 && collected.certs.length === 0) {
    return {
      findings: [
        report("P12_BAD_PASSWORD", {
          stage: "decrypt",
          ...(mac.state === "ok" ? { macVerified: true } : {}),
        }),
      ],
    };
  }
  return judge(crypto, collected, opts, at, { mac: mac.state, encryption });
}

/**
 * Checks a PKCS#12 file with its password: P12_OK, or what is wrong (see the architecture note's table).
 * Never throws; bounded time: iteration counts are capped (MAX_KDF_ITERATIONS per derivation) and the MAC,
 * every key derivation and every bag decryption share one iteration budget (ITERATION_BUDGET; past it:
 * P12_MALFORMED, reason "too-expensive").
 */
export async function checkPkcs12With(
  crypto: CryptoContext,
  bytes: Uint8Array,
  opts: P12Options,
): Promise<P12Result> {
  try {
    return await check(crypto, bytes, opts);
  } catch (e) {
    if (e instanceof TooExpensiveError) return tooExpensiveResult(e);
    const err = e as { message?: string; offset?: number };
    return malformed(err.message ?? String(e), err.offset !== undefined ? { offset: err.offset } : {});
  }
}

export { encryptionAlgorithmName };
