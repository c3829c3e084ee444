import {
  bodyBytes,
  decodedBody,
  headerValue,
  headerValues,
  parseMessage,
  signedContent,
  walkParts,
} from "../../../src/engine/mime/index";
import type { MimePart, ParsedMessage } from "../../../src/engine/mime/types";
import { latin1, utf8 } from "../../../src/engine/util/bytes";

const crlf = (s: string): Uint8Array => utf8(s.replace(/\n/g, "\r\n"));
const lf = (s: string): Uint8Array => utf8(s);
const text = (msg: ParsedMessage, start: number, end: number): string => latin1(msg.bytes, start, end);
const body = (msg: ParsedMessage, p: MimePart): string => latin1(bodyBytes(msg, p));

const SIGNED = [
  "From: Alice <alice@example.jp>",
  "Subject: test",
  'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;',
  ' boundary="BOUND"',
  "",
  "This is a preamble.",
  "--BOUND",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Hello",
  "",
  "--BOUND   ",
  "Content-Type: application/pkcs7-signature; name=smime.p7s",
  "Content-Transfer-Encoding: base64",
  "",
  "AAEC",
  "--BOUND--",
  "epilogue",
  "",
].join("\n");

describe("parseMessage: multipart/signed spans", () => {
  for (const [label, enc] of [
    ["CRLF", crlf],
    ["LF", lf],
  ] as const) {
    test(`${label}: structure and exact spans`, () => {
      const msg = parseMessage(enc(SIGNED));
      const nl = label === "CRLF" ? "\r\n" : "\n";
      expect(msg.bareLf).toBe(label === "LF");
      expect(msg.problems).toEqual([]);
      const root = msg.root;
      expect(root.contentType).toMatchObject({ type: "multipart", subtype: "signed", explicit: true });
      expect(root.contentType.params["boundary"]).toBe("BOUND");
      expect(root.closed).toBe(true);
      expect(root.children).toHaveLength(2);
      const [a, b] = root.children as [MimePart, MimePart];
      expect(a.path).toBe("1");
      expect(b.path).toBe("2");
      // the first part runs from after the delimiter line to before the CRLF preceding the next one
      expect(text(msg, a.start, a.end)).toBe(`Content-Type: text/plain; charset=utf-8${nl}${nl}Hello${nl}`);
      expect(body(msg, a)).toBe(`Hello${nl}`);
      // transport padding after the second delimiter is accepted
      expect(b.contentType.subtype).toBe("pkcs7-signature");
      expect(b.transferEncoding).toBe("base64");
      expect(b.filename).toBe("smime.p7s");
      expect(Array.from(decodedBody(msg, b))).toEqual([0, 1, 2]);
      // signed content is always CRLF
      expect(latin1(signedContent(msg, root))).toBe(
        "Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n",
      );
      // headers: unfolded, names lower-cased
      expect(headerValue(root, "CONTENT-TYPE")).toBe(
        'multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="BOUND"',
      );
      expect(headerValues(root, "from")).toEqual(["Alice <alice@example.jp>"]);
      expect(headerValue(root, "x-missing")).toBeUndefined();
      const h = root.headers[0];
      expect(h && text(msg, h.start, h.end)).toBe(`From: Alice <alice@example.jp>${nl}`);
    });
  }

  test("signedContent of a CRLF message is a byte-exact subarray (a lone LF or CR inside is kept)", () => {
    const raw = "Content-Type: multipart/signed; boundary=b\r\n\r\n--b\r\nA\nB\rC\r\n--b\r\nX\r\n--b--\r\n";
    const msg = parseMessage(utf8(raw));
    expect(msg.bareLf).toBe(false);
    expect(latin1(signedContent(msg, msg.root))).toBe("A\nB\rC");
  });

  test("bare-LF message: only bare LFs become CRLF", () => {
    const raw = "Content-Type: multipart/signed; boundary=b\n\n--b\nA\nB\rC\r\nD\n--b\nX\n--b--\n";
    const msg = parseMessage(utf8(raw));
    expect(msg.bareLf).toBe(true);
    expect(latin1(signedContent(msg, msg.root))).toBe("A\r\nB\rC\r\nD");
  });

  test("delimiter-like lines that are not delimiters are content", () => {
    const raw = [
      "Content-Type: multipart/mixed; boundary=abc",
      "",
      "--abc",
      "",
      "--abcd",
      "--abc x",
      "---abc",
      "--abc",
      "",
      "two",
      "--abc--",
    ].join("\r\n");
    const msg = parseMessage(utf8(raw));
    expect(msg.problems).toEqual([]);
    expect(msg.root.children.map((p) => body(msg, p))).toEqual(["--abcd\r\n--abc x\r\n---abc", "two"]);
  });

  test("a part that ends inside its header block (no blank line) does not swallow the delimiter", () => {
    const raw =
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n--b\r\n\r\ntwo\r\n--b--\r\n";
    const msg = parseMessage(utf8(raw));
    expect(msg.problems).toEqual([]);
    const [a, b] = msg.root.children as [MimePart, MimePart];
    expect(headerValue(a, "content-type")).toBe("text/plain");
    expect(a.bodyStart).toBe(a.end);
    expect(bodyBytes(msg, a).length).toBe(0);
    expect(body(msg, b)).toBe("two");
  });

  test("empty parts and a delimiter right at the body start", () => {
    const raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n--b\r\n\r\nx\r\n--b--";
    const msg = parseMessage(utf8(raw));
    expect(msg.problems).toEqual([]);
    expect(msg.root.children).toHaveLength(2);
    const [a, b] = msg.root.children as [MimePart, MimePart];
    expect(a.end - a.start).toBe(0);
    expect(body(msg, b)).toBe("x");
  });
});

