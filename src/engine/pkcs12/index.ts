/**
 * The certificate-file check (check-p12; the pane's certificate file check): opens a PKCS#12 (.p12/.pfx)
 * file with its password, entirely locally, and tells whether it is ready for S/MIME signing.
 *
 * PFX → MAC check (RFC 7292 Appendix B KDF; SHA-1/SHA-2 HMAC) → AuthenticatedSafe → SafeContents (plain or
 * password-encrypted: PBES2/AES or the legacy 3DES/RC2/RC4 PBEs) → key and certificate bags. The chosen
 * end-entity certificate is judged by engine/x509 (certificateFindings); this file adds what only a
 * PKCS#12 file can tell: the key, the addresses, the chain inside the file, the approaching expiry.
 *
 * Host-free (WebCrypto + typed arrays). The password is never stored, logged or put in a finding.
 * Never throws: unreadable input gives P12_MALFORMED.
 */
import { MalformedInputError } from "../asn1/errors";
import { DIGEST_OIDS } from "../asn1/oids";
import {
  children,
  decodeOid,
  isContext,
  isUniversal,
  octetStringContent,
  readTlv,
  TAG,
  type Tlv,
} from "../asn1";
import { finding } from "../findings";
import type { CertificateSummary, Finding } from "../types";
import { equalBytes, toHex } from "../util/bytes";
import { certificateFindings, parseCertificate, summaryOf, type ParsedCertificate } from "../x509/index";
import { normalizedName } from "../x509/certificate";
import type { HashName } from "../crypto/hashes";
import type { CryptoContext } from "../crypto/context";
import {
  decryptWithPassword,
  encryptionAlgorithmName,
  ITERATION_BUDGET,
  kdfCost,
  spend,
  type PasswordForms,
} from "./ciphers";
import {
  asciiWidenedPassword,
  bmpPassword,
  hashSize,
  hmac,
  KDF_ID,
  MAX_KDF_ITERATIONS,
  kdfSupported,
  pkcs12Kdf,
} from "./kdf";
import { keyLabel, keyMatchesSpki, publicPartOfPkcs8, type KeyPublicPart } from "./keys";
import { adviceFor, MSG, type P12Advice } from "./messages";

export type { P12Advice } from "./messages";

export interface P12Options {
  password: string;
  /** The mailbox address the certificate is for (Office's, or --email). */
  email?: string;
  /** Evaluation time (default: now). */
  at?: Date;
  /** The iteration budget of the whole check (default ITERATION_BUDGET, pkcs12/ciphers.ts); for tests. */
  iterationBudget?: number;
}

export interface P12Result {
  findings: Finding[];
  /** The end-entity certificate (the one matching the key), when the file could be opened. */
  certificate?: CertificateSummary;
  /** Every certificate in the file, the end-entity one first. */
  certificates?: CertificateSummary[];
  /** FAQ advice: keep a backup, several PCs, keep expired keys, where to renew. */
  advice?: P12Advice[];
}

/** Days before expiry from which CERT_EXPIRING is reported. */
export const EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;
const MAX_BAG_DEPTH = 8;
const MAX_BAGS = 1000;

const OIDS = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  envelopedData: "1.2.840.113549.1.7.3",
  encryptedData: "1.2.840.113549.1.7.6",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  localKeyId: "1.2.840.113549.1.9.21",
  friendlyName: "1.2.840.113549.1.9.20",
  pbmac1: "1.2.840.113549.1.5.14",
} as const;

/** A structural problem: becomes P12_MALFORMED (or P12_BAD_PASSWORD when the password was never confirmed). */
class P12Error extends MalformedInputError {}

/** The iteration budget does not cover the file: P12_MALFORMED with reason "too-expensive". */
class TooExpensiveError extends MalformedInputError {
  constructor(
    readonly part: string,
    readonly algorithm: string,
    readonly budget: number,
  ) {
    super(`${part} (${algorithm}) exceeds the iteration budget`);
  }
}

function tooExpensiveResult(e: TooExpensiveError): P12Result {
  return {
    findings: [
      finding("P12_MALFORMED", MSG.tooExpensive(e.budget), {
        reason: "too-expensive",
        part: e.part,
        algorithm: e.algorithm,
        iterationBudget: e.budget,
      }),
    ],
  };
}

