import * as fs from "fs";
import * as path from "path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import fc from "fast-check";
import { findPdfSignatures, parsePdfDate } from "../../../src/engine/pdf/index";
import { decodeBase64, fromLatin1, toArrayBuffer } from "../../../src/engine/util/bytes";

const DIR = path.resolve(__dirname, "..", "..", "fixtures", "generated", "pdf");
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(DIR, f)));
const meta = JSON.parse(fs.readFileSync(path.join(DIR, "signer.json"), "utf8")) as {
  signerCommonName: string;
  byteRange: number[];
};

beforeAll(() => {
  pkijs.setEngine("test", new pkijs.CryptoEngine({ name: "test", crypto: globalThis.crypto }));
});

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
  expect(ci.contentType).toBe("1.2.840.113549.1.7.2");
  return new pkijs.SignedData({ schema: ci.content });
}

function commonName(cert: pkijs.Certificate): string | undefined {
  const atv = cert.subject.typesAndValues.find((t) => t.type === "2.5.4.3");
  return (atv?.value as asn1js.Utf8String | undefined)?.valueBlock.value;
}

function rangeData(pdf: Uint8Array, br: number[]): Uint8Array {
  const [a, b, c, d] = br as [number, number, number, number];
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}

describe("findPdfSignatures on the generated fixtures", () => {
  const signed = read("signed.pdf");

  it("finds the one signature dictionary with its fields", () => {
    const sigs = findPdfSignatures(signed);
    expect(sigs).toHaveLength(1);
    const s = sigs[0]!;
    expect(s.byteRange).toEqual(meta.byteRange);
    expect(s.coversWholeFile).toBe(true);
    expect(s.type).toBe("Sig");
    expect(s.filter).toBe("Adobe.PPKLite");
    expect(s.subFilter).toBe("adbe.pkcs7.detached");
    expect(s.name).toBe("Yamada Taro");
    expect(s.reason).toBe("契約内容を承認します");
    expect(s.location).toBe("Tokyo, Japan");
    expect(s.signingTimeRaw).toBe("D:20250401090000+09'00'");
    expect(s.signingTime).toBe("2025-04-01T00:00:00.000Z");
    // /Contents, hex-decoded, zero padding trimmed by the DER length: exactly what openssl wrote
    expect(s.contents).toEqual(read("signed.p7s"));
  });

  it("the CMS parses with PKIjs, names the generator's signer and verifies over the byte range", async () => {
    const s = findPdfSignatures(signed)[0]!;
    const sd = parseSignedData(s.contents!);
    expect(sd.signerInfos).toHaveLength(1);
    const certs = (sd.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    const sid = sd.signerInfos[0]!.sid as pkijs.IssuerAndSerialNumber;
    const signerCert = certs.find((c) => c.serialNumber.isEqual(sid.serialNumber));
    expect(signerCert).toBeDefined();
    expect(commonName(signerCert!)).toBe(meta.signerCommonName);

    const ok = await sd.verify({ signer: 0, data: toArrayBuffer(rangeData(signed, s.byteRange)) });
    expect(ok).toBe(true);
    // and the check can fail: change one byte of the page inside the signed range
    const tampered = signed.slice();
    const at = Buffer.from(signed).indexOf("Service Agreement");
    tampered[at] = 0x58;
    const bad = await sd
      .verify({ signer: 0, data: toArrayBuffer(rangeData(tampered, s.byteRange)) })
      .catch(() => false);
    expect(bad).toBe(false);
  });

  it("finds nothing in the unsigned PDF", () => {
    expect(findPdfSignatures(read("unsigned.pdf"))).toEqual([]);
  });

  it("the signed-PDF message carries signed.pdf as 契約書.pdf (RFC 2231)", () => {
    const eml = Buffer.from(read("signed-pdf.eml")).toString("latin1");
    expect(eml).toContain("filename*=UTF-8''%E5%A5%91%E7%B4%84%E6%9B%B8.pdf");
    const start = eml.indexOf("\r\n\r\n", eml.indexOf("Content-Type: application/pdf")) + 4;
    const end = eml.indexOf("\r\n--", start);
    const pdf = decodeBase64(fromLatin1(eml.slice(start, end)));
    expect(pdf).toEqual(signed);
    const index = JSON.parse(fs.readFileSync(path.join(DIR, "index.json"), "utf8")) as {
      file: string;
      expect: { present: string[]; absent: string[] };
    }[];
    expect(index.map((e) => e.file)).toEqual(["pdf/signed-pdf.eml", "pdf/unsigned-pdf.eml"]);
    expect(index[0]!.expect.present).toContain("SIGNED_PDF_ATTACHMENT");
    expect(index[1]!.expect.absent).toContain("SIGNED_PDF_ATTACHMENT");
  });
});

describe("findPdfSignatures on hand-made dictionaries", () => {
  const pdf = (s: string): Uint8Array => fromLatin1(s);

  it("reads a direct /V dictionary with nested dictionaries, arrays, hex strings and escapes", () => {
    const body =
      "%PDF-1.4\n1 0 obj\n<< /FT /Sig /T (Sig 1) /V << /Type /Sig /Prop_Build << /App << /Name /Foo#20Bar >> >> " +
      "/Cert [<ABCD> <0102>]/Contents <3003020105 000000>/ByteRange[0 10 20 30]" +
      "/Reason (a \\(b\\) >> c \\101) /M (D:20240229235959Z) >> >>\nendobj\n";
    const sigs = findPdfSignatures(pdf(body));
    expect(sigs).toHaveLength(1);
    const s = sigs[0]!;
    expect(s.byteRange).toEqual([0, 10, 20, 30]);
    expect(s.contents).toEqual(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05));
    expect(s.reason).toBe("a (b) >> c A");
    expect(s.signingTime).toBe("2024-02-29T23:59:59.000Z");
    expect(s.coversWholeFile).toBe(false);
    expect(s.offset).toBe(body.indexOf("<< /Type /Sig"));
  });

  it("keeps BER indefinite-length CMS up to its end-of-contents", () => {
    const body = "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <3080020101000000000000> >>";
    expect(findPdfSignatures(pdf(body))[0]!.contents).toEqual(
      Uint8Array.of(0x30, 0x80, 0x02, 0x01, 0x01, 0, 0),
    );
  });

  it("ignores /ByteRange outside a signature dictionary or with a bad value", () => {
    expect(findPdfSignatures(pdf("<< /Type /Page /ByteRange [0 1 2 3] >>"))).toEqual([]);
    expect(findPdfSignatures(pdf("<< /Type /Sig /ByteRange [0 1 2] >>"))).toEqual([]);
    expect(findPdfSignatures(pdf("<< /Type /Sig /ByteRange (x) >>"))).toEqual([]);
    expect(findPdfSignatures(pdf("/ByteRange [0 1 2 3]"))).toEqual([]);
    expect(findPdfSignatures(pdf("<< /Type /Sig /ByteRangeX [0 1 2 3] >>"))).toEqual([]);
    expect(findPdfSignatures(new Uint8Array(0))).toEqual([]);
  });

  it.each([
    ["D:20250401090000+09'00'", "2025-04-01T00:00:00.000Z"],
    ["D:20250401090000-05'30", "2025-04-01T14:30:00.000Z"],
    ["D:2025", "2025-01-01T00:00:00.000Z"],
    ["20250401", "2025-04-01T00:00:00.000Z"],
    ["D:20251340", undefined],
    ["yesterday", undefined],
  ])("parsePdfDate(%s)", (raw, iso) => {
    expect(parsePdfDate(raw)).toBe(iso);
  });
});

