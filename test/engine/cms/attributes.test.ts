/**
 * RFC 5652 §11.1/§11.2: content-type and message-digest are signed attributes with exactly one value,
 * appearing once. A SignerInfo whose message-digest attribute carries two values (the real digest first,
 * then another) could vouch for two contents; OpenSSL refuses it (CMS_signed_get0_data_by_OBJ with
 * lastpos -3). No OpenSSL command makes such a SignerInfo, so this test builds one by hand: real DER,
 * really signed over its attributes with the committed test key (alice.key), once with one value (valid:
 * the test can fail) and once with two (invalid).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseCms, verifySigned, type SignedCms } from "../../../src/engine/cms/index";
import { parseCertificate } from "../../../src/engine/x509/certificate";
import { fromHex, fromPem } from "../../../src/engine/util/bytes";

const PKI = path.resolve(__dirname, "..", "..", "fixtures", "generated", "pki");
const cert = fromPem(fs.readFileSync(path.join(PKI, "alice.pem"), "latin1"))[0] as Uint8Array;
const key = crypto.createPrivateKey(fs.readFileSync(path.join(PKI, "alice.key"), "latin1"));

function len(n: number): number[] {
  if (n < 0x80) return [n];
  const b: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
  return [0x80 | b.length, ...b];
}
function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...len(body.length)]), body]));
}
const seq = (...p: Uint8Array[]): Uint8Array => tlv(0x30, ...p);
const set = (...p: Uint8Array[]): Uint8Array => tlv(0x31, ...p);
function oid(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
  const out = [a * 40 + b];
  for (const n of rest) {
    const enc = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) enc.unshift(0x80 | (v & 0x7f));
    out.push(...enc);
  }
  return tlv(0x06, new Uint8Array(out));
}
const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
const int = (b: Uint8Array): Uint8Array =>
  tlv(0x02, (b[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
const NULL = new Uint8Array([0x05, 0x00]);
const SHA256 = seq(oid("2.16.840.1.101.3.4.2.1"));
const RSA = seq(oid("1.2.840.113549.1.1.1"), NULL);
const DATA = "1.2.840.113549.1.7.1";

function signedMessage(digestValues: Uint8Array[]): { cms: SignedCms; content: Uint8Array } {
  const content = new TextEncoder().encode("Hello, one signature for one content.\r\n");
  const attrs = set(
    seq(oid("1.2.840.113549.1.9.3"), set(oid(DATA))),
    seq(oid("1.2.840.113549.1.9.4"), set(...digestValues.map(octets))),
  );
  const signature = new Uint8Array(crypto.sign("sha256", attrs, key));
  const implicitAttrs = attrs.slice();
  implicitAttrs[0] = 0xa0;
  const p = parseCertificate(cert);
  const signerInfo = seq(
    int(new Uint8Array([1])),
    seq(p.issuerDer, int(fromHex(p.serialNumber))),
    SHA256,
    implicitAttrs,
    RSA,
    octets(signature),
  );
  const signedData = seq(
    int(new Uint8Array([1])),
    set(SHA256),
    seq(oid(DATA)),
    tlv(0xa0, cert),
    set(signerInfo),
  );
  const der = seq(oid("1.2.840.113549.1.7.2"), tlv(0xa0, signedData));
  const cms = parseCms(der);
  if (cms.type !== "signed") throw new Error("not signed");
  return { cms, content };
}

const at = new Date("2030-01-01T00:00:00Z");
const digest = (s: Uint8Array): Uint8Array => new Uint8Array(crypto.createHash("sha256").update(s).digest());

test("one message-digest value, signed over the attributes: valid (the construction is right)", async () => {
  const content = new TextEncoder().encode("Hello, one signature for one content.\r\n");
  const { cms } = signedMessage([digest(content)]);
  const r = await verifySigned(cms, { detachedContent: content, trustAnchors: [], at, layer: 0 });
  expect(r.verdict).toBe("valid");
});

test("two message-digest values: SIGNATURE_INVALID, though the first one matches and the signature verifies", async () => {
  const content = new TextEncoder().encode("Hello, one signature for one content.\r\n");
  const other = digest(new TextEncoder().encode("another content"));
  const { cms } = signedMessage([digest(content), other]);
  expect(cms.signerInfos[0]?.attrProblems).toEqual([
    { attribute: "message-digest", problem: "several-values", values: 2 },
  ]);
  const r = await verifySigned(cms, { detachedContent: content, trustAnchors: [], at, layer: 0 });
  expect(r.verdict).toBe("invalid");
  const f = r.findings.find((x) => x.code === "SIGNATURE_INVALID");
  expect(f?.detail).toMatchObject({ reason: "signed-attributes-invalid" });
  expect(f?.message.en).toContain("message-digest attribute has 2 values");
  expect(r.findings.map((x) => x.code)).not.toContain("SIGNATURE_VALID");
});

test("a message-digest attribute that appears twice: SIGNATURE_INVALID", async () => {
  const content = new TextEncoder().encode("Hello, one signature for one content.\r\n");
  const d = digest(content);
  const attrs = set(
    seq(oid("1.2.840.113549.1.9.3"), set(oid(DATA))),
    seq(oid("1.2.840.113549.1.9.4"), set(octets(d))),
    seq(oid("1.2.840.113549.1.9.4"), set(octets(d))),
  );
  // Parsed through the same path as a real SignerInfo's attributes.
  const { readSignedAttributes } = await import("../../../src/engine/cms/signerInfo");
  const { readTlv } = await import("../../../src/engine/asn1");
  const si = { attrProblems: [] } as unknown as Parameters<typeof readSignedAttributes>[1];
  readSignedAttributes(readTlv(attrs, 0), si);
  expect(si.attrProblems).toEqual([{ attribute: "message-digest", problem: "repeated" }]);
});
