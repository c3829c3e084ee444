// Build-time trust anchors of an organisation: `SMIME_ASSISTANT_TRUST_ANCHORS=roots.pem npm run build`
// (and `npm run build:cli`). Reads the PEM file (one or more CERTIFICATE blocks) and returns the base64 DER
// of each, for webpack's DefinePlugin and esbuild's define (the global __SMIME_ORG_ANCHORS__). Nothing in a
// message and nothing in the pane can add an anchor: only this build step (or the CLI's --trust-anchor).
const fs = require("node:fs");

function organisationAnchors(env = process.env) {
  const file = (env.SMIME_ASSISTANT_TRUST_ANCHORS || "").trim();
  if (!file) return [];
  const text = fs.readFileSync(file, "latin1");
  const out = [];
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    const b64 = m[1].replace(/[^A-Za-z0-9+/=]/g, "");
    const der = Buffer.from(b64, "base64");
    if (der[0] !== 0x30)
      throw new Error(`SMIME_ASSISTANT_TRUST_ANCHORS: ${file}: a block is not a certificate`);
    out.push(der.toString("base64"));
  }
  if (out.length === 0) throw new Error(`SMIME_ASSISTANT_TRUST_ANCHORS: ${file}: no PEM certificate in it`);
  return out;
}

module.exports = { organisationAnchors };
