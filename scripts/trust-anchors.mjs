// `npm run trust-anchors [-- CERTDATA] [--check] [--stdout]`: derives the default trust anchors (Mozilla's
// root store for e-mail, as Thunderbird uses it) from NSS's certdata.txt and writes
// src/engine/x509/mozillaRoots.ts. Default input: ../shared/trust/certdata.txt beside the clone.
//
// Kept: every CKO_CERTIFICATE whose CKO_NSS_TRUST object (same issuer and serial) has
// CKA_TRUST_EMAIL_PROTECTION CKT_NSS_TRUSTED_DELEGATOR, with its CKA_NSS_EMAIL_DISTRUST_AFTER date when it
// has one (not CK_FALSE). Trust objects with CKA_TRUST_EMAIL_PROTECTION CKT_NSS_NOT_TRUSTED become the
// explicit distrust list (issuer + serial), whatever certificate they name.
// --check: exit 1 when the committed file differs from what the input gives. --stdout: print, write nothing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUTPUT = path.join(root, "src", "engine", "x509", "mozillaRoots.ts");
export const DEFAULT_INPUT = path.resolve(root, "..", "shared", "trust", "certdata.txt");

/** Provenance of the certdata.txt this project derives from (../shared/trust/README.md). */
export const SOURCE = {
  repository: "https://github.com/nss-dev/nss",
  path: "lib/ckfw/builtins/certdata.txt",
  commit: "9d75dfde2e791c38fdf5ea7f3da9609c46d8a4f8",
  date: "2026-05-01",
  licence: "MPL-2.0",
};

/** Splits certdata.txt into objects: maps of attribute → { type, value } (MULTILINE_OCTAL as bytes). */
export function parseCertdata(text) {
  const lines = text.split(/\r?\n/);
  const objects = [];
  let cur;
  let inData = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!inData) {
      if (line.startsWith("BEGINDATA")) inData = true;
      continue;
    }
    if (line.startsWith("#")) continue;
    if (line.trim() === "") {
      cur = undefined;
      continue;
    }
    const m = /^(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) throw new Error(`certdata.txt line ${i + 1}: cannot read "${line}"`);
    const [, attr, type, rest] = m;
    if (!cur) {
      cur = new Map();
      objects.push(cur);
    }
    if (type === "MULTILINE_OCTAL") {
      const bytes = [];
      for (i++; i < lines.length && lines[i] !== "END"; i++) {
        for (const oct of lines[i].split("\\").filter(Boolean)) bytes.push(parseInt(oct, 8));
      }
      cur.set(attr, { type, value: Uint8Array.from(bytes) });
    } else {
      cur.set(attr, { type, value: rest.startsWith('"') ? JSON.parse(rest) : rest });
    }
  }
  return objects;
}

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
const hex = (bytes) => Buffer.from(bytes).toString("hex");

/** The serial number's INTEGER (CKA_SERIAL_NUMBER is its DER) as the engine prints it: hex, no leading 00. */
function serialHex(der) {
  // tag 02, short or long length
  let off = 1;
  let len = der[off++];
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + der[off++];
  }
  let v = der.subarray(off, off + len);
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return hex(v);
}

