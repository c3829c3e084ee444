/**
 * The iteration budget of the certificate file check covers the MAC (every password form tried), the key
 * derivations and the bag decryptions: OpenSSL-made files from test/fixtures/gen-p12-costly.sh.
 */
import { checkPkcs12 } from "../../../src/engine";
import { ITERATION_BUDGET, kdfCost } from "../../../src/engine/pkcs12/ciphers";
import { fixture } from "./helpers";

const at = new Date("2026-06-01T00:00:00Z");
const costly = (name: string): Uint8Array => fixture(`costly/${name}`);

test("SHA-512 MAC at 500 000 iterations, 3DES bags at 500 000: too expensive, not opened (no hashing at all)", async () => {
  // one try of this MAC alone is more than the whole budget
  expect(kdfCost("sha-512", 500_000)).toBeGreaterThan(ITERATION_BUDGET);
  const r = await checkPkcs12(costly("mac-sha512-500k.p12"), { password: "", at });
  expect(r.findings.map((f) => f.code)).toEqual(["P12_MALFORMED"]);
  const f = r.findings[0]!;
  expect(f.severity).toBe("error");
  expect(f.detail).toMatchObject({
    reason: "too-expensive",
    part: "integrity check (MAC)",
    algorithm: "HMAC-SHA-512, 500000 iterations",
    iterationBudget: ITERATION_BUDGET,
  });
  expect(f.message.en).toMatch(/far more password-hashing work/);
  expect(f.message.ja).toMatch(/パスワード計算/);
  expect(r.certificate).toBeUndefined();
});

// The accounting, on the same structure at 20 000 iterations: MAC try 40 000 units (SHA-512 counts 2),
// each 3DES part (key + IV derivation) 40 000.
const MAC_TRY = kdfCost("sha-512", 20_000);
const PART = kdfCost("sha-1", 20_000) * 2;

test("the file is otherwise fine: with budget enough it opens", async () => {
  const r = await checkPkcs12(costly("mac-sha512-20k.p12"), {
    password: "",
    at,
    iterationBudget: MAC_TRY + 2 * PART,
  });
  expect(r.findings.map((f) => f.code)).not.toContain("P12_MALFORMED");
  expect(r.certificate?.emails).toContain("alice@example.jp");
});

test("every MAC try counts: a non-ASCII password is tried in two forms", async () => {
  // the case of the issue (a MAC that verifies only on the second password form) costs the same two tries
  const wrong = "パスワード違い";
  const twoTries = await checkPkcs12(costly("mac-sha512-20k.p12"), {
    password: wrong,
    at,
    iterationBudget: 2 * MAC_TRY,
  });
  expect(twoTries.findings.map((f) => f.code)).toEqual(["P12_BAD_PASSWORD"]);
  const oneTry = await checkPkcs12(costly("mac-sha512-20k.p12"), {
    password: wrong,
    at,
    iterationBudget: 2 * MAC_TRY - 1,
  });
  expect(oneTry.findings.map((f) => [f.code, f.detail.reason, f.detail.part])).toEqual([
    ["P12_MALFORMED", "too-expensive", "integrity check (MAC)"],
  ]);
});

test("bag decryption counts after the MAC: a budget short of the certificates stops there", async () => {
  const r = await checkPkcs12(costly("mac-sha512-20k.p12"), {
    password: "",
    at,
    iterationBudget: MAC_TRY + PART - 1,
  });
  expect(r.findings.map((f) => [f.code, f.detail.reason, f.detail.part])).toEqual([
    ["P12_MALFORMED", "too-expensive", "certificates"],
  ]);
});

test("the private key's decryption counts too", async () => {
  const r = await checkPkcs12(costly("mac-sha512-20k.p12"), {
    password: "",
    at,
    iterationBudget: MAC_TRY + 2 * PART - 1,
  });
  expect(r.findings.map((f) => [f.code, f.detail.reason, f.detail.part])).toEqual([
    ["P12_MALFORMED", "too-expensive", "private key"],
  ]);
});

test("a heavy but plausible file (50 000 iterations everywhere) is within the default budget and opens", async () => {
  // MAC 50 000 + certificates 2 × 50 000 + key 2 × 50 000
  expect(5 * 50_000).toBeLessThan(ITERATION_BUDGET);
  const r = await checkPkcs12(costly("mac-sha256-50k.p12"), { password: "correct horse battery", at });
  expect(r.findings.map((f) => f.code)).toContain("P12_OK");
});

test("ordinary files spend a small part of the budget", async () => {
  for (const [file, password] of [
    ["ok-modern.p12", "correct horse battery"],
    ["ok-legacy-3des.p12", "correct horse battery"],
    ["empty-password.p12", ""],
  ] as const) {
    const r = await checkPkcs12(fixture(file), { password, at, iterationBudget: 40_000 });
    expect({ file, codes: r.findings.map((f) => f.code) }).toEqual({ file, codes: ["P12_OK"] });
  }
});
