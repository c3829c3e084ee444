import Encoding from "encoding-japanese";
import {
  decodeEncodedWords,
  decodedBody,
  decodeQuotedPrintable,
  isPkcs7MimeType,
  isSignatureType,
  parseContentType,
  parseMessage,
} from "../../../src/engine/mime/index";
import type { MimePart } from "../../../src/engine/mime/types";
import { encodeBase64, latin1, utf8 } from "../../../src/engine/util/bytes";

/** Bytes of `s` in a Japanese charset, made by encoding-japanese (an encoder we did not write). */
function jp(s: string, to: "JIS" | "SJIS" | "EUCJP"): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to, from: "UNICODE" }));
}
const b64 = (b: Uint8Array): string => encodeBase64(b);
/** A header value as the parser hands it over: raw bytes as code points 0-255. */
const raw = (s: string): string => latin1(utf8(s));

describe("RFC 2047 encoded words", () => {
  test("ISO-2022-JP B-encoded Japanese subject", () => {
    const subject = "日本語の件名です";
    const bytes = jp(subject, "JIS");
    expect(bytes[0]).toBe(0x1b);
    expect(decodeEncodedWords(`=?ISO-2022-JP?B?${b64(bytes)}?=`)).toBe(subject);
    expect(decodeEncodedWords("Re: =?iso-2022-jp?B?GyRCJEskWyRzJDQbKEI=?= (fwd)")).toBe("Re: にほんご (fwd)");
  });

  test("ISO-2022-JP split across encoded words (even inside a character) decodes right", () => {
    const subject = "請求書の送付について";
    const bytes = jp(subject, "JIS");
    // split after the ESC $ B and in the middle of a two-byte character
    const parts = [bytes.subarray(0, 4), bytes.subarray(4, 11), bytes.subarray(11)];
    const header = parts.map((p) => `=?ISO-2022-JP?B?${b64(p)}?=`).join("\r\n ");
    expect(decodeEncodedWords(header)).toBe(subject);
    // separated by folded whitespace and tabs too; Q words mixed in
    const q = Array.from(
      parts[1] as Uint8Array,
      (c) => `=${c.toString(16).toUpperCase().padStart(2, "0")}`,
    ).join("");
    expect(
      decodeEncodedWords(
        `=?iso-2022-jp?b?${b64(parts[0] as Uint8Array)}?=\t =?ISO-2022-JP?Q?${q}?= =?ISO-2022-JP?B?${b64(parts[2] as Uint8Array)}?=`,
      ),
    ).toBe(subject);
  });

  test("Shift_JIS and EUC-JP", () => {
    expect(decodeEncodedWords(`=?Shift_JIS?B?${b64(jp("請求書.pdf", "SJIS"))}?=`)).toBe("請求書.pdf");
    expect(decodeEncodedWords(`=?shift-jis?B?${b64(jp("見積", "SJIS"))}?=`)).toBe("見積");
    expect(decodeEncodedWords(`=?CP932?B?${b64(jp("テスト", "SJIS"))}?=`)).toBe("テスト");
    expect(decodeEncodedWords(`=?EUC-JP?B?${b64(jp("会議", "EUCJP"))}?=`)).toBe("会議");
  });

  test("UTF-8 Q, with a multi-byte character split across words", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?Caf=C3=A9_au_lait?=")).toBe("Café au lait");
    // "日" = E6 97 A5 split between two words of the same charset
    expect(decodeEncodedWords("=?utf-8?q?=E6=97?= =?utf-8?q?=A5=E6=9C=AC?=")).toBe("日本");
    expect(decodeEncodedWords("=?UTF-8*ja?Q?=E3=81=82?=")).toBe("あ"); // RFC 2231 language tag
  });

  test("ISO-8859-x and windows-125x", () => {
    expect(decodeEncodedWords("=?ISO-8859-1?Q?Andr=E9?= Pirard")).toBe("André Pirard");
    expect(decodeEncodedWords("=?iso-8859-15?q?=A4uro?=")).toBe("€uro");
    expect(decodeEncodedWords("=?windows-1251?B?z/Do4uXy?=")).toBe("Привет");
    expect(decodeEncodedWords("=?windows-1252?Q?=80?=")).toBe("€");
  });

  test("whitespace rules: adjacent words joined, text between words kept", () => {
    expect(decodeEncodedWords("=?utf-8?q?a?= =?utf-8?q?b?=")).toBe("ab");
    expect(decodeEncodedWords("=?utf-8?q?a?= x =?utf-8?q?b?=")).toBe("a x b");
    expect(decodeEncodedWords("=?utf-8?q?a?=\r\n =?iso-8859-1?q?=E9?=")).toBe("aé");
    expect(decodeEncodedWords("a =?utf-8?q?b_c?= d")).toBe("a b c d");
  });

  test("unknown charset and malformed words are left as they are", () => {
    expect(decodeEncodedWords("=?x-klingon?B?AAAA?= ok")).toBe("=?x-klingon?B?AAAA?= ok");
    expect(decodeEncodedWords("=?utf-8?X?abc?=")).toBe("=?utf-8?X?abc?=");
    expect(decodeEncodedWords("=?utf-8?q?no end")).toBe("=?utf-8?q?no end");
    expect(decodeEncodedWords("=?utf-8?q?has space?=")).toBe("=?utf-8?q?has space?=");
    expect(decodeEncodedWords("=??q?x?=")).toBe("=??q?x?=");
    expect(decodeEncodedWords("")).toBe("");
  });

  test("raw 8-bit: UTF-8 when valid, raw ISO-2022-JP decoded, else latin1", () => {
    expect(decodeEncodedWords(raw("請求書 です"))).toBe("請求書 です");
    expect(decodeEncodedWords("caf\u00e9")).toBe("café"); // 0xE9 alone is not UTF-8: left as latin1
    expect(decodeEncodedWords(latin1(jp("日本語", "JIS")))).toBe("日本語");
    expect(decodeEncodedWords("already 日本")).toBe("already 日本"); // a decoded string is left alone
  });

  test("linear on hostile input", () => {
    const hostile = "=?a?b?".repeat(200000) + " " + "=?utf-8?q?".repeat(100000) + "?=";
    const out = decodeEncodedWords(hostile);
    expect(out.startsWith("=?a?b?")).toBe(true);
  });
});