describe("nesting", () => {
  const NESTED = [
    "Content-Type: multipart/mixed; boundary=outer",
    "",
    "--outer",
    "Content-Type: multipart/alternative; boundary=inner",
    "",
    "--inner",
    "Content-Type: text/plain",
    "",
    "plain",
    "--inner",
    "Content-Type: text/html",
    "",
    "<p>html</p>",
    "--inner--",
    "",
    "--outer",
    "Content-Type: message/rfc822",
    "Content-Disposition: attachment; filename=fwd.eml",
    "",
    "From: Bob <bob@example.jp>",
    "Subject: inner",
    "Content-Type: multipart/mixed; boundary=deep",
    "",
    "--deep",
    "",
    "deep text",
    "--deep",
    "Content-Type: application/pdf",
    "Content-Disposition: attachment; filename=a.pdf",
    "",
    "%PDF",
    "--deep--",
    "--outer--",
    "",
  ].join("\r\n");

  test("multipart inside multipart, and message/rfc822 parsed into `message`", () => {
    const msg = parseMessage(utf8(NESTED));
    expect(msg.problems).toEqual([]);
    const seen: string[] = [];
    walkParts(msg.root, (p) =>
      seen.push(`${p.path || "root"}@${p.depth}:${p.contentType.type}/${p.contentType.subtype}`),
    );
    expect(seen).toEqual([
      "root@0:multipart/mixed",
      "1@1:multipart/alternative",
      "1.1@2:text/plain",
      "1.2@2:text/html",
      "2@1:message/rfc822",
      "2@2:multipart/mixed",
      "2.1@3:text/plain",
      "2.2@3:application/pdf",
    ]);
    const fwd = msg.root.children[1] as MimePart;
    expect(fwd.disposition).toBe("attachment");
    expect(fwd.filename).toBe("fwd.eml");
    const inner = fwd.message as MimePart;
    expect(headerValue(inner, "subject")).toBe("inner");
    expect(inner.start).toBe(fwd.bodyStart);
    const deep = inner.children as [MimePart, MimePart];
    expect(deep[0].contentType.explicit).toBe(false);
    expect(body(msg, deep[0])).toBe("deep text");
    expect(deep[1].filename).toBe("a.pdf");
    expect(body(msg, deep[1])).toBe("%PDF");
    expect((msg.root.children[0] as MimePart).children.map((p) => body(msg, p))).toEqual([
      "plain",
      "<p>html</p>",
    ]);
  });

  test("a missing closing delimiter is a problem, the part is still usable", () => {
    const raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n";
    const msg = parseMessage(utf8(raw));
    expect(msg.root.closed).toBe(false);
    expect(msg.root.children.map((p) => body(msg, p))).toEqual(["one", "two\r\n"]);
    expect(msg.problems).toHaveLength(1);
    expect(msg.problems[0]).toMatchObject({ part: "", offset: raw.length });
    expect(msg.problems[0]?.message).toMatch(/closing delimiter "--b--" missing/);
  });

  test("an unterminated inner multipart ends at the outer delimiter", () => {
    const raw = [
      "Content-Type: multipart/mixed; boundary=o",
      "",
      "--o",
      "Content-Type: multipart/mixed; boundary=i",
      "",
      "--i",
      "",
      "inner",
      "--o",
      "",
      "second",
      "--o--",
    ].join("\r\n");
    const msg = parseMessage(utf8(raw));
    const inner = msg.root.children[0] as MimePart;
    expect(inner.closed).toBe(false);
    expect(inner.children.map((p) => body(msg, p))).toEqual(["inner"]);
    expect(body(msg, msg.root.children[1] as MimePart)).toBe("second");
    expect(msg.problems.map((p) => p.part)).toEqual(["1"]);
  });

  test("multipart without boundary and without any delimiter are problems", () => {
    const a = parseMessage(utf8("Content-Type: multipart/mixed\r\n\r\nbody\r\n"));
    expect(a.problems[0]?.message).toMatch(/no boundary parameter/);
    const b = parseMessage(utf8("Content-Type: multipart/mixed; boundary=zz\r\n\r\nbody\r\n"));
    expect(b.problems[0]?.message).toMatch(/no delimiter line "--zz"/);
    expect(b.root.children).toEqual([]);
  });

  test("depth cap: deeper nesting is not parsed and is reported with its path", () => {
    const levels = 40;
    let raw = "";
    for (let i = 0; i < levels; i++)
      raw += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
    raw += "\r\nleaf\r\n";
    for (let i = levels - 1; i >= 0; i--) raw += `--b${i}--\r\n`;
    const msg = parseMessage(utf8(raw));
    let maxDepth = 0;
    walkParts(msg.root, (p) => (maxDepth = Math.max(maxDepth, p.depth)));
    expect(maxDepth).toBe(32);
    expect(msg.problems).toHaveLength(1);
    expect(msg.problems[0]?.message).toMatch(/deeper than 32/);
    expect(msg.problems[0]?.part.split(".")).toHaveLength(32);

    const small = parseMessage(utf8(raw), { maxDepth: 3 });
    let d = 0;
    walkParts(small.root, (p) => (d = Math.max(d, p.depth)));
    expect(d).toBe(3);
    expect(small.problems[0]?.part).toBe("1.1.1");

    // without a cap all 40 levels are there and the leaf is found
    const full = parseMessage(utf8(raw), { maxDepth: 100 });
    expect(full.problems).toEqual([]);
    let leaf: MimePart | undefined;
    walkParts(full.root, (p) => {
      if (p.contentType.type === "text") leaf = p;
    });
    expect(leaf && body(full, leaf)).toBe("leaf");
  });

  test("deeply nested message/rfc822 is capped too", () => {
    let raw = "";
    for (let i = 0; i < 100; i++) raw += "Content-Type: message/rfc822\r\n\r\n";
    raw += "Subject: x\r\n\r\nend";
    const msg = parseMessage(utf8(raw));
    expect(msg.problems).toHaveLength(1);
    expect(msg.problems[0]?.message).toMatch(/deeper than 32/);
  });
});

