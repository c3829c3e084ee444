/**
 * The appended-content search on its own: real content (the signed first part of a Thunderbird message),
 * digests computed independently with node:crypto.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { describeAppended, findPrefixByDigest, lastBoundaryDigests } from "../../../src/engine/cms/appended";
import { concat, equalBytes, utf8 } from "../../../src/engine/util/bytes";
import { TB_DIR, readBytes, splitMultipartSigned } from "./helpers";

const present = fs.existsSync(TB_DIR);
if (!present)
  console.warn(
    `\n*** Thunderbird S/MIME corpus not found at ${TB_DIR}: skipping appended-content tests ***\n`,
  );
const d = present ? describe : describe.skip;

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash("sha256").update(b).digest());

d("findPrefixByDigest", () => {
  const content = (): Uint8Array =>
    splitMultipartSigned(readBytes(path.join(TB_DIR, "alice.dsig.SHA256.multipart.eml"))).content;

  test("finds the original after a footer appended at a line boundary", () => {
    const original = content();
    const target = sha256(original);
    const grown = concat([original, utf8("--\r\nDisclaimer: confidential.\r\n")]);
    expect(findPrefixByDigest(grown, "sha-256", (x) => equalBytes(x, target))).toBe(original.length);
  });

  test("finds the cut before a trailing CRLF when the original did not end with a line break", () => {
    const original = content().subarray(0, content().length - 2); // "...Bob." without CRLF
    const target = sha256(original);
    const grown = concat([original, utf8("\r\n[This message was scanned]\r\n")]);
    expect(findPrefixByDigest(grown, "sha-256", (x) => equalBytes(x, target))).toBe(original.length);
    const det = describeAppended(grown, original.length);
    expect(det.addedBytes).toBe(30);
    expect(det.appendedPreview).toBe("[This message was scanned]\n");
  });

  test("no cut matches when the text was changed in the middle", () => {
    const original = content();
    const target = sha256(original);
    const changed = original.slice();
    changed[changed.length - 10] = 0x58;
    expect(
      findPrefixByDigest(concat([changed, utf8("footer\r\n")]), "sha-256", (x) => equalBytes(x, target)),
    ).toBe(undefined);
  });

  test("only the tail is searched: an addition larger than the limit is not reported", () => {
    const original = content();
    const target = sha256(original);
    const big = concat([original, utf8("x\r\n".repeat(2000))]);
    expect(findPrefixByDigest(big, "sha-256", (x) => equalBytes(x, target), 1000)).toBeUndefined();
    expect(findPrefixByDigest(big, "sha-256", (x) => equalBytes(x, target), 10000)).toBe(original.length);
  });

  test("lastBoundaryDigests gives the digests of the prefixes at the last line boundaries", () => {
    const c = content();
    const list = lastBoundaryDigests(c, "sha-256", 3);
    expect(list.length).toBeGreaterThan(0);
    for (const { length, digest } of list)
      expect(equalBytes(digest, sha256(c.subarray(0, length)))).toBe(true);
  });
});

test("describeAppended counts lines and decodes UTF-8, falling back to Latin-1", () => {
  const base = utf8("signed\r\n");
  const utf = describeAppended(concat([base, utf8("添付ファイルは検査済みです。\r\nok")]), base.length);
  expect(utf.addedLines).toBe(2);
  expect(utf.appendedPreview).toBe("添付ファイルは検査済みです。\nok");
  const l1 = describeAppended(
    concat([base, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0xe9, 0xe9, 0x0d, 0x0a])]),
    base.length,
  );
  expect(l1.appendedPreview).toBe("Cafééé\n");
  expect(l1.addedBytes).toBe(8);
});
