/**
 * The layering of DEVELOPERS.md (taskpane → office/faq → engine; cli → faq/engine; only src/office touches
 * Office.js and Graph; the engine is host-free) is enforced by ESLint. Each rule is proved here on probe
 * files that exist only in memory, linted with the project's own eslint.config.mjs at paths inside each
 * zone: a forbidden import or global must FAIL with the rule that forbids it, an allowed one must pass
 * with no message at all.
 *
 * The imported files are found at run time (the first source file of each zone), and probes sit in
 * folders that do not exist yet, so that moving folders inside a zone changes nothing here.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const ZONES = ["engine", "faq", "office", "taskpane", "cli"] as const;
type Zone = (typeof ZONES)[number];

/** The first .ts file (sorted, depth first) under src/<zone>: a real file an import can resolve to. */
function someFile(zone: Zone): string {
  const walk = (dir: string): string | undefined => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) return p;
    }
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) {
        const found = walk(path.join(dir, e.name));
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = walk(path.join(ROOT, "src", zone));
  if (!found) throw new Error(`no .ts file under src/${zone}`);
  return found;
}

/** Where each zone's probe lives: a folder no one has made, one level deeper than any file today. */
const PROBE: Record<Zone, string> = {
  engine: "src/engine/newfolder/inner/probe.ts",
  faq: "src/faq/newfolder/probe.ts",
  office: "src/office/newfolder/probe.ts",
  taskpane: "src/taskpane/newfolder/probe.ts",
  cli: "src/cli/newfolder/probe.ts",
};

/** The specifier that imports `target` (absolute) from the probe of `zone`, written as people do. */
function spec(zone: Zone, target: string): string {
  const rel = path
    .relative(path.dirname(path.join(ROOT, PROBE[zone])), target)
    .replace(/\\/g, "/")
    .replace(/(\/index)?\.tsx?$/, "");
  return rel.startsWith(".") ? rel : `./${rel}`;
}
const into = (zone: Zone, other: Zone) => spec(zone, someFile(other));

interface Probe {
  name: string;
  zone: Zone;
  code: string;
  /** The rule that must fire; undefined: the probe must lint clean. */
  rule?: string;
}

const ZONE_RULE = "import-x/no-restricted-paths";
const ALLOWED: Record<Zone, Zone[]> = {
  engine: [],
  faq: ["engine"],
  office: ["engine", "faq"],
  cli: ["engine", "faq"],
  taskpane: ["engine", "faq", "office"],
};

const probes: Probe[] = [];
for (const zone of ZONES) {
  for (const other of ZONES) {
    if (other === zone) continue;
    const allowed = ALLOWED[zone].includes(other);
    const target = into(zone, other);
    probes.push({
      name: `${zone} → ${other} (${target}): ${allowed ? "allowed" : "forbidden"}`,
      zone,
      code: `import "${target}";\n`,
      ...(allowed ? {} : { rule: ZONE_RULE }),
    });
  }
  probes.push({
    name: `${zone} → itself: allowed`,
    zone,
    code: `import "${into(zone, zone)}";\n`,
  });
  probes.push({
    name: `${zone} → test code: forbidden`,
    zone,
    code: `import "${spec(zone, path.join(ROOT, "test", "fixtures", "messageIndexes.ts"))}";\n`,
    rule: ZONE_RULE,
  });
}

