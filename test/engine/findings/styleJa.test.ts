/**
 * The style sheet's spacing rule (docs/style-ja.md) on every Japanese finding message the engine wrote for
 * the generated fixtures, Thunderbird's corpus and the PKCS#12 files: the golden diagnoses, which
 * test/golden keeps byte-identical to the engine's output. A half-width word or number never touches
 * Japanese text; a date is one word (「2026年11月25日」, nothing spaced inside it) spaced like a number.
 * 「中間CA証明書」 is the FAQ's own term and stays as it is written there.
 */
import fs from "node:fs";
import path from "node:path";
import { renderMessage } from "../../../src/engine";

const GOLDEN = path.resolve(__dirname, "..", "..", "golden");
const JAPANESE = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3005";
const TOUCHING = new RegExp(`[${JAPANESE}][A-Za-z0-9]|[A-Za-z0-9][${JAPANESE}]`, "g");

/**
 * A date becomes a half-width word on its left (so that one written straight after Japanese text is
 * caught) and ends in a full-width space (it ends in 日, so Japanese may follow it directly).
 */
function words(ja: string): string {
  return ja.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, "DATE\u3000").replace(/中間CA証明書/g, "中間証明書");
}

function messages(o: unknown, out: { code: string; ja: string }[] = []): { code: string; ja: string }[] {
  if (Array.isArray(o)) for (const v of o) messages(v, out);
  else if (o && typeof o === "object") {
    const r = o as Record<string, unknown>;
    const m = r["message"] as { ja?: unknown } | undefined;
    if (typeof r["code"] === "string" && m && typeof m.ja === "string")
      out.push({ code: r["code"], ja: m.ja });
    for (const v of Object.values(r)) messages(v, out);
  }
  return out;
}

const all = ["fixtures.json", "corpus.json", "p12.json"].flatMap((f) =>
  messages(JSON.parse(fs.readFileSync(path.join(GOLDEN, f), "utf8"))),
);

test("the goldens hold Japanese finding messages, dates among them", () => {
  expect(all.length).toBeGreaterThan(500);
  expect(all.filter((m) => /\d{4}年\d{1,2}月\d{1,2}日/.test(m.ja)).length).toBeGreaterThan(20);
});

test("no half-width word or number touches Japanese text in a finding message", () => {
  const touching = all.flatMap(({ code, ja }) => {
    const w = words(ja);
    return [...w.matchAll(TOUCHING)].map(
      (m) => `${code}: …${w.slice(Math.max(0, m.index - 10), m.index + 12)}…`,
    );
  });
  expect([...new Set(touching)]).toEqual([]);
});

test("the check sees what it looks for", () => {
  expect(words("電子証明書は2026年12月2日（UTC）に失効").match(TOUCHING)).not.toBeNull();
  expect(words("電子証明書は 2026年12月2日（UTC）に失効").match(TOUCHING)).toBeNull();
  expect(words("この電子署名にはdsa の鍵").match(TOUCHING)).not.toBeNull();
  expect(words("中間CA証明書をインストール").match(TOUCHING)).toBeNull();
  // the style sheet's own example: a date followed directly by Japanese
  expect(words("電子証明書は 2026年11月25日に失効しています").match(TOUCHING)).toBeNull();
});

test("a case no fixture reaches: a signed attribute with several values", () => {
  const m = renderMessage("SIGNATURE_INVALID", {
    reason: "signed-attributes-invalid",
    name: "Alice",
    attributeProblems: [{ attribute: "signing-time", problem: "values", values: 2 }],
  } as never);
  expect(m.ja).toContain("signing-time 属性が 2 個の値を持っています");
  expect(words(m.ja).match(TOUCHING)).toBeNull();
});
