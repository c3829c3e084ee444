import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";

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
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "path", "os", "crypto", "buffer", "child_process", "util", "stream"].map((name) => ({
            name,
            message: "src/engine is host-free",
          })),
          patterns: [
            {
              group: ["node:*"],
              message: "src/engine is host-free",
            },
            {
              group: ["react", "react-dom", "@fluentui/*", "office-*", "@microsoft/*", "@azure/*"],
              message: "src/engine is host-free",
            },
            {
              group: [
                "../faq/*",
                "../office/*",
                "../taskpane/*",
                "../cli/*",
                "../../faq/*",
                "../../office/*",
                "../../taskpane/*",
                "../../cli/*",
              ],
              message: "the engine imports nothing of ours outside src/engine",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "document", "window", "Office", "Buffer", "process", "require"],
    },
  },
  {
    files: ["src/faq/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../office/*", "../taskpane/*", "../cli/*", "office-*"],
              message: "faq depends only on the engine",
            },
          ],
        },
      ],
    },
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
  prettier,
);