/** "YYMMDDHHMMSSZ" (UTCTime text, as certdata stores the distrust-after date) → ISO-8601. */
function utcTimeIso(bytes) {
  const s = Buffer.from(bytes).toString("latin1");
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw new Error(`unexpected distrust-after value "${s}"`);
  const yy = Number(m[1]);
  const year = yy >= 50 ? 1900 + yy : 2000 + yy;
  return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

/** The derived lists: { roots: [{label, der, distrustAfter?}], distrust: [{label, issuer, serialNumber}] }. */
export function deriveAnchors(text) {
  const objects = parseCertdata(text);
  const key = (o) => `${hex(o.get("CKA_ISSUER").value)}/${hex(o.get("CKA_SERIAL_NUMBER").value)}`;
  const certs = new Map();
  for (const o of objects) {
    if (o.get("CKA_CLASS")?.value === "CKO_CERTIFICATE") certs.set(key(o), o);
  }
  const roots = [];
  const distrust = [];
  for (const o of objects) {
    if (o.get("CKA_CLASS")?.value !== "CKO_NSS_TRUST") continue;
    const email = o.get("CKA_TRUST_EMAIL_PROTECTION")?.value;
    const label = o.get("CKA_LABEL")?.value ?? "";
    if (email === "CKT_NSS_NOT_TRUSTED") {
      distrust.push({
        label,
        issuer: b64(o.get("CKA_ISSUER").value),
        serialNumber: serialHex(o.get("CKA_SERIAL_NUMBER").value),
      });
      continue;
    }
    if (email !== "CKT_NSS_TRUSTED_DELEGATOR") continue;
    const cert = certs.get(key(o));
    if (!cert) throw new Error(`trust object "${label}" has no certificate`);
    const after = cert.get("CKA_NSS_EMAIL_DISTRUST_AFTER");
    const root = {
      label,
      subject: hex(cert.get("CKA_SUBJECT").value),
      der: b64(cert.get("CKA_VALUE").value),
    };
    if (after && after.type === "MULTILINE_OCTAL") root.distrustAfter = utcTimeIso(after.value);
    roots.push(root);
  }
  return { roots, distrust };
}

/**
 * Adds each root's normalised subject (`normalized`): the key of the engine's index for names encoded
 * differently (PrintableString vs UTF8String, case), which a chain that reaches no anchor exactly looks
 * up (a JCAN or a company CA's chain). Computed here with the engine's own code (src/engine/x509/name.ts,
 * bundled by esbuild), so that the pane's worker need not decode and parse 90 names before such a
 * chain's answer (issue #15). A test checks every root's key against the engine at run time.
 */
export async function addNormalizedNames(roots) {
  const { build } = await import("esbuild");
  const out = await build({
    stdin: {
      contents: [
        'export { normalizedName, parseName } from "./src/engine/x509/name";',
        'export { readTlv } from "./src/engine/asn1/reader";',
        'export { fromHex } from "./src/engine/util/bytes";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].text;
  const { normalizedName, parseName, readTlv, fromHex } = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
  );
  for (const r of roots) r.normalized = normalizedName(parseName(readTlv(fromHex(r.subject), 0)).attrs);
  return roots;
}

/** The TypeScript module's text. */
export function render({ roots, distrust }) {
  const q = (s) => JSON.stringify(s);
  const out = [];
  out.push(
    "/**",
    " * GENERATED by scripts/trust-anchors.mjs (`npm run trust-anchors`) — do not edit by hand. Generated data: exempt from the ~400-line rule.",
    " *",
    " * Mozilla's root store for e-mail (what Thunderbird trusts for S/MIME): the certificates of NSS's",
    ` * ${SOURCE.path} whose CKA_TRUST_EMAIL_PROTECTION is CKT_NSS_TRUSTED_DELEGATOR,`,
    " * with CKA_NSS_EMAIL_DISTRUST_AFTER where set, and the explicit distrust entries (CKT_NSS_NOT_TRUSTED).",
    ` * Source: ${SOURCE.repository}, commit ${SOURCE.commit} (${SOURCE.date}).`,
    ` * Licence of the data: ${SOURCE.licence} (Mozilla); https://mozilla.org/MPL/2.0/.`,
    ` * ${roots.length} roots trusted for e-mail, ${distrust.length} explicit distrust entries.`,
    " */",
    "",
    "export const MOZILLA_SOURCE = {",
    ...Object.entries(SOURCE).map(([k, v]) => `  ${k}: ${q(v)},`),
    "} as const;",
    "",
    "export interface MozillaRoot {",
    "  label: string;",
    "  /** Hex of the subject Name's DER (CKA_SUBJECT): the index key, so that no root is decoded to find one. */",
    "  subject: string;",
    "  /** normalizedName of the subject (x509/name.ts): the key for names encoded differently. */",
    "  normalized: string;",
    "  /** Base64 DER. */",
    "  der: string;",
    "  /** CKA_NSS_EMAIL_DISTRUST_AFTER: certificates issued below it with a later notBefore are not trusted. */",
    "  distrustAfter?: string;",
    "}",
    "",
    "export interface MozillaDistrust {",
    "  label: string;",
    "  /** Base64 DER of the issuer Name. */",
    "  issuer: string;",
    "  /** Hex, as CertificateSummary.serialNumber. */",
    "  serialNumber: string;",
    "}",
    "",
    "export const MOZILLA_EMAIL_ROOTS: readonly MozillaRoot[] = [",
  );
  for (const r of roots) {
    out.push("  {", `    label: ${q(r.label)},`);
    if (r.distrustAfter) out.push(`    distrustAfter: ${q(r.distrustAfter)},`);
    out.push(`    subject: ${q(r.subject)},`);
    out.push(`    normalized: ${q(r.normalized)},`);
    out.push(`    der: ${q(r.der)},`, "  },");
  }
  out.push("];", "", "export const MOZILLA_EMAIL_DISTRUST: readonly MozillaDistrust[] = [");
  for (const d of distrust) {
    out.push("  {", `    label: ${q(d.label)},`, `    issuer: ${q(d.issuer)},`);
    out.push(`    serialNumber: ${q(d.serialNumber)},`, "  },");
  }
  out.push("];", "");
  return out.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const input = args.find((a) => !a.startsWith("--")) ?? DEFAULT_INPUT;
  if (!fs.existsSync(input)) {
    process.stderr.write(`trust-anchors: ${input} not found (see ../shared/trust/README.md)\n`);
    process.exit(2);
  }
  const derived = deriveAnchors(fs.readFileSync(input, "utf8"));
  await addNormalizedNames(derived.roots);
  const text = render(derived);
  if (args.includes("--stdout")) {
    process.stdout.write(text);
  } else if (args.includes("--check")) {
    const same = fs.existsSync(OUTPUT) && fs.readFileSync(OUTPUT, "utf8") === text;
    process.stderr.write(same ? "trust-anchors: up to date\n" : `trust-anchors: ${OUTPUT} differs\n`);
    process.exit(same ? 0 : 1);
  } else {
    fs.writeFileSync(OUTPUT, text);
    process.stderr.write(`trust-anchors: wrote ${path.relative(root, OUTPUT)}\n`);
  }
}