describe("input forms and header blocks", () => {
  test("the MIME entity of an smime.p7m (starts at Content-Type)", () => {
    const raw =
      "Content-Type: application/x-pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n";
    const msg = parseMessage(utf8(raw));
    expect(msg.root.contentType).toMatchObject({ type: "application", subtype: "x-pkcs7-mime" });
    expect(msg.root.contentType.params["smime-type"]).toBe("signed-data");
    expect(Array.from(decodedBody(msg, msg.root))).toEqual([0, 1, 2]);
  });

  test("headers only (no blank line), no headers at all, mbox From line, empty input", () => {
    const a = parseMessage(utf8("Subject: x\r\nFrom: a@b"));
    expect(headerValue(a.root, "from")).toBe("a@b");
    expect(a.root.bodyStart).toBe(a.bytes.length);
    const b = parseMessage(utf8("\r\njust body"));
    expect(b.root.headers).toEqual([]);
    expect(body(b, b.root)).toBe("just body");
    const c = parseMessage(utf8("just text, no headers\r\n"));
    expect(c.root.headers).toEqual([]);
    expect(c.root.bodyStart).toBe(0);
    const d = parseMessage(utf8("From alice@example.jp Mon Jan 1 00:00:00 2024\nSubject: s\n\nx"));
    expect(headerValue(d.root, "subject")).toBe("s");
    expect(d.bareLf).toBe(true);
    const e = parseMessage(new Uint8Array(0));
    expect(e.root.headers).toEqual([]);
    expect(e.problems).toEqual([]);
  });

  test("folded headers keep the raw span of the whole field; transfer encoding normalised", () => {
    const raw = "Subject: a\r\n\tb\r\n c\r\nContent-Transfer-Encoding:  Base64 \r\n\r\n";
    const msg = parseMessage(utf8(raw));
    const s = msg.root.headers[0];
    expect(s?.rawValue).toBe("a\tb c");
    expect(s && text(msg, s.start, s.end)).toBe("Subject: a\r\n\tb\r\n c\r\n");
    expect(msg.root.transferEncoding).toBe("base64");
  });

  test("multipart/digest parts default to message/rfc822", () => {
    const raw =
      "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: one\r\n\r\nbody\r\n--d--\r\n";
    const msg = parseMessage(utf8(raw));
    const p = msg.root.children[0] as MimePart;
    expect(p.contentType).toMatchObject({ type: "message", subtype: "rfc822", explicit: false });
    expect(headerValue(p.message as MimePart, "subject")).toBe("one");
  });
});