interface KeyEntry {
  pkcs8: Uint8Array;
  localKeyId?: string;
  friendlyName?: string;
}
interface CertEntry {
  der: Uint8Array;
  localKeyId?: string;
  friendlyName?: string;
}

interface Collected {
  keys: KeyEntry[];
  certs: CertEntry[];
  /** Shrouded keys that could not be decrypted. */
  lockedKeys: number;
  findings: Finding[];
  badPassword?: "decrypt";
  bags: number;
  /** The iteration budget the check started with (for the finding). */
  budget: number;
}

function malformed(reason: string, detail: Record<string, unknown> = {}): P12Result {
  return { findings: [finding("P12_MALFORMED", MSG.malformed(reason), { reason, ...detail })] };
}

function intValue(t: Tlv | undefined, what: string): number {
  if (
    !isUniversal(t, TAG.INTEGER) ||
    t.value.length === 0 ||
    t.value.length > 6 ||
    (t.value[0] as number) & 0x80
  ) {
    throw new P12Error(`${what} is not a usable INTEGER`);
  }
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

function octets(t: Tlv | undefined, what: string): Uint8Array {
  if (!isUniversal(t, TAG.OCTET_STRING)) throw new P12Error(`${what} is not an OCTET STRING`);
  return octetStringContent(t);
}

function oid(t: Tlv | undefined, what: string): string {
  if (!isUniversal(t, TAG.OID)) throw new P12Error(`${what} is not an OBJECT IDENTIFIER`);
  return decodeOid(t.value);
}

function seq(t: Tlv | undefined, what: string): Tlv[] {
  if (!isUniversal(t, TAG.SEQUENCE)) throw new P12Error(`${what} is not a SEQUENCE`);
  return children(t);
}

/** The content of a ContentInfo's [0] EXPLICIT field. */
function explicit0(t: Tlv | undefined, what: string): Tlv {
  if (!isContext(t, 0) || !t.constructed) throw new P12Error(`${what}: the [0] content is missing`);
  const [inner] = children(t);
  if (!inner) throw new P12Error(`${what}: the [0] content is empty`);
  return inner;
}

function parseAttributes(t: Tlv | undefined): { localKeyId?: string; friendlyName?: string } {
  const out: { localKeyId?: string; friendlyName?: string } = {};
  if (!isUniversal(t, TAG.SET)) return out;
  for (const attr of children(t)) {
    if (!isUniversal(attr, TAG.SEQUENCE)) continue;
    const [idT, valuesT] = children(attr);
    if (!isUniversal(idT, TAG.OID) || !isUniversal(valuesT, TAG.SET)) continue;
    const id = decodeOid(idT.value);
    const [v] = children(valuesT);
    if (id === OIDS.localKeyId && isUniversal(v, TAG.OCTET_STRING))
      out.localKeyId = toHex(octetStringContent(v));
    if (id === OIDS.friendlyName && isUniversal(v, TAG.BMP)) {
      let s = "";
      for (let i = 0; i + 1 < v.value.length; i += 2) {
        s += String.fromCharCode(((v.value[i] as number) << 8) | (v.value[i + 1] as number));
      }
      out.friendlyName = s;
    }
  }
  return out;
}

function withAttrs<T extends object>(o: T, a: { localKeyId?: string; friendlyName?: string }): T {
  return {
    ...o,
    ...(a.localKeyId !== undefined ? { localKeyId: a.localKeyId } : {}),
    ...(a.friendlyName !== undefined ? { friendlyName: a.friendlyName } : {}),
  };
}

function unsupportedFinding(what: string, detail: Record<string, unknown> = {}): Finding {
  return finding("UNSUPPORTED_ALGORITHM", MSG.unsupported(what), { algorithm: what, ...detail });
}

/** Reads the bags of one SafeContents (recursing into safeContentsBag). */
async function readSafeContents(
  bytes: Uint8Array,
  pw: PasswordForms,
  into: Collected,
  depth: number,
): Promise<void> {
  if (depth > MAX_BAG_DEPTH) throw new P12Error("SafeContents nested too deep");
  const top = readTlv(bytes, 0);
  for (const bag of seq(top, "SafeContents")) {
    if (++into.bags > MAX_BAGS) throw new P12Error("too many bags");
    const [idT, valueT, attrsT] = seq(bag, "SafeBag");
    const bagId = oid(idT, "SafeBag id");
    const value = explicit0(valueT, "SafeBag");
    const attrs = parseAttributes(attrsT);
    switch (bagId) {
      case OIDS.keyBag:
        into.keys.push(withAttrs({ pkcs8: value.raw }, attrs));
        break;
      case OIDS.shroudedKeyBag: {
        const [algT, encT] = seq(value, "EncryptedPrivateKeyInfo");
        if (!algT) throw new P12Error("EncryptedPrivateKeyInfo has no algorithm");
        const r = await decryptWithPassword(algT, octets(encT, "encrypted private key"), pw);
        if (r.ok) {
          into.keys.push(withAttrs({ pkcs8: r.plain }, attrs));
        } else if (r.reason === "too-expensive") {
          throw new TooExpensiveError("private key", r.algorithm, into.budget);
        } else if (r.reason === "bad-password") {
          into.lockedKeys++;
          into.badPassword = "decrypt";
        } else if (r.reason === "unsupported") {
          into.lockedKeys++;
          into.findings.push(
            unsupportedFinding(r.algorithm, {
              part: "private key",
              ...(r.message ? { reason: r.message } : {}),
            }),
          );
        } else {
          throw new P12Error(`the private key's encryption parameters (${r.algorithm}) are malformed`);
        }
        break;
      }
      case OIDS.certBag: {
        const [typeT, certValueT] = seq(value, "CertBag");
        if (oid(typeT, "CertBag type") !== OIDS.x509Certificate) break; // SDSI certificates: ignored
        into.certs.push(withAttrs({ der: octets(explicit0(certValueT, "CertBag"), "certificate") }, attrs));
        break;
      }
      case OIDS.safeContentsBag:
        await readSafeContents(value.raw, pw, into, depth + 1);
        break;
      default:
        break; // CRL and secret bags: not needed for the check
    }
  }
}

function passwordForms(password: string): Uint8Array[] {
  const forms = [bmpPassword(password)];
  if (password === "") forms.push(new Uint8Array(0)); // "no password" (OpenSSL's NULL) rather than ""
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(password)) forms.push(asciiWidenedPassword(password));
  return forms;
}

