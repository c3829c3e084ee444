import Encoding from "encoding-japanese";
import { findAddressesInText, parseMailboxes } from "../../../src/engine/mime/index";
import { encodeBase64, latin1, utf8 } from "../../../src/engine/util/bytes";

describe("parseMailboxes", () => {
  test.each([
    ["alice@example.jp", [{ name: "", address: "alice@example.jp" }]],
    ["Alice <Alice@Example.JP>", [{ name: "Alice", address: "alice@example.jp" }]],
    ['"Doe, John" <john@example.com>', [{ name: "Doe, John", address: "john@example.com" }]],
    ['"Quote \\"me\\"" <q@example.com>', [{ name: 'Quote "me"', address: "q@example.com" }]],
    ["john@example.com (John Doe)", [{ name: "John Doe", address: "john@example.com" }]],
    ["John (the man) Doe <jd@example.com>", [{ name: "John Doe", address: "jd@example.com" }]],
    ["<bare@example.com>", [{ name: "", address: "bare@example.com" }]],
    ["<@route.example,@other:user@example.com>", [{ name: "", address: "user@example.com" }]],
    ["Alice < alice @ example.jp >", [{ name: "Alice", address: "alice@example.jp" }]],
    ["alice @ example.jp", [{ name: "", address: "alice@example.jp" }]],
    ["John Q. Public <jqp@example.com>", [{ name: "John Q. Public", address: "jqp@example.com" }]],
    ['"a b"@example.com', [{ name: "", address: '"a b"@example.com' }]],
    [
      "a@x.jp, B <b@x.jp>,, c@x.jp",
      [
        { name: "", address: "a@x.jp" },
        { name: "B", address: "b@x.jp" },
        { name: "", address: "c@x.jp" },
      ],
    ],
    ["undisclosed-recipients:;", []],
    [
      "Team: a@x.jp, Bob <b@x.jp>; c@x.jp",
      [
        { name: "", address: "a@x.jp" },
        { name: "Bob", address: "b@x.jp" },
        { name: "", address: "c@x.jp" },
      ],
    ],
    ["Alice", [{ name: "Alice", address: "" }]],
    ["", []],
    ["   ,  ;  ", []],
  ])("%s", (input, expected) => {
    expect(parseMailboxes(input)).toEqual(expected);
  });

  test("encoded words and raw UTF-8 in display names", () => {
    const jis = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode("山田太郎"), { to: "JIS", from: "UNICODE" }),
    );
    expect(parseMailboxes(`=?ISO-2022-JP?B?${encodeBase64(jis)}?= <yamada@example.jp>`)).toEqual([
      { name: "山田太郎", address: "yamada@example.jp" },
    ]);
    expect(parseMailboxes(`"=?UTF-8?B?${encodeBase64(utf8("佐藤"))}?=" <sato@example.jp>`)).toEqual([
      { name: "佐藤", address: "sato@example.jp" },
    ]);
    expect(parseMailboxes(`=?utf-8?q?=E9=88=B4?= =?utf-8?q?=E6=9C=A8?= <suzuki@example.jp>`)).toEqual([
      { name: "鈴木", address: "suzuki@example.jp" },
    ]);
    expect(parseMailboxes(latin1(utf8("高橋 <takahashi@example.jp>")))).toEqual([
      { name: "高橋", address: "takahashi@example.jp" },
    ]);
  });

  test("garbage never throws and stays linear", () => {
    for (const g of [
      '"unterminated <a@b>',
      "<unterminated@x",
      "((((",
      "a@@b",
      ">>>",
      "\\",
      ":::;;;",
      '"',
      "@",
    ]) {
      expect(() => parseMailboxes(g)).not.toThrow();
    }
    expect(parseMailboxes('"unterminated <a@b>')).toEqual([{ name: "unterminated <a@b>", address: "" }]);
    expect(parseMailboxes("<unterminated@x")).toEqual([{ name: "", address: "unterminated@x" }]);
    const big = "(".repeat(100000) + "<".repeat(100000) + '"'.repeat(100001) + "a@b,".repeat(100000);
    expect(Array.isArray(parseMailboxes(big))).toBe(true);
    expect(parseMailboxes("x@y,".repeat(50000))).toHaveLength(50000);
  });
});

describe("findAddressesInText", () => {
  test("finds addr-specs in display names, full-width included", () => {
    expect(findAddressesInText("boss@company.jp")).toEqual(["boss@company.jp"]);
    expect(findAddressesInText("Boss (Boss@Company.JP) via list")).toEqual(["boss@company.jp"]);
    expect(findAddressesInText("ｂｏｓｓ＠ｃｏｍｐａｎｙ．ｊｐ")).toEqual(["boss@company.jp"]);
    expect(findAddressesInText("just a name")).toEqual([]);
    expect(findAddressesInText("@ alone, a@, @b")).toEqual([]);
  });
});
