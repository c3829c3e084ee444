/**
 * tsconfig.engine.json type-checks src/engine as its hosts see it (ES2022 and what a Web Worker has; no
 * DOM, no Node types), and `npm run typecheck` runs it. Proved on an in-memory probe file placed in a new
 * folder of src/engine: a use of the DOM or of Node must fail there (and pass under the project's main
 * tsconfig.json, so that it is the engine's configuration that refuses it), what the engine does use must
 * pass.
 */
import path from "node:path";
import ts from "typescript";
import pkg from "../../package.json";

const ROOT = path.resolve(__dirname, "..", "..");
const PROBES = path.join(ROOT, "src", "engine", "newfolder");

function parse(config: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  expect(parsed.errors).toEqual([]);
  return parsed;
}

/**
 * Type-checks each code as its own file src/engine/newfolder/probe<i>.ts (in memory) under `config`, in one
 * program; returns each file's errors as "TS<code>: <text>".
 */
function errors(config: string, codes: readonly string[]): string[][] {
  const { options } = parse(config);
  const files = new Map(codes.map((code, i) => [path.join(PROBES, `probe${i}.ts`), code]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) => {
    const code = files.get(path.resolve(file));
    return code === undefined ? getSourceFile(file, lang, ...rest) : ts.createSourceFile(file, code, lang);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => files.has(path.resolve(file)) || fileExists(file);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const all = ts.getPreEmitDiagnostics(program);
  return [...files.keys()].map((file) =>
    all
      .filter((d) => d.file !== undefined && path.resolve(d.file.fileName) === file)
      .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`),
  );
}

const ENGINE = "tsconfig.engine.json";

test("npm run typecheck runs the engine's configuration", () => {
  expect(pkg.scripts.typecheck).toContain(`-p ${ENGINE}`);
});

test("the engine's configuration covers every file of src/engine, in any folder, and nothing else", () => {
  const { fileNames } = parse(ENGINE);
  const rel = fileNames.map((f) => path.relative(ROOT, f).replace(/\\/g, "/"));
  expect(rel.length).toBeGreaterThan(10);
  expect(rel.filter((f) => !f.startsWith("src/engine/"))).toEqual([]);
  expect(rel.some((f) => /^src\/engine\/[^/]+\/.+\.ts$/.test(f))).toBe(true);
});

const FORBIDDEN: Array<[string, string, RegExp]> = [
  ["the DOM: document", "export const t: string = document.title;\n", /Cannot find name 'document'/],
  ["the DOM: window", "export const w = window.location.href;\n", /Cannot find name 'window'/],
  ["the DOM: an element type", "export let e: HTMLElement | undefined;\n", /Cannot find name 'HTMLElement'/],
  ["Node: Buffer", "export const b = Buffer.from('x');\n", /Cannot find name 'Buffer'/],
  ["Node: process", "export const e = process.env;\n", /Cannot find name 'process'/],
  ["Node: require", "export const fs = require('fs');\n", /Cannot find name 'require'/],
];

describe("the DOM and Node fail the engine's type check, and only there", () => {
  const codes = FORBIDDEN.map(([, code]) => code);
  let engine: string[][];
  let main: string[][];
  beforeAll(() => {
    engine = errors(ENGINE, codes);
    main = errors("tsconfig.json", codes);
  });
  test.each(FORBIDDEN.map(([what, , message], i) => [what, message, i] as const))(
    "%s",
    (_what, message, i) => {
      expect(engine[i]?.some((e) => message.test(e))).toBe(true);
      // The same code is fine for the rest of the project: it is the engine's configuration that refuses it.
      expect(main[i]).toEqual([]);
    },
  );
});

test("what the engine uses type-checks: TextDecoder/TextEncoder, WebCrypto types, typed arrays", () => {
  const code = [
    "export const s: string = new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode('a'));",
    "export async function digest(subtle: SubtleCrypto, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {",
    "  return subtle.digest('SHA-256', data);",
    "}",
    "export let key: CryptoKey | undefined;",
    "export let jwk: JsonWebKey | undefined;",
    "",
  ].join("\n");
  expect(errors(ENGINE, [code])).toEqual([[]]);
});
