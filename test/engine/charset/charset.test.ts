import * as fs from "fs";
import * as path from "path";
import Encoding from "encoding-japanese";
import fc from "fast-check";
import {
  analyzeText,
  decodeText,
  detectCharset,
  japaneseScore,
  normalizeCharset,
} from "../../../src/engine/charset/index";

const CORPUS = path.resolve(__dirname, "..", "..", "..", "..", "shared", "corpus", "thunderbird-charset");
const haveCorpus = fs.existsSync(CORPUS);
if (!haveCorpus) {
  console.warn(`!!! ${CORPUS} is absent: the Thunderbird charset corpus tests are SKIPPED`);
}
const corpusIt = haveCorpus ? it : it.skip;

/** Splits a single-part message into its header text and transfer-decoded body. */
function readSinglePart(file: string): { charset?: string; body: Uint8Array; contentType: string } {
  const b = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
  let i = 0;
  let sep = 0;
  for (; i < b.length; i++) {
    if (b[i] === 10 && b[i + 1] === 10) {
      sep = 2;
      break;
    }
    if (b[i] === 10 && b[i + 1] === 13 && b[i + 2] === 10) {
      sep = 3;
      break;
    }
  }
  const head = Buffer.from(b.subarray(0, i))
    .toString("latin1")
    .replace(/\r?\n[ \t]+/g, " ");
  let body: Uint8Array = b.subarray(i + sep);
  const ctLine = /^content-type:(.*)$/im.exec(head)?.[1] ?? "";
  const cte = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (cte === "quoted-printable") body = decodeQp(body);
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(ctLine)?.[1];
  return { ...(charset !== undefined ? { charset } : {}), body, contentType: "text/plain" };
}

function decodeQp(b: Uint8Array): Uint8Array {
  const s = Buffer.from(b)
    .toString("latin1")
    .replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Uint8Array.from(out);
}

const norm = (s: string): string => s.replace(/\r\n/g, "\n").trim();

describe("Thunderbird mojibake corpus", () => {
  const reference = haveCorpus
    ? norm(decodeText(readSinglePart("correctEncodingUTF8.eml").body, "utf-8"))
    : "";

  corpusIt("correctEncodingUTF8 (declared 'utf8') gives no finding and the reference text", () => {
    const m = readSinglePart("correctEncodingUTF8.eml");
    expect(m.charset).toBe("utf8");
    const r = analyzeText(m.body, m.charset, "", m.contentType);
    expect(r.finding).toBeUndefined();
    expect(r.text.declaredCharset).toBe("utf-8");
    expect(r.text.detectedCharset).toBe("utf-8");
    expect(reference).toContain("メールを簡単に。");
    expect(reference).toContain("Thunderbird");
  });

  corpusIt("wronglyDeclaredShift_JIS: declared UTF-8, really Shift_JIS", () => {
    const m = readSinglePart("wronglyDeclaredShift_JIS.eml");
    const r = analyzeText(m.body, m.charset, "1", m.contentType);
    expect(r.finding?.code).toBe("CHARSET_MISMATCH");
    expect(r.finding?.detail).toMatchObject({ declared: "utf-8", detected: "shift_jis", part: "1" });
    expect(r.finding?.message.ja).toContain(
      "UTF-8 と宣言されていますが、実際には Shift_JIS で書かれています。",
    );
    expect(r.finding?.message.en).toContain("Shift_JIS");
    expect(r.text.detectedCharset).toBe("shift_jis");
    expect(norm(r.text.text)).toBe(reference);
  });

  corpusIt("wronglyDeclaredUTF8: declared windows-1252, really UTF-8", () => {
    const m = readSinglePart("wronglyDeclaredUTF8.eml");
    const r = analyzeText(m.body, m.charset, "", m.contentType);
    expect(r.finding?.code).toBe("CHARSET_MISMATCH");
    expect(r.finding?.detail).toMatchObject({ declared: "windows-1252", detected: "utf-8" });
    expect(r.finding?.message.ja).toContain("実際には UTF-8 で書かれています");
    expect(norm(r.text.text)).toBe(reference);
  });

  corpusIt("noCharsetWindows1252 → CHARSET_UNDECLARED windows-1252", () => {
    const m = readSinglePart("noCharsetWindows1252.eml");
    expect(m.charset).toBeUndefined();
    const r = analyzeText(m.body, m.charset, "", m.contentType);
    expect(r.finding?.code).toBe("CHARSET_UNDECLARED");
    expect(r.finding?.detail).toMatchObject({ detected: "windows-1252" });
    expect(r.text.text).toContain("Aquí tenemos texto en español:");
    expect(r.text.text).toContain("colonización española");
  });

  corpusIt("noCharsetKOI8U → CHARSET_UNDECLARED koi8-u", () => {
    const m = readSinglePart("noCharsetKOI8U.eml");
    const r = analyzeText(m.body, m.charset, "", m.contentType);
    expect(r.finding?.code).toBe("CHARSET_UNDECLARED");
    expect(r.finding?.detail).toMatchObject({ detected: "koi8-u" });
    expect(r.text.text.startsWith("Моя семья")).toBe(true);
  });

  corpusIt.each(["iso-2022-jp-qp.eml", "iso-2022-jp-not-qp.eml"])(
    "%s: correct ISO-2022-JP, no finding",
    (f) => {
      const m = readSinglePart(f);
      expect(normalizeCharset(m.charset ?? "")).toBe("iso-2022-jp");
      expect(detectCharset(m.body)).toBe("iso-2022-jp");
      const r = analyzeText(m.body, m.charset, "", m.contentType);
      expect(r.finding).toBeUndefined();
      expect(r.text.detectedCharset).toBe("iso-2022-jp");
      expect(r.text.text).not.toContain("\u001b");
      if (f === "iso-2022-jp-qp.eml") {
        expect(r.text.text).toContain("日本語の本文がQuoted Printableになっているもの");
      } else {
        expect(norm(r.text.text)).toBe("現況");
      }
    },
  );
});

