/**
 * Property: for random MIME trees serialised by the test (CRLF and bare LF), the parser recovers every
 * leaf body byte-exactly, every multipart's structure, and signedContent() of a multipart/signed is the
 * CRLF serialisation of its first part whatever the stored line ends were.
 */
import fc from "fast-check";
import { bodyBytes, parseMessage, signedContent } from "../../../src/engine/mime/index";
import type { MimePart } from "../../../src/engine/mime/types";
import { latin1, utf8 } from "../../../src/engine/util/bytes";

type Node = { kind: "leaf"; body: string } | { kind: "multi"; children: Node[] };

const bodyArb = fc
  .array(fc.constantFrom("a", "b", " ", "-", "--", "=", ":", "\n", "x: y", "\t", "--z", "日"), {
    maxLength: 12,
  })
  .map((xs) => xs.join(""))
  // a body line must not look like a delimiter of our boundaries ("--b<digits>")
  .map((s) => s.replace(/(^|\n)--b/g, "$1- b"));

const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    bodyArb.map((body): Node => ({ kind: "leaf", body })),
    fc
      .array(tie("node"), { minLength: 1, maxLength: 4 })
      .map((children): Node => ({ kind: "multi", children })),
  ),
})).node;

let counter = 0;
/** Serialises with LF line ends; `subtype` of the root multipart may be "signed". */
function serialise(node: Node, subtype = "mixed"): string {
  if (node.kind === "leaf") return `Content-Type: text/plain\n\n${node.body}`;
  const b = `b${counter++}`;
  let s = `Content-Type: multipart/${subtype}; boundary="${b}"\n\npreamble\n`;
  for (const c of node.children) s += `--${b}\n${serialise(c)}\n`;
  return `${s}--${b}--\nepilogue`;
}

function check(node: Node, part: MimePart, msgBytes: Uint8Array, crlfMode: boolean): void {
  if (node.kind === "leaf") {
    const expected = crlfMode ? node.body.replace(/\n/g, "\r\n") : node.body;
    expect(latin1(bodyBytes({ root: part, bytes: msgBytes, bareLf: false, problems: [] }, part))).toBe(
      latin1(utf8(expected)),
    );
    return;
  }
  expect(part.children).toHaveLength(node.children.length);
  expect(part.closed).toBe(true);
  node.children.forEach((c, i) => check(c, part.children[i] as MimePart, msgBytes, crlfMode));
}

test("random trees round-trip byte-exactly (CRLF and bare LF)", () => {
  fc.assert(
    fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 3 }), (children) => {
      const root: Node = { kind: "multi", children };
      const lfText = "From: a@b\n" + serialise(root, "signed");
      const lfBytes = utf8(lfText);
      const crlfBytes = utf8(lfText.replace(/\n/g, "\r\n"));
      const a = parseMessage(crlfBytes);
      const b = parseMessage(lfBytes);
      expect(a.problems).toEqual([]);
      expect(b.problems).toEqual([]);
      expect(a.bareLf).toBe(false);
      expect(b.bareLf).toBe(true);
      check(root, a.root, crlfBytes, true);
      check(root, b.root, lfBytes, false);
      const first = a.root.children[0] as MimePart;
      const expected = latin1(crlfBytes, first.start, first.end);
      expect(latin1(signedContent(a, a.root))).toBe(expected);
      expect(latin1(signedContent(b, b.root))).toBe(expected);
    }),
    { numRuns: 300 },
  );
});
