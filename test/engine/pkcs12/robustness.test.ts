/** Mutated PKCS#12 files never make the check throw, and it answers in bounded time. */
import fc from "fast-check";
import { checkPkcs12 } from "../../../src/engine";
import { FINDING_CODES } from "../../../src/engine/types";
import { fixture } from "./helpers";

const at = new Date("2026-06-01T00:00:00Z");
const PW = "correct horse battery";

function mutate(base: Uint8Array, edits: { pos: number; value: number }[], cut: number | null): Uint8Array {
  const b = base.slice();
  for (const e of edits) b[e.pos % b.length] = e.value;
  return cut === null ? b : b.subarray(0, cut % (b.length + 1));
}

describe.each(["ok-modern.p12", "ok-legacy-rc2-40.p12", "ok-legacy-3des.p12", "ok-ec.p12"])(
  "%s mutated",
  (file) => {
    const base = fixture(file);
    it("never throws, always gives findings with known codes", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ pos: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
            minLength: 1,
            maxLength: 4,
          }),
          fc.option(fc.nat(), { nil: null }),
          fc.boolean(),
          async (edits, cut, rightPassword) => {
            const t = Date.now();
            const r = await checkPkcs12(mutate(base, edits, cut), { password: rightPassword ? PW : "x", at });
            expect(r.findings.length).toBeGreaterThan(0);
            for (const f of r.findings) expect(FINDING_CODES).toContain(f.code);
            expect(Date.now() - t).toBeLessThan(5000);
          },
        ),
        { numRuns: 100 },
      );
    });
  },
);

it("mutations inside the MAC-protected part are caught by the MAC (not misread)", async () => {
  const base = fixture("ok-modern.p12");
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 200, max: 2000 }),
      fc.integer({ min: 1, max: 255 }),
      async (pos, x) => {
        const b = base.slice();
        b[pos] = (b[pos] as number) ^ x;
        const r = await checkPkcs12(b, { password: PW, at });
        expect(r.findings.map((f) => f.code)).not.toContain("P12_OK");
      },
    ),
    { numRuns: 100 },
  );
});

it("random bytes give P12_MALFORMED", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
      const r = await checkPkcs12(bytes, { password: PW, at });
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.certificate).toBeUndefined();
    }),
    { numRuns: 200 },
  );
});

describe("crafted iteration counts", () => {
  // DER helpers for re-assembling a PFX around the fixture's AuthenticatedSafe
  const len = (n: number): number[] => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
  const tlv = (tag: number, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array([tag, ...len(body.length), ...body]);
    return out;
  };
  const cat = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  const SHA256_OID = new Uint8Array([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]);

  function withMacIterations(iterations: number[]): Uint8Array {
    const base = fixture("ok-modern.p12");
    // PFX ::= SEQUENCE { version, authSafe, macData }: skip the outer header (30 82 LL LL) and version (02 01 03)
    const authStart = 4 + 3;
    const authLen = ((base[authStart + 2] as number) << 8) | (base[authStart + 3] as number);
    const authSafe = base.subarray(authStart, authStart + 4 + authLen);
    const mac = tlv(
      0x30,
      cat(
        tlv(0x30, cat(tlv(0x30, cat(SHA256_OID, new Uint8Array([5, 0]))), tlv(0x04, new Uint8Array(32)))),
        tlv(0x04, new Uint8Array(8)),
        tlv(0x02, new Uint8Array(iterations)),
      ),
    );
    return tlv(0x30, cat(new Uint8Array([2, 1, 3]), authSafe, mac));
  }

  it("a MAC with 2^31-1 iterations is not run: reported, and the contents still checked", async () => {
    const t = Date.now();
    const r = await checkPkcs12(withMacIterations([0x7f, 0xff, 0xff, 0xff]), { password: PW, at });
    expect(Date.now() - t).toBeLessThan(3000);
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain("UNSUPPORTED_ALGORITHM");
    expect(codes).not.toContain("P12_OK");
    expect(r.certificate?.commonName).toBe("user");
  });

  it("the re-assembled file with a wrong MAC of 2048 iterations is a bad password", async () => {
    const r = await checkPkcs12(withMacIterations([0x08, 0x00]), { password: PW, at });
    expect(r.findings.map((f) => f.code)).toEqual(["P12_BAD_PASSWORD"]);
  });
});
