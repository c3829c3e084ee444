/**
 * The command line checks signatures through node:crypto directly (src/cli/nodeSubtle.ts) instead of
 * through WebCrypto's job queue. That must never change an answer: every generated fixture (and the
 * Thunderbird corpus when present) gets the same Diagnosis both ways, and the direct path is really taken.
 */
import fs from "node:fs";
import path from "node:path";
import { webcrypto } from "node:crypto";
import { nodeCryptoPort } from "../../src/cli/nodeSubtle";
import { buildChain, createEngine, fromPem, type Diagnosis } from "../../src/engine";
// The engine's crypto context, to give buildChain the node:crypto port directly (an engine internal).
import { CryptoContext } from "../../src/engine/crypto/context";

import { GENERATED, messageEntries } from "../fixtures/messageIndexes";
const TB_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "thunderbird-smime");

const entries = messageEntries();

function strip(d: Diagnosis): Diagnosis {
  const copy = { ...d };
  delete copy.elapsedMs;
  return copy;
}

async function both(
  bytes: Uint8Array,
  options: { trustAnchors?: Uint8Array[]; at?: Date },
): Promise<[Diagnosis, Diagnosis]> {
  const web = await createEngine().diagnose(bytes, options);
  const direct = await createEngine({ crypto: nodeCryptoPort(), directCrypto: true }).diagnose(
    bytes,
    options,
  );
  return [strip(web), strip(direct)];
}

test("the generated fixtures are there", () => {
  expect(entries.length).toBeGreaterThan(50);
});

test.each(entries.map((e) => [e.file, e] as const))("%s: same Diagnosis with node:crypto", async (_f, e) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, e.file)));
  const trustAnchors = (e.trustAnchors ?? []).flatMap((a) =>
    fromPem(fs.readFileSync(path.join(GENERATED, a), "latin1")),
  );
  const [web, direct] = await both(bytes, { trustAnchors, ...(e.at ? { at: new Date(e.at) } : {}) });
  expect(direct).toEqual(web);
});

const verdicts = path.join(TB_DIR, "thunderbird-verdicts.json");
const tbFiles: string[] = fs.existsSync(verdicts)
  ? (JSON.parse(fs.readFileSync(verdicts, "utf8")) as { filename: string }[]).map((r) => r.filename)
  : [];
if (tbFiles.length === 0) {
  console.warn(
    `\n*** SKIPPING the node:crypto cross-check on the Thunderbird corpus: not found at ${TB_DIR} ***\n`,
  );
}
(tbFiles.length > 0 ? test : test.skip)("Thunderbird corpus: same Diagnosis with node:crypto", async () => {
  const trustAnchors = fromPem(fs.readFileSync(path.join(TB_DIR, "TestCA.pem"), "latin1"));
  for (const f of tbFiles) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(TB_DIR, f)));
    const [web, direct] = await both(bytes, { trustAnchors, at: new Date("2026-01-01T00:00:00Z") });
    expect({ f, d: direct }).toEqual({ f, d: web });
  }
});