describe("size and pathological inputs (spans asserted; no timing asserts)", () => {
  test("a 50 MB multipart/signed message", () => {
    const head = utf8(
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary="==B=="\r\n\r\n--==B==\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n',
    );
    const line = utf8("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n");
    const lines = Math.ceil((50 * 1024 * 1024) / line.length);
    const tail = utf8("--==B==\r\nContent-Type: application/pkcs7-signature\r\n\r\nSIG\r\n--==B==--\r\n");
    const total = head.length + lines * line.length + tail.length;
    const bytes = new Uint8Array(total);
    bytes.set(head, 0);
    let o = head.length;
    for (let i = 0; i < lines; i++, o += line.length) bytes.set(line, o);
    bytes.set(tail, o);

    const msg = parseMessage(bytes);
    expect(msg.problems).toEqual([]);
    const [a, b] = msg.root.children as [MimePart, MimePart];
    expect(a.start).toBe(
      head.length -
        "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n".length,
    );
    expect(a.bodyStart).toBe(head.length);
    expect(a.end).toBe(o - 2); // the CRLF before the delimiter is not part of the content
    expect(body(msg, b)).toBe("SIG");
    const sc = signedContent(msg, msg.root);
    expect(sc.length).toBe(a.end - a.start);
    expect(sc.buffer).toBe(bytes.buffer); // no copy for CRLF input
    const decoded = decodedBody(msg, a);
    expect(decoded.length).toBe(lines * 57);
    expect(latin1(decoded.subarray(0, 6))).toBe("ABCDEF");
  });

  test("31 nested multiparts around 50 MB of bare line breaks", () => {
    let h = "";
    for (let i = 0; i < 31; i++) h += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
    const head = utf8(h + "\r\n");
    const tail = utf8("\r\n--b30--\r\n");
    const bytes = new Uint8Array(head.length + 50 * 1024 * 1024 + tail.length);
    bytes.set(head);
    bytes.fill(0x0a, head.length, bytes.length - tail.length);
    bytes.set(tail, bytes.length - tail.length);
    const msg = parseMessage(bytes);
    let leaf: MimePart | undefined;
    walkParts(msg.root, (p) => {
      if (p.depth === 31) leaf = p;
    });
    expect(leaf?.path).toBe(Array(31).fill("1").join("."));
    expect(leaf?.bodyStart).toBe(head.length);
    expect(leaf?.end).toBe(bytes.length - tail.length);
    // the 30 outer multiparts (depth 0-29) are unterminated: reported, innermost first
    expect(msg.problems.map((p) => p.part)).toEqual(
      Array.from({ length: 30 }, (_, i) =>
        Array(29 - i)
          .fill("1")
          .join("."),
      ),
    );
  });

  test("200 000 tiny parts parse linearly; the part cap applies", () => {
    const n = 200000;
    const chunks: string[] = ["Content-Type: multipart/mixed; boundary=x\r\n\r\n"];
    for (let i = 0; i < n; i++) chunks.push("--x\r\n\r\np\r\n");
    chunks.push("--x--\r\n");
    const bytes = utf8(chunks.join(""));
    const msg = parseMessage(bytes, { maxParts: 1000000 });
    expect(msg.problems).toEqual([]);
    expect(msg.root.children).toHaveLength(n);
    expect(msg.root.children[n - 1]?.path).toBe(String(n));
    const capped = parseMessage(bytes, { maxParts: 1000 });
    expect(capped.root.children.length).toBe(999);
    expect(capped.problems[0]?.message).toMatch(/more than 1000 MIME parts/);
  });

  test("a 5 MB header line and a header with 100 000 fields", () => {
    const long = "Subject: " + "=?x".repeat(1_500_000) + "\r\n\r\nbody";
    const a = parseMessage(utf8(long));
    expect(headerValue(a.root, "subject")?.length).toBe(4_500_000);
    const many = "X-A: 1\r\n".repeat(100000) + "\r\nbody";
    const b = parseMessage(utf8(many));
    expect(b.root.headers.length).toBe(10000); // fields kept per part are capped
    expect(body(b, b.root)).toBe("body");
  });

  test("never throws on random bytes", () => {
    let seed = 12345;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = utf8('-\r\n:;="boundary=Content-Type multipart/mixed message/rfc822 ab\t');
    for (let k = 0; k < 300; k++) {
      const prefix = utf8("Content-Type: multipart/mixed; boundary=ab\r\n\r\n--ab\r\n");
      const bytes = new Uint8Array(prefix.length + Math.floor(rnd() * 400));
      bytes.set(prefix);
      for (let i = prefix.length; i < bytes.length; i++)
        bytes[i] = alphabet[Math.floor(rnd() * alphabet.length)] as number;
      const msg = parseMessage(bytes);
      walkParts(msg.root, (p) => {
        expect(p.start).toBeLessThanOrEqual(p.end);
        expect(p.bodyStart).toBeGreaterThanOrEqual(p.start);
        expect(p.end).toBeLessThanOrEqual(bytes.length);
        decodedBody(msg, p);
        signedContent(msg, p);
      });
    }
  });
});
