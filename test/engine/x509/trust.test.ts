/**
 * Trust anchors (issue #12): the Mozilla root store derived from NSS certdata.txt, anchors with their
 * origin, distrust-after and explicit distrust, depth-first path building over the OpenSSL-made hierarchy
 * of test/fixtures/gen-trust.sh (cross-signed and renewed intermediates, a loop, a chain of 12, a missing
 * intermediate, a chain signed with Ed448), and the time of signing.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  buildChain,
  parseCertificate,
  summarizeCertificate,
  trustFinding,
} from "../../../src/engine/x509/index";
import { mozillaTrust } from "../../../src/engine/x509/defaultAnchors";
import { normalizedName } from "../../../src/engine/x509/name";
import { anchorSet, subjectHint } from "../../../src/engine/x509/anchors";
import {
  MOZILLA_EMAIL_DISTRUST,
  MOZILLA_EMAIL_ROOTS,
  MOZILLA_SOURCE,
} from "../../../src/engine/x509/mozillaRoots";
import { diagnose, prepareAnchors } from "../../../src/engine/index";
import type { DistrustEntry, TrustAnchor } from "../../../src/engine/types";
import { verdictOf } from "../../../src/taskpane/verdict";
import { GEN_DIR, REPO_ROOT, pemFile, readBytes } from "../cms/helpers";

const TRUST = path.join(GEN_DIR, "trust");
const pem = (f: string): Uint8Array => pemFile(path.join(TRUST, "pki", f))[0] as Uint8Array;
const AT = new Date("2030-01-01T00:00:00Z");
const SIGNED = new Date("2026-06-01T00:00:00Z");
const mozillaStandIn = (extra: Partial<TrustAnchor> = {}): TrustAnchor => ({
  der: pem("mroot.pem"),
  origin: "mozilla",
  label: "Stand-in",
  ...extra,
});
const message = (f: string): Uint8Array => readBytes(path.join(TRUST, f));

describe("Mozilla's root store for e-mail (generated from NSS certdata.txt)", () => {
  const CERTDATA = path.resolve(REPO_ROOT, "..", "shared", "trust", "certdata.txt");
  const present = fs.existsSync(CERTDATA);
  if (!present)
    console.warn(
      `\n*** ${CERTDATA} not found: SKIPPING the check that src/engine/x509/mozillaRoots.ts is what it gives ***\n`,
    );
  (present ? test : test.skip)("the committed file is exactly what scripts/trust-anchors.mjs derives", () => {
    const derived = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, "scripts", "trust-anchors.mjs"), "--stdout"],
      {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      },
    );
    const committed = fs.readFileSync(
      path.join(REPO_ROOT, "src", "engine", "x509", "mozillaRoots.ts"),
      "utf8",
    );
    expect(derived === committed).toBe(true);
  });

  test("90 roots trusted for e-mail at NSS 9d75dfde (2026-05-01), with provenance", () => {
    expect(MOZILLA_EMAIL_ROOTS).toHaveLength(90);
    expect(MOZILLA_EMAIL_DISTRUST).toHaveLength(0);
    expect(MOZILLA_SOURCE).toMatchObject({
      commit: "9d75dfde2e791c38fdf5ea7f3da9609c46d8a4f8",
      date: "2026-05-01",
      licence: "MPL-2.0",
    });
    const labels = MOZILLA_EMAIL_ROOTS.map((r) => r.label);
    for (const l of [
      "GlobalSign Root CA",
      "GlobalSign Root CA - R3",
      "GlobalSign Secure Mail Root R45",
      "GlobalSign Secure Mail Root E45",
    ])
      expect(labels).toContain(l);
    // A root trusted for servers only is not there.
    expect(labels).not.toContain("Go Daddy Class 2 CA");
  });

  test("every bundled root parses with the engine's certificate parser and is a CA", () => {
    const { anchors } = mozillaTrust();
    expect(anchors).toHaveLength(90);
    for (const [i, a] of anchors.entries()) {
      const p = parseCertificate(a.der);
      // The index keys carried beside each root (no root is decoded to find one) are its subject's, and
      // its normalised subject is what the engine makes of the certificate now.
      expect(MOZILLA_EMAIL_ROOTS[i]?.subject).toBe(Buffer.from(p.subjectDer).toString("hex"));
      expect(MOZILLA_EMAIL_ROOTS[i]?.normalized).toBe(normalizedName(p.subjectAttrs));
      expect({ label: a.label, ca: p.isCA, origin: a.origin }).toEqual({
        label: a.label,
        ca: true,
        origin: "mozilla",
      });
      expect(summarizeCertificate(a.der).subject.length).toBeGreaterThan(5);
    }
  });

  test("the generator keeps distrust-after dates and explicit distrust entries (certdata made from test certificates)", () => {
    // A certdata.txt in NSS's format over the OpenSSL-made stand-in root and intermediate.
    const octal = (der: Uint8Array): string =>
      Array.from(der, (b) => `\\${b.toString(8).padStart(3, "0")}`)
        .join("")
        .replace(/(.{64})/g, "$1\n")
        .trim();
    const p = parseCertificate(pem("mroot.pem"));
    const inter = parseCertificate(pem("inter-cross.pem"));
    const serialDer = (hex: string): Uint8Array => {
      const v = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
      const body = v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v;
      return Uint8Array.from([2, body.length, ...body]);
    };
    const obj = (lines: string[]): string => lines.join("\n");
    const text = [
      "BEGINDATA",
      obj([
        "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE",
        'CKA_LABEL UTF8 "Stand-in"',
        `CKA_SUBJECT MULTILINE_OCTAL\n${octal(p.subjectDer)}\nEND`,
        `CKA_ISSUER MULTILINE_OCTAL\n${octal(p.issuerDer)}\nEND`,
        `CKA_SERIAL_NUMBER MULTILINE_OCTAL\n${octal(serialDer(p.serialNumber))}\nEND`,
        `CKA_VALUE MULTILINE_OCTAL\n${octal(p.der)}\nEND`,
        `CKA_NSS_EMAIL_DISTRUST_AFTER MULTILINE_OCTAL\n${octal(Buffer.from("240101000000Z"))}\nEND`,
      ]),
      "",
      obj([
        "CKA_CLASS CK_OBJECT_CLASS CKO_NSS_TRUST",
        'CKA_LABEL UTF8 "Stand-in"',
        `CKA_ISSUER MULTILINE_OCTAL\n${octal(p.issuerDer)}\nEND`,
        `CKA_SERIAL_NUMBER MULTILINE_OCTAL\n${octal(serialDer(p.serialNumber))}\nEND`,
        "CKA_TRUST_EMAIL_PROTECTION CK_TRUST CKT_NSS_TRUSTED_DELEGATOR",
      ]),
      "",
      obj([
        "CKA_CLASS CK_OBJECT_CLASS CKO_NSS_TRUST",
        'CKA_LABEL UTF8 "Distrusted intermediate"',
        `CKA_ISSUER MULTILINE_OCTAL\n${octal(inter.issuerDer)}\nEND`,
        `CKA_SERIAL_NUMBER MULTILINE_OCTAL\n${octal(serialDer(inter.serialNumber))}\nEND`,
        "CKA_TRUST_EMAIL_PROTECTION CK_TRUST CKT_NSS_NOT_TRUSTED",
      ]),
      "",
    ].join("\n");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "certdata-")), "certdata.txt");
    fs.writeFileSync(file, text);
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { deriveAnchors } from ${JSON.stringify(path.join(REPO_ROOT, "scripts", "trust-anchors.mjs"))};
         import fs from "node:fs";
         process.stdout.write(JSON.stringify(deriveAnchors(fs.readFileSync(${JSON.stringify(file)}, "utf8"))));`,
      ],
      { encoding: "utf8" },
    );
    const derived = JSON.parse(out) as {
      roots: { label: string; der: string; distrustAfter?: string }[];
      distrust: { label: string; issuer: string; serialNumber: string }[];
    };
    expect(derived.roots).toHaveLength(1);
    expect(derived.roots[0]?.distrustAfter).toBe("2024-01-01T00:00:00Z");
    expect(Buffer.from(derived.roots[0]!.der, "base64").equals(Buffer.from(p.der))).toBe(true);
    expect(derived.distrust).toEqual([
      {
        label: "Distrusted intermediate",
        issuer: Buffer.from(inter.issuerDer).toString("base64"),
        serialNumber: inter.serialNumber,
      },
    ]);
  });
});

describe("path building over the OpenSSL-made hierarchy", () => {
  const leaf = (): Uint8Array => pem("cross.pem");
  const cross = (): Uint8Array => pem("inter-cross.pem");
  const old = (): Uint8Array => pem("inter-old.pem");
  const oldRoot = (): Uint8Array => pem("oldroot.pem");

  test.each([
    ["old intermediate first", () => [old(), oldRoot(), cross()]],
    ["cross-certificate first", () => [cross(), old(), oldRoot()]],
  ])("a cross-signed intermediate: the path that ends at the anchor wins (%s)", async (_n, pool) => {
    const r = await buildChain(leaf(), pool(), [mozillaStandIn()], { time: SIGNED });
    expect(r.trusted).toBe(true);
    expect(r.trustedBy).toBe("mozilla");
    expect(r.anchorLabel).toBe("Stand-in");
    expect(r.chain.map((c) => c.commonName)).toEqual([
      "Carol Cross",
      "Trust Test Intermediate CA",
      "Trust Test Stand-in Mozilla Root",
    ]);
  });

  test("bare DER anchors count as explicit (command-line)", async () => {
    const r = await buildChain(leaf(), [old(), cross()], [pem("mroot.pem")], { time: SIGNED });
    expect(r.trustedBy).toBe("command-line");
    const o = await buildChain(
      leaf(),
      [old(), cross()],
      [{ der: pem("oldroot.pem"), origin: "organisation" }],
    );
    expect(o.trustedBy).toBe("organisation");
    expect(o.chain[2]?.commonName).toBe("Trust Test Old Root");
  });

  test("distrust-after: a leaf issued after the root's e-mail distrust date is refused; before it, trusted", async () => {
    // The leaf's notBefore is 2025-01-01.
    const refused = await buildChain(
      leaf(),
      [old(), oldRoot(), cross()],
      [mozillaStandIn({ distrustAfter: new Date("2024-06-01T00:00:00Z") })],
      { time: SIGNED },
    );
    expect(refused.trusted).toBe(false);
    expect(refused.reason).toBe("distrust-after");
    const f = trustFinding(summarizeCertificate(leaf()), refused);
    expect(f?.code).toBe("CERT_UNTRUSTED");
    expect(f?.message.en).toMatch(
      /no longer trusted for e-mail certificates issued after 1 Jun 2024 \(UTC\).*issued on 1 Jan 2025 \(UTC\)/,
    );
    expect(f?.message.ja).toContain("2024年6月1日（UTC）より後に発行された");
    const ok = await buildChain(
      leaf(),
      [old(), cross()],
      [mozillaStandIn({ distrustAfter: new Date("2025-06-01T00:00:00Z") })],
      { time: SIGNED },
    );
    expect(ok.trusted).toBe(true);
  });

  test("an explicitly distrusted intermediate is refused in every path", async () => {
    const c = parseCertificate(cross());
    const distrust: DistrustEntry[] = [
      { issuer: c.issuerDer, serialNumber: c.serialNumber, label: "Bad CA" },
    ];
    const r = await buildChain(leaf(), [old(), cross()], [mozillaStandIn()], { time: SIGNED, distrust });
    expect(r.trusted).toBe(false);
    expect(r.reason).toBe("distrusted");
    expect(trustFinding(summarizeCertificate(leaf()), r)?.message.en).toMatch(
      /explicitly distrusted \(Bad CA\)/,
    );
    // The other path (through the old root, when it is an anchor) is still fine.
    const other = await buildChain(leaf(), [old(), cross()], [mozillaStandIn(), pem("oldroot.pem")], {
      time: SIGNED,
      distrust,
    });
    expect(other.trusted).toBe(true);
    expect(other.chain[2]?.commonName).toBe("Trust Test Old Root");
  });

  test("a renewed intermediate: the one valid at signing time wins; the expired one alone is refused", async () => {
    const renewLeaf = pem("renew.pem");
    for (const pool of [
      [pem("renewed-old.pem"), pem("renewed-new.pem")],
      [pem("renewed-new.pem"), pem("renewed-old.pem")],
    ]) {
      const r = await buildChain(renewLeaf, pool, [mozillaStandIn()], { time: SIGNED });
      expect(r.trusted).toBe(true);
      expect(r.chain[1]?.notAfter).toBe("2050-01-01T00:00:00.000Z");
    }
    const expired = await buildChain(renewLeaf, [pem("renewed-old.pem")], [mozillaStandIn()], {
      time: SIGNED,
    });
    expect(expired.trusted).toBe(false);
    expect(expired.reason).toBe("issuer-not-valid");
    expect(trustFinding(summarizeCertificate(renewLeaf), expired)?.message.en).toMatch(
      /"CN=Trust Test Renewed CA.*" was not valid when the message was signed \(valid 1 Jan 2020 \(UTC\) to 1 Jan 2024 \(UTC\)\)/,
    );
  });

  test("a loop is cut and called a loop", async () => {
    const r = await buildChain(pem("looped.pem"), [pem("loop-a.pem"), pem("loop-b.pem")], [mozillaStandIn()]);
    expect(r.trusted).toBe(false);
    expect(r.reason).toBe("loop");
    expect(r.chain.map((c) => c.commonName)).toEqual(["Lou Loop", "Trust Test Loop A", "Trust Test Loop B"]);
    expect(trustFinding(summarizeCertificate(pem("looped.pem")), r)?.message.en).toMatch(/in a loop/);
  });

  test("a chain of 12 below the root is too long, not a loop", async () => {
    const links = Array.from({ length: 11 }, (_x, i) => pem(`long-${i + 1}.pem`));
    const r = await buildChain(pem("longleaf.pem"), links.reverse(), [mozillaStandIn()]);
    expect(r.trusted).toBe(false);
    expect(r.reason).toBe("too-long");
    expect(r.chain).toHaveLength(10);
    const f = trustFinding(summarizeCertificate(pem("longleaf.pem")), r);
    expect(f?.message.en).toMatch(/longer than 10 certificates/);
    expect(f?.message.en).not.toMatch(/loop/);
    // Nine intermediates below the anchor (11 certificates with it) are too long as well; 8 are fine.
    const nine = await buildChain(pem("long-9.pem"), links, [mozillaStandIn()]);
    expect(nine.trusted).toBe(true);
    expect(nine.chain).toHaveLength(10);
  });

  test("a missing intermediate is named: the chain is incomplete, not merely untrusted", async () => {
    const r = await buildChain(leaf(), [], [mozillaStandIn()]);
    expect(r.reason).toBe("unknown-issuer");
    const f = trustFinding(summarizeCertificate(leaf()), r);
    expect(f?.code).toBe("CERT_UNTRUSTED");
    expect(f?.detail["chainIncomplete"]).toBe(true);
    expect(f?.detail["missingIssuer"]).toMatch(/Trust Test Intermediate CA/);
    expect(f?.message.en).toMatch(
      /intermediate certificate that issued it .* was not included in the message/,
    );
    expect(f?.message.ja).toContain("中間CA証明書");
  });

  test("the default anchors do not trust the test PKI, and the engine has no default of its own", async () => {
    const r = await buildChain(leaf(), [cross()], mozillaTrust().anchors, { time: SIGNED });
    expect(r.trusted).toBe(false);
    const d = await diagnose(message("cross-signed.eml"), { at: AT });
    expect(d.findings.find((f) => f.code === "CERT_UNTRUSTED")?.detail["reason"]).toBe("no-anchors");
  });
});

describe("diagnose: trustedBy, the unchecked chain, the time of signing", () => {
  test("a trusted signer reports who vouched", async () => {
    const d = await diagnose(message("cross-signed.eml"), { at: AT, trustAnchors: [mozillaStandIn()] });
    expect(d.signers[0]).toMatchObject({ trusted: true, trustedBy: "mozilla" });
    const plain = await diagnose(message("cross-signed.eml"), { at: AT, trustAnchors: [pem("mroot.pem")] });
    expect(plain.signers[0]).toMatchObject({ trusted: true, trustedBy: "command-line" });
    const none = await diagnose(message("missing-intermediate.eml"), {
      at: AT,
      trustAnchors: [pem("mroot.pem")],
    });
    expect(none.signers[0]?.trusted).toBe(false);
    expect(none.signers[0]?.trustedBy).toBeUndefined();
  });

  test("a chain that cannot be checked says so, never CERT_UNTRUSTED", async () => {
    const d = await diagnose(message("chain-unchecked.eml"), {
      at: AT,
      trustAnchors: [pem("ed448root.pem")],
    });
    expect(d.signature).toBe("valid");
    expect(d.findings.map((f) => f.code)).not.toContain("CERT_UNTRUSTED");
    const u = d.findings.find((f) => f.code === "UNSUPPORTED_ALGORITHM");
    expect(u?.detail).toMatchObject({ source: "certificate-chain", chainChecked: false });
    expect(u?.message.en).toMatch(/chain of .* was not checked/);
  });

  const GENERATED_MSG = (f: string): Uint8Array => readBytes(path.join(GEN_DIR, "messages", f));
  const root = (): Uint8Array => pemFile(path.join(GEN_DIR, "pki", "root.pem"))[0] as Uint8Array;

  test("valid when signed, expired since: CERT_EXPIRED is info, and the verdict is plain 'signed and intact'", async () => {
    const d = await diagnose(GENERATED_MSG("expired-since-signing.eml"), { at: AT, trustAnchors: [root()] });
    const e = d.findings.find((f) => f.code === "CERT_EXPIRED");
    expect(e?.severity).toBe("info");
    expect(e?.detail["validAtSigningTime"]).toBe(true);
    expect(e?.message.en).toMatch(/still valid when the message was signed/);
    expect(e?.message.ja).toContain("署名された時点では有効だった");
    expect(d.signers[0]?.trusted).toBe(true);
    expect(verdictOf(d, "en").kind).toBe("signed-ok");
    expect(verdictOf(d, "ja").kind).toBe("signed-ok");
  });

  test("expired already when signed: CERT_EXPIRED is a warning, and the verdict says so", async () => {
    const d = await diagnose(GENERATED_MSG("expired.eml"), { at: AT, trustAnchors: [root()] });
    const e = d.findings.find((f) => f.code === "CERT_EXPIRED");
    expect(e?.severity).toBe("warning");
    expect(e?.detail["validAtSigningTime"]).toBe(false);
    const v = verdictOf(d, "en");
    expect(v.kind).toBe("signed-warn");
    expect(v.code).toBe("CERT_INVALID_AT_SIGNING");
    expect(v.level).toBe("danger");
    expect(v.title).toMatch(/had expired at signing/);
    expect(verdictOf(d, "ja").title).toMatch(/署名した時点で有効期限が切れていました/);
  });

  test("not yet valid when signed (though valid at the evaluation time): CERT_NOT_YET_VALID, a warning", async () => {
    const d = await diagnose(GENERATED_MSG("not-yet-valid.eml"), {
      at: new Date("2042-01-01T00:00:00Z"),
      trustAnchors: [root()],
    });
    const n = d.findings.find((f) => f.code === "CERT_NOT_YET_VALID");
    expect(n?.severity).toBe("warning");
    expect(n?.detail["validAtSigningTime"]).toBe(false);
    expect(n?.message.en).toMatch(/was not yet valid when the message was signed/);
    expect(verdictOf(d, "en").kind).toBe("signed-warn");
  });
});

describe("prepareAnchors: indexing the anchors ahead of the first message (the pane's worker)", () => {
  it("gives the same diagnoses as indexing them on first use, for a chain that reaches an anchor and one that does not", async () => {
    const { anchors, distrust } = mozillaTrust();
    const testRoot = pemFile(path.join(GEN_DIR, "pki", "root.pem"));
    const at = new Date("2026-12-01T00:00:00Z");
    const strip = (d: object): string => JSON.stringify({ ...d, elapsedMs: 0 });
    for (const extra of [[], testRoot]) {
      const prepared = [...extra, ...anchors];
      prepareAnchors(prepared);
      for (const file of ["jcan-untrusted.eml", "ja-alice.eml"]) {
        const bytes = readBytes(path.join(GEN_DIR, "messages", file));
        const a = await diagnose(bytes, { trustAnchors: prepared, distrust, at });
        const b = await diagnose(bytes, { trustAnchors: [...extra, ...anchors], distrust, at });
        expect(strip(a)).toBe(strip(b));
      }
    }
  });
});

describe("the index of normalised names (chains that reach no anchor exactly)", () => {
  it("takes a root's normalised subject from the generated list: no root is decoded or parsed for it", () => {
    const root = MOZILLA_EMAIL_ROOTS.find((r) => r.label === "GlobalSign Root CA");
    if (!root) throw new Error("GlobalSign Root CA missing from the generated list");
    let decoded = 0;
    const anchor: TrustAnchor = {
      get der(): Uint8Array {
        decoded++;
        throw new Error("decoded");
      },
      origin: "mozilla",
      label: root.label,
    };
    subjectHint(anchor, root.subject, root.normalized);
    // the key is taken as given: this one's subject hint is no Name at all, and it is still indexed by it
    const keyOnly: TrustAnchor = { der: new Uint8Array(0), origin: "mozilla", label: "key only" };
    subjectHint(keyOnly, "ff", "C=jp/CN=known by its key");
    const list = [anchor, keyOnly];
    prepareAnchors(list);
    expect(anchorSet(list).bySubjectLoose(root.normalized)).toEqual([anchor]);
    expect(anchorSet(list).bySubjectLoose("C=jp/CN=known by its key")).toEqual([keyOnly]);
    expect(anchorSet(list).bySubject(Buffer.from(root.subject, "hex"))).toEqual([anchor]);
    expect(decoded).toBe(0);
  });

  it("parses the subject hint of an anchor without a normalised one, as before", () => {
    const der = pem("mroot.pem");
    const p = parseCertificate(der);
    const anchor: TrustAnchor = { der, origin: "mozilla", label: "Stand-in" };
    subjectHint(anchor, Buffer.from(p.subjectDer).toString("hex"));
    const list = [anchor];
    expect(anchorSet(list).bySubjectLoose(normalizedName(p.subjectAttrs))).toEqual([anchor]);
  });
});
