/**
 * The read pane remembers the signers of verified mail in Office's roaming settings, so the compose pane
 * can tell which recipients have a certificate: real diagnoses of the bundled OpenSSL-made samples.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, fromPem } from "../../../src/engine";
import { rememberSigners, roamingCertificateLookup } from "../../../src/office/compose/index";
import { senderIdentity } from "../../../src/taskpane/sender";
import { FakeComposeItem, fakeOffice } from "./composeStandIn";

const SAMPLES = path.join(__dirname, "..", "..", "..", "assets", "samples");
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SAMPLES, f)));
const at = new Date("2030-01-01T00:00:00Z");
/** The samples' TEST root (assets/samples/test-root.pem): with it the sample signer is trusted. */
const trustAnchors = fromPem(fs.readFileSync(path.join(SAMPLES, "test-root.pem"), "latin1"));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("rememberSigners", () => {
  test("a verified signed message from a trusted signer: known afterwards, under the From address", async () => {
    const roaming = new Map<string, unknown>();
    (globalThis as { Office?: unknown }).Office = fakeOffice(new FakeComposeItem(), "1.14", roaming);
    const d = await diagnose(read("sample-signed.eml"), { at, trustAnchors });
    expect(d.signature).toBe("valid");
    const n = await rememberSigners(d, at);
    expect(n).toBeGreaterThan(0);
    const known = roamingCertificateLookup()!("taro.yamada@example.jp");
    expect(known.map((c) => c.sha256)).toEqual([d.signers[0]!.sha256]);
    expect(known[0]!.lastSeen).toBe(at.toISOString());
  });

  test("a valid signature from an untrusted signer teaches nothing (the contacts gate)", async () => {
    const roaming = new Map<string, unknown>();
    (globalThis as { Office?: unknown }).Office = fakeOffice(new FakeComposeItem(), "1.14", roaming);
    const d = await diagnose(read("sample-signed.eml"), { at });
    expect(d.signature).toBe("valid");
    expect(d.signers[0]?.trusted).toBe(false);
    expect(await rememberSigners(d, at)).toBe(0);
    expect(roaming.size).toBe(0);
  });

  test("a tampered message teaches nothing", async () => {
    const roaming = new Map<string, unknown>();
    (globalThis as { Office?: unknown }).Office = fakeOffice(new FakeComposeItem(), "1.14", roaming);
    const d = await diagnose(read("sample-tampered.eml"), { at });
    expect(d.signature).toBe("invalid");
    expect(await rememberSigners(d, at)).toBe(0);
    expect(roaming.size).toBe(0);
  });

  test("outside Outlook, or when saving fails: 0, never a rejection", async () => {
    const d = await diagnose(read("sample-signed.eml"), { at, trustAnchors });
    await expect(rememberSigners(d, at)).resolves.toBe(0);
    const office = fakeOffice(new FakeComposeItem(), "1.14", new Map()) as {
      context: { roamingSettings?: { saveAsync: (cb?: (r: unknown) => void) => void } };
    };
    office.context.roamingSettings!.saveAsync = (cb) =>
      cb?.({ status: "failed", error: { code: 9000, name: "Quota", message: "too big" } });
    (globalThis as { Office?: unknown }).Office = office;
    await expect(rememberSigners(d, at)).resolves.toBe(0);
  });
});

describe("senderIdentity (the contact that add-to-contacts creates)", () => {
  test("the From mailbox with its decoded display name", async () => {
    const d = await diagnose(read("sample-signed.eml"), { at });
    expect(senderIdentity(d)).toEqual({ name: "山田 太郎", address: "taro.yamada@example.jp" });
  });
  test("no From header: none", async () => {
    const d = await diagnose(new TextEncoder().encode("Subject: x\r\n\r\nhello\r\n"), { at });
    expect(senderIdentity(d)).toBeUndefined();
  });
});
