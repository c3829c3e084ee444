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

// Chromium's ISO-2022-JP TextDecoder carries its state from one decode() call to the next when the previous
// input ended right after an escape sequence (seen in the pane: "From: �山田 太郎" after another message's
// header). Node's does not, so the stand-in below behaves as Chromium's does; the engine must not share one
// instance between calls.
describe("ISO-2022-JP decoding across calls", () => {
  const taro = Uint8Array.from(Buffer.from("GyRCOzNFRBsoQiAbJEJCQE86GyhC", "base64")); // 山田 太郎
  const RealDecoder = globalThis.TextDecoder;
  class ChromiumLikeDecoder extends RealDecoder {
    private leaked = false;
    override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(input as ArrayBuffer);
      const out = (this.leaked ? "\ufffd" : "") + super.decode(bytes, options);
      const n = bytes.length;
      this.leaked =
        this.encoding === "iso-2022-jp" &&
        n >= 3 &&
        bytes[n - 3] === 0x1b &&
        bytes[n - 2] === 0x24 &&
        bytes[n - 1] === 0x42;
      return out;
    }
  }

  it("gives each call a decoder of its own", () => {
    jest.isolateModules(() => {
      globalThis.TextDecoder = ChromiumLikeDecoder as typeof TextDecoder;
      try {
        type Module = typeof import("../../../src/engine/util/textDecoders");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require("../../../src/engine/util/textDecoders") as Module;
        const d = fresh.getDecoder("iso-2022-jp");
        d?.decode(Uint8Array.of(0x1b, 0x24, 0x42)); // a header that ends in JIS X 0208 mode
        expect(fresh.getDecoder("iso-2022-jp")?.decode(taro)).toBe("山田 太郎");
      } finally {
        globalThis.TextDecoder = RealDecoder;
      }
    });
  });
});