const engineToFaq = spec("engine", path.join(ROOT, "src", "faq", "index.ts"));
probes.push(
  // The gap of the old globs: "../faq" (no slash) from the engine, in every form an import can take.
  {
    name: "engine: bare folder import of src/faq",
    zone: "engine",
    code: `import "${engineToFaq}";\n`,
    rule: ZONE_RULE,
  },
  {
    name: "engine: type-only import of src/faq",
    zone: "engine",
    code: `import type * as F from "${engineToFaq}";\nexport type P = typeof F;\n`,
    rule: ZONE_RULE,
  },
  {
    name: "engine: re-export of src/faq",
    zone: "engine",
    code: `export * from "${engineToFaq}";\n`,
    rule: ZONE_RULE,
  },
  {
    name: "engine: dynamic import of src/faq",
    zone: "engine",
    code: `export const p = import("${engineToFaq}");\n`,
    rule: ZONE_RULE,
  },
  {
    name: "engine: an import that resolves to nothing cannot slip past the zones",
    zone: "engine",
    code: `import "${engineToFaq}/no-such-file";\n`,
    rule: "import-x/no-unresolved",
  },
  // Host-free engine: no Node built-ins, no UI or Office packages, no host globals.
  {
    name: "engine: node:fs",
    zone: "engine",
    code: `import "node:fs";\n`,
    rule: "import-x/no-nodejs-modules",
  },
  { name: "engine: fs", zone: "engine", code: `import "fs";\n`, rule: "import-x/no-nodejs-modules" },
  { name: "engine: react", zone: "engine", code: `import "react";\n`, rule: "no-restricted-imports" },
  {
    name: "engine: an npm package it uses (@noble/hashes/sha2)",
    zone: "engine",
    code: `import "@noble/hashes/sha2";\n`,
  },
  {
    name: "engine: document",
    zone: "engine",
    code: `export const t = document.title;\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: window",
    zone: "engine",
    code: `export const w = window;\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: Buffer",
    zone: "engine",
    code: `export const b = Buffer.alloc(1);\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: process",
    zone: "engine",
    code: `export const e = process.env;\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: fetch",
    zone: "engine",
    code: `export const f = fetch("x");\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: Office",
    zone: "engine",
    code: `export const o = Office.context;\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "engine: what it may use (TextDecoder, typed arrays)",
    zone: "engine",
    code: `export const s = new TextDecoder().decode(new Uint8Array([0x41]));\n`,
  },
  // src/faq runs in the pane too: no Node.
  { name: "faq: node:path", zone: "faq", code: `import "node:path";\n`, rule: "import-x/no-nodejs-modules" },
  // The CLI is a Node program.
  { name: "cli: node:fs", zone: "cli", code: `import "node:fs";\n` },
  // Only src/office touches Office.js, Graph and the sign-in library.
  { name: "office: Office global", zone: "office", code: `export const o = Office.context;\n` },
  {
    name: "office: Graph URL and MSAL",
    zone: "office",
    code: `import "@azure/msal-browser";\nexport const g = "https://graph.microsoft.com/v1.0/me";\n`,
  },
  {
    name: "taskpane: Office global",
    zone: "taskpane",
    code: `export const o = Office.context;\n`,
    rule: "no-restricted-globals",
  },
  {
    name: "taskpane: Office through globalThis",
    zone: "taskpane",
    code: `export const o = (globalThis as { Office?: unknown }).Office;\n`,
    rule: "no-restricted-syntax",
  },
  {
    name: "taskpane: Office through window[...]",
    zone: "taskpane",
    code: `export const o = (window as unknown as Record<string, unknown>)["Office"];\n`,
    rule: "no-restricted-syntax",
  },
  {
    name: "taskpane: MSAL",
    zone: "taskpane",
    code: `import "@azure/msal-browser";\n`,
    rule: "no-restricted-imports",
  },
  {
    name: "taskpane: a Graph URL",
    zone: "taskpane",
    code: `export const g = "https://graph.microsoft.com/v1.0/me/contacts";\n`,
    rule: "no-restricted-syntax",
  },
  {
    name: "cli: a Graph URL in a template",
    zone: "cli",
    code: "export const g = (id: string) => `https://graph.microsoft.com/v1.0/me/contacts/${id}`;\n",
    rule: "no-restricted-syntax",
  },
  {
    name: "faq: Office global",
    zone: "faq",
    code: `export const o = Office.context;\n`,
    rule: "no-restricted-globals",
  },
);

let results: string[][];
beforeAll(() => {
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-probes.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(probes.map((p) => ({ filePath: PROBE[p.zone], code: p.code }))),
    encoding: "utf8",
  });
  results = JSON.parse(out) as string[][];
  expect(results).toHaveLength(probes.length);
});

test.each(probes.map((p, i) => [p.name, i] as const))("%s", (_name, i) => {
  const p = probes[i] as Probe;
  const got = results[i] as string[];
  if (p.rule === undefined) expect(got).toEqual([]);
  else expect(got).toContain(p.rule);
});

test("every zone forbids something and allows something (no probe list that cannot fail)", () => {
  for (const zone of ZONES) {
    expect(probes.some((p) => p.zone === zone && p.rule === ZONE_RULE)).toBe(true);
    expect(probes.some((p) => p.zone === zone && p.rule === undefined)).toBe(true);
  }
});
