/**
 * The catalogue is the one source of the words of a catalogued code: on every generated fixture, each
 * finding of such a code carries exactly the message the catalogue renders from its detail alone (so no
 * site words it itself, and the detail holds everything the message says).
 */
import fs from "node:fs";
import path from "node:path";
import { createEngine, fromPem, renderMessage, type FindingCode } from "../../../src/engine";
import { isCatalogued } from "../../../src/engine/findings/catalogue";
import { GENERATED, messageEntries } from "../../fixtures/messageIndexes";

const entries = messageEntries();
const engine = createEngine();

test("there are fixtures", () => {
  expect(entries.length).toBeGreaterThan(50);
});

test("every catalogued finding of every fixture is worded from its detail alone", async () => {
  const seen = new Set<FindingCode>();
  for (const e of entries) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, e.file)));
    const trustAnchors = (e.trustAnchors ?? []).flatMap((a) =>
      fromPem(fs.readFileSync(path.join(GENERATED, a), "latin1")),
    );
    const d = await engine.diagnose(bytes, { trustAnchors, ...(e.at ? { at: new Date(e.at) } : {}) });
    for (const f of d.findings) {
      if (!isCatalogued(f.code)) continue;
      seen.add(f.code);
      const detail = JSON.parse(JSON.stringify(f.detail)) as never;
      expect({ file: e.file, code: f.code, message: renderMessage(f.code, detail) }).toEqual({
        file: e.file,
        code: f.code,
        message: f.message,
      });
    }
  }
  // The fixtures exercise the catalogue (INTERNAL_ERROR never occurs on them).
  for (const c of [
    "ORPHAN_SIGNATURE",
    "ENCRYPTED",
    "CERTS_ONLY",
    "CHARSET_MISMATCH",
    "CHARSET_UNDECLARED",
    "SIGNED_PDF_ATTACHMENT",
    "SIGNING_TIME_MISMATCH",
    "OPENPGP",
    "MAILING_LIST",
    "REPLY_TO_MISMATCH",
  ] as const)
    expect({ code: c, seen: seen.has(c) }).toEqual({ code: c, seen: true });
});
