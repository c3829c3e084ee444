/** Test-only helpers: read corpus files, split a message crudely (headers / body / multipart parts). */
import * as fs from "fs";
import * as path from "path";
import { decodeBase64, fromPem, latin1 } from "../../../src/engine/util/bytes";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const TB_DIR = path.resolve(REPO_ROOT, "..", "shared", "corpus", "thunderbird-smime");
export const GEN_DIR = path.resolve(REPO_ROOT, "test", "fixtures", "generated");

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}

export function pemFile(file: string): Uint8Array[] {
  return fromPem(fs.readFileSync(file, "latin1"));
}

/** Index of the blank line ending the headers; returns [headers, bodyStart]. */
export function splitHeaders(msg: Uint8Array): { headers: string; bodyStart: number } {
  const s = latin1(msg);
  let i = s.indexOf("\r\n\r\n");
  let sep = 4;
  const j = s.indexOf("\n\n");
  if (i < 0 || (j >= 0 && j < i)) {
    i = j;
    sep = 2;
  }
  if (i < 0) return { headers: s, bodyStart: msg.length };
  return { headers: s.slice(0, i), bodyStart: i + sep };
}

/** The base64 body of a single-part message, decoded. */
export function base64Body(msg: Uint8Array): Uint8Array {
  const { bodyStart } = splitHeaders(msg);
  return decodeBase64(msg, bodyStart);
}

/**
 * Crude multipart/signed split (test-only): the exact bytes of the first part and the decoded signature
 * of the second, found by the boundary parameter of the top-level Content-Type.
 */
export function splitMultipartSigned(msg: Uint8Array): { content: Uint8Array; signature: Uint8Array } {
  const { headers, bodyStart } = splitHeaders(msg);
  const m = /boundary="?([^";\r\n]+)"?/i.exec(headers);
  if (!m) throw new Error("no boundary");
  const delim = `--${m[1]}`;
  const s = latin1(msg);
  const first = s.indexOf(delim, bodyStart);
  const contentStart = s.indexOf("\n", first) + 1;
  const second = s.indexOf(`\r\n${delim}`, contentStart);
  const content = msg.subarray(contentStart, second);
  const sigPartStart = s.indexOf("\n", second + 2) + 1;
  const end = s.indexOf(`\r\n${delim}--`, sigPartStart);
  const sigPart = msg.subarray(sigPartStart, end);
  return { content, signature: base64Body(sigPart) };
}