const SENTENCE =
  "お世話になっております。契約書（第２版）を添付いたしますので、ご確認ください。" +
  "署名はＪＣＡＮ証明書で行いました。よろしくお願いいたします。\r\n山田 太郎";

type Code = "utf-8" | "shift_jis" | "euc-jp" | "iso-2022-jp";
const ENCODING_JAPANESE: Record<Code, Encoding.Encoding> = {
  "utf-8": "UTF8",
  shift_jis: "SJIS",
  "euc-jp": "EUCJP",
  "iso-2022-jp": "JIS",
};
function encode(text: string, code: Code): Uint8Array {
  return Uint8Array.from(
    Encoding.convert(Encoding.stringToCode(text), { to: ENCODING_JAPANESE[code], from: "UNICODE" }),
  );
}
/** A single-byte encoder built from TextDecoder's own table. */
function singleByte(text: string, label: string): Uint8Array {
  const dec = new TextDecoder(label);
  const map = new Map<string, number>();
  for (let i = 0; i < 256; i++) map.set(dec.decode(Uint8Array.of(i)), i);
  return Uint8Array.from([...text].map((c) => map.get(c) ?? 0x3f));
}

const CODES: Code[] = ["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"];

describe("Japanese encodings made with encoding-japanese", () => {
  it("the test bytes really are in the intended encodings", () => {
    expect(new TextEncoder().encode(SENTENCE)).toEqual(encode(SENTENCE, "utf-8"));
    for (const c of CODES)
      expect(new TextDecoder(c, { fatal: true }).decode(encode(SENTENCE, c))).toBe(SENTENCE);
  });

  it.each(CODES)("detects %s and decodes it back", (code) => {
    const bytes = encode(SENTENCE, code);
    expect(detectCharset(bytes)).toBe(code);
    expect(decodeText(bytes, code)).toBe(SENTENCE);
    const r = analyzeText(bytes, code, "1", "text/plain");
    expect(r.finding).toBeUndefined();
    expect(r.text.text).toBe(SENTENCE);
  });

  it.each(["はい。", "了解", "テスト", "あ"])("detects short Shift_JIS and EUC-JP texts (%s)", (t) => {
    expect(detectCharset(encode(t, "shift_jis"))).toBe("shift_jis");
    expect(detectCharset(encode(t, "euc-jp"))).toBe("euc-jp");
  });

  const pairs = CODES.flatMap((declared) =>
    CODES.filter((c) => c !== declared).map((actual) => [declared, actual]),
  );
  it.each(pairs)("declared %s but written in %s → CHARSET_MISMATCH naming both", (declared, actual) => {
    const bytes = encode(SENTENCE, actual as Code);
    const r = analyzeText(bytes, declared, "2", "text/plain");
    expect(r.finding?.code).toBe("CHARSET_MISMATCH");
    expect(r.finding?.detail).toMatchObject({ declared, detected: actual });
    expect(r.finding?.message.ja).toMatch(
      /と宣言されていますが、実際には .+ で書かれています。そのため文字化けしています。/,
    );
    expect(r.text.declaredCharset).toBe(declared);
    expect(r.text.detectedCharset).toBe(actual);
    expect(r.text.text).toBe(SENTENCE);
  });

  it.each([
    ["windows-1252", "utf-8"],
    ["iso-8859-1", "utf-8"],
    ["windows-1252", "shift_jis"],
    ["iso-8859-1", "euc-jp"],
    ["us-ascii", "shift_jis"],
    ["us-ascii", "iso-2022-jp"],
    ["windows-1252", "iso-2022-jp"],
  ])("declared single-byte %s but really %s → CHARSET_MISMATCH", (declared, actual) => {
    const r = analyzeText(encode(SENTENCE, actual as Code), declared, "", "text/plain");
    expect(r.finding?.code).toBe("CHARSET_MISMATCH");
    expect(r.finding?.detail).toMatchObject({ declared, detected: actual });
    expect(r.text.text).toBe(SENTENCE);
  });

  it.each(CODES.filter((c) => c !== "iso-2022-jp"))(
    "8-bit %s without charset → CHARSET_UNDECLARED",
    (code) => {
      const r = analyzeText(encode(SENTENCE, code), undefined, "", "text/plain");
      expect(r.finding?.code).toBe("CHARSET_UNDECLARED");
      expect(r.finding?.detail).toMatchObject({ detected: code });
      expect(r.text.text).toBe(SENTENCE);
      expect(r.text.declaredCharset).toBeUndefined();
    },
  );

  it("Japanese text scores well, Latin text read as Shift_JIS does not", () => {
    expect(japaneseScore(encode(SENTENCE, "shift_jis"), "shift_jis")).toBeGreaterThan(1);
    expect(japaneseScore(encode(SENTENCE, "euc-jp"), "euc-jp")).toBeGreaterThan(1);
    expect(japaneseScore(encode(SENTENCE, "euc-jp"), "shift_jis")).toBeLessThan(0.5);
  });
});