type MacOutcome =
  | { state: "ok"; forms: Uint8Array[]; algorithm: string }
  | { state: "bad"; algorithm: string }
  | { state: "none" | "unsupported"; algorithm?: string };

function checkMac(
  macData: Tlv | undefined,
  authSafe: Uint8Array,
  forms: Uint8Array[],
  budget: { left: number; total: number },
): MacOutcome {
  if (macData === undefined) return { state: "none" };
  const [digestInfo, saltT, iterT] = seq(macData, "MacData");
  const [algT, digestT] = seq(digestInfo, "MAC DigestInfo");
  const [macOidT] = seq(algT, "MAC algorithm");
  const macOid = oid(macOidT, "MAC algorithm");
  const expected = octets(digestT, "MAC value");
  const salt = octets(saltT, "MAC salt");
  const iterations = iterT === undefined ? 1 : intValue(iterT, "MAC iteration count");
  if (macOid === OIDS.pbmac1) return { state: "unsupported", algorithm: "PBMAC1" };
  const hash: HashName | undefined = DIGEST_OIDS[macOid];
  if (!hash || !kdfSupported(hash)) return { state: "unsupported", algorithm: macOid };
  const algorithm = `HMAC-${hash.toUpperCase()}`;
  if (iterations < 1) throw new P12Error("MAC iteration count is zero");
  if (iterations > MAX_KDF_ITERATIONS)
    return { state: "unsupported", algorithm: `${algorithm} with ${iterations} iterations` };
  const size = hashSize(hash) as number;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as Uint8Array;
    // every password form tried is paid for: the MAC is part of the file's iteration budget
    if (!spend(budget, kdfCost(hash, iterations)))
      throw new TooExpensiveError(
        "integrity check (MAC)",
        `${algorithm}, ${iterations} iterations`,
        budget.total,
      );
    const key = pkcs12Kdf(hash, form, salt, iterations, KDF_ID.mac, size);
    if (equalBytes(hmac(hash, key, authSafe), expected)) {
      return { state: "ok", forms: [form, ...forms.filter((_, j) => j !== i)], algorithm };
    }
  }
  return { state: "bad", algorithm };
}

