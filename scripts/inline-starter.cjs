// The read pane's inline starter (src/taskpane/startWorker.inline.js) as taskpane.html holds it, and the
// hashes its Content-Security-Policy lists: used by webpack.config.js, and by the test that runs the starter
// (test/taskpane/startWorker.test.ts), so that both see the same text.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const STARTER = path.join(__dirname, "..", "src", "taskpane", "startWorker.inline.js");
/** Where the page's CSP lists the SHA-256 hashes of its inline scripts (script-src). */
const INLINE_HASHES = "__SMIME_INLINE_SCRIPT_HASHES__";

/** The starter's text: its header comment removed, the analysis worker's URL filled in. */
function inlineStarter(workerUrl) {
  return fs
    .readFileSync(STARTER, "utf8")
    .replace(/^\/\*[\s\S]*?\*\/\s*/, "")
    .replace("__SMIME_ENGINE_WORKER__", JSON.stringify(workerUrl))
    .trim();
}

/** The page with INLINE_HASHES replaced by the CSP hash of each of its inline <script> elements. */
function fillInlineHashes(html) {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
  );
  return html.split(` ${INLINE_HASHES}`).join(hashes.map((h) => ` ${h}`).join(""));
}

module.exports = { STARTER, INLINE_HASHES, inlineStarter, fillInlineHashes };
