/**
 * Every generated fixture (test/fixtures/generate.sh, gen-pdf.mjs — OpenSSL-made) through diagnose():
 * kind, verdict, the codes that must be present and the codes that must be absent, as each index says.
 * Then: every message-level finding code is tested both ways somewhere in the indexes.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine/index";
import { FINDING_CODES, type FindingCode } from "../../src/engine/types";
import { fromPem } from "../../src/engine/util/bytes";

import { GENERATED, messageEntries } from "../fixtures/messageIndexes";

/** The message indexes (the PKCS#12 index has its own test and format). */
const entries = messageEntries();

/** Codes only the PKCS#12 setup check emits (tested in test/engine/pkcs12). */
const SETUP_ONLY: FindingCode[] = [
  "P12_OK",
  "P12_BAD_PASSWORD",
  "P12_MALFORMED",
  "P12_NO_KEY",
  "P12_KEY_MISMATCH",
  "CERT_EXPIRING",
  "EMAIL_MISMATCH",
  "CHAIN_INCOMPLETE",
];

describe("generated fixtures", () => {
  it("exist (test/fixtures/generated is committed; `npm run fixtures` regenerates it)", () => {
    expect(fs.existsSync(path.join(GENERATED, "index.json"))).toBe(true);
    expect(entries.length).toBeGreaterThan(40);
  });

  it.each(entries.map((e) => [e.file, e] as const))("%s", async (_file, e) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, e.file)));
    const anchors = (e.trustAnchors ?? []).flatMap((a) =>
      fromPem(fs.readFileSync(path.join(GENERATED, a), "latin1")),
    );
    const crls = (e.crls ?? []).map((c) => new Uint8Array(fs.readFileSync(path.join(GENERATED, c))));
    const d = await diagnose(bytes, {
      trustAnchors: anchors,
      ...(e.at ? { at: new Date(e.at) } : {}),
      ...(crls.length > 0 ? { revocation: { crls } } : {}),
    });
    const codes = d.findings.map((f) => f.code as string);
    const summary = { kind: d.kind, signature: d.signature, codes };
    if (e.expect.kind) expect(summary).toMatchObject({ kind: e.expect.kind });
    if (e.expect.signature) expect(summary).toMatchObject({ signature: e.expect.signature });
    for (const c of e.expect.present ?? [])
      expect({ ...summary, want: c, has: codes.includes(c) }).toMatchObject({ has: true });
    for (const c of e.expect.absent ?? [])
      expect({ ...summary, unwanted: c, has: codes.includes(c) }).toMatchObject({ has: false });
    expect({ ...summary, internalError: codes.includes("INTERNAL_ERROR") }).toMatchObject({
      internalError: false,
    });
    // Every finding is bilingual.
    for (const f of d.findings) {
      expect(f.message.en.length).toBeGreaterThan(10);
      expect(f.message.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
  });

  it("tests every message-level finding code both ways", () => {
    const present = new Set(entries.flatMap((e) => e.expect.present ?? []));
    const absent = new Set(entries.flatMap((e) => e.expect.absent ?? []));
    // INTERNAL_ERROR is never the input's doing: no fixture can make it (every one asserts its absence
    // above); test/engine/findings/internalError.test.ts provokes it by making the engine fail.
    const missing = FINDING_CODES.filter((c) => !SETUP_ONLY.includes(c) && c !== "INTERNAL_ERROR").filter(
      (c) => !present.has(c) || !absent.has(c),
    );
    expect(missing).toEqual([]);
  });
});
