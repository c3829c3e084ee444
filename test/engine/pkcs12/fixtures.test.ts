/** Every state of the generated PKCS#12 fixtures (test/fixtures/gen-p12.sh), both ways. */
import { checkPkcs12 } from "../../../src/engine";
import { renewAdvice } from "../../../src/faq/engineAdvice";
import { EXPIRING_DAYS } from "../../../src/engine/pkcs12/index";
import { FINDING_CODES } from "../../../src/engine/types";
import { fixture, loadIndex } from "./helpers";

const index = loadIndex();

describe("generated PKCS#12 fixtures (index.json)", () => {
  it("covers every state of the check", () => {
    const present = new Set(index.flatMap((e) => e.expect.present));
    for (const code of [
      "P12_OK",
      "P12_BAD_PASSWORD",
      "P12_MALFORMED",
      "P12_NO_KEY",
      "P12_KEY_MISMATCH",
      "CERT_EXPIRED",
      "CERT_EXPIRING",
      "CERT_NOT_FOR_EMAIL",
      "EMAIL_MISMATCH",
      "CHAIN_INCOMPLETE",
      "WEAK_KEY",
      "WEAK_DIGEST",
    ]) {
      expect(present).toContain(code);
    }
    for (const e of index)
      for (const c of [...e.expect.present, ...e.expect.absent]) expect(FINDING_CODES).toContain(c);
  });

  it.each(index.map((e) => [`${e.file} [${e.expect.present.join(",")}] ${e.email ?? ""}`, e] as const))(
    "%s",
    async (_name, e) => {
      const r = await checkPkcs12(fixture(e.file), {
        password: e.password,
        ...(e.email ? { email: e.email } : {}),
        at: new Date(e.at),
      });
      const codes = r.findings.map((f) => f.code);
      for (const c of e.expect.present) expect(codes).toContain(c);
      for (const c of e.expect.absent) expect(codes).not.toContain(c);
      for (const f of r.findings) {
        expect(f.message.en.length).toBeGreaterThan(10);
        expect(f.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      }
      const opened = !codes.includes("P12_MALFORMED") && !codes.includes("P12_BAD_PASSWORD");
      expect(r.certificate !== undefined).toBe(opened);
      // the password never travels in the result
      if (e.password.length > 3) expect(JSON.stringify(r)).not.toContain(e.password);
    },
  );
});

describe("details of the verdicts", () => {
  const at = new Date("2026-06-01T00:00:00Z");
  const pw = "correct horse battery";

  it("P12_OK names the certificate and gives the FAQ advice", async () => {
    const r = await checkPkcs12(fixture("ok-modern.p12"), { password: pw, email: "USER@example.jp ", at });
    expect(r.findings.map((f) => f.code)).toEqual(["P12_OK"]);
    expect(r.certificate?.emails).toEqual(["user@example.jp"]);
    expect(r.certificate?.commonName).toBe("user");
    expect(r.certificates?.length).toBe(2);
    expect(r.certificates?.[1]?.commonName).toBe("S-MIME Assistant Test CA");
    expect(r.advice?.map((a) => a.id)).toEqual(["backup", "several-pcs", "keep-expired"]);
    expect(r.findings[0]?.detail).toMatchObject({
      key: "rsa 2048",
      matchedBy: "public-key",
      integrity: "ok",
    });
  });

  it("legacy files name their encryption", async () => {
    const r = await checkPkcs12(fixture("ok-legacy-rc2-40.p12"), { password: pw, at });
    expect(r.findings[0]?.detail.encryption).toEqual(["pbeWithSHAAnd40BitRC2-CBC"]);
    const r2 = await checkPkcs12(fixture("ok-legacy-rc2-128-2des.p12"), { password: pw, at });
    expect(r2.findings[0]?.detail.encryption).toEqual(["pbeWithSHAAnd2-KeyTripleDES-CBC"]);
  });

  it("CERT_EXPIRING counts the days left and advises renewal (LRA)", async () => {
    const r = await checkPkcs12(fixture("expiring.p12"), { password: pw, at });
    const f = r.findings.find((x) => x.code === "CERT_EXPIRING");
    expect(f?.detail.daysLeft).toBe(14);
    expect(r.advice?.map((a) => a.id)).toContain("renew");
    // Where to renew (the LRA) is the FAQ's advice now (src/faq/engineAdvice.ts), keyed by this advice id.
    expect(r.advice?.find((a) => a.id === "renew")?.faqTopic).toBe("lra-list");
    expect(renewAdvice(r.certificate).ja).toContain("LRA");
    // 31 days before expiry: not yet "expiring"; on the day after: expired
    const early = new Date(Date.parse("2026-06-15T00:00:00Z") - (EXPIRING_DAYS + 1) * 86_400_000);
    const r2 = await checkPkcs12(fixture("expiring.p12"), { password: pw, at: early });
    expect(r2.findings.map((x) => x.code)).toEqual(["P12_OK"]);
    const r3 = await checkPkcs12(fixture("expiring.p12"), {
      password: pw,
      at: new Date("2026-06-16T00:00:00Z"),
    });
    expect(r3.findings.map((x) => x.code)).toContain("CERT_EXPIRED");
    expect(r3.findings.map((x) => x.code)).not.toContain("CERT_EXPIRING");
  });

  it("CERT_EXPIRED tells to keep the file for old encrypted mail (no signing-time talk)", async () => {
    const r = await checkPkcs12(fixture("expired.p12"), { password: pw, at });
    const f = r.findings.find((x) => x.code === "CERT_EXPIRED");
    expect(f?.message.en).toMatch(/Keep this file/);
    expect(f?.message.en).not.toMatch(/signing time/);
    expect(f?.detail).not.toHaveProperty("validAtSigningTime");
    expect(r.advice?.map((a) => a.id)).toEqual(["backup", "several-pcs", "keep-expired", "renew"]);
  });

  it("the same files are fine at another time: the verdicts depend on `at`", async () => {
    const r = await checkPkcs12(fixture("expired.p12"), {
      password: pw,
      at: new Date("2024-06-01T00:00:00Z"),
    });
    expect(r.findings.map((x) => x.code)).toEqual(["P12_OK"]);
  });

  it("P12_KEY_MISMATCH reports both keys' kinds", async () => {
    const r = await checkPkcs12(fixture("key-mismatch.p12"), { password: pw, at });
    const f = r.findings.find((x) => x.code === "P12_KEY_MISMATCH");
    expect(f?.detail).toMatchObject({ keys: ["rsa 2048"], certificates: 1 });
    expect(r.certificate?.commonName).toBe("user");
  });

  it("P12_NO_KEY still summarises and judges the certificate", async () => {
    const r = await checkPkcs12(fixture("no-key.p12"), { password: pw, email: "user@example.jp", at });
    expect(r.certificate?.commonName).toBe("user");
    expect(r.findings.map((x) => x.code)).toEqual(["P12_NO_KEY"]);
    expect(r.advice ?? []).toEqual([]);
  });

  it("the wrong password gives P12_BAD_PASSWORD for every file that opens", async () => {
    for (const e of index) {
      if (!e.expect.present.includes("P12_OK")) continue;
      const r = await checkPkcs12(fixture(e.file), { password: `${e.password}x`, at });
      expect([e.file, r.findings.map((f) => f.code)]).toEqual([e.file, ["P12_BAD_PASSWORD"]]);
      expect(r.certificate).toBeUndefined();
    }
  });

  it("an empty-password file does not open with a password, and vice versa", async () => {
    const r = await checkPkcs12(fixture("empty-password.p12"), { password: "x", at });
    expect(r.findings.map((f) => f.code)).toEqual(["P12_BAD_PASSWORD"]);
    const r2 = await checkPkcs12(fixture("ok-modern.p12"), { password: "", at });
    expect(r2.findings.map((f) => f.code)).toEqual(["P12_BAD_PASSWORD"]);
  });

  it("P12_MALFORMED says why", async () => {
    const r = await checkPkcs12(fixture("malformed-truncated.p12"), { password: pw, at });
    expect(r.findings[0]?.detail).toMatchObject({ truncated: true, length: 1000 });
    const r2 = await checkPkcs12(new Uint8Array(0), { password: pw, at });
    expect(r2.findings[0]?.code).toBe("P12_MALFORMED");
    const r3 = await checkPkcs12(new TextEncoder().encode("hello, world"), { password: pw, at });
    expect(r3.findings[0]?.code).toBe("P12_MALFORMED");
  });
});