describe("robustness", () => {
  const signed = read("signed.pdf");

  it("never throws on random mutations of the signed PDF", () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant("truncate"), at: fc.nat() }),
      fc.record({ op: fc.constant("flip"), at: fc.nat(), v: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ op: fc.constant("insert"), at: fc.nat(), v: fc.uint8Array({ maxLength: 64 }) }),
      fc.record({ op: fc.constant("delete"), at: fc.nat(), n: fc.integer({ min: 1, max: 4096 }) }),
      fc.record({
        op: fc.constant("token"),
        at: fc.nat(),
        v: fc.constantFrom("<<", ">>", "<", ">", "(", ")", "[", "]", "/ByteRange", "\\", "%", "/Contents <"),
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (ops) => {
        let b = signed;
        for (const m of ops) {
          const at = m.at % (b.length + 1);
          if (m.op === "truncate") b = b.subarray(0, at);
          else if (m.op === "flip") {
            b = b.slice();
            if (at < b.length) b[at] = m.v;
          } else if (m.op === "delete") b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.n)]);
          else {
            const ins = typeof m.v === "string" ? fromLatin1(m.v) : m.v;
            b = Uint8Array.from([...b.subarray(0, at), ...ins, ...b.subarray(at)]);
          }
        }
        const t0 = Date.now();
        const r = findPdfSignatures(b);
        expect(Array.isArray(r)).toBe(true);
        expect(Date.now() - t0).toBeLessThan(1000);
        for (const s of r) expect(s.byteRange.length).toBeGreaterThanOrEqual(4);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on garbage", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        expect(Array.isArray(findPdfSignatures(b))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("stays fast on hostile 50 MB inputs", () => {
    const MB50 = 50 * 1024 * 1024;
    const fill = (unit: string): Uint8Array => {
      const out = new Uint8Array(MB50);
      out.set(fromLatin1(unit).subarray(0, MB50), 0);
      for (let n = unit.length; n < MB50; n *= 2) out.copyWithin(n, 0, Math.min(n, MB50 - n));
      return out;
    };
    for (const unit of [
      "/ByteRange ",
      "<<",
      "<< /ByteRange [0 1 2 3] /Contents <",
      "<< /Type /Sig /ByteRange [0 1 2 3] /Contents (",
      "/a/b/c/d",
      ">>>",
    ]) {
      const b = fill(unit);
      const t0 = Date.now();
      const r = findPdfSignatures(b);
      const ms = Date.now() - t0;
      expect(Array.isArray(r)).toBe(true);
      expect(ms).toBeLessThan(5000);
    }
    // a real signature after 50 MB of stream-like noise is still found
    const noise = new Uint8Array(MB50);
    for (let i = 0, x = 1; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = x >>> 24;
    }
    const big = new Uint8Array(noise.length + signed.length);
    big.set(noise, 0);
    big.set(signed, noise.length);
    const t0 = Date.now();
    const sigs = findPdfSignatures(big);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(sigs.some((s) => s.name === "Yamada Taro")).toBe(true);
  });
});