describe("the direct path", () => {
  const subtle = webcrypto.subtle;
  let verifySpy: jest.SpyInstance;
  let digestSpy: jest.SpyInstance;
  beforeEach(() => {
    verifySpy = jest.spyOn(subtle, "verify");
    digestSpy = jest.spyOn(subtle, "digest");
  });
  afterEach(() => {
    verifySpy.mockRestore();
    digestSpy.mockRestore();
  });

  test.each([["signed-rsa-sha256.eml"], ["signed-p384-sha384.eml"], ["signed-pss-sha256.eml"]])(
    "%s: verified and hashed without WebCrypto's verify and digest, and valid",
    async (name) => {
      const file = path.join(GENERATED, "messages", name);
      expect(fs.existsSync(file)).toBe(true);
      const engine = createEngine({ crypto: nodeCryptoPort(), directCrypto: true });
      const d = await engine.diagnose(new Uint8Array(fs.readFileSync(file)), { at: new Date("2030-01-01") });
      expect(d.signature).toBe("valid");
      expect(verifySpy).not.toHaveBeenCalled();
      expect(digestSpy).not.toHaveBeenCalled();
    },
  );

  test("a signature of the wrong length or with a flipped bit is false, as WebCrypto says", async () => {
    const alg = { name: "ECDSA", namedCurve: "P-256" } as const;
    const pair = await subtle.generateKey(alg, true, ["sign", "verify"]);
    const data = new TextEncoder().encode("hello");
    const sig = new Uint8Array(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, data));
    const spki = await subtle.exportKey("spki", pair.publicKey);
    const ns = nodeCryptoPort();
    const key = await ns.importKey("spki", spki, alg, false, ["verify"]);
    const params = { name: "ECDSA", hash: "SHA-256" };
    const flipped = sig.slice();
    flipped[5] = (flipped[5] as number) ^ 1;
    for (const s of [sig, sig.subarray(1), flipped, new Uint8Array(0)]) {
      const expected = await subtle.verify(params, key as webcrypto.CryptoKey, s, data);
      expect(await ns.verify(params, key, s, data)).toBe(expected);
    }
    expect(await ns.verify(params, key, sig, data)).toBe(true);
  });

  /** What a verify call comes to: its answer, or the name of the exception it raised. */
  async function outcome(p: Promise<boolean>): Promise<boolean | string> {
    try {
      return await p;
    } catch (err) {
      return (err as Error).name;
    }
  }

  test("RSA-PSS: the salt length is checked exactly; odd salt lengths get WebCrypto's answer", async () => {
    const alg = {
      name: "RSA-PSS",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    };
    const pair = await subtle.generateKey(alg, true, ["sign", "verify"]);
    const data = new TextEncoder().encode("hello");
    const sig = new Uint8Array(await subtle.sign({ name: "RSA-PSS", saltLength: 32 }, pair.privateKey, data));
    const spki = await subtle.exportKey("spki", pair.publicKey);
    const ns = nodeCryptoPort();
    const key = await ns.importKey("spki", spki, { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]);
    expect(await ns.verify({ name: "RSA-PSS", saltLength: 32 }, key, sig, data)).toBe(true);
    for (const saltLength of [32, 20, 0, 33, -1, -2, 1.5]) {
      const params = { name: "RSA-PSS", saltLength };
      const expected = await outcome(subtle.verify(params, key as webcrypto.CryptoKey, sig, data));
      expect([saltLength, await outcome(ns.verify(params, key, sig, data))]).toEqual([saltLength, expected]);
    }
    expect(await ns.verify({ name: "RSA-PSS", saltLength: 20 }, key, sig, data)).toBe(false);
  });

  test("a key imported without the verify usage is refused as WebCrypto refuses it", async () => {
    const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const data = new TextEncoder().encode("hello");
    const params = { name: "ECDSA", hash: "SHA-256" };
    const sig = new Uint8Array(await subtle.sign(params, pair.privateKey, data));
    const spki = await subtle.exportKey("spki", pair.publicKey);
    const ns = nodeCryptoPort();
    const key = await ns.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, []);
    const expected = await outcome(subtle.verify(params, key as webcrypto.CryptoKey, sig, data));
    expect(expected).not.toBe(true);
    expect(await outcome(ns.verify(params, key, sig, data))).toBe(expected);
  });

  test("a certificate whose signature was altered is not trusted through node:crypto", async () => {
    const pki = path.join(GENERATED, "pki");
    const one = (f: string): Uint8Array => fromPem(fs.readFileSync(path.join(pki, f), "latin1"))[0]!;
    const alice = one("alice.pem");
    const altered = alice.slice();
    altered[altered.length - 100] = (altered[altered.length - 100] as number) ^ 1;
    const crypto = new CryptoContext(nodeCryptoPort(), { direct: true });
    expect((await buildChain(alice, [one("intermediate.pem")], [one("root.pem")], { crypto })).trusted).toBe(
      true,
    );
    const chain = await buildChain(altered, [one("intermediate.pem")], [one("root.pem")], { crypto });
    expect(chain.trusted).toBe(false);
    expect(chain.reason).toBe("bad-signature");
    expect(verifySpy).not.toHaveBeenCalled();
  });
});
