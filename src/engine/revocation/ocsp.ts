/**
 * OCSP (RFC 6960): the DER OCSPRequest for one certificate, and the judgement of a response: a
 * BasicOCSPResponse signed by the issuer itself or by a delegated responder (a certificate issued by the
 * issuer, with id-kp-OCSPSigning, valid at producedAt), whose SingleResponse's CertID matches the
 * certificate (hash of the issuer's name and key, serial number), current at the evaluation time.
 */
import { DIGEST_OIDS, HASH_OID } from "../asn1/oids";
import {
  children,
  decodeOid,
  decodeTime,
  integerHex,
  isContext,
  isUniversal,
  readTlv,
  TAG,
  type Tlv,
} from "../asn1";
import { digestSync, type HashName } from "../crypto/hashes";
import { concat, equalBytes, fromHex } from "../util/bytes";
import { ownContext, type CryptoContext } from "../crypto/context";
import { reasonName, verifyWithCertificate } from "./crl";
import { parseCertificate, type ParsedCertificate } from "../x509/certificate";
import { onlyMalformed } from "../asn1/errors";

// ---- a minimal DER writer (lengths, SEQUENCE, OCTET STRING, INTEGER, OID, NULL)

function der(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let len: number[];
  if (n < 0x80) len = [n];
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = [0x80 | bytes.length, ...bytes];
  }
  return concat([Uint8Array.of(tag, ...len), content]);
}
const seq = (...parts: Uint8Array[]): Uint8Array => der(0x30, concat(parts));

function oidBytes(oid: string): Uint8Array {
  const parts = oid.split(".").map(Number);
  const out: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const b: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) b.unshift(0x80 | (v & 0x7f));
    out.push(...b);
  }
  return der(0x06, Uint8Array.from(out));
}

function integerBytes(hex: string): Uint8Array {
  let v = fromHex(hex.length % 2 ? `0${hex}` : hex);
  if (v.length === 0) v = Uint8Array.of(0);
  if ((v[0] as number) & 0x80) v = concat([Uint8Array.of(0), v]);
  return der(0x02, v);
}

/** The BIT STRING contents (without the unused-bits octet) of a SubjectPublicKeyInfo: what issuerKeyHash hashes. */
function subjectPublicKey(spki: Uint8Array): Uint8Array {
  const top = readTlv(spki, 0);
  const bits = children(top)[1];
  return bits ? bits.value.subarray(1) : new Uint8Array(0);
}

export interface CertId {
  hash: HashName;
  nameHash: Uint8Array;
  keyHash: Uint8Array;
  serialNumber: string;
}

export function certIdFor(
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  hash: HashName = "sha-1",
): CertId {
  return {
    hash,
    nameHash: digestSync(hash, cert.issuerDer),
    keyHash: digestSync(hash, subjectPublicKey(issuer.spki)),
    serialNumber: cert.serialNumber,
  };
}

/** DER OCSPRequest for `cert` (SHA-1 CertID, as every responder understands; no nonce, no signature). */
export function ocspRequest(cert: ParsedCertificate, issuer: ParsedCertificate): Uint8Array {
  const id = certIdFor(cert, issuer);
  const certId = seq(
    seq(oidBytes(HASH_OID["sha-1"]), Uint8Array.of(0x05, 0x00)),
    der(0x04, id.nameHash),
    der(0x04, id.keyHash),
    integerBytes(id.serialNumber),
  );
  return seq(seq(seq(seq(certId))));
}

export type OcspAnswer =
  | {
      status: "good" | "revoked";
      thisUpdate: Date;
      nextUpdate?: Date;
      producedAt?: Date;
      /** "issuer" or the delegated responder's subject. */
      responder: string;
      revocationTime?: Date;
      reason?: string;
    }
  | { status: "unknown" | "unusable"; code: string; reason: string };

const SKEW_MS = 5 * 60 * 1000;
/** Without nextUpdate a response counts as current for this long after thisUpdate. */
const NO_NEXT_UPDATE_MS = 24 * 3600 * 1000;
const OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";
const STATUS_NAMES = [
  "successful",
  "malformedRequest",
  "internalError",
  "tryLater",
  "4",
  "sigRequired",
  "unauthorized",
];

function unusable(code: string, reason: string): OcspAnswer {
  return { status: "unusable", code, reason };
}

function time(t: Tlv | undefined): Date | undefined {
  return t && t.cls === 0 && t.tag === TAG.GENERALIZED_TIME ? decodeTime(t) : undefined;
}

