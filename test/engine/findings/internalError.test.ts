/**
 * Only malformed input is caught as such: a failure of the engine itself (a bug) becomes INTERNAL_ERROR,
 * never a confident finding about the message. Here parseCertificate is made to throw a TypeError (as a
 * bug would): a correctly signed fixture must not be reported as SIGNER_CERTIFICATE_MISSING ("not
 * included in the message") — it is reported as INTERNAL_ERROR, and the signature is not "valid".
 */
import fs from "node:fs";
import path from "node:path";

const failing = { on: false };
jest.mock("../../../src/engine/x509/certificate", () => {
  const actual = jest.requireActual<typeof import("../../../src/engine/x509/certificate")>(
    "../../../src/engine/x509/certificate",
  );
  return {
    ...actual,
    parseCertificate: (...args: Parameters<typeof actual.parseCertificate>) => {
      if (failing.on) throw new TypeError("Cannot read properties of undefined (reading 'value')");
      return actual.parseCertificate(...args);
    },
  };
});

import { createEngine, fromPem } from "../../../src/engine";

const GEN = path.resolve(__dirname, "..", "..", "fixtures", "generated");
const message = new Uint8Array(fs.readFileSync(path.join(GEN, "messages", "signed-rsa-sha256.eml")));
const anchors = fromPem(fs.readFileSync(path.join(GEN, "pki", "root.pem"), "latin1"));
const at = new Date("2030-01-01T00:00:00Z");

afterEach(() => {
  failing.on = false;
});

test("the fixture is valid when nothing fails (the test can fail)", async () => {
  const d = await createEngine().diagnose(message, { trustAnchors: anchors, at });
  expect(d.signature).toBe("valid");
  expect(d.findings.map((f) => f.code)).not.toContain("INTERNAL_ERROR");
});

test("a TypeError inside certificate parsing is INTERNAL_ERROR, not SIGNER_CERTIFICATE_MISSING", async () => {
  failing.on = true;
  const d = await createEngine().diagnose(message, { trustAnchors: anchors, at });
  const codes = d.findings.map((f) => f.code);
  expect(codes).toContain("INTERNAL_ERROR");
  expect(codes).not.toContain("SIGNER_CERTIFICATE_MISSING");
  expect(codes).not.toContain("SIGNATURE_VALID");
  expect(d.signature).not.toBe("valid");
  const f = d.findings.find((x) => x.code === "INTERNAL_ERROR");
  expect(f?.severity).toBe("error");
  expect(f?.detail).toMatchObject({ where: "cms/verify", error: expect.stringContaining("TypeError") });
  expect(f?.message.en).toContain("cms/verify");
  expect(f?.message.ja).toContain("不具合");
});
