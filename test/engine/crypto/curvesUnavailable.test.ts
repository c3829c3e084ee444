/**
 * noble's curves are loaded on first use (src/engine/crypto/byHand.ts curveOf, verify.ts): when they cannot
 * be loaded (here: their modules throw, as a chunk that failed to load does in the pane's worker), the
 * check fails with the engine's own error (INTERNAL_ERROR), never a verdict on the signature. The same
 * messages verify with the curves in place (test/browser: the standalone page; the CLI fixtures).
 */
import { diagnose } from "../../../src/engine";
import { verifyWithCertificate } from "../../../src/engine/revocation/crl";
import { parseCertificate } from "../../../src/engine/x509/index";
import { CodeUnavailableError } from "../../../src/engine/util/lazyCode";
import path from "node:path";
import { GEN_DIR, pemFile, readBytes } from "../cms/helpers";

jest.mock("@noble/curves/ed25519", () => {
  throw new Error("Loading chunk 667 failed.");
});
jest.mock("@noble/curves/nist", () => {
  throw new Error("Loading chunk 928 failed.");
});

const ED25519_OID = "1.3.101.112";

describe("noble's curves unavailable", () => {
  it.each(["cms/ed25519.p7m", "cms/p256-sha224.p7m"])(
    "%s: INTERNAL_ERROR, not a signature verdict",
    async (file) => {
      const d = await diagnose(readBytes(path.join(GEN_DIR, file)));
      const codes = d.findings.map((f) => f.code);
      expect(codes).toContain("INTERNAL_ERROR");
      expect(codes).not.toContain("SIGNATURE_INVALID");
      expect(codes).not.toContain("SIGNATURE_VALID");
      const internal = d.findings.find((f) => f.code === "INTERNAL_ERROR");
      expect(JSON.stringify(internal)).toMatch(/could not be loaded/);
    },
  );

  it("a CRL or OCSP signature by an Ed25519 key: the error, not a bad signature", async () => {
    const [der] = pemFile(path.join(GEN_DIR, "pki", "ed25519.pem"));
    const signer = parseCertificate(der as Uint8Array);
    await expect(
      verifyWithCertificate(
        // the curve is noble's in every host: no WebCrypto call is reached
        undefined as never,
        signer,
        ED25519_OID,
        undefined,
        new Uint8Array([1, 2, 3]),
        new Uint8Array(64),
      ),
    ).rejects.toBeInstanceOf(CodeUnavailableError);
  });
});