/** Judges an OCSPResponse (DER) about `cert`, issued by `issuer`, at evaluation time `at`. */
export async function checkOcsp(
  response: Uint8Array,
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
  at: Date,
  context?: CryptoContext,
): Promise<OcspAnswer> {
  const crypto = ownContext(context);
  let basic: Tlv;
  try {
    const top = readTlv(response, 0);
    const [statusT, bytesT] = children(top);
    if (!statusT || statusT.tag !== 10)
      return unusable("unparseable", "the OCSP answer is not an OCSPResponse");
    const st = statusT.value[0] ?? 255;
    if (st !== 0)
      return unusable(
        "responder-error",
        `the OCSP responder refused the request (${STATUS_NAMES[st] ?? `status ${st}`})`,
      );
    if (!isContext(bytesT, 0)) return unusable("unparseable", "the OCSP answer carries no response");
    const [typeT, octT] = children(children(bytesT)[0] as Tlv);
    if (
      !isUniversal(typeT, TAG.OID) ||
      decodeOid(typeT.value) !== OCSP_BASIC ||
      !isUniversal(octT, TAG.OCTET_STRING)
    )
      return unusable("unparseable", "the OCSP answer is not a basic OCSP response");
    basic = readTlv(octT.value, 0);
  } catch (err) {
    return unusable(
      "unparseable",
      `the OCSP answer could not be read (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  try {
    const [tbsT, algT, sigT, certsT] = children(basic);
    if (
      !isUniversal(tbsT, TAG.SEQUENCE) ||
      !isUniversal(algT, TAG.SEQUENCE) ||
      !isUniversal(sigT, TAG.BIT_STRING)
    )
      return unusable("unparseable", "malformed BasicOCSPResponse");
    const [algOid, algParams] = children(algT);
    if (!isUniversal(algOid, TAG.OID)) return unusable("unparseable", "malformed OCSP signature algorithm");
    const sigAlg = decodeOid(algOid.value);
    const signature = sigT.value.subarray(1);
    const rd = children(tbsT);
    let i = 0;
    if (isContext(rd[0], 0)) i++;
    const responderT = rd[i++];
    const producedAt = time(rd[i++]);
    const responsesT = rd[i++];
    if (!responderT || !isUniversal(responsesT, TAG.SEQUENCE))
      return unusable("unparseable", "malformed OCSP ResponseData");

    // Who signed: the issuer, or a delegated responder the issuer certified for OCSP signing.
    let responder = "issuer";
    let signerCert: ParsedCertificate | undefined;
    if ((await verifyWithCertificate(crypto, issuer, sigAlg, algParams, tbsT.raw, signature)) === "ok")
      signerCert = issuer;
    else {
      const included = isContext(certsT, 0) ? children(children(certsT)[0] as Tlv) : [];
      for (const c of included.slice(0, 8)) {
        let p: ParsedCertificate;
        try {
          p = parseCertificate(c.raw, crypto);
        } catch (e) {
          onlyMalformed(e);
          continue;
        }
        if (!equalBytes(p.issuerDer, issuer.subjectDer)) continue;
        if (!(p.extendedKeyUsage ?? []).includes("OCSPSigning")) continue;
        if (
          (await verifyWithCertificate(crypto, issuer, p.sigAlgOid, p.sigAlgParams, p.tbs, p.signature)) !==
          "ok"
        )
          continue;
        const when = (producedAt ?? at).getTime();
        if ((p.notBefore && when < p.notBefore.getTime()) || (p.notAfter && when > p.notAfter.getTime()))
          continue;
        if ((await verifyWithCertificate(crypto, p, sigAlg, algParams, tbsT.raw, signature)) !== "ok")
          continue;
        signerCert = p;
        responder = p.subject;
        break;
      }
    }
    if (!signerCert)
      return unusable(
        "bad-signature",
        "the OCSP answer is signed neither by the certificate's issuer nor by a responder the issuer authorised (id-kp-OCSPSigning)",
      );

    let sawOther = false;
    for (const sr of children(responsesT)) {
      const [idT, statusT, thisT, ...rest] = children(sr);
      if (!isUniversal(idT, TAG.SEQUENCE) || !statusT) continue;
      const [hAlg, nameH, keyH, serialT] = children(idT);
      const hOid = isUniversal(hAlg, TAG.SEQUENCE) ? children(hAlg)[0] : undefined;
      const hash = isUniversal(hOid, TAG.OID) ? DIGEST_OIDS[decodeOid(hOid.value)] : undefined;
      if (!hash || !nameH || !keyH || !isUniversal(serialT, TAG.INTEGER)) continue;
      const want = certIdFor(cert, issuer, hash);
      if (
        integerHex(serialT.value) !== want.serialNumber ||
        !equalBytes(nameH.value, want.nameHash) ||
        !equalBytes(keyH.value, want.keyHash)
      ) {
        sawOther = true;
        continue;
      }
      const thisUpdate = time(thisT);
      const nextT = rest.find((t) => isContext(t, 0));
      const nextUpdate = nextT ? time(children(nextT)[0]) : undefined;
      if (!thisUpdate) return unusable("unparseable", "the OCSP answer has no readable thisUpdate");
      const ms = at.getTime();
      if (thisUpdate.getTime() - SKEW_MS > ms)
        return unusable(
          "not-yet-valid",
          `the OCSP answer was made after the evaluation time (thisUpdate ${thisUpdate.toISOString()})`,
        );
      const until = nextUpdate ? nextUpdate.getTime() : thisUpdate.getTime() + NO_NEXT_UPDATE_MS;
      if (until < ms)
        return unusable(
          "stale",
          `the OCSP answer is out of date (valid until ${new Date(until).toISOString()})`,
        );
      const common = {
        thisUpdate,
        ...(nextUpdate ? { nextUpdate } : {}),
        ...(producedAt ? { producedAt } : {}),
        responder,
      };
      if (statusT.cls === 2 && statusT.tag === 0) return { status: "good", ...common };
      if (statusT.cls === 2 && statusT.tag === 1) {
        const [rtT, reasonT] = children(statusT);
        const revocationTime = time(rtT);
        let reason: string | undefined;
        if (isContext(reasonT, 0)) {
          const e = children(reasonT)[0];
          if (e && e.tag === 10 && e.value.length === 1) reason = reasonName(e.value[0]);
        }
        return {
          status: "revoked",
          ...common,
          ...(revocationTime ? { revocationTime } : {}),
          ...(reason ? { reason } : {}),
        };
      }
      return {
        status: "unknown",
        code: "responder-unknown",
        reason: "the OCSP responder does not know this certificate",
      };
    }
    return unusable(
      "other-certificate",
      sawOther
        ? "the OCSP answer is about another certificate"
        : "the OCSP answer holds no status for this certificate",
    );
  } catch (err) {
    return unusable(
      "unparseable",
      `the OCSP answer could not be read (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}