describe("Content-Type and RFC 2231 parameters", () => {
  test("defaults and basics", () => {
    expect(parseContentType(undefined)).toEqual({
      type: "text",
      subtype: "plain",
      params: { charset: "us-ascii" },
      explicit: false,
    });
    const ct = parseContentType(
      'Multipart/Signed ; Protocol="application/pkcs7-signature"; MICALG=SHA-256; boundary="a\\"b;c"',
    );
    expect(ct).toEqual({
      type: "multipart",
      subtype: "signed",
      params: { protocol: "application/pkcs7-signature", micalg: "SHA-256", boundary: 'a"b;c' },
      explicit: true,
    });
    expect(parseContentType("text/plain; charset=us-ascii (Plain text)").params).toEqual({
      charset: "us-ascii",
    });
    expect(parseContentType("garbage").type).toBe("text");
    expect(parseContentType("text/plain; ;;=x; name").params).toEqual({});
  });

  test("continuations with a UTF-8 Japanese filename", () => {
    const name = "請求書_2024年度.pdf";
    const pct = Array.from(utf8(name), (c) => `%${c.toString(16).toUpperCase()}`).join("");
    const v = `application/pdf; name*0*=UTF-8''${pct.slice(0, 30)}; name*1*=${pct.slice(30, 60)};\r\n name*2*=${pct.slice(60)}`;
    expect(parseContentType(v).params["name"]).toBe(name);
    // out-of-order segments and a plain (not encoded) tail
    expect(parseContentType(`x/y; title*1=" world"; title*0*=us-ascii'en'Hello%2C`).params["title"]).toBe(
      "Hello, world",
    );
    // plain continuations (no charset)
    expect(parseContentType('x/y; a*0="abc"; a*1="def"').params["a"]).toBe("abcdef");
    // name* wins over name
    expect(parseContentType(`x/y; name="fallback"; name*=utf-8'ja'%E3%81%82.txt`).params["name"]).toBe(
      "あ.txt",
    );
    // Shift_JIS extended value
    const sj = Array.from(jp("資料", "SJIS"), (c) => `%${c.toString(16)}`).join("");
    expect(parseContentType(`x/y; name*=Shift_JIS''${sj}.doc`).params["name"]).toBe("資料.doc");
  });

  test("filename from Content-Disposition, Content-Type name, RFC 2047 in quotes", () => {
    const name = "見積書.xlsx";
    const words = `=?ISO-2022-JP?B?${b64(jp("見積書", "JIS"))}?=.xlsx`;
    const pct = Array.from(utf8(name), (c) => `%${c.toString(16)}`).join("");
    const msg = parseMessage(
      utf8(
        [
          "Content-Type: multipart/mixed; boundary=b",
          "",
          "--b",
          `Content-Type: application/octet-stream; name="${words}"`,
          "Content-Disposition: attachment",
          "",
          "x",
          "--b",
          `Content-Type: application/octet-stream; name="ignored"`,
          `Content-Disposition: ATTACHMENT;\r\n filename*0*=utf-8''${pct.slice(0, 18)};\r\n filename*1*=${pct.slice(18)}`,
          "",
          "y",
          "--b",
          `Content-Type: text/plain`,
          `Content-Disposition: inline; filename="日本.txt"`,
          "",
          "z",
          "--b--",
        ].join("\r\n"),
      ),
    );
    const [a, b, c] = msg.root.children as [MimePart, MimePart, MimePart];
    expect(a.filename).toBe(name);
    expect(a.disposition).toBe("attachment");
    expect(b.filename).toBe(name);
    expect(b.disposition).toBe("attachment");
    expect(c.filename).toBe("日本.txt"); // raw UTF-8 in a quoted filename
    expect(c.disposition).toBe("inline");
  });

  test("S/MIME type predicates", () => {
    expect(isSignatureType(parseContentType("application/pkcs7-signature"))).toBe(true);
    expect(isSignatureType(parseContentType("application/x-pkcs7-signature; name=smime.p7s"))).toBe(true);
    expect(isSignatureType(parseContentType("application/pkcs7-mime"))).toBe(false);
    expect(isPkcs7MimeType(parseContentType("application/x-pkcs7-mime; smime-type=enveloped-data"))).toBe(
      true,
    );
    expect(isPkcs7MimeType(parseContentType("Application/PKCS7-MIME"))).toBe(true);
    expect(isPkcs7MimeType(parseContentType("application/pkcs7-signature"))).toBe(false);
  });
});

