import { toMimeMessage, garbledCharset } from "../../src/office";
import { encodeWords } from "../../src/office/rebuild";
import { decodeEncodedWords, encodeBase64, headerValue, parseMessage } from "../../src/engine";

const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("toMimeMessage", () => {
  const der = Uint8Array.from([
    0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03,
  ]);

  it("wraps DER as application/pkcs7-mime with the outer headers", () => {
    const r = toMimeMessage(der, {
      from: { name: "山田 太郎", address: "taro@example.jp" },
      subject: "暗号化",
    });
    expect(r.wrapped).toBe(true);
    expect(r.added).toEqual(["From", "Subject"]);
    const msg = parseMessage(r.bytes);
    expect(msg.root.contentType).toMatchObject({ type: "application", subtype: "pkcs7-mime" });
    expect(decodeEncodedWords(headerValue(msg.root, "from")!)).toBe("山田 太郎 <taro@example.jp>");
    expect(decodeEncodedWords(headerValue(msg.root, "subject")!)).toBe("暗号化");
    expect(text(r.bytes)).toContain(encodeBase64(der));
  });

  it("recognises base64 text of DER", () => {
    const r = toMimeMessage(new TextEncoder().encode(encodeBase64(der, 64)), {});
    expect(r.wrapped).toBe(true);
    expect(r.added).toEqual([]);
  });

  it("keeps headers that are present and only adds missing ones; keeps bare LF", () => {
    const entity = new TextEncoder().encode("From: a@example.jp\nContent-Type: text/plain\n\nbody\n");
    const r = toMimeMessage(entity, { from: { name: "", address: "b@example.jp" }, subject: "Hi" });
    expect(r.added).toEqual(["Subject"]);
    expect(text(r.bytes)).toBe("Subject: Hi\nFrom: a@example.jp\nContent-Type: text/plain\n\nbody\n");
  });

  it("adds Sender when it differs from From", () => {
    const r = toMimeMessage(new TextEncoder().encode("Content-Type: text/plain\r\n\r\nx"), {
      from: { name: "Alice", address: "alice@example.jp" },
      sender: { name: "Secretary", address: "sec@example.jp" },
    });
    expect(r.added).toEqual(["From", "Sender"]);
  });

  it("never lets a line break into a header (no header injection)", () => {
    const r = toMimeMessage(new TextEncoder().encode("Content-Type: text/plain\r\n\r\nx"), {
      subject: "Hi\r\nBcc: evil@example.com",
      from: { name: 'Eve "x"\r\nX-Evil: 1', address: "eve@example.jp\r\n" },
    });
    const msg = parseMessage(r.bytes);
    expect(headerValue(msg.root, "bcc")).toBeUndefined();
    expect(headerValue(msg.root, "x-evil")).toBeUndefined();
    expect(headerValue(msg.root, "subject")).toBe("Hi  Bcc: evil@example.com");
  });

  it("unchanged when nothing is to be added", () => {
    const entity = new TextEncoder().encode("Content-Type: text/plain\r\n\r\nx");
    const r = toMimeMessage(entity, {});
    expect(r.bytes).toBe(entity);
  });
});

describe("encodeWords", () => {
  it("round-trips long Japanese text through the engine's RFC 2047 decoder", () => {
    const s = "電子証明書の有効期限が切れています。更新の手続きをお願いします。".repeat(3);
    const enc = encodeWords(s);
    for (const line of enc.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(decodeEncodedWords(enc.replace(/\r\n/g, ""))).toBe(s);
  });
});

describe("garbledCharset", () => {
  it("spots UTF-8 read as Windows-1252", () => {
    const g = new TextDecoder("windows-1252").decode(Buffer.from("日本語のテキストです", "utf8"));
    expect(garbledCharset(g)).toEqual({ writtenIn: "utf-8", shownAs: "windows-1252" });
  });
  it("leaves ordinary text alone", () => {
    expect(garbledCharset("Café crème, naïve résumé — “quotes”")).toBeUndefined();
    expect(garbledCharset("縺 appears once")).toBeUndefined();
  });
});
