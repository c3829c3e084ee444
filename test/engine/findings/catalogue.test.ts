/**
 * The catalogue is the one source of every finding's words: on every generated fixture (messages and
 * PKCS#12 files), each finding carries exactly the message the catalogue renders from its detail alone
 * (so no site words it itself, and the detail holds everything the message says), and no finding bypasses
 * the catalogue.
 */
import fs from "node:fs";
import path from "node:path";
import { createEngine, fromPem, renderMessage, type Finding, type FindingCode } from "../../../src/engine";
import { isCatalogued } from "../../../src/engine/findings/catalogue";
import { FINDING_CODES } from "../../../src/engine/types";
import { GENERATED, messageEntries } from "../../fixtures/messageIndexes";

const entries = messageEntries();
const engine = createEngine();

test("there are fixtures", () => {
  expect(entries.length).toBeGreaterThan(50);
});

test("every finding code is in the catalogue", () => {
  expect(FINDING_CODES.filter((c) => !isCatalogued(c))).toEqual([]);
});

function expectWordedByCatalogue(file: string, f: Finding, seen: Set<FindingCode>): void {
  // No finding bypasses the catalogue: its code is catalogued…
  expect({ file, code: f.code, catalogued: isCatalogued(f.code) }).toEqual({
    file,
    code: f.code,
    catalogued: true,
  });
  if (!isCatalogued(f.code)) return;
  seen.add(f.code);
  // …and its message is what the catalogue renders from its detail as JSON.
  const detail = JSON.parse(JSON.stringify(f.detail)) as never;
  expect({ file, code: f.code, message: renderMessage(f.code, detail) }).toEqual({
    file,
    code: f.code,
    message: f.message,
  });
}

test("every finding of every fixture is worded from its detail alone", async () => {
  const seen = new Set<FindingCode>();
  for (const e of entries) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(GENERATED, e.file)));
    const trustAnchors = (e.trustAnchors ?? []).flatMap((a) =>
      fromPem(fs.readFileSync(path.join(GENERATED, a), "latin1")),
    );
    const d = await engine.diagnose(bytes, { trustAnchors, ...(e.at ? { at: new Date(e.at) } : {}) });
    for (const f of d.findings) expectWordedByCatalogue(e.file, f, seen);
  }
  const p12 = JSON.parse(fs.readFileSync(path.join(GENERATED, "p12", "index.json"), "utf8")) as {
    file: string;
    password: string;
    email?: string;
    at?: string;
  }[];
  expect(p12.length).toBeGreaterThan(10);
  for (const e of p12) {
    const r = await engine.checkPkcs12(new Uint8Array(fs.readFileSync(path.join(GENERATED, "p12", e.file))), {
      password: e.password,
      ...(e.email ? { email: e.email } : {}),
      ...(e.at ? { at: new Date(e.at) } : {}),
    });
    for (const f of r.findings) expectWordedByCatalogue(`p12/${e.file}`, f, seen);
  }
  // The fixtures exercise the catalogue: every code but INTERNAL_ERROR (which never occurs on them) and
  // those that need revocation data given (a CRL or a fetcher: test/engine/revocation checks them).
  const notOnFixtures = new Set<FindingCode>(["INTERNAL_ERROR", "CERT_REVOKED", "REVOCATION_GOOD"]);
  const unseen = FINDING_CODES.filter((c) => !seen.has(c) && !notOnFixtures.has(c));
  expect(unseen).toEqual([]);
});
