/**
 * The PidTagUserX509Certificate value codec ([MS-OXOABK] 2.2.4.36): bytes worked out by hand,
 * round trips (also on real certificates made by the fixture generator with OpenSSL), malformed
 * input, and the merge that keeps existing certificates without duplicates.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import {
  TAG_SIGN_CERTIFICATE,
  blobFingerprints,
  decodeCertificateBlob,
  encodeCertificateBlob,
  fingerprint,
  mergeCertificateValues,
} from "../../../src/office/contacts/x509Blob";
import { decodeBase64String, encodeBase64, fromHex, fromPem, toHex } from "../../../src/engine";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const PKI = path.join(ROOT, "test", "fixtures", "generated", "pki");

function pkiCert(name: string): Uint8Array {
  const [der] = fromPem(fs.readFileSync(path.join(PKI, name), "latin1"));
  if (!der) throw new Error(`${name}: no certificate in the committed fixture`);
  return der;
}

// Two tiny stand-in "certificates" so the expected bytes can be written out by hand.
const SIGN = fromHex("3003020105"); // 5 bytes
const ENC = fromHex("300100"); // 3 bytes

describe("encodeCertificateBlob", () => {
  it("writes TAG and LENGTH little-endian, LENGTH counting the 4-byte header", () => {
    const blob = encodeCertificateBlob({ signing: SIGN, encryption: ENC });
    const expected =
      // PropVersion 0x0001, length 8, ULONG 1
      "0100" +
      "0800" +
      "01000000" +
      // MessageEncoding 0x0006, length 8, ULONG 1 (S/MIME)
      "0600" +
      "0800" +
      "01000000" +
      // SignCertificate 0x0008, length 4 + 5 = 9
      "0800" +
      "0900" +
      "3003020105" +
      // KeyExchangeCertificate 0x0003, length 4 + 3 = 7
      "0300" +
      "0700" +
      "300100";
    expect(toHex(blob)).toBe(expected);
    expect(blob.length).toBe(8 + 8 + 9 + 7);
  });

  it("adds Defaults and a NUL-terminated UTF-16LE display name when asked", () => {
    const blob = encodeCertificateBlob({ signing: SIGN, displayName: "Ab", defaults: 4 });
    const expected =
      "0100" +
      "0800" +
      "01000000" +
      "0600" +
      "0800" +
      "01000000" +
      // Defaults 0x0020 = send certificate (4)
      "2000" +
      "0800" +
      "04000000" +
      // DisplayName 0x0051: "A\0b\0\0\0", length 4 + 6 = 10
      "5100" +
      "0a00" +
      "410062000000" +
      "0800" +
      "0900" +
      "3003020105";
    expect(toHex(blob)).toBe(expected);
  });

  it("encodes a length above 255 in both bytes (0x0123 = 291 for 287 data bytes)", () => {
    const der = new Uint8Array(287).fill(0xab);
    der[0] = 0x30;
    const blob = encodeCertificateBlob({ signing: der });
    // third record starts at 16
    expect(toHex(blob.subarray(16, 20))).toBe("08002301");
    expect(blob.length).toBe(16 + 291);
  });

  it("refuses what does not fit a 16-bit LENGTH and an empty request", () => {
    expect(() => encodeCertificateBlob({ signing: new Uint8Array(65532) })).toThrow(RangeError);
    expect(() => encodeCertificateBlob({ signing: new Uint8Array(65531) })).not.toThrow();
    expect(() => encodeCertificateBlob({})).toThrow(TypeError);
  });
});

describe("decodeCertificateBlob", () => {
  it("reads the hand-made value back", () => {
    const hex =
      "0100080001000000" +
      "0600080001000000" +
      "2000080004000000" +
      "51000a00410062000000" +
      "080009003003020105" +
      "03000700300100";
    const d = decodeCertificateBlob(fromHex(hex));
    expect(d.kind).toBe("settings");
    if (d.kind !== "settings") return;
    expect(d.version).toBe(1);
    expect(d.encoding).toBe(1);
    expect(d.defaults).toBe(4);
    expect(d.displayName).toBe("Ab");
    expect(toHex(d.signing as Uint8Array)).toBe("3003020105");
    expect(toHex(d.encryption as Uint8Array)).toBe("300100");
    expect(d.records.map((r) => r.tag)).toEqual([0x0001, 0x0006, 0x0020, 0x0051, 0x0008, 0x0003]);
  });

  it("skips unknown settings and reads the ANSI display name (0x000B)", () => {
    const hex = "0100080001000000" + "7f000600beef" + "0b0007004869" + "00" + "080009003003020105";
    const d = decodeCertificateBlob(fromHex(hex));
    expect(d.kind).toBe("settings");
    if (d.kind !== "settings") return;
    expect(d.displayName).toBe("Hi");
    expect(d.records.find((r) => r.tag === 0x7f)?.data).toEqual(fromHex("beef"));
    expect(toHex(d.signing as Uint8Array)).toBe("3003020105");
  });

  it("tells an ASN.1 SignedData value (first byte 0x30) apart", () => {
    expect(decodeCertificateBlob(fromHex("3082000a")).kind).toBe("asn1");
  });

  it.each([
    ["", "empty value"],
    ["010008", "truncated setting header"],
    ["01000300", "below 4"],
    ["0100090001000000", "past the end"],
    ["0100080001000000" + "08000900300302", "past the end"],
  ])("reports malformed %p", (hex, reason) => {
    const d = decodeCertificateBlob(fromHex(hex));
    expect(d.kind).toBe("malformed");
    if (d.kind === "malformed") expect(d.reason).toContain(reason);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const d = decodeCertificateBlob(bytes);
        expect(["settings", "asn1", "malformed"]).toContain(d.kind);
      }),
      { numRuns: 500 },
    );
  });
});

describe("round trip", () => {
  it("holds for arbitrary certificates, names and defaults", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2000 }),
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 500 }), { nil: undefined }),
        fc.option(
          fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes("\0")),
          { nil: undefined },
        ),
        fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: undefined }),
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 100 }), { maxLength: 3 }),
        (signing, encryption, displayName, defaults, chain) => {
          const blob = encodeCertificateBlob({
            signing,
            ...(encryption ? { encryption } : {}),
            ...(displayName !== undefined ? { displayName } : {}),
            ...(defaults !== undefined ? { defaults } : {}),
            chain,
          });
          expect(blob[0]).toBe(0x01); // never mistaken for ASN.1
          const d = decodeCertificateBlob(blob);
          expect(d.kind).toBe("settings");
          if (d.kind !== "settings") return;
          expect(d.version).toBe(1);
          expect(d.encoding).toBe(1);
          expect(d.signing).toEqual(signing);
          expect(d.encryption).toEqual(encryption);
          expect(d.displayName).toBe(displayName);
          expect(d.defaults).toBe(defaults);
          expect(d.chain).toEqual(chain);
          // re-encoding what was read gives the same bytes
          const again = encodeCertificateBlob({
            signing: d.signing as Uint8Array,
            ...(d.encryption ? { encryption: d.encryption } : {}),
            ...(d.displayName !== undefined ? { displayName: d.displayName } : {}),
            ...(d.defaults !== undefined ? { defaults: d.defaults } : {}),
            chain: d.chain,
          });
          expect(toHex(again)).toBe(toHex(blob));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("carries a real certificate byte for byte and its SHA-256 matches OpenSSL's fingerprint", () => {
    const alice = pkiCert("alice.pem");
    const blob = encodeCertificateBlob({ signing: alice, encryption: alice, displayName: "Alice" });
    const d = decodeCertificateBlob(blob);
    expect(d.kind).toBe("settings");
    if (d.kind !== "settings") return;
    expect(d.signing).toEqual(alice);
    expect(d.encryption).toEqual(alice);
    const rec = d.records.find((r) => r.tag === TAG_SIGN_CERTIFICATE);
    expect(rec?.data.length).toBe(alice.length);
    const ossl = execFileSync(
      "openssl",
      ["x509", "-in", path.join(PKI, "alice.pem"), "-noout", "-fingerprint", "-sha256"],
      {
        encoding: "latin1",
      },
    );
    const hex = (ossl.split("=")[1] ?? "").replace(/[^0-9A-Fa-f]/g, "").toLowerCase();
    expect(fingerprint(alice)).toBe(hex);
    expect(blobFingerprints(blob)).toEqual([hex]);
  });
});

describe("mergeCertificateValues", () => {
  const A = encodeCertificateBlob({ signing: fromHex("30030201aa"), encryption: fromHex("30030201aa") });
  const B = encodeCertificateBlob({ signing: fromHex("30030201bb"), encryption: fromHex("30030201bb") });

  it("appends a new certificate after the existing values, kept byte for byte", () => {
    const foreign = encodeBase64(fromHex("3082000a0102")); // an ASN.1 value from another program
    const r = mergeCertificateValues([encodeBase64(A), foreign], B);
    expect(r.added).toBe(true);
    expect(r.values).toEqual([encodeBase64(A), foreign, encodeBase64(B)]);
    expect(decodeBase64String(r.values[2] as string)).toEqual(B);
  });

  it("does not add a certificate already on the contact (same fingerprint, other settings)", () => {
    const aWithName = encodeCertificateBlob({
      signing: fromHex("30030201aa"),
      encryption: fromHex("30030201aa"),
      displayName: "Old",
    });
    const r = mergeCertificateValues([encodeBase64(aWithName), encodeBase64(B)], A);
    expect(r.added).toBe(false);
    expect(r.values).toEqual([encodeBase64(aWithName), encodeBase64(B)]);
  });

  it("adds to an empty contact", () => {
    expect(mergeCertificateValues([], A)).toEqual({ values: [encodeBase64(A)], added: true });
  });
});
