/**
 * The engine remembers parsed certificates, their summaries and verified certificate links, because a
 * batch of mail repeats the same few certificates. A remembered answer must never be given to different
 * bytes: a certificate whose signed part was altered but whose signature value (and so the cache key) is
 * unchanged must still fail, and what one caller does with a summary must not reach the next caller.
 */
import * as path from "path";
import { buildChain, summarizeCertificate } from "../../../src/engine/x509/index";
import { GEN_DIR, pemFile } from "../cms/helpers";

const PKI = path.join(GEN_DIR, "pki");
const one = (f: string): Uint8Array => pemFile(path.join(PKI, f))[0]!;
const alice = one("alice.pem");
const intermediate = one("intermediate.pem");
const root = one("root.pem");

/** alice.pem with one letter of its subject changed: same length, same signature value. */
function forged(): Uint8Array {
  const der = alice.slice();
  const text = Buffer.from(der).toString("latin1");
  const at = text.indexOf("Alice");
  expect(at).toBeGreaterThan(0);
  der[at + 4] = "f".charCodeAt(0); // "Alicf"
  return der;
}

test("a forged certificate with a reused signature is not trusted, before or after the real one", async () => {
  const before = await buildChain(forged(), [intermediate], [root]);
  expect(before.trusted).toBe(false);
  const real = await buildChain(alice, [intermediate], [root]);
  expect(real.trusted).toBe(true);
  const after = await buildChain(forged(), [intermediate], [root]);
  expect(after.trusted).toBe(false);
  expect(after.chain[0]?.subject).toMatch(/Alicf/);
  const again = await buildChain(alice, [intermediate], [root]);
  expect(again.trusted).toBe(true);
  expect(again.chain[0]?.subject).toMatch(/Alice/);
});

test("a certificate whose signature differs only before the cache key's tail is not trusted", async () => {
  const real = await buildChain(alice, [intermediate], [root]);
  expect(real.trusted).toBe(true);
  // The signature value is the last BIT STRING: change one byte near its start, keep its last bytes.
  const der = alice.slice();
  der[der.length - 200] = (der[der.length - 200]! + 1) & 0xff;
  const altered = await buildChain(der, [intermediate], [root]);
  expect(altered.trusted).toBe(false);
  expect(altered.reason).toBe("bad-signature");
});

test("summaries are fresh objects: changing one does not change the next", () => {
  const a = summarizeCertificate(alice);
  const emails = [...a.emails];
  a.emails.push("mallory@example.com");
  a.commonName = "Mallory";
  const b = summarizeCertificate(alice);
  expect(b.emails).toEqual(emails);
  expect(b.commonName).not.toBe("Mallory");
});
