import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { importX, createNodeResolver } from "eslint-plugin-import-x";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Everything of the repository outside `allowed` (folders relative to ROOT), node_modules aside. */
const allBut = (...allowed) => ({ from: ".", except: [...allowed, "./node_modules"] });

/** Who may import what, by the file an import resolves to (import-x/no-restricted-paths). */
const ZONES = [
  {
    target: "./src/engine",
    ...allBut("./src/engine"),
    message: "src/engine imports nothing outside src/engine (it is host-free; advice lives in src/faq).",
  },
  {
    target: "./src/faq",
    ...allBut("./src/faq", "./src/engine"),
    message: "src/faq depends only on src/engine.",
  },
  {
    target: "./src/office",
    ...allBut("./src/office", "./src/engine", "./src/faq"),
    message: "src/office depends only on src/engine and src/faq (never the pane or the CLI).",
  },
  {
    target: "./src/cli",
    ...allBut("./src/cli", "./src/engine", "./src/faq"),
    message: "src/cli depends only on src/engine and src/faq (never the pane or Office).",
  },
  {
    target: "./src/taskpane",
    ...allBut("./src/taskpane", "./src/office", "./src/faq", "./src/engine"),
    message: "src/taskpane depends on src/office, src/faq and src/engine only.",
  },
];

/** Only src/office talks to Office.js, Graph and the sign-in library. */
const OFFICE_ONLY = "only src/office touches Office.js and Microsoft Graph";
const OFFICE_ONLY_PACKAGES = {
  group: ["@azure/msal-browser", "@azure/msal-*", "@microsoft/office-js", "@microsoft/microsoft-graph-*"],
  message: OFFICE_ONLY,
};
const OFFICE_GLOBALS = [{ name: "Office", message: OFFICE_ONLY }];
const OFFICE_SYNTAX = [
  { selector: "MemberExpression[property.name='Office']", message: OFFICE_ONLY },
  { selector: "MemberExpression[property.value='Office']", message: OFFICE_ONLY },
  { selector: "Literal[value=/graph\\.microsoft\\.com/i]", message: OFFICE_ONLY },
  { selector: "TemplateElement[value.raw=/graph\\.microsoft\\.com/i]", message: OFFICE_ONLY },
];
/** What the engine may not reach for: the page, Node, the worker's own powers, the network. */
const HOST_FREE =
  "src/engine is host-free: what it needs comes in through its options (the crypto port, fetch)";
const ENGINE_GLOBALS = [
  ...OFFICE_GLOBALS,
  ...[
    "document",
    "window",
    "self",
    "navigator",
    "location",
    "localStorage",
    "sessionStorage",
    "indexedDB",
    "fetch",
    "XMLHttpRequest",
    "WebSocket",
    "importScripts",
    "postMessage",
    "Buffer",
    "process",
    "require",
    "module",
    "global",
    "__dirname",
    "__filename",
  ].map((name) => ({ name, message: HOST_FREE })),
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "build/",
      "coverage/",
      "test/fixtures/generated/",
      "test/browser/artifacts/",
      "bench/out/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // ---- Boundaries (DEVELOPERS.md): taskpane → office/faq → engine; cli → faq/engine. ----
  // Zones are absolute folders and imports are judged by the file they resolve to, so a folder moved or
  // added inside a zone, or an import written as "../faq", "../../faq/index" or "../faq/x", is judged
  // alike. test/boundaries/lint.test.ts proves each rule fails a forbidden import.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".d.ts", ".mjs", ".cjs", ".js", ".json"],
          extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
        }),
      ],
    },
    rules: {
      // An import the resolver cannot follow could not be judged by the zones below: none is allowed.
      "import-x/no-unresolved": ["error", { commonjs: true }],
      "import-x/no-restricted-paths": ["error", { basePath: ROOT, zones: ZONES }],
      "no-restricted-imports": ["error", { patterns: [OFFICE_ONLY_PACKAGES] }],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-syntax": ["error", ...OFFICE_SYNTAX],
    },
  },
  {
    files: ["src/engine/**/*.{ts,tsx}", "src/faq/**/*.{ts,tsx}"],
    rules: { "import-x/no-nodejs-modules": "error" },
  },
  {
    files: ["src/engine/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "office-*", "@microsoft/*", "@azure/*"],
              message: "src/engine is host-free",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...ENGINE_GLOBALS],
    },
  },
  {
    files: ["src/office/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": "off", "no-restricted-globals": "off", "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
        performance: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // inlined into taskpane.html as it is (webpack.config.js): a classic script with the page's globals
    files: ["src/taskpane/startWorker.inline.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        window: "writable",
        location: "readonly",
        Worker: "readonly",
        URLSearchParams: "readonly",
        __SMIME_ENGINE_WORKER__: "readonly",
      },
    },
  },
  prettier,
);
