/**
 * Hostile inputs (issue #11), generated — never committed: every row of the table as a function of
 * a size factor, built deterministically from the OpenSSL-made fixtures in test/fixtures/generated/
 * (the tampered message and Alice's certificate) with a small DER writer. Used by
 * test/robustness/hostile.test.ts (small and table sizes) and bench/hostile.mjs (`npm run bench:hostile`,
 * which bundles this file with esbuild and writes the inputs to bench/out/hostile/).
 */
import fs from "node:fs";
import path from "node:path";
import { children, readTlv, type Tlv } from "../../../src/engine/asn1";
import { decodeBase64, encodeBase64, fromPem } from "../../../src/engine/util/bytes";

export const GENERATED = path.resolve(__dirname, "..", "..", "fixtures", "generated");

export interface HostileInput {
  name: string;
  /** What the table row describes. */
  row: string;
  bytes: Uint8Array;
  expect: { kind: string; signature: string; present: string[]; absent?: string[] };
}

// ---------------------------------------------------------------------------------------------------
// A small DER writer

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const b: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
  return [0x80 | b.length, ...b];
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  return tlvOf(tag, content);
}
/** The same for a long list of parts (no spread into a call). */
export function tlvOf(tag: number, content: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of content) n += c.length;
  const head = [tag, ...lengthBytes(n)];
  const out = new Uint8Array(head.length + n);
  out.set(head);
  let o = head.length;
  for (const c of content) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
const seq = (...c: Uint8Array[]): Uint8Array => tlv(0x30, ...c);
const set = (...c: Uint8Array[]): Uint8Array => tlv(0x31, ...c);
const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

function oid(dotted: string): Uint8Array {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [40 * (parts[0] as number) + (parts[1] as number)];
  for (const p of parts.slice(2)) {
    const b: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) b.unshift(0x80 | (v & 0x7f));
    out.push(...b);
  }
  return tlv(0x06, new Uint8Array(out));
}
function integer(b: Uint8Array): Uint8Array {
  return tlv(0x02, (b[0] as number) & 0x80 ? new Uint8Array([0, ...b]) : b);
}

