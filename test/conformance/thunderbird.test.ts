/**
 * Conformance with Thunderbird: for every row of thunderbird-verdicts.json (Thunderbird's own expectations
 * in mailnews/mime/test/unit/test_smime_decrypt.js) our Diagnosis must lead to the same verdict. Where
 * Thunderbird's "good" is a policy rather than the bare CMS check, the policy is expressed by our codes:
 *   - SHA-1 → WEAK_DIGEST;  From ≠ signer → SENDER_MISMATCH;  signingTime ≠ Date → SIGNING_TIME_MISMATCH;
 *   - a signature whose signed content is itself encrypted vouches only for ciphertext: Thunderbird reports
 *     the message as encrypted, not signed → our ENCRYPTED finding at layer 1 under the outer signature;
 *   - signed-then-encrypted (an enveloped outer layer) cannot be verified without Bob's private key: we say
 *     kind "encrypted" and Thunderbird's sig/sig_good (seen after it decrypts) are out of reach;
 *   - nested signatures: Thunderbird shows a second signature status ("extra") when a multipart/signed is
 *     part of the nesting, and then never shows the message as good; an opaque signature directly inside
 *     an opaque one is not unwrapped by it. We verify every layer and say so with NESTED_SIGNATURE, whose
 *     detail names the form ("multipart" | "opaque") of the inner layer.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, type Diagnosis, type Finding, fromPem } from "../../src/engine";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "thunderbird-smime");
const AT = new Date("2026-06-01T00:00:00Z");

interface Row {
  filename: string;
  enc: boolean;
  sig: boolean;
  sig_good: boolean;
  dave?: number;
  extra?: number;
  check_text?: string;
}

const present = fs.existsSync(path.join(CORPUS, "thunderbird-verdicts.json"));
if (!present) {
  console.warn(
    `\n*** SKIPPING Thunderbird conformance: corpus not found at ${CORPUS} (expected ../shared/corpus/thunderbird-smime) ***\n`,
  );
}
const rows: Row[] = present
  ? JSON.parse(fs.readFileSync(path.join(CORPUS, "thunderbird-verdicts.json"), "utf8"))
  : [];
const anchors = present ? fromPem(fs.readFileSync(path.join(CORPUS, "TestCA.pem"), "latin1")) : [];

function layerOf(f: Finding): number {
  return typeof f.detail["layer"] === "number" ? (f.detail["layer"] as number) : 0;
}

/** What Thunderbird would show, derived from our Diagnosis by the policy mapping described above. */
export function thunderbirdView(d: Diagnosis): {
  enc: boolean;
  sig: boolean | "unknown";
  good: boolean | "unknown";
  outerEmails: string[];
} {
  const codes = (code: string) => d.findings.filter((f) => f.code === code);
  if (d.kind === "encrypted") return { enc: true, sig: "unknown", good: "unknown", outerEmails: [] };
  const encryptedInsideOuterSignature = codes("ENCRYPTED").some((f) => layerOf(f) === 1);
  const signedOuter = d.kind === "signed" || d.kind === "opaque-signed";
  const sig = signedOuter && !encryptedInsideOuterSignature;
  const nested = codes("NESTED_SIGNATURE");
  const thunderbirdSeesExtraStatus =
    nested.length > 0 &&
    (nested.some((f) => f.detail["form"] === "multipart") ||
      d.findings.some(
        (f) => f.code === "SIGNATURE_VALID" && layerOf(f) === 0 && f.detail["form"] === "multipart",
      ));
  const good =
    sig &&
    d.signature === "valid" &&
    codes("WEAK_DIGEST").length === 0 &&
    codes("SENDER_MISMATCH").length === 0 &&
    codes("SIGNING_TIME_MISMATCH").length === 0 &&
    !thunderbirdSeesExtraStatus;
  const outerEmails = d.signers.filter((s) => s.layer === 0).flatMap((s) => s.emails);
  return { enc: encryptedInsideOuterSignature, sig, good, outerEmails };
}

(present ? describe : describe.skip)("Thunderbird S/MIME conformance (58 rows)", () => {
  it("has all 58 rows", () => {
    expect(rows).toHaveLength(58);
  });

  it.each(rows.map((r) => [r.filename, r] as const))("%s", async (_name, row) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, row.filename)));
    const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
    const view = thunderbirdView(d);
    const why = `kind=${d.kind} signature=${d.signature} findings=${d.findings.map((f) => `${f.code}@${layerOf(f)}`).join(",")}`;

    expect({ file: row.filename, enc: view.enc, why }).toEqual({ file: row.filename, enc: row.enc, why });
    if (view.sig !== "unknown") {
      expect({ file: row.filename, sig: view.sig, why }).toEqual({ file: row.filename, sig: row.sig, why });
      expect({ file: row.filename, good: view.good, why }).toEqual({
        file: row.filename,
        good: row.sig_good,
        why,
      });
    } else {
      // Signed and then encrypted for Bob: the signature is inside the encryption.
      expect(d.kind).toBe("encrypted");
      expect(d.recipients.length).toBeGreaterThan(0);
    }
    if (row.dave) {
      expect(view.outerEmails).toContain("dave@example.com");
    } else if (view.sig === true) {
      expect(view.outerEmails).toContain("alice@example.com");
    }
    if (row.check_text && view.sig !== "unknown" && !view.enc) {
      expect((d.texts ?? []).map((t) => t.text).join("\n")).toContain(row.check_text);
    }
  });

  it("reads the two browser-test messages without a row (nested-sigs, EFAIL-style multipart/alternative)", async () => {
    const nested = await diagnose(new Uint8Array(fs.readFileSync(path.join(CORPUS, "nested-sigs.eml"))), {
      trustAnchors: anchors,
      at: AT,
    });
    expect(nested.kind).toBe("signed");
    expect(nested.signers.length).toBeGreaterThanOrEqual(1);
    const efail = await diagnose(
      new Uint8Array(fs.readFileSync(path.join(CORPUS, "multipart-alternative.eml"))),
      {
        trustAnchors: anchors,
        at: AT,
      },
    );
    // Encrypted parts below an unsigned multipart/alternative: reported, never merged into one trusted text.
    expect(efail.findings.some((f) => f.code === "ENCRYPTED")).toBe(true);
    expect(efail.signature).not.toBe("valid");
  });
});