describe("labels, ASCII and single-byte texts", () => {
  it.each([
    ["SJIS", "shift_jis"],
    ["x-sjis", "shift_jis"],
    ["CP932", "shift_jis"],
    ["Windows-31J", "shift_jis"],
    ['"Shift_JIS"', "shift_jis"],
    ["utf8", "utf-8"],
    ["UTF-8", "utf-8"],
    ["csISO2022JP", "iso-2022-jp"],
    ["ISO-2022-JP-2", "iso-2022-jp"],
    ["x-euc-jp", "euc-jp"],
    ["US-ASCII", "us-ascii"],
    ["latin1", "iso-8859-1"],
    ["KOI8-R", "koi8-r"],
    ["cp1252", "windows-1252"],
  ])("normalizeCharset(%s) = %s", (label, want) => {
    expect(normalizeCharset(label)).toBe(want);
  });

  it("plain ASCII is us-ascii and fits any ASCII-compatible declaration", () => {
    const b = new TextEncoder().encode("Hello, world.\r\nSee you.");
    expect(detectCharset(b)).toBe("us-ascii");
    for (const d of ["us-ascii", "utf-8", "iso-2022-jp", "shift_jis", "windows-1252", undefined]) {
      const r = analyzeText(b, d, "", "text/plain");
      expect(r.finding).toBeUndefined();
      expect(r.text.text).toBe("Hello, world.\r\nSee you.");
    }
  });

  it("Latin text in windows-1252 is not mistaken for Japanese", () => {
    const t = "Café crème, día de España, mañana señor Müller à Zürich. Ça va très bien, merci!";
    const b = singleByte(t, "windows-1252");
    expect(detectCharset(b)).toBe("windows-1252");
    expect(analyzeText(b, "iso-8859-1", "", "text/plain").finding).toBeUndefined();
    const r = analyzeText(b, "utf-8", "", "text/plain");
    expect(r.finding?.detail).toMatchObject({ declared: "utf-8", detected: "windows-1252" });
    expect(r.text.text).toBe(t);
  });

  it("Russian in KOI8-R / windows-1251 is told apart; declared as Latin-1 → mismatch", () => {
    const t = "Привет! Это тестовое письмо на русском языке. Спасибо за внимание.";
    const koi = singleByte(t, "koi8-r");
    const win = singleByte(t, "windows-1251");
    expect(detectCharset(koi)).toBe("koi8-u");
    expect(detectCharset(win)).toBe("windows-1251");
    expect(analyzeText(koi, "koi8-r", "", "text/plain").finding).toBeUndefined();
    expect(analyzeText(win, "windows-1251", "", "text/plain").finding).toBeUndefined();
    const r = analyzeText(koi, "iso-8859-1", "", "text/plain");
    expect(r.finding?.detail).toMatchObject({ declared: "iso-8859-1", detected: "koi8-u" });
    expect(r.text.text).toBe(t);
    expect(analyzeText(win, "koi8-r", "", "text/plain").finding?.code).toBe("CHARSET_MISMATCH");
  });

  it("an unknown declared label is not judged; the detected reading is shown", () => {
    const r = analyzeText(encode(SENTENCE, "shift_jis"), "x-klingon", "", "text/plain");
    expect(r.finding).toBeUndefined();
    expect(r.text.text).toBe(SENTENCE);
    expect(decodeText(Uint8Array.of(0x41, 0xff), "x-klingon")).toBe("A\ufffd");
  });

  it("never throws on arbitrary bytes and labels", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.option(fc.string(), { nil: undefined }),
        (b, label) => {
          const r = analyzeText(b, label, "1", "text/plain");
          expect(typeof r.text.text).toBe("string");
          expect(typeof detectCharset(b)).toBe("string");
          expect(typeof decodeText(b, label ?? "")).toBe("string");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("50 MB of Shift_JIS is handled in bounded time", () => {
    const unit = encode(SENTENCE + "\r\n", "shift_jis");
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let o = 0; o < big.length; o += unit.length)
      big.set(unit.subarray(0, Math.min(unit.length, big.length - o)), o);
    const t0 = Date.now();
    const r = analyzeText(big, "utf-8", "", "text/plain");
    const ms = Date.now() - t0;
    expect(r.finding?.detail).toMatchObject({ detected: "shift_jis" });
    expect(r.text.text.startsWith(SENTENCE)).toBe(true);
    expect(ms).toBeLessThan(10000);
  });
});
