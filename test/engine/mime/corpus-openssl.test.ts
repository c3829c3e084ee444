/**
 * Byte-exactness of signedContent() checked against OpenSSL (an implementation we did not write), on the
 * real Thunderbird/NSS S/MIME corpus. For every multipart/signed visible in every message we hand OpenSSL
 * exactly two things: the bytes signedContent() returns and the DER of the signature part
 * (decodedBody of the second part), and ask it to verify the detached signature in binary mode, where it
 * does no line-end conversion at all:
 *   openssl cms -verify -noverify -binary -inform DER -in sig.der -content content.bin
 * A single byte too many or too few (a CRLF that belongs to the delimiter, say) makes it fail. The
 * expected verdict is OpenSSL's own, reading the same multipart/signed entity with its own MIME parser
 * (`openssl cms -verify -noverify -in entity.eml`, S/MIME input). Named expectations on top: the plain
 * alice.dsig.* messages verify; *.bad.* (text changed after signing) and *.mismatch-econtent.* do not.
 * (The alice.env.dsig.* and nested-sigs signatures fail in both: NSS signed the LF form of the content.)
 * The same holds after turning the whole message into bare LF, and for the bare MIME entity Exchange
 * keeps in smime.p7m (starting at the Content-Type header).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  decodedBody,
  isSignatureType,
  parseMessage,
  signedContent,
  walkParts,
} from "../../../src/engine/mime/index";
import type { MimePart, ParsedMessage } from "../../../src/engine/mime/types";
import { equalBytes } from "../../../src/engine/util/bytes";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "..", "shared", "corpus", "thunderbird-smime");
const haveCorpus = fs.existsSync(CORPUS);
const haveOpenssl = spawnSync("openssl", ["version"], { encoding: "utf8" }).status === 0;
if (!haveCorpus) {
  console.warn(`\n*** SKIPPING MIME/OpenSSL corpus test: corpus not found at ${CORPUS} ***\n`);
}
if (!haveOpenssl)
  console.warn("\n*** SKIPPING MIME/OpenSSL corpus test: the openssl CLI is not installed ***\n");
const run = haveCorpus && haveOpenssl ? describe : describe.skip;

const files = haveCorpus
  ? fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith(".eml"))
      .sort()
  : [];

let tmp = "";
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mime-openssl-"));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function signedParts(msg: ParsedMessage): MimePart[] {
  const out: MimePart[] = [];
  walkParts(msg.root, (p) => {
    if (p.contentType.type === "multipart" && p.contentType.subtype === "signed") out.push(p);
  });
  return out;
}

let n = 0;
/** Whether OpenSSL verifies the detached signature `sig` (DER) over exactly `content`. */
function opensslVerifies(content: Uint8Array, sig: Uint8Array): boolean {
  const c = path.join(tmp, `c${n}.bin`);
  const s = path.join(tmp, `s${n++}.der`);
  fs.writeFileSync(c, content);
  fs.writeFileSync(s, sig);
  const r = spawnSync(
    "openssl",
    ["cms", "-verify", "-noverify", "-binary", "-inform", "DER", "-in", s, "-content", c, "-out", os.devNull],
    { encoding: "utf8" },
  );
  return r.status === 0;
}

/** OpenSSL's verdict on a multipart/signed entity read by its own S/MIME parser. */
function opensslSmimeVerifies(entity: Uint8Array): boolean {
  const e = path.join(tmp, `e${n++}.eml`);
  fs.writeFileSync(e, entity);
  const r = spawnSync("openssl", ["cms", "-verify", "-noverify", "-in", e, "-out", os.devNull], {
    encoding: "utf8",
  });
  return r.status === 0;
}

function signatureOf(msg: ParsedMessage, p: MimePart): Uint8Array {
  const sigPart = p.children[1] as MimePart;
  expect(isSignatureType(sigPart.contentType)).toBe(true);
  return decodedBody(msg, sigPart);
}

const toBareLf = (b: Uint8Array): Uint8Array => {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) if (!(b[i] === 0x0d && b[i + 1] === 0x0a)) out.push(b[i] as number);
  return Uint8Array.from(out);
};

const expectGood = (file: string): boolean => !/\.bad\.|mismatch-econtent/.test(file);

run("signedContent() against OpenSSL on the Thunderbird corpus", () => {
  test("the corpus has multipart/signed messages, good and bad", () => {
    const withSigned = files.filter(
      (f) => signedParts(parseMessage(fs.readFileSync(path.join(CORPUS, f)))).length,
    );
    expect(withSigned.length).toBeGreaterThanOrEqual(25);
    expect(withSigned.filter((f) => !expectGood(f)).length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    test(file, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
      const msg = parseMessage(bytes);
      const parts = signedParts(msg);
      if (parts.length === 0) return; // opaque / enveloped: no detached signature visible
      expect(msg.bareLf).toBe(false);
      const verdicts = parts.map((p) => opensslVerifies(signedContent(msg, p), signatureOf(msg, p)));
      const oracle = parts.map((p) => opensslSmimeVerifies(bytes.subarray(p.start, p.end)));
      expect(verdicts).toEqual(oracle);
      if (/^alice\.dsig\./.test(file)) expect(verdicts[0]).toBe(expectGood(file));
      if (!expectGood(file)) expect(verdicts[0]).toBe(false);

      // bare-LF copy of the message: same signed bytes, still verifies
      const lfMsg = parseMessage(toBareLf(bytes));
      expect(lfMsg.bareLf).toBe(true);
      const lfParts = signedParts(lfMsg);
      expect(lfParts.map((p) => p.path)).toEqual(parts.map((p) => p.path));
      lfParts.forEach((p, i) => {
        expect(equalBytes(signedContent(lfMsg, p), signedContent(msg, parts[i] as MimePart))).toBe(true);
      });
      const outer = lfParts[0] as MimePart;
      expect(opensslVerifies(signedContent(lfMsg, outer), signatureOf(lfMsg, outer))).toBe(verdicts[0]);
    });
  }

  test("negative control: one byte more or less and OpenSSL refuses", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, "alice.dsig.SHA256.multipart.eml")));
    const msg = parseMessage(bytes);
    const content = signedContent(msg, msg.root);
    const sig = signatureOf(msg, msg.root);
    expect(opensslVerifies(content, sig)).toBe(true);
    const plusCrlf = new Uint8Array(content.length + 2);
    plusCrlf.set(content);
    plusCrlf.set([0x0d, 0x0a], content.length);
    expect(opensslVerifies(plusCrlf, sig)).toBe(false);
    expect(opensslVerifies(content.subarray(0, content.length - 1), sig)).toBe(false);
  });

  test("the smime.p7m MIME entity (starting at Content-Type: multipart/signed) verifies too", () => {
    let checked = 0;
    for (const file of files.filter((f) => /^alice\.(plain\.)?dsig\./.test(f) && expectGood(f))) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
      const msg = parseMessage(bytes);
      if (!(msg.root.contentType.type === "multipart" && msg.root.contentType.subtype === "signed")) continue;
      const ctHeader = msg.root.headers.find((h) => h.name === "content-type") as { start: number };
      const entity = parseMessage(bytes.subarray(ctHeader.start));
      expect(entity.root.contentType.subtype).toBe("signed");
      const content = signedContent(entity, entity.root);
      expect(equalBytes(content, signedContent(msg, msg.root))).toBe(true);
      expect(opensslVerifies(content, signatureOf(entity, entity.root))).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
