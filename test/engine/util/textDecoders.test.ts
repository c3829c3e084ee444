import { decodeText } from "../../../src/engine/charset/index";
import { decodeEncodedWords } from "../../../src/engine/mime/index";
import { getDecoder } from "../../../src/engine/util/textDecoders";

// Node 20's ICU TextDecoder drops windows-1252 bytes 0x80-0x9F; the engine decodes that charset by table.
describe("windows-1252 decoding", () => {
  const bytes = Uint8Array.of(0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x85, 0xe9);
  const expected = "\u20ac \u201cq\u201d \u2026\u00e9";

  it("keeps the 0x80-0x9F range (€, curly quotes, ellipsis)", () => {
    expect(getDecoder("windows-1252")?.decode(bytes)).toBe(expected);
    expect(getDecoder("iso-8859-1")?.decode(bytes)).toBe(expected);
    expect(getDecoder("cp1252")?.decode(bytes)).toBe(expected);
  });

  it("is used for bodies and for encoded words", () => {
    expect(decodeText(bytes, "windows-1252")).toBe(expected);
    expect(decodeEncodedWords("=?windows-1252?Q?=80_5?=")).toBe("\u20ac 5");
  });

  it("leaves other charsets to TextDecoder", () => {
    expect(getDecoder("shift_jis")?.decode(Uint8Array.of(0x82, 0xa0))).toBe("あ");
    expect(getDecoder("no-such-charset")).toBeUndefined();
  });
});
