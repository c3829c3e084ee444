/**
 * Real messages for the self-test: fixture .eml files with the outer To header rewritten to the sender
 * (a message from the user to the user). The outer headers of multipart/signed and opaque messages are not
 * covered by the signature, so the signature verdict stays what the fixture was made for.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnosis, fromPem } from "../../../src/engine";

export const GENERATED = path.resolve(__dirname, "..", "..", "fixtures", "generated");

interface IndexEntry {
  file: string;
  at: string;
  trustAnchors: string[];
}

function entry(file: string): IndexEntry {
  const index = JSON.parse(fs.readFileSync(path.join(GENERATED, "index.json"), "utf8")) as IndexEntry[];
  const e = index.find((x) => x.file === file);
  if (!e) throw new Error(`${file} is not in index.json`);
  return e;
}

/** Replaces the first To header of the outer header block (before the first empty line). */
export function rewriteTo(eml: Uint8Array, to: string | undefined): Uint8Array {
  const text = Buffer.from(eml).toString("latin1");
  const m = /\r?\n\r?\n/.exec(text);
  const end = m ? m.index : text.length;
  const head = text.slice(0, end);
  const lines = head.split(/(?<=\n)/);
  const out: string[] = [];
  let done = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!done && /^to:/i.test(line)) {
      done = true;
      while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1] as string)) i++; // folded continuation
      if (to !== undefined) out.push(`To: ${to}${line.endsWith("\r\n") ? "\r\n" : "\n"}`);
      continue;
    }
    out.push(line);
  }
  if (!done) throw new Error("no To header");
  return new Uint8Array(Buffer.from(out.join("") + text.slice(end), "latin1"));
}

export async function diagnoseAs(file: string, to?: string): Promise<{ d: Diagnosis; at: Date }> {
  const e = entry(file);
  const raw = new Uint8Array(fs.readFileSync(path.join(GENERATED, file)));
  const bytes = to === undefined ? raw : rewriteTo(raw, to);
  const trustAnchors = e.trustAnchors.flatMap((a) =>
    fromPem(fs.readFileSync(path.join(GENERATED, a), "utf8")),
  );
  const at = new Date(e.at);
  return { d: await diagnose(bytes, { trustAnchors, at }), at };
}
