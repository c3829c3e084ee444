/** The NSS-made PKCS#12 files of ../shared/corpus/thunderbird-smime (password "nss"). */
import { checkPkcs12 } from "../../../src/engine";
import { nss, nssAvailable } from "./helpers";

const available = nssAvailable();
const d = available ? describe : describe.skip;
const at = new Date("2026-06-01T00:00:00Z");

d("NSS PKCS#12 files (Thunderbird test corpus)", () => {
  it.each([
    ["Alice.p12", "alice@example.com", "rsa"],
    ["Bob.p12", "bob@example.com", "rsa"],
    ["Dave.p12", "dave@example.com", "rsa"],
    ["Eve.p12", "eve@example.com", "rsa"],
    ["Alice-ec.p12", "alice-ec@example.com", "ec"],
  ])("%s opens: key, certificate and CA (PBES2/AES, SHA-256 MAC)", async (file, email, keyType) => {
    const r = await checkPkcs12(nss(file), { password: "nss", email, at });
    expect(r.findings.map((f) => f.code)).toEqual(["P12_OK"]);
    expect(r.certificate?.emails).toContain(email);
    expect(r.certificate?.keyType).toBe(keyType);
    expect(r.certificates?.length).toBe(2);
    expect(r.certificates?.[1]?.selfSigned).toBe(true);
  });

  it.each([
    ["Fran.p12", "fran@example.com"],
    ["Fran-ec.p12", "fran-ec@example.com"],
  ])("%s (legacy 3DES, SHA-1 MAC, no CA inside) opens; the issuer is missing", async (file, email) => {
    const r = await checkPkcs12(nss(file), { password: "nss", email, at });
    expect(r.findings.map((f) => f.code)).toEqual(["CHAIN_INCOMPLETE"]);
    expect(r.certificate?.emails).toEqual([email]);
    expect(r.findings[0]?.detail.issuer).toMatch(/NSS Pregenerated Test CA/);
  });

  it.each(["Alice.p12", "Fran.p12", "Alice-ec.p12"])(
    "%s with a wrong password: P12_BAD_PASSWORD",
    async (file) => {
      const r = await checkPkcs12(nss(file), { password: "NSS", at });
      expect(r.findings.map((f) => f.code)).toEqual(["P12_BAD_PASSWORD"]);
    },
  );

  describe("Eve: DN emailAddress Eve@example.com, SAN eve@example.net / eve@example.org / beve@example.com", () => {
    it.each(["Eve@example.com", "eve@example.net", "eve@example.org", "beve@example.com"])(
      "%s is one of her addresses: no EMAIL_MISMATCH",
      async (email) => {
        const r = await checkPkcs12(nss("Eve.p12"), { password: "nss", email, at });
        expect(r.findings.map((f) => f.code)).not.toContain("EMAIL_MISMATCH");
      },
    );
    it.each(["eve@example.jp", "beve@example.net", "alice@example.com"])(
      "%s is not: EMAIL_MISMATCH naming her addresses",
      async (email) => {
        const r = await checkPkcs12(nss("Eve.p12"), { password: "nss", email, at });
        const f = r.findings.find((x) => x.code === "EMAIL_MISMATCH");
        expect(f).toBeDefined();
        expect(f?.detail.certificateEmails).toEqual(
          expect.arrayContaining([
            "eve@example.com",
            "eve@example.net",
            "eve@example.org",
            "beve@example.com",
          ]),
        );
        expect(r.findings.map((x) => x.code)).not.toContain("P12_OK");
      },
    );
  });
});
