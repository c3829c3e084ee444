import { readFileSync } from "node:fs";
import path from "node:path";
import { readCurrentMessage } from "../../src/office";
import { diagnose, fromPem } from "../../src/engine";
import {
  attachment,
  base64,
  fail,
  installOffice,
  never,
  ok,
  throws,
  uninstallOffice,
  type FakeOfficeOptions,
} from "./fakeOffice";

const GEN = path.resolve(__dirname, "..", "fixtures", "generated");

const fx = (rel: string) => new Uint8Array(readFileSync(path.join(GEN, rel)));
const anchors = () => fromPem(readFileSync(path.join(GEN, "pki", "root.pem"), "latin1"));
const AT = new Date("2030-01-01T00:00:00Z");

const SIGNED_HEADERS = [
  "Received: from mx.example.jp by exchange.example.jp; Tue, 24 Nov 2026 16:53:46 +0000",
  "From: Alice Example <alice@example.jp>",
  "To: Bob Example <bob@example.jp>",
  "Subject: =?UTF-8?B?572y5ZCN5LuY44GN44Oh44O844Or?=",
  "Date: Tue, 24 Nov 2026 16:53:45 +0000",
  "MIME-Version: 1.0",
  'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;',
  '\tboundary="----=_Signed"',
  "",
].join("\r\n");

function setup(opts: FakeOfficeOptions) {
  return installOffice(opts);
}

afterEach(() => {
  uninstallOffice();
  jest.useRealTimers();
});