describe("transfer decoding", () => {
  test("quoted-printable: soft breaks (CRLF and LF), =XX, trailing whitespace, bad sequences", () => {
    const qp = (s: string): string => latin1(decodeQuotedPrintable(utf8(s)));
    expect(qp("a=3Db=\r\nc=\nd")).toBe("a=bcd");
    expect(qp("tail  \r\nnext\t\nlast")).toBe("tail\r\nnext\nlast");
    expect(qp("keep  inner")).toBe("keep  inner");
    expect(qp("bad =ZZ =4 =")).toBe("bad =ZZ =4 ");
    expect(qp("soft with pad= \t\r\nx")).toBe("soft with padx");
    expect(qp("=e6=97=a5")).toBe("\u00e6\u0097\u00a5");
  });

  test("decodedBody per Content-Transfer-Encoding", () => {
    const msg = parseMessage(
      utf8(
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n5pel\r\n5pys\r\n--b\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\n=E6=97=A5=\r\n=E6=9C=AC\r\n--b\r\nContent-Transfer-Encoding: 8bit\r\n\r\n日本\r\n--b--\r\n",
      ),
    );
    const dec = new TextDecoder();
    expect(msg.root.children.map((p) => dec.decode(decodedBody(msg, p)))).toEqual(["日本", "日本", "日本"]);
  });
});