/** A deterministic byte stream (xorshift32) for key material and signatures. */
function prng(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------------
// The OpenSSL-made material

const OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
const OID_ENVELOPED_DATA = "1.2.840.113549.1.7.3";
const OID_DATA = "1.2.840.113549.1.7.1";

interface Material {
  tampered: string;
  /** The tampered message up to the signature part's base64, and from its closing delimiter. */
  head: string;
  tail: string;
  sd: Tlv[];
  signerInfo: Uint8Array;
  alice: Uint8Array;
  aliceParts: { tbs: Tlv[]; sigAlg: Uint8Array; sig: Uint8Array };
}

let material: Material | undefined;
function load(): Material {
  if (material) return material;
  const tampered = fs.readFileSync(path.join(GENERATED, "messages", "tampered.eml"), "latin1");
  const sigHeader = tampered.indexOf("Content-Description: S/MIME Cryptographic Signature");
  const b64Start = tampered.indexOf("\r\n\r\n", sigHeader) + 4;
  const b64End = tampered.indexOf("\r\n------=_Signed_valid_alice_entity--", b64Start);
  const der = decodeBase64(bytesOf(tampered.slice(b64Start, b64End)));
  const ci = readTlv(der, 0);
  const signedData = children(children(ci)[1] as Tlv)[0] as Tlv;
  const sd = children(signedData);
  const signerInfos = sd[sd.length - 1] as Tlv;
  const alice = fromPem(fs.readFileSync(path.join(GENERATED, "pki", "alice.pem"), "latin1"))[0] as Uint8Array;
  const [tbsT, sigAlgT, sigT] = children(readTlv(alice, 0)) as [Tlv, Tlv, Tlv];
  material = {
    tampered,
    head: tampered.slice(0, b64Start),
    tail: tampered.slice(b64End),
    sd,
    signerInfo: (children(signerInfos)[0] as Tlv).raw,
    alice,
    aliceParts: { tbs: children(tbsT), sigAlg: sigAlgT.raw, sig: sigT.raw },
  };
  return material;
}

/** Alice's certificate with parts of its TBSCertificate replaced (its own signature no longer matches). */
function aliceVariant(opts: {
  spki?: Uint8Array;
  subject?: Uint8Array;
  extensions?: Uint8Array;
}): Uint8Array {
  const { tbs, sigAlg, sig } = load().aliceParts;
  // version, serial, signature, issuer, validity, subject, spki, [3] extensions
  const parts = tbs.map((t) => t.raw);
  if (opts.subject) parts[5] = opts.subject;
  if (opts.spki) parts[6] = opts.spki;
  if (opts.extensions) parts[7] = opts.extensions;
  return seq(seq(...parts), sigAlg, sig);
}

function rsaSpki(n: Uint8Array, e: Uint8Array): Uint8Array {
  const key = seq(integer(n), integer(e));
  return seq(seq(oid("1.2.840.113549.1.1.1"), tlv(0x05)), tlv(0x03, new Uint8Array([0]), key));
}

function contentInfo(type: string, content: Uint8Array): Uint8Array {
  return seq(oid(type), tlv(0xa0, content));
}

/** SignedData like the tampered message's, with other certificates / signer infos / eContent. */
function signedData(opts: {
  certificates?: Uint8Array[];
  signerInfos?: Uint8Array[];
  eci?: Uint8Array;
}): Uint8Array {
  const { sd } = load();
  const [version, digestAlgs, eci, certs] = sd as [Tlv, Tlv, Tlv, Tlv];
  return contentInfo(
    OID_SIGNED_DATA,
    seq(
      version.raw,
      digestAlgs.raw,
      opts.eci ?? eci.raw,
      opts.certificates ? tlvOf(0xa0, opts.certificates) : certs.raw,
      tlvOf(0x31, opts.signerInfos ?? [load().signerInfo]),
    ),
  );
}

/** The tampered message with its signature part replaced by `der`. */
function tamperedWith(der: Uint8Array): Uint8Array {
  const m = load();
  return bytesOf(`${m.head}${encodeBase64(der, 76).replace(/\r?\n/g, "\r\n")}${m.tail}`);
}

/** A multipart/signed message (LF line ends) with `lines` lines of text as its signed content. */
function multipartSigned(lines: number, der: Uint8Array): Uint8Array {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(`line ${i} of the signed text, nothing special here`);
  return bytesOf(
    [
      "From: Alice Example <alice@example.jp>",
      "To: Bob Example <bob@example.jp>",
      "Subject: hostile",
      "MIME-Version: 1.0",
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      ...body,
      "--b",
      'Content-Type: application/pkcs7-signature; name="smime.p7s"',
      "Content-Transfer-Encoding: base64",
      "",
      encodeBase64(der, 76).replace(/\r?\n/g, "\n"),
      "--b--",
      "",
    ].join("\n"),
  );
}

/** Issuer and serial of Alice's certificate, as a SignerIdentifier. */
function aliceSid(): Uint8Array {
  const { tbs } = load().aliceParts;
  return seq((tbs[3] as Tlv).raw, (tbs[1] as Tlv).raw);
}

const SHA256_ALG = seq(oid("2.16.840.1.101.3.4.2.1"));
const RSA_ALG = seq(oid("1.2.840.113549.1.1.1"), tlv(0x05));

/** A SignerInfo without signed attributes: the signature is over the content itself. */
function bareSignerInfo(sig: Uint8Array): Uint8Array {
  return seq(integer(new Uint8Array([1])), aliceSid(), SHA256_ALG, RSA_ALG, octets(sig));
}

/** A SignerInfo with signed attributes whose message digest matches nothing; its certificate is absent. */
function unknownSignerInfo(i: number): Uint8Array {
  const issuer = seq(set(seq(oid("2.5.4.3"), tlv(0x0c, bytesOf(`Nobody CA ${i}`)))));
  const attrs = tlv(
    0xa0,
    seq(oid("1.2.840.113549.1.9.3"), set(oid(OID_DATA))),
    seq(oid("1.2.840.113549.1.9.4"), set(octets(new Uint8Array(32).fill(i & 0xff)))),
  );
  return seq(
    integer(new Uint8Array([1])),
    seq(issuer, integer(new Uint8Array([1 + (i & 0x7f)]))),
    SHA256_ALG,
    attrs,
    RSA_ALG,
    octets(new Uint8Array(256).fill(7)),
  );
}

// ---------------------------------------------------------------------------------------------------
// The rows of the table. `scale` 1 is the size.

const n = (base: number, scale: number): number => Math.max(1, Math.round(base * scale));

export function rsaBigExponent(scale = 1): HostileInput {
  const r = prng(11);
  const mod = r(256);
  mod[0] = (mod[0] as number) | 0x80;
  const e = r(512); // a 4096-bit exponent
  e[0] = (e[0] as number) | 0x80;
  e[e.length - 1] = (e[e.length - 1] as number) | 1;
  const cert = aliceVariant({ spki: rsaSpki(mod, e) });
  const sig = r(256);
  sig[0] = 0x01;
  const der = signedData({
    certificates: [cert],
    signerInfos: [bareSignerInfo(sig)],
    eci: seq(oid(OID_DATA)),
  });
  return {
    name: "rsa-big-exponent",
    row: "4 KB signed message, 4096-bit RSA exponent",
    bytes: multipartSigned(n(60, scale), der),
    expect: { kind: "signed", signature: "unverifiable", present: ["UNSUPPORTED_ALGORITHM"] },
  };
}

export function rsaHugeModulus(scale = 1): HostileInput {
  const r = prng(12);
  const mod = r(2050); // 16 400 bits
  mod[0] = (mod[0] as number) | 0x80;
  const cert = aliceVariant({ spki: rsaSpki(mod, new Uint8Array([1, 0, 1])) });
  const sig = r(2050);
  sig[0] = 0x01;
  const der = signedData({
    certificates: [cert],
    signerInfos: [bareSignerInfo(sig)],
    eci: seq(oid(OID_DATA)),
  });
  return {
    name: "rsa-huge-modulus",
    row: "signed message, 16 400-bit RSA key",
    bytes: multipartSigned(n(60, scale), der),
    expect: { kind: "signed", signature: "unverifiable", present: ["UNSUPPORTED_ALGORITHM"] },
  };
}

/** Signers without certificates whose digests match nothing, over `lines` content lines. */
export function signersWithoutCertificates(scale = 1, signers = 300, lines = 3000): HostileInput {
  const infos: Uint8Array[] = [];
  for (let i = 0; i < n(signers, scale); i++) infos.push(unknownSignerInfo(i));
  const der = signedData({ certificates: [], signerInfos: infos, eci: seq(oid(OID_DATA)) });
  return {
    name: `signers-${signers}-no-certificates`,
    row: `${signers} signers without certificates × ${lines} content lines`,
    bytes: multipartSigned(n(lines, scale), der),
    expect: {
      kind: "signed",
      signature: "invalid",
      present: ["SIGNATURE_INVALID", "SIGNER_CERTIFICATE_MISSING", "MULTIPLE_SIGNERS"],
    },
  };
}

/** 50 000 copies of the tampered message's SignerInfo. */
export function manySignerInfos(scale = 1): HostileInput {
  const count = n(50_000, scale);
  const infos = new Array<Uint8Array>(count).fill(load().signerInfo);
  return {
    name: "signerinfos-50000",
    row: "50 000 SignerInfos",
    bytes: tamperedWith(signedData({ signerInfos: infos })),
    expect: { kind: "signed", signature: "invalid", present: ["SIGNATURE_INVALID", "MALFORMED_CMS"] },
  };
}

export function manyRecipients(scale = 1): HostileInput {
  const count = n(200_000, scale);
  const ri = seq(
    integer(new Uint8Array([0])),
    aliceSid(),
    seq(oid("1.2.840.113549.1.1.1"), tlv(0x05)),
    octets(new Uint8Array(16).fill(3)),
  );
  const eci = seq(
    oid(OID_DATA),
    seq(oid("2.16.840.1.101.3.4.1.42"), octets(new Uint8Array(16))),
    tlv(0x80, new Uint8Array(32)),
  );
  const der = contentInfo(
    OID_ENVELOPED_DATA,
    seq(integer(new Uint8Array([0])), tlvOf(0x31, new Array<Uint8Array>(count).fill(ri)), eci),
  );
  return {
    name: "recipients-200000",
    row: "EnvelopedData with 200 000 recipients",
    bytes: der,
    expect: { kind: "encrypted", signature: "none", present: ["ENCRYPTED"] },
  };
}

export function pemBeginStorm(scale = 1): HostileInput {
  const line = "-----BEGIN PKCS7-----\n";
  const count = n((800 * 1024) / line.length, scale);
  return {
    name: "pem-begin-800k",
    row: '"-----BEGIN" lines without END',
    bytes: bytesOf(line.repeat(count)),
    expect: { kind: "none", signature: "none", present: [] },
  };
}

export function manySanAddresses(scale = 1): HostileInput {
  const count = n(100_000, scale);
  const names: Uint8Array[] = [];
  for (let i = 0; i < count; i++) names.push(tlv(0x81, bytesOf(`user${i % 50_000}@example.jp`)));
  const san = seq(oid("2.5.29.17"), octets(tlvOf(0x30, names)));
  const cert = aliceVariant({ extensions: tlv(0xa3, seq(san)) });
  const der = signedData({ certificates: [cert], signerInfos: [], eci: seq(oid(OID_DATA)) });
  return {
    name: "san-100000",
    row: "certificate with 100 000 SAN addresses",
    bytes: der,
    expect: { kind: "certs-only", signature: "none", present: ["CERTS_ONLY"] },
  };
}

export function millionTinyCertificates(scale = 1): HostileInput {
  const count = n(1_000_000, scale);
  const tiny = seq(integer(new Uint8Array([0])));
  const certs = new Array<Uint8Array>(count).fill(tiny);
  certs.push(load().alice);
  const der = signedData({ certificates: certs, signerInfos: [], eci: seq(oid(OID_DATA)) });
  return {
    name: "certificates-1000000",
    row: '1 000 000 tiny "certificates"',
    bytes: der,
    expect: { kind: "certs-only", signature: "none", present: ["CERTS_ONLY", "MALFORMED_CMS"] },
  };
}

/** An opaque signature whose eContent is a constructed OCTET STRING of 1-byte pieces (48 MB encoded). */
export function octetStringPieces(scale = 1): HostileInput {
  const pieces = n(16_000_000, scale);
  const text = bytesOf("Content-Type: text/plain\n\nsome text in one-byte pieces\n");
  // 0x24 0x80 … 0x00 0x00: constructed, indefinite; each piece 04 01 xx
  const body = new Uint8Array(2 + pieces * 3 + 2);
  body[0] = 0x24;
  body[1] = 0x80;
  for (let i = 0; i < pieces; i++) {
    body[2 + i * 3] = 0x04;
    body[3 + i * 3] = 0x01;
    body[4 + i * 3] = text[i % text.length] as number;
  }
  const eci = seq(oid(OID_DATA), tlv(0xa0, body));
  return {
    name: "octet-pieces-48mb",
    row: "48 MB constructed OCTET STRING of 1-byte pieces",
    bytes: signedData({ eci }),
    expect: { kind: "opaque-signed", signature: "invalid", present: ["SIGNATURE_INVALID"] },
  };
}

function hugeHeader(name: string, scale: number, field: string, value: string): HostileInput {
  const size = n(30 * 1024 * 1024, scale);
  return {
    name,
    row: `30 MB ${field} value`,
    bytes: bytesOf(
      `From: a@example.jp\nSubject: big\n${field}: ${value.repeat(Math.ceil(size / value.length))}\n\nbody\n`,
    ),
    expect: { kind: "none", signature: "none", present: [] },
  };
}
export const hugeContentType = (scale = 1): HostileInput =>
  hugeHeader("content-type-30mb", scale, "Content-Type", "x");
export const hugeTransferEncoding = (scale = 1): HostileInput =>
  hugeHeader("content-transfer-encoding-30mb", scale, "Content-Transfer-Encoding", "b");

/** Three signers sharing a certificate whose CN has 20 M characters. */
export function hugeCommonName(scale = 1): HostileInput {
  const cn = bytesOf("A".repeat(n(20_000_000, scale)));
  const subject = seq(set(seq(oid("2.5.4.3"), tlv(0x0c, cn))));
  const cert = aliceVariant({ subject });
  const si = load().signerInfo;
  return {
    name: "common-name-20m-3-signers",
    row: "a 20 M-character CN shared by 3 signers",
    bytes: tamperedWith(signedData({ certificates: [cert], signerInfos: [si, si, si] })),
    expect: { kind: "signed", signature: "invalid", present: ["SIGNATURE_INVALID", "MULTIPLE_SIGNERS"] },
  };
}

export function hugeSubject(scale = 1): HostileInput {
  const size = n(50 * 1024 * 1024, scale);
  return {
    name: "subject-50mb",
    row: "50 MB Subject (eleven in one --json run)",
    bytes: bytesOf(`From: a@example.jp\nSubject: ${"s".repeat(size)}\n\nbody\n`),
    expect: { kind: "none", signature: "none", present: [] },
  };
}

export function prependedHeaderLines(scale = 1): HostileInput {
  const lines = n(10_000, scale);
  // With the message's own fields, 10 000 added lines pass the header cap (MAX_HEADER_FIELDS).
  const overCap = lines >= 10_000;
  return {
    name: "tampered-10000-header-lines",
    row: "the tampered fixture with 10 000 `X-A: 1` lines prepended",
    bytes: bytesOf("X-A: 1\r\n".repeat(lines) + load().tampered),
    expect: {
      kind: "signed",
      signature: "invalid",
      present: overCap ? ["SIGNATURE_INVALID", "MALFORMED_MIME"] : ["SIGNATURE_INVALID"],
      ...(overCap ? {} : { absent: ["MALFORMED_MIME"] }),
    },
  };
}

/** Every row, in the table's order. */
export const ROWS: ((scale?: number) => HostileInput)[] = [
  rsaBigExponent,
  rsaHugeModulus,
  (s) => signersWithoutCertificates(s),
  (s) => signersWithoutCertificates(s, 1000, 10_000),
  manySignerInfos,
  manyRecipients,
  pemBeginStorm,
  manySanAddresses,
  millionTinyCertificates,
  octetStringPieces,
  hugeContentType,
  hugeTransferEncoding,
  hugeCommonName,
  hugeSubject,
  prependedHeaderLines,
];

// ---------------------------------------------------------------------------------------------------
// Beside the table (issue #11, part 4)

function validAlice(): string {
  return fs.readFileSync(path.join(GENERATED, "messages", "valid-alice.eml"), "latin1");
}

/**
 * valid-alice.eml with Alice's certificate replaced by one whose validity dates cannot be read (the same
 * key, issuer and serial: the signature itself still verifies).
 */
export function validityUnreadable(): HostileInput {
  const m = load();
  const { tbs, sigAlg, sig } = m.aliceParts;
  const parts = tbs.map((t) => t.raw);
  parts[4] = seq(tlv(0x17, bytesOf("not a time")), tlv(0x18, bytesOf("20991301999999Z")));
  const cert = seq(seq(...parts), sigAlg, sig);
  const der = signedData({ certificates: [cert] });
  const valid = validAlice();
  const head = valid.slice(0, valid.length - m.tampered.length + m.head.length);
  return {
    name: "validity-unreadable",
    row: "unreadable validity dates",
    bytes: bytesOf(`${head}${encodeBase64(der, 76).replace(/\r?\n/g, "\r\n")}${m.tail}`),
    expect: {
      kind: "signed",
      signature: "unverifiable",
      present: ["MALFORMED_CMS"],
      absent: ["SIGNATURE_VALID"],
    },
  };
}

/** Two signed parts side by side in a multipart/mixed (siblings, not nested). */
export function siblingSignedParts(): HostileInput {
  const valid = validAlice();
  const start = valid.indexOf("Content-Type: multipart/signed");
  const entity = valid.slice(start);
  const headers = valid.slice(0, start);
  return {
    name: "sibling-signed-parts",
    row: "two signed parts side by side",
    bytes: bytesOf(
      `${headers}Content-Type: multipart/mixed; boundary="outer"\r\n\r\n--outer\r\n${entity}\r\n--outer\r\n${entity}\r\n--outer--\r\n`,
    ),
    expect: {
      kind: "signed",
      signature: "valid",
      present: ["SIGNATURE_VALID"],
      absent: ["NESTED_SIGNATURE"],
    },
  };
}
