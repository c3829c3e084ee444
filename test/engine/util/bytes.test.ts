/**
 * The engine's own byte helpers against Node's Buffer (an implementation we did not write): hex, base64
 * (with and without line breaks, as in PEM) and big integers, for every length from 0 to 300 bytes.
 */
import { bigFromBytes, integerHex } from "../../../src/engine/asn1";
import { decodeBase64, encodeBase64, fromHex, toHex, toPem } from "../../../src/engine/util/bytes";

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const lengths = Array.from({ length: 301 }, (_, n) => n);

test.each(lengths)("%i bytes: hex and base64 agree with Buffer, and round-trip", (n) => {
  const b = bytes(n, n + 1);
  const ref = Buffer.from(b);
  expect(toHex(b)).toBe(ref.toString("hex"));
  expect(fromHex(toHex(b))).toEqual(b);
  const b64 = ref.toString("base64");
  expect(encodeBase64(b)).toBe(b64);
  expect(decodeBase64(new TextEncoder().encode(encodeBase64(b)))).toEqual(b);
  for (const line of [4, 64, 76]) {
    expect(encodeBase64(b, line)).toBe((b64.match(new RegExp(`.{1,${line}}`, "g")) ?? []).join("\n"));
  }
  if (n > 0) {
    expect(bigFromBytes(b)).toBe(BigInt(`0x${ref.toString("hex")}`));
    expect(integerHex(b)).toBe(ref.toString("hex").replace(/^(00)+(?=..)/, ""));
  }
});

test("PEM lines are 64 characters and the armour is exact", () => {
  const der = bytes(1000, 7);
  const pem = toPem(der);
  const lines = pem.trimEnd().split("\n");
  expect(lines[0]).toBe("-----BEGIN CERTIFICATE-----");
  expect(lines.at(-1)).toBe("-----END CERTIFICATE-----");
  expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true);
  expect(lines.slice(1, -1).join("")).toBe(Buffer.from(der).toString("base64"));
});

test("leading zero octets of an INTEGER are dropped, one kept for zero", () => {
  expect(integerHex(new Uint8Array([0, 0, 0x12, 0]))).toBe("1200");
  expect(integerHex(new Uint8Array([0, 0]))).toBe("00");
  expect(bigFromBytes(new Uint8Array(0))).toBe(0n);
});
