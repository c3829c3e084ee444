/**
 * Malformed CMS: parseCms throws a Asn1Error saying what and where; verifySigned never throws.
 * Inputs are real NSS signatures (Thunderbird corpus) cut or damaged at test time.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { Asn1Error, parseCms, peekContentType, verifySigned } from "../../../src/engine/cms/index";
import { utf8 } from "../../../src/engine/util/bytes";
import { TB_DIR, base64Body, readBytes } from "./helpers";

const present = fs.existsSync(TB_DIR);
if (!present)
  console.warn(`\n*** Thunderbird S/MIME corpus not found at ${TB_DIR}: skipping malformed-CMS tests ***\n`);
const d = present ? describe : describe.skip;

function parseError(bytes: Uint8Array): Asn1Error {
  try {
    parseCms(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(Asn1Error);
    return e as Asn1Error;
  }
  throw new Error("parseCms accepted malformed input");
}

describe("parseCms on non-CMS input", () => {
  test("empty input", () => {
    const e = parseError(new Uint8Array(0));
    expect(e.message).toMatch(/empty/);
    expect(e.offset).toBe(0);
  });
  test("text is not a ContentInfo", () => {
    const e = parseError(utf8("Hello, world"));
    expect(e.message).toMatch(/SEQUENCE|length/);
    expect(typeof e.offset).toBe("number");
  });
  test("a length running past the end says so, with the offset", () => {
    const e = parseError(new Uint8Array([0x30, 0x82, 0x10, 0x00, 0x06, 0x09]));
    expect(e.message).toMatch(/runs past the end/);
    expect(e.offset).toBe(0);
  });
  test("an unterminated indefinite length", () => {
    const e = parseError(new Uint8Array([0x30, 0x80, 0x06, 0x01, 0x2a]));
    expect(e.message).toMatch(/not terminated/);
  });
  test("unknown content types are reported, not rejected", () => {
    // ContentInfo { id-digestedData } without content.
    const cms = parseCms(
      new Uint8Array([0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x05]),
    );
    expect(cms).toEqual({ type: "unknown", contentType: "digested-data" });
  });
});

d("parseCms on damaged real signatures", () => {
  const sig = present
    ? base64Body(readBytes(path.join(TB_DIR, "alice.sig.SHA256.opaque.eml")))
    : new Uint8Array();

  test("every truncation throws a Asn1Error with an offset inside the data", () => {
    for (let cut = 1; cut < sig.length - 1; cut += 7) {
      const e = parseError(sig.subarray(0, cut));
      expect(typeof e.offset).toBe("number");
      expect(e.offset as number).toBeGreaterThanOrEqual(0);
      expect(e.offset as number).toBeLessThan(cut);
      expect(e.message.length).toBeGreaterThan(5);
    }
  });

  test("random byte damage: parseCms returns or throws Asn1Error; verifySigned never throws", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(sig.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (edits) => {
          const b = sig.slice();
          for (const [i, v] of edits) b[i] = v;
          let cms;
          try {
            cms = parseCms(b);
          } catch (e) {
            expect(e).toBeInstanceOf(Asn1Error);
            return;
          }
          if (cms.type !== "signed") return;
          const r = await verifySigned(cms, {
            trustAnchors: [],
            at: new Date("2026-06-01T00:00:00Z"),
            layer: 0,
          });
          expect(["valid", "invalid", "unverifiable"]).toContain(r.verdict);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});

// What an unreadable smime.p7m was meant to be, from its first bytes (OpenSSL-made fixtures, cut here)
describe("peekContentType", () => {
  const FIX = path.join(__dirname, "fixtures", "out");
  test("every cut of an enveloped and a signed ContentInfo that keeps the OID is told; shorter ones are not", () => {
    for (const [file, want] of [
      ["env-aes256.der", "enveloped"],
      ["authenv-aes128gcm.der", "enveloped"],
      ["p256-sha256.der", "signed"],
    ] as const) {
      const der = new Uint8Array(fs.readFileSync(path.join(FIX, file)));
      // the outer header (2 bytes, or 2 + n in long form), then the OID's tag, length and value
      const head = der[1] === 0x80 || (der[1] as number) < 0x80 ? 2 : 2 + ((der[1] as number) & 0x7f);
      const oidEnd = head + 2 + (der[head + 1] as number);
      for (let cut = 0; cut <= der.length; cut++) {
        expect([cut, peekContentType(der.subarray(0, cut))]).toEqual([cut, cut >= oidEnd ? want : undefined]);
      }
    }
  });
  test("damaged first bytes give undefined, never an error", () => {
    // a SEQUENCE header (any length form) and an OID tag first, so that the OID reader is reached
    const head = fc.oneof(
      fc.constant([0x30, 0x80]),
      fc.integer({ min: 0, max: 0x7f }).map((n) => [0x30, n]),
      fc
        .integer({ min: 1, max: 6 })
        .chain((k) =>
          fc
            .array(fc.integer({ min: 0, max: 255 }), { minLength: k, maxLength: k })
            .map((b) => [0x30, 0x80 | k, ...b]),
        ),
    );
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 24 }), (h, rest) => {
        const b = new Uint8Array([...h, 0x06, ...rest]);
        expect([undefined, "signed", "enveloped"]).toContain(peekContentType(b));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => {
        expect([undefined, "signed", "enveloped"]).toContain(peekContentType(b));
      }),
    );
    expect(peekContentType(new Uint8Array([0x30, 0x85, 1, 2, 3, 4, 5, 0x06]))).toBeUndefined();
    expect(peekContentType(new Uint8Array([0x31, 0x80, 0x06, 0x09]))).toBeUndefined();
  });
});
