// Lints in-memory probe files with the project's own ESLint configuration and prints, for each probe,
// the rule ids it raised. Run by lint.test.ts in a separate Node process: eslint.config.mjs is an ES module,
// which jest's CommonJS sandbox cannot import. Input (stdin): [{ filePath, code }]. Output: [[ruleId…]…].
import { ESLint } from "eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let input = "";
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input);
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push((result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