describe("rung 1: item.getAsFileAsync (Mailbox 1.14)", () => {
  it("returns the whole message as bytes, and the engine verifies it", async () => {
    const eml = fx("messages/sender-match.eml");
    const f = setup({ item: { getAsFile: ok(base64(eml)) } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("eml");
    expect(s.notes).toEqual([]);
    expect(s.bytes).toBeDefined();
    expect(Buffer.from(s.bytes!).equals(Buffer.from(eml))).toBe(true);
    expect(s.partial).toBeUndefined();
    expect(s.subject).toBe("Test subject");
    expect(s.from).toEqual({ name: "Alice Example", address: "alice@example.jp" });
    expect(s.userAddress).toBe("bob@example.jp");
    expect(s.itemMode).toBe("read");
    expect(f.calls.getAsFile).toBe(1);
    expect(f.calls.headers).toBe(0);
    const d = await diagnose(s.bytes!, { trustAnchors: anchors(), at: AT });
    expect(d.kind).toBe("signed");
    expect(d.signature).toBe("valid");
  });

  it("falls through on an error status, with a note naming the failure", async () => {
    const f = setup({
      item: {
        getAsFile: fail(9002, "InternalServerError", "boom"),
        headers: ok(SIGNED_HEADERS),
        body: ok("hi"),
      },
    });
    const s = await readCurrentMessage();
    expect(f.calls.getAsFile).toBe(1);
    expect(s.rung).toBe("headers");
    expect(s.notes[0]).toMatchObject({ rung: "eml", reason: "error" });
    expect(s.notes[0]!.message.en).toContain("boom");
    expect(s.notes[0]!.message.ja).toContain("boom");
  });

  it("falls through when the call throws", async () => {
    setup({ item: { getAsFile: throws(new Error("not in this build")), headers: ok(SIGNED_HEADERS) } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("headers");
    expect(s.notes[0]).toMatchObject({ rung: "eml", reason: "error" });
    expect(s.notes[0]!.message.en).toContain("not in this build");
  });

  it("falls through when the answer is empty", async () => {
    setup({ item: { getAsFile: ok(""), headers: ok(SIGNED_HEADERS) } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("headers");
    expect(s.notes[0]).toMatchObject({ rung: "eml", reason: "error" });
  });

  it("times out after 15 s and goes on to the next rung", async () => {
    jest.useFakeTimers();
    setup({ item: { getAsFile: never, headers: ok(SIGNED_HEADERS), body: ok("text") } });
    let done = false;
    const p = readCurrentMessage().then((s) => {
      done = true;
      return s;
    });
    await jest.advanceTimersByTimeAsync(14_000);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1_100);
    const s = await p;
    expect(done).toBe(true);
    expect(s.rung).toBe("headers");
    expect(s.notes[0]).toMatchObject({ rung: "eml", reason: "error" });
    expect(s.notes[0]!.message.en).toMatch(/15 seconds/);
    expect(s.notes[0]!.message.ja).toMatch(/15 秒/);
  });

  it("is not called when Mailbox 1.14 is unsupported", async () => {
    const f = setup({ mailbox: "1.13", item: { getAsFile: ok("AAAA"), headers: ok(SIGNED_HEADERS) } });
    const s = await readCurrentMessage();
    expect(f.calls.getAsFile).toBe(0);
    expect(s.rung).toBe("headers");
    expect(s.notes[0]).toMatchObject({ rung: "eml", reason: "unsupported" });
    expect(s.notes[0]!.message.ja).toContain("Mailbox 1.14");
  });
});

describe("rung 2: Exchange's smime.p7m (Mailbox 1.8)", () => {
  it("reads a clear-signed entity, adds From/Subject from the item, and the engine verifies it", async () => {
    const entity = fx("messages/exchange-entity.eml");
    const f = setup({
      mailbox: "1.13",
      item: {
        itemClass: "IPM.Note.SMIME.MultipartSigned",
        subject: "署名付きメール",
        attachments: [attachment("smime.p7m", "multipart/signed", "ATT1")],
        attachmentContent: ok({ content: base64(entity), format: "base64" }),
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("smime-attachment");
    expect(f.calls.attachmentContent).toEqual(["ATT1"]);
    expect(s.notes).toEqual([expect.objectContaining({ rung: "eml", reason: "unsupported" })]);
    expect(s.addedHeaders).toEqual(["From", "Subject"]);
    const d = await diagnose(s.bytes!, { trustAnchors: anchors(), at: AT });
    expect(d.kind).toBe("signed");
    expect(d.signature).toBe("valid");
    expect(d.findings.map((x) => x.code)).not.toContain("SENDER_MISMATCH");
    expect(d.headers?.subject).toBe("署名付きメール");
    expect(d.headers?.from?.[0]).toContain("alice@example.jp");
  });

  it("the From added from the item reaches the engine's sender check", async () => {
    const entity = fx("messages/exchange-entity.eml");
    setup({
      mailbox: "1.8",
      item: {
        itemClass: "IPM.Note.SMIME.MultipartSigned",
        from: { displayName: "Mallory", emailAddress: "mallory@example.com" },
        attachments: [attachment("smime.p7m", "multipart/signed")],
        attachmentContent: ok({ content: base64(entity), format: "base64" }),
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("smime-attachment");
    const d = await diagnose(s.bytes!, { trustAnchors: anchors(), at: AT });
    expect(d.signature).toBe("valid");
    expect(d.findings.map((x) => x.code)).toContain("SENDER_MISMATCH");
  });

  it("wraps a bare CMS blob (encrypted) as application/pkcs7-mime", async () => {
    const der = fx("cms/enveloped-aes256.p7m");
    setup({
      mailbox: "1.8",
      item: {
        itemClass: "IPM.Note.SMIME",
        attachments: [attachment("smime.p7m", "application/pkcs7-mime")],
        attachmentContent: ok({ content: base64(der), format: "base64" }),
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("smime-attachment");
    const text = Buffer.from(s.bytes!).toString("latin1");
    expect(text).toMatch(/^From: "Alice Example" <alice@example\.jp>\r\n/);
    expect(text).toContain("Content-Type: application/pkcs7-mime");
    const d = await diagnose(s.bytes!, { trustAnchors: anchors(), at: AT });
    expect(d.kind).toBe("encrypted");
    expect(d.findings.map((x) => x.code)).toContain("ENCRYPTED");
  });

  it("accepts the Eml format", async () => {
    const entity = "Content-Type: text/plain\r\n\r\nhello\r\n";
    setup({
      mailbox: "1.8",
      item: {
        itemClass: "IPM.Note.SMIME.MultipartSigned",
        attachments: [attachment("smime.p7m", "multipart/signed")],
        attachmentContent: ok({ content: entity, format: "eml" }),
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("smime-attachment");
    expect(Buffer.from(s.bytes!).toString("utf8")).toMatch(
      /^From: .*\r\nSubject: Test subject\r\nContent-Type: text\/plain/,
    );
  });

  it("a URL answer, an error, a throw or a timeout each fall through to the headers rung", async () => {
    for (const behaviour of [ok({ content: "https://example.com/x", format: "url" }), fail(), throws()]) {
      const f = setup({
        mailbox: "1.8",
        item: {
          itemClass: "IPM.Note.SMIME",
          attachments: [attachment("smime.p7m", "application/pkcs7-mime")],
          attachmentContent: behaviour,
          headers: ok(
            SIGNED_HEADERS.replace(
              /multipart\/signed[^\r]*\r\n\t[^\r]*/,
              "application/pkcs7-mime; smime-type=enveloped-data",
            ),
          ),
        },
      });
      const s = await readCurrentMessage();
      expect(f.calls.attachmentContent).toHaveLength(1);
      expect(s.rung).toBe("headers");
      expect(s.notes.map((n) => [n.rung, n.reason])).toEqual([
        ["eml", "unsupported"],
        ["smime-attachment", "error"],
        ["headers", "not-applicable"],
      ]);
      expect(s.partial?.kind).toBe("encrypted");
      uninstallOffice();
    }
    jest.useFakeTimers();
    setup({
      mailbox: "1.8",
      item: {
        itemClass: "IPM.Note.SMIME",
        attachments: [attachment("smime.p7m", "application/pkcs7-mime")],
        attachmentContent: never,
        headers: ok(SIGNED_HEADERS),
      },
    });
    const p = readCurrentMessage();
    await jest.advanceTimersByTimeAsync(15_100);
    const s = await p;
    expect(s.rung).toBe("headers");
    expect(s.notes[1]).toMatchObject({ rung: "smime-attachment", reason: "error" });
  });

  it("is not applicable to an ordinary message", async () => {
    const f = setup({ mailbox: "1.8", item: { itemClass: "IPM.Note", headers: ok(SIGNED_HEADERS) } });
    const s = await readCurrentMessage();
    expect(f.calls.attachmentContent).toEqual([]);
    expect(s.notes[1]).toMatchObject({ rung: "smime-attachment", reason: "not-applicable" });
    expect(s.notes[1]!.message.en).toContain("IPM.Note");
  });
});

describe("rung 3: internet headers + attachments + body (Mailbox 1.8)", () => {
  it("multipart/signed → signed, unverifiable, partial, with decoded headers and body text", async () => {
    const f = setup({ mailbox: "1.8", item: { headers: ok(SIGNED_HEADERS), body: ok("Hello Bob") } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("headers");
    expect(f.calls.body).toEqual(["text"]);
    const d = s.partial!;
    expect(d.kind).toBe("signed");
    expect(d.signature).toBe("unverifiable");
    expect(d.headers?.subject).toBe("署名付きメール");
    expect(d.headers?.from).toEqual(["Alice Example <alice@example.jp>"]);
    expect(d.texts?.[0]?.text).toBe("Hello Bob");
    expect(s.notes.at(-1)).toMatchObject({ rung: "headers", reason: "not-applicable" });
    expect(s.notes.at(-1)!.message.en).toMatch(/Partial result/);
  });

  it("a smime.p7s beside the content → orphan-signature with ORPHAN_SIGNATURE", async () => {
    const headers = SIGNED_HEADERS.replace(
      /multipart\/signed[^\r]*\r\n\t[^\r]*/,
      'multipart/mixed; boundary="x"',
    );
    setup({
      mailbox: "1.8",
      item: {
        headers: ok(headers),
        attachments: [attachment("smime.p7s", "application/pkcs7-signature")],
        body: ok("Hello"),
      },
    });
    const d = (await readCurrentMessage()).partial!;
    expect(d.kind).toBe("orphan-signature");
    expect(d.signature).toBe("unverifiable");
    expect(d.findings.map((x) => x.code)).toEqual(["ORPHAN_SIGNATURE"]);
    expect(d.findings[0]!.message.ja).toContain("smime.p7s");
    expect(d.attachments).toEqual([
      { part: "attachment-1", filename: "smime.p7s", contentType: "application/pkcs7-signature", size: 1234 },
    ]);
  });

  it.each([
    ["application/pkcs7-mime; smime-type=enveloped-data", "encrypted", "none", ["ENCRYPTED"]],
    ["application/x-pkcs7-mime; smime-type=authEnveloped-data", "encrypted", "none", ["ENCRYPTED"]],
    ["application/pkcs7-mime; smime-type=signed-data", "opaque-signed", "unverifiable", []],
    ["application/pkcs7-mime; smime-type=certs-only", "certs-only", "none", ["CERTS_ONLY"]],
    ["text/plain; charset=utf-8", "none", "none", []],
  ])("Content-Type %s → %s", async (ct, kind, signature, codes) => {
    const headers = SIGNED_HEADERS.replace(/multipart\/signed[^\r]*\r\n\t[^\r]*/, ct);
    setup({ mailbox: "1.8", item: { headers: ok(headers), body: ok("x") } });
    const d = (await readCurrentMessage()).partial!;
    expect(d.kind).toBe(kind);
    expect(d.signature).toBe(signature);
    expect(d.findings.map((x) => x.code)).toEqual(codes);
  });

  it("the declared charset and a garbled body give CHARSET_MISMATCH", async () => {
    const headers = SIGNED_HEADERS.replace(
      /multipart\/signed[^\r]*\r\n\t[^\r]*/,
      "text/plain; charset=Shift_JIS",
    );
    // "こんにちは、お元気ですか" in UTF-8, read as Shift_JIS (CP932)
    const garbled = new TextDecoder("shift_jis").decode(
      Buffer.from("こんにちは、お元気ですか。よろしくお願いします。", "utf8"),
    );
    setup({ mailbox: "1.8", item: { headers: ok(headers), body: ok(garbled) } });
    const d = (await readCurrentMessage()).partial!;
    const f = d.findings.find((x) => x.code === "CHARSET_MISMATCH");
    expect(f).toBeDefined();
    expect(f!.detail).toMatchObject({ declared: "shift_jis", detected: "utf-8", heuristic: true });
    expect(d.texts?.[0]).toMatchObject({ declaredCharset: "shift_jis", detectedCharset: "utf-8" });
  });

  it("clean Japanese text gives no charset finding", async () => {
    const headers = SIGNED_HEADERS.replace(
      /multipart\/signed[^\r]*\r\n\t[^\r]*/,
      "text/plain; charset=ISO-2022-JP",
    );
    setup({ mailbox: "1.8", item: { headers: ok(headers), body: ok("こんにちは、お元気ですか。") } });
    const d = (await readCurrentMessage()).partial!;
    expect(d.findings).toEqual([]);
    expect(d.texts?.[0]).toMatchObject({ declaredCharset: "iso-2022-jp", detectedCharset: "iso-2022-jp" });
  });

  it("a failing body read still gives the headers rung, without text", async () => {
    setup({ mailbox: "1.8", item: { headers: ok(SIGNED_HEADERS), body: fail() } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("headers");
    expect(s.partial?.texts).toBeUndefined();
  });

  it("a failing headers call falls to the basic rung", async () => {
    setup({
      mailbox: "1.8",
      item: { itemClass: "IPM.Note.SMIME.MultipartSigned", headers: fail(), attachments: [] },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("basic");
    expect(s.notes.map((n) => [n.rung, n.reason])).toEqual([
      ["eml", "unsupported"],
      ["smime-attachment", "not-applicable"],
      ["headers", "error"],
      ["basic", "not-applicable"],
    ]);
    expect(s.partial?.kind).toBe("signed");
  });
});

describe("rung 4: itemClass and attachments (Mailbox 1.1)", () => {
  it.each([
    ["IPM.Note.SMIME.MultipartSigned", [], "signed", "unverifiable", []],
    ["IPM.Note.SMIME", [], "encrypted", "none", ["ENCRYPTED"]],
    [
      "IPM.Note",
      [attachment("smime.p7s", "application/octet-stream")],
      "orphan-signature",
      "unverifiable",
      ["ORPHAN_SIGNATURE"],
    ],
    ["IPM.Note", [attachment("report.pdf", "application/pdf")], "none", "none", []],
  ])("%s → %s", async (itemClass, attachments, kind, signature, codes) => {
    const f = setup({ mailbox: "1.1", item: { itemClass, attachments } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("basic");
    expect(f.calls.getAsFile + f.calls.headers + f.calls.attachmentContent.length).toBe(0);
    expect(s.itemClass).toBe(itemClass);
    expect(s.partial).toMatchObject({ kind, signature });
    expect(s.partial!.findings.map((x) => x.code)).toEqual(codes);
    expect(s.notes.map((n) => n.rung)).toEqual(["eml", "smime-attachment", "headers", "basic"]);
    expect(s.notes.find((n) => n.rung === "headers")?.reason).toBe("unsupported");
  });

  it("works when isSetSupported is missing altogether", async () => {
    setup({ mailbox: "none", item: { itemClass: "IPM.Note" } });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("basic");
    expect(s.partial?.kind).toBe("none");
  });

  it("survives item getters that throw", async () => {
    const f = setup({ mailbox: "1.8", item: { headers: fail() } });
    const item = (f.office["context"] as { mailbox: { item: object } }).mailbox.item;
    Object.defineProperty(item, "attachments", {
      get() {
        throw new Error("attachments unavailable");
      },
    });
    Object.defineProperty(item, "itemClass", {
      get() {
        throw new Error("itemClass unavailable");
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("basic");
    expect(s.partial?.attachments).toEqual([]);
  });

  it("every call hanging still resolves (within 3 × 15 s)", async () => {
    jest.useFakeTimers();
    setup({
      mailbox: "1.14",
      item: {
        itemClass: "IPM.Note.SMIME",
        attachments: [attachment("smime.p7m", "application/pkcs7-mime")],
        getAsFile: never,
        attachmentContent: never,
        headers: never,
      },
    });
    const p = readCurrentMessage();
    await jest.advanceTimersByTimeAsync(46_000);
    const s = await p;
    expect(s.rung).toBe("basic");
    expect(s.notes.filter((n) => n.reason === "error")).toHaveLength(3);
    expect(s.partial?.kind).toBe("encrypted");
  });
});

describe("no message", () => {
  it("a null item (pinned pane, nothing selected) resolves with noItem and makes no call", async () => {
    const f = setup({ item: null });
    const s = await readCurrentMessage();
    expect(s.noItem).toBe(true);
    expect(s.bytes).toBeUndefined();
    expect(s.notes[0]!.message.ja).toContain("メッセージが選択されていません");
    expect(s.userAddress).toBe("bob@example.jp");
    expect(f.calls.getAsFile).toBe(0);
  });

  it("outside Outlook resolves with a note", async () => {
    uninstallOffice();
    const s = await readCurrentMessage();
    expect(s).toMatchObject({ rung: "basic", noItem: true });
    expect(s.notes[0]!.reason).toBe("unsupported");
  });

  it("a message being written is reported as compose mode", async () => {
    const f = setup({ item: { subject: { getAsync: () => undefined } } });
    const s = await readCurrentMessage();
    expect(s.itemMode).toBe("compose");
    expect(f.calls.getAsFile).toBe(0);
  });
});
