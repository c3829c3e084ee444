/**
 * decodeOfficeBase64: the browser's Uint8Array.fromBase64 where it exists and accepts the text, else the
 * engine's tolerant decoder; the same bytes either way for Office's base64. (Node 20 has no fromBase64:
 * the tests put a stand-in on Uint8Array built on Buffer, strict as the real one.)
 */
import { decodeBase64String } from "../../src/engine";
import { beforeLongDecode, decodeOfficeBase64, LONG_DECODE_CHARS } from "../../src/office/base64";

type Holder = { fromBase64?: unknown };
const holder = Uint8Array as unknown as Holder;

function strictFromBase64(calls: string[]) {
  return (text: string): Uint8Array => {
    calls.push(text);
    const clean = text.replace(/[\t\n\f\r ]/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new SyntaxError("invalid base64");
    return new Uint8Array(Buffer.from(clean, "base64"));
  };
}

afterEach(() => {
  delete holder.fromBase64;
});

describe("decodeOfficeBase64", () => {
  const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) & 0xff));
  const b64 = Buffer.from(bytes).toString("base64");
  const wrapped = b64.replace(/(.{76})/g, "$1\r\n");

  it("without Uint8Array.fromBase64: the engine's decoder", () => {
    expect(holder.fromBase64).toBeUndefined();
    expect(decodeOfficeBase64(wrapped)).toEqual(bytes);
  });

  it("with it: the browser's decoder, the same bytes", () => {
    const calls: string[] = [];
    holder.fromBase64 = strictFromBase64(calls);
    expect(decodeOfficeBase64(wrapped)).toEqual(bytes);
    expect(calls).toHaveLength(1);
  });

  it("text the browser's decoder refuses goes to the tolerant decoder", () => {
    const calls: string[] = [];
    holder.fromBase64 = strictFromBase64(calls);
    const odd = `${b64.slice(0, 100)}*${b64.slice(100)}`;
    expect(decodeOfficeBase64(odd)).toEqual(decodeBase64String(odd));
    expect(decodeOfficeBase64(odd)).toEqual(bytes);
    expect(calls).toHaveLength(2);
  });
});

describe("beforeLongDecode: the pane draws before a long decode", () => {
  it("above LONG_DECODE_CHARS it waits one turn of the event loop (a timer set before it runs first); below, none", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("timer"), 0);
    await beforeLongDecode(LONG_DECODE_CHARS);
    order.push("short");
    await beforeLongDecode(LONG_DECODE_CHARS + 1);
    order.push("long");
    expect(order).toEqual(["short", "timer", "long"]);
  });
});