interface CertInfo {
  entry: CertEntry;
  parsed: ParsedCertificate;
  summary: CertificateSummary;
}

function issuedBy(child: ParsedCertificate, parent: ParsedCertificate): boolean {
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
function likelyLeaf(certs: CertInfo[]): CertInfo | undefined {
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
function declaredLength(bytes: Uint8Array): number | undefined {
  if (bytes[0] !== 0x30 || bytes.length < 2) return undefined;
  const lb = bytes[1] as number;
  if (lb < 0x80) return 2 + lb;
  const n = lb & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] as number);
  return 2 + n + len;
}

async function check(crypto: CryptoContext, bytes: Uint8Array, opts: P12Options): Promise<P12Result> {
  const at = opts.at ?? new Date();
  if (bytes.length === 0) return malformed("the file is empty");
  if (bytes[0] === 0x2d /* '-' */ && bytes[1] === 0x2d) return malformed(MSG.pem());
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
      findings: [
        finding("P12_BAD_PASSWORD", MSG.badPassword("mac"), { stage: "mac", macAlgorithm: mac.algorithm }),
      ],
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
        finding("P12_BAD_PASSWORD", MSG.badPassword("decrypt"), {
          stage: "decrypt",
          ...(mac.state === "ok" ? { macVerified: true } : {}),
        }),
      ],
    };
  }
  return judge(crypto, collected, opts, at, { mac: mac.state, encryption });
}

async function judge(
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
        finding(
          "P12_MALFORMED",
          MSG.malformed(`a certificate in the file cannot be read: ${(e as Error).message}`),
          {
            reason: "certificate",
          },
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
        finding("P12_MALFORMED", MSG.malformed(`the private key cannot be read: ${(e as Error).message}`), {
          reason: "private-key",
        }),
      );
    }
  }
  if (c.badPassword) {
    findings.push(
      finding("P12_BAD_PASSWORD", MSG.badPassword("decrypt"), { stage: "decrypt", partial: true }),
    );
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
    findings.push(finding("P12_NO_KEY", MSG.noKey(summary), { certificates: certs.length }));
  } else if (keys.length > 0 && !matchedKey) {
    findings.push(
      finding("P12_KEY_MISMATCH", MSG.keyMismatch(summary), {
        keys: keys.map((k) => keyLabel(k.pub)),
        certificates: certs.length,
        ...(summary
          ? { subject: summary.subject, certificateKey: `${summary.keyType} ${summary.keySize ?? ""}`.trim() }
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
        findings.push({ ...f, message: MSG.expired(summary), detail: omitSigning(f.detail) });
      } else if (f.code === "CERT_NOT_YET_VALID") {
        findings.push({ ...f, message: MSG.notYetValid(summary), detail: omitSigning(f.detail) });
      } else {
        findings.push(f);
      }
    }
    const na = Date.parse(summary.notAfter);
    if (!expired && !Number.isNaN(na) && na >= at.getTime() && na - at.getTime() <= EXPIRING_DAYS * DAY_MS) {
      expiring = true;
      const days = Math.max(0, Math.floor((na - at.getTime()) / DAY_MS));
      findings.push(
        finding("CERT_EXPIRING", MSG.expiring(summary, days), {
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
        finding("EMAIL_MISMATCH", MSG.emailMismatch(summary, email), {
          email,
          certificateEmails: summary.emails,
        }),
      );
    }
    const eeParsed = ee.parsed;
    if (!summary.selfSigned && !certs.some((o) => o !== ee && issuedBy(eeParsed, o.parsed))) {
      findings.push(
        finding("CHAIN_INCOMPLETE", MSG.chainIncomplete(summary), {
          subject: summary.subject,
          issuer: summary.issuer,
          certificatesInFile: certs.map((x) => x.summary.subject),
        }),
      );
    }
  }
  if (matchedKey && summary && !findings.some((f) => f.severity === "error" || f.severity === "warning")) {
    findings.unshift(
      finding("P12_OK", MSG.ok(summary), {
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

function omitSigning(detail: Record<string, unknown>): Record<string, unknown> {
  const { signingTime: _s, validAtSigningTime: _v, ...rest } = detail;
  return rest;
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
