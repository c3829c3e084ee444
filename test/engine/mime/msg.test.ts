/**
 * Outlook .msg input.
 *
 * 1. The generated fixtures (test/fixtures/gen-msg.mjs) against MS-OXMSG, read by two readers that share
 *    nothing with the engine's path: @kenjiuno/msgreader (its own compound-file reader and MS-OXMSG
 *    property parser) for what an Outlook item means — message class, subject, sender, recipients,
 *    transport headers, body, the attachment's name, mime tag and bytes — and SheetJS cfb for the layout
 *    itself — the property streams' headers (32 bytes at the top with the recipient and attachment counts,
 *    8 bytes in recipient and attachment storages), one 16-byte entry per __substg1.0 stream with the size
 *    MS-OXMSG 2.4.2.2 prescribes, upper-case stream names, the named-property storage.
 * 2. The engine's reading: the S/MIME entity is carried over byte for byte after the header lines; damaged
 *    compound files (cut, looping sector chains, looping directory links, mutations) end in MALFORMED_MIME,
 *    never in an exception or a hang; what is not a message is said to be so, and text without headers is
 *    left as it was.
 */
import fs from "node:fs";
import path from "node:path";
import MsgReader from "@kenjiuno/msgreader";
import CFB from "cfb";
import { diagnose } from "../../../src/engine/index";
import { verdictOf } from "../../../src/faq/verdict/index";
import { faqIdsFor } from "../../../src/faq/index";
import { MAX_PATH_CHARACTERS, MAX_STORAGE_DEPTH, readStreams } from "../../../src/engine/mime/msg/compound";
import { isCompoundFile, MsgError, readOutlookMessage } from "../../../src/engine/mime/msg/index";
import { FINDING_CODES } from "../../../src/engine/types";
import { fromPem } from "../../../src/engine/util/bytes";

const GENERATED = path.resolve(__dirname, "..", "..", "fixtures", "generated");
const MSG = path.join(GENERATED, "msg");
const MESSAGES = path.join(GENERATED, "messages");
const AT = new Date("2030-01-01T00:00:00Z");
const anchors = fromPem(fs.readFileSync(path.join(GENERATED, "pki", "root.pem"), "latin1"));

const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(f));
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString("latin1");

/** The .eml each fixture was made from, and how (see gen-msg.mjs). */
const SOURCES: Record<
  string,
  { eml: string; form: "entity" | "whole" | "der" | "plain"; transport: boolean }
> = {
  "signed.msg": { eml: "signed-rsa-sha256.eml", form: "entity", transport: true },
  "signed-whole-message.msg": { eml: "signed-rsa-sha256.eml", form: "whole", transport: true },
  "signed-sent-item.msg": { eml: "sender-match.eml", form: "entity", transport: false },
  "tampered.msg": { eml: "tampered.eml", form: "entity", transport: true },
  "sender-from-differs.msg": { eml: "sender-from-differs.eml", form: "entity", transport: true },
  "sender-property-differs.msg": { eml: "sender-match.eml", form: "entity", transport: false },
  "signing-time-3h.msg": { eml: "signing-time-3h.eml", form: "entity", transport: true },
  "encrypted.msg": { eml: "encrypted-aes256.eml", form: "der", transport: true },
  "opaque-signed.msg": { eml: "opaque-signed.eml", form: "der", transport: false },
  "plain.msg": { eml: "plain-unsigned.eml", form: "plain", transport: true },
  "plain-ja.msg": { eml: "plain-unsigned.eml", form: "plain", transport: false },
  "plain-ansi-sjis.msg": { eml: "plain-unsigned.eml", form: "plain", transport: false },
  "plain-signed-pdf.msg": { eml: "plain-unsigned.eml", form: "plain", transport: true },
};

function splitEml(bytes: Uint8Array): { header: string; body: Uint8Array } {
  const text = latin1(bytes);
  const i = text.indexOf("\r\n\r\n");
  return { header: text.slice(0, i + 2), body: bytes.subarray(i + 4) };
}

function headerValue(header: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, "im").exec(header);
  return (m?.[1] ?? "").replace(/\r\n/g, "").trim();
}

describe("generated .msg files, read by @kenjiuno/msgreader", () => {
  it("cover every fixture of the msg index", () => {
    const index = JSON.parse(fs.readFileSync(path.join(MSG, "index.json"), "utf8")) as { file: string }[];
    const items = index
      .map((e) => path.basename(e.file))
      // damaged.msg is cut short; injected-address.msg is crafted (tested in "security review: injection")
      .filter((f) => f.endsWith(".msg") && f !== "damaged.msg" && f !== "injected-address.msg");
    expect(items.sort()).toEqual(Object.keys(SOURCES).sort());
  });

  it.each(Object.entries(SOURCES))("%s", (file, src) => {
    const bytes = fs.readFileSync(path.join(MSG, file));
    const reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (file === "plain-ansi-sjis.msg") reader.parserConfig = { ansiEncoding: "shift_jis" };
    const d = reader.getFileData();
    expect(d.error).toBeUndefined();
    const eml = read(path.join(MESSAGES, src.eml));
    const { header, body } = splitEml(eml);

    expect(d.messageClass).toBe(
      src.form === "entity" || src.form === "whole"
        ? "IPM.Note.SMIME.MultipartSigned"
        : src.form === "der"
          ? "IPM.Note.SMIME"
          : "IPM.Note",
    );
    expect(d.subject).toBe(headerValue(header, "Subject"));
    expect(new Date(d.clientSubmitTime ?? "").getTime()).toBe(
      new Date(headerValue(header, "Date")).getTime(),
    );
    const to = /<([^>]+)>/.exec(headerValue(header, "To"))?.[1];
    expect(d.recipients?.map((r) => [r.email, r.recipType])).toEqual([[to, "to"]]);
    if (file !== "sender-property-differs.msg") {
      expect(d.senderEmail).toBe(/<([^>]+)>/.exec(headerValue(header, "From"))?.[1]);
    } else {
      expect(d.senderEmail).toBe("mallory@evil.test");
    }
    // PidTagTransportMessageHeaders: the header block as received, or absent for a sent item
    expect(d.headers).toBe(src.transport ? header : undefined);

    if (src.form === "plain") {
      expect(d.body).toBe(
        file === "plain.msg" || file === "plain-signed-pdf.msg"
          ? latin1(body)
          : "ボブさん\r\n\r\nお見積もりの金額は 100 円です。\r\nよろしくお願いいたします。\r\n\r\n山田 太郎\r\n",
      );
      if (file === "plain-signed-pdf.msg") {
        const a = reader.getAttachment(0);
        expect(a.fileName).toBe("契約書.pdf");
        expect(
          Buffer.from(a.content).equals(fs.readFileSync(path.join(GENERATED, "pdf", "signed.pdf"))),
        ).toBe(true);
      } else {
        expect(d.attachments).toEqual([]);
      }
      return;
    }
    expect(d.attachments).toHaveLength(1);
    const info = d.attachments?.[0];
    expect(info?.attachMimeTag).toBe(src.form === "der" ? "application/pkcs7-mime" : "multipart/signed");
    const a = reader.getAttachment(0);
    expect(a.fileName).toBe("smime.p7m");
    const data = Buffer.from(a.content);
    if (src.form === "whole") {
      expect(data.equals(Buffer.from(eml))).toBe(true);
    } else if (src.form === "entity") {
      // the multipart/signed entity: the message's Content-* fields, a blank line, the body byte for byte
      const contentFields = header
        .split(/\r\n(?![ \t])/)
        .filter((l) => /^content-/i.test(l))
        .map((l) => `${l}\r\n`)
        .join("");
      expect(data.subarray(0, contentFields.length + 2).toString("latin1")).toBe(`${contentFields}\r\n`);
      expect(data.subarray(contentFields.length + 2).equals(Buffer.from(body))).toBe(true);
    } else {
      expect(data.equals(Buffer.from(latin1(body).replace(/[^A-Za-z0-9+/=]/g, ""), "base64"))).toBe(true);
    }
  });
});

describe("generated .msg files, laid out as MS-OXMSG says (read with cfb)", () => {
  const PT_STRING = 0x001f;
  const PT_STRING8 = 0x001e;
  const PT_BINARY = 0x0102;

  it.each(Object.keys(SOURCES))("%s", (file) => {
    const container = CFB.read(read(path.join(MSG, file)), { type: "array" });
    const streams = new Map<string, Uint8Array>();
    container.FileIndex.forEach((e, i) => {
      if (e.type === 2)
        streams.set((container.FullPaths[i] ?? "").replace(/^[^/]*\//, ""), Uint8Array.from(e.content));
    });
    const storages = container.FullPaths.filter((p, i) => container.FileIndex[i]?.type === 1).map((p) =>
      p.replace(/^[^/]*\//, "").replace(/\/$/, ""),
    );
    const recips = storages.filter((s) => /^__recip_version1\.0_#[0-9A-F]{8}$/.test(s));
    const attachs = storages.filter((s) => /^__attach_version1\.0_#[0-9A-F]{8}$/.test(s));
    expect(storages).toContain("__nameid_version1.0");
    for (const id of ["00020102", "00030102", "00040102"]) {
      expect(streams.has(`__nameid_version1.0/__substg1.0_${id}`)).toBe(true);
    }

    // MS-OXMSG 2.4.1.1: the top-level header (32 bytes) counts the recipients and attachments
    const top = streams.get("__properties_version1.0");
    expect(top).toBeDefined();
    const dv = new DataView((top as Uint8Array).buffer);
    expect(dv.getUint32(16, true)).toBe(recips.length);
    expect(dv.getUint32(20, true)).toBe(attachs.length);
    expect(dv.getUint32(8, true)).toBe(recips.length); // next recipient id
    expect(dv.getUint32(12, true)).toBe(attachs.length); // next attachment id

    for (const [prefix, headerSize] of [
      ["", 32],
      ...[...recips, ...attachs].map((s) => [`${s}/`, 8] as const),
    ] as const) {
      const props = streams.get(`${prefix}__properties_version1.0`) as Uint8Array;
      expect(props).toBeDefined();
      expect((props.length - headerSize) % 16).toBe(0);
      const pv = new DataView(props.buffer);
      const entries = new Map<string, number>();
      for (let o = headerSize; o < props.length; o += 16) {
        const tag = pv.getUint32(o, true);
        const type = tag & 0xffff;
        expect(pv.getUint32(o + 4, true) & 0x6).toBe(0x6); // readable, writable
        if (type === PT_STRING || type === PT_STRING8 || type === PT_BINARY) {
          entries.set(tag.toString(16).toUpperCase().padStart(8, "0"), pv.getUint32(o + 8, true));
        }
      }
      // one entry per __substg1.0 stream, with the size of 2.4.2.2 (PtypString +2, PtypString8 +1)
      const substg = [...streams.keys()]
        .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes("/"))
        .map((k) => k.slice(prefix.length))
        .filter((k) => k.startsWith("__substg1.0_"));
      expect(substg.map((k) => k.slice(12)).sort()).toEqual([...entries.keys()].sort());
      for (const k of substg) {
        const hex = k.slice(12);
        expect(hex).toMatch(/^[0-9A-F]{8}$/);
        const type = parseInt(hex.slice(4), 16);
        const len = (streams.get(prefix + k) as Uint8Array).length;
        expect(entries.get(hex)).toBe(len + (type === PT_STRING ? 2 : type === PT_STRING8 ? 1 : 0));
      }
    }
  });
});

describe("readOutlookMessage", () => {
  it("puts the transport headers (without Content-*) in front of the signed entity, byte for byte", async () => {
    const item = await readOutlookMessage(read(path.join(MSG, "signed.msg")));
    const eml = read(path.join(MESSAGES, "signed-rsa-sha256.eml"));
    const { header, body } = splitEml(eml);
    expect(item).toMatchObject({
      messageClass: "IPM.Note.SMIME.MultipartSigned",
      headers: "transport",
      content: "smime-entity",
      plain: false,
    });
    const text = latin1(item.mime);
    expect(text.startsWith(header.split(/\r\n(?=MIME-Version|Content-)/i)[0] as string)).toBe(true);
    expect(text).toContain("MIME-Version: 1.0\r\nContent-Type: multipart/signed;");
    expect(text.match(/^Content-Type:/gim)?.length).toBeGreaterThan(0);
    expect(Buffer.from(item.mime.subarray(item.mime.length - body.length)).equals(Buffer.from(body))).toBe(
      true,
    );
  });

  it("takes an attachment that holds the whole message as it is (no second From)", async () => {
    const item = await readOutlookMessage(read(path.join(MSG, "signed-whole-message.msg")));
    expect(item).toMatchObject({ headers: "attachment", content: "smime-entity" });
    expect(Buffer.from(item.mime).equals(fs.readFileSync(path.join(MESSAGES, "signed-rsa-sha256.eml")))).toBe(
      true,
    );
  });

  it("makes From, To, Subject and Date from the properties of a sent item", async () => {
    const item = await readOutlookMessage(read(path.join(MSG, "signed-sent-item.msg")));
    const head = latin1(item.mime).split("\r\nContent-Type:")[0];
    expect(item.headers).toBe("properties");
    expect(head).toBe(
      [
        "From: Alice Example <alice@example.jp>",
        "To: Bob Example <bob@example.jp>",
        "Subject: S/MIME fixture: sender",
        "Date: Tue, 24 Nov 2026 16:53:45 +0000",
        "Message-ID: <sender-match@fixtures.example.jp>",
        "MIME-Version: 1.0",
      ].join("\r\n"),
    );
  });

  it("wraps the DER of an IPM.Note.SMIME item as application/pkcs7-mime", async () => {
    const item = await readOutlookMessage(read(path.join(MSG, "encrypted.msg")));
    expect(item.content).toBe("smime-der");
    expect(latin1(item.mime)).toMatch(/\r\nContent-Type: application\/pkcs7-mime; name="smime.p7m"\r\n/);
  });

  it("decodes an ANSI item's text in its code page and says the text came from PidTagBody", async () => {
    const item = await readOutlookMessage(read(path.join(MSG, "plain-ansi-sjis.msg")));
    expect(item).toMatchObject({ plain: true, body: "PidTagBody", codepage: 932, headers: "properties" });
    expect(new TextDecoder().decode(item.mime)).toContain("お見積もりの金額は 100 円です。");
  });

  it("rejects a compound file that is not an Outlook item, and a cut one", async () => {
    await expect(readOutlookMessage(read(path.join(MSG, "not-outlook.doc")))).rejects.toMatchObject({
      name: "MsgError",
      notOutlook: true,
    });
    await expect(readOutlookMessage(read(path.join(MSG, "damaged.msg")))).rejects.toBeInstanceOf(MsgError);
    await expect(
      readOutlookMessage(read(path.join(MSG, "signed.msg")).subarray(0, 100)),
    ).rejects.toBeInstanceOf(MsgError);
  });

  it("recognises the compound-file signature only", () => {
    expect(isCompoundFile(read(path.join(MSG, "signed.msg")))).toBe(true);
    expect(isCompoundFile(read(path.join(MESSAGES, "signed-rsa-sha256.eml")))).toBe(false);
    expect(isCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11]))).toBe(false);
  });
});

/** The sector of the FAT and of the directory in a cfb-written file (header fields of MS-CFB 2.2). */
function layout(b: Uint8Array): { fat: number; dir: number } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { fat: dv.getUint32(0x4c, true), dir: dv.getUint32(0x30, true) };
}

describe("header fields and structure rebuilt from properties (security review: injection)", () => {
  it("an address property with line breaks and a Content-Type is left out, recorded, and the item stays unsigned", async () => {
    // msg/injected-address.msg (gen-msg.mjs): IPM.Note, sender address "alice@…>\r\nContent-Type:
    // multipart/signed; …\r\nX-Injected: yes…", text = the signed body of sender-match.eml
    const bytes = read(path.join(MSG, "injected-address.msg"));
    const item = await readOutlookMessage(bytes);
    expect(item.plain).toBe(true);
    expect(item.unreadableProperties).toEqual([
      "PidTagSentRepresentingEmailAddress",
      "PidTagSenderEmailAddress",
    ]);
    const head = latin1(item.mime).split("\r\n\r\n")[0] as string;
    expect(head).not.toMatch(/X-Injected|multipart\/signed|^From:/im);
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
    expect(d.kind).toBe("none");
    expect(d.signature).toBe("none");
    const f = d.findings.find((x) => x.code === "MSG_WITHOUT_MIME");
    expect(f?.detail).toMatchObject({ unreadableProperties: item.unreadableProperties });
    expect(f?.message.en).toMatch(/could not be read and were left out \(PidTagSentRepresentingEmailAddress/);
    expect(f?.message.ja).toMatch(/読み取れず/);
  });

  /** A minimal plain item (MS-OXMSG layout, as gen-msg.mjs writes it), built here for what no writer makes. */
  function plainItem(props: {
    body: string;
    sender?: string;
    subject?: string;
    attachment?: string;
    messageClass?: string;
    data?: Uint8Array;
  }): Uint8Array {
    const cfb = CFB.utils.cfb_new();
    const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, "0");
    const po = (dir: string, header: Buffer, list: [number, number, string | Buffer | number][]): void => {
      const entries = list.map(([id, type, v]) => {
        const e = Buffer.alloc(16);
        e.writeUInt32LE(((id << 16) | type) >>> 0, 0);
        e.writeUInt32LE(6, 4);
        if (typeof v === "number") e.writeInt32LE(v, 8);
        else {
          const data = typeof v === "string" ? Buffer.from(v, "utf16le") : v;
          CFB.utils.cfb_add(cfb, `${dir}__substg1.0_${hex4(id)}${hex4(type)}`, data);
          e.writeUInt32LE(data.length + (typeof v === "string" ? 2 : 0), 8);
        }
        return e;
      });
      CFB.utils.cfb_add(cfb, `${dir}__properties_version1.0`, Buffer.concat([header, ...entries]));
    };
    const top: [number, number, string | Buffer | number][] = [
      [0x001a, 0x1f, props.messageClass ?? "IPM.Note"],
      [0x1000, 0x1f, props.body],
    ];
    if (props.sender) top.push([0x0065, 0x1f, props.sender], [0x0064, 0x1f, "SMTP"]);
    if (props.subject) top.push([0x0037, 0x1f, props.subject]);
    po("/", Buffer.alloc(32), top);
    if (props.attachment) {
      po("/__attach_version1.0_#00000000/", Buffer.alloc(8), [
        [0x3705, 0x03, 1],
        [0x3701, 0x102, Buffer.from(props.data ?? Buffer.from("not really signed"))],
        [0x370e, 0x1f, props.attachment],
        [0x3707, 0x1f, props.data ? "smime.p7m" : "a.bin"],
      ]);
    }
    return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
  }

  it("an S/MIME item with an injected address: left out, and a MALFORMED_MIME finding says so", async () => {
    const bytes = plainItem({
      messageClass: "IPM.Note.SMIME.MultipartSigned",
      body: "",
      sender: "alice@example.jp>\r\nContent-Type: text/plain\r\nX-Injected: yes",
      attachment: "multipart/signed",
      data: read(path.join(MESSAGES, "exchange-entity.eml")),
    });
    const item = await readOutlookMessage(bytes);
    expect(item.plain).toBe(false);
    expect(item.unreadableProperties).toEqual(["PidTagSentRepresentingEmailAddress"]);
    expect(latin1(item.mime)).not.toMatch(/X-Injected/);
    const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
    expect(d.kind).toBe("signed");
    const f = d.findings.find((x) => x.code === "MALFORMED_MIME");
    expect(f?.detail).toMatchObject({ unreadableProperties: ["PidTagSentRepresentingEmailAddress"] });
    expect(f?.message.en).toMatch(
      /could not be read and were left out \(PidTagSentRepresentingEmailAddress\)/,
    );
    expect(f?.message.ja).toMatch(/読み取れなかった/);
  });

  it("its text cannot end the text part: the boundary is one the text does not hold", async () => {
    const fake =
      '------=_smime_assistant_msg_1\r\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary=x\r\n\r\n';
    const item = await readOutlookMessage(
      plainItem({ body: `hello\r\n${fake}`, attachment: "application/pdf" }),
    );
    const text = latin1(item.mime);
    const boundary = /boundary="([^"]+)"/.exec(text)?.[1] as string;
    expect(boundary).toBeDefined();
    expect(fake).not.toContain(boundary);
    expect(text.split(`--${boundary}`).length).toBe(4); // the text part, the attachment, the end
  });

  it("an attachment's mime tag never gives a part a multipart type", async () => {
    const item = await readOutlookMessage(
      plainItem({ body: "hello", attachment: 'multipart/signed; protocol="application/pkcs7-signature"' }),
    );
    const text = latin1(item.mime);
    expect(text).not.toMatch(/multipart\/signed/i);
    expect(text).toMatch(/^Content-Type: application\/octet-stream; name="a.bin"$/m);
  });

  it("subject and addresses: control characters become spaces, other addresses are kept", async () => {
    const item = await readOutlookMessage(
      plainItem({ body: "hello", sender: "o'brien+tag@example.jp", subject: "a\rContent-Type: x\u0001b" }),
    );
    const head = latin1(item.mime).split("\r\n\r\n")[0] as string;
    expect(head).toMatch(/^From: <o'brien\+tag@example\.jp>$/m);
    expect(head).toMatch(/^Subject: a Content-Type: x b$/m);
    expect(item.unreadableProperties).toBeUndefined();
    for (const bad of [
      "a@b.example, c@d.example",
      "<a@b.example>",
      "a b@c.example",
      '"a"@b.example',
      "ab.example",
    ]) {
      const it2 = await readOutlookMessage(plainItem({ body: "hello", sender: bad }));
      expect({ bad, unreadable: it2.unreadableProperties }).toEqual({
        bad,
        unreadable: ["PidTagSentRepresentingEmailAddress"],
      });
      expect(latin1(it2.mime)).not.toMatch(/^From:/m);
    }
  });
});

describe("the engine's compound-file reader, against SheetJS cfb", () => {
  /** cfb's reading of a file (from a Node Buffer, its own fast path): each stream's upper-cased path below the root and its bytes. */
  function byCfb(bytes: Uint8Array): Map<string, Uint8Array> {
    const c = CFB.read(Buffer.from(bytes), { type: "buffer" });
    const out = new Map<string, Uint8Array>();
    c.FileIndex.forEach((e, i) => {
      if (e.type !== 2) return;
      const full = c.FullPaths[i] as string;
      out.set(full.slice(full.indexOf("/") + 1).toUpperCase(), new Uint8Array(e.content as Buffer));
    });
    return out;
  }
  function expectSameAsCfb(bytes: Uint8Array): Map<string, Uint8Array> {
    const ours = readStreams(bytes);
    const theirs = byCfb(bytes);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, data] of theirs)
      expect(Buffer.from(ours.get(name) as Uint8Array).equals(Buffer.from(data))).toBe(true);
    return ours;
  }

  it("reads the same streams, byte for byte, from every .msg fixture and from an Office file that is not one", () => {
    const files = fs.readdirSync(MSG).filter((f) => /\.(msg|doc)$/.test(f) && f !== "damaged.msg");
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(SOURCES).length + 1);
    for (const f of files) expectSameAsCfb(read(path.join(MSG, f)));
  });

  it("a stream of many sectors, a hundred short ones in the mini stream, and storages in storages (written by cfb)", () => {
    const cfb = CFB.utils.cfb_new();
    let x = 1;
    const bytes = (n: number): Buffer => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++) b[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
      return b;
    };
    CFB.utils.cfb_add(cfb, "/__substg1.0_37010102", bytes(300_000));
    for (let i = 0; i < 100; i++) CFB.utils.cfb_add(cfb, `/s${i}/__substg1.0_1000001F`, bytes(1 + i * 40));
    CFB.utils.cfb_add(cfb, "/a/b/c/__substg1.0_0037001F", bytes(4096));
    CFB.utils.cfb_add(cfb, "/a/b/c/__substg1.0_0E1D001F", bytes(4095));
    const file = new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
    const streams = expectSameAsCfb(file);
    expect(streams.get("__SUBSTG1.0_37010102")?.length).toBe(300_000);
    expect(streams.get("A/B/C/__SUBSTG1.0_0037001F")?.length).toBe(4096);
    expect(streams.get("S99/__SUBSTG1.0_1000001F")?.length).toBe(1 + 99 * 40);
  });

  // Security review: two directory entries that name the same sectors would have each stream copied again
  // (a small file claiming gigabytes). Made here from a committed .msg by pointing one entry at another's
  // sectors, because no writer produces such a file.
  it("two streams that claim the same sectors or mini sectors: refused", async () => {
    const signed = read(path.join(MSG, "signed.msg"));
    const index = CFB.read(Buffer.from(signed), { type: "buffer" }).FileIndex as unknown as {
      name: string;
      type: number;
      start: number;
      size: number;
    }[];
    const { dir } = layout(signed);
    // cfb writes the directory in consecutive sectors: entry i is at (dir + 1) * 512 + 128 * i
    const entry = (i: number): number => (dir + 1) * 512 + 128 * i;
    const nameAt = (b: Uint8Array, i: number): string =>
      Buffer.from(b.subarray(entry(i), entry(i) + 64))
        .toString("utf16le")
        .replace(/\0.*$/s, "");
    index.forEach((e, i) => expect(nameAt(signed, i)).toBe(e.name));
    const streams = index.map((e, i) => ({ ...e, i })).filter((e) => e.type === 2);
    const big = streams.find((e) => e.size >= 4096);
    const small = streams.filter((e) => e.size > 0 && e.size < 4096);
    expect(big).toBeDefined();
    expect(small.length).toBeGreaterThanOrEqual(2);
    const claim = (victim: { i: number }, owner: { start: number; size: number }): Uint8Array => {
      const b = signed.slice();
      const dv = new DataView(b.buffer);
      dv.setUint32(entry(victim.i) + 0x74, owner.start, true);
      dv.setUint32(entry(victim.i) + 0x78, owner.size, true);
      return b;
    };
    for (const [b, reason] of [
      [
        claim(small[0] as { i: number }, big as { start: number; size: number }),
        /sector \d+ belongs to two streams/,
      ],
      [
        claim(small[0] as { i: number }, small[1] as { start: number; size: number }),
        /mini sector \d+ belongs to two streams/,
      ],
    ] as const) {
      expect(() => readStreams(b)).toThrow(reason);
      const d = await diagnose(b, { trustAnchors: anchors, at: AT });
      expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    }
  });

  it(`storages nested more than ${MAX_STORAGE_DEPTH} deep: refused, and the diagnosis says why`, async () => {
    const make = (depth: number): Uint8Array => {
      const cfb = CFB.utils.cfb_new();
      CFB.utils.cfb_add(
        cfb,
        `/${"d/".repeat(depth)}__substg1.0_001A001F`,
        Buffer.from("IPM.Note", "utf16le"),
      );
      return new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
    };
    expect(
      readStreams(make(MAX_STORAGE_DEPTH)).has(`${"D/".repeat(MAX_STORAGE_DEPTH)}__SUBSTG1.0_001A001F`),
    ).toBe(true);
    const deep = make(MAX_STORAGE_DEPTH + 1);
    expect(() => readStreams(deep)).toThrow(new RegExp(`nested more than ${MAX_STORAGE_DEPTH} deep`));
    const d = await diagnose(deep, { trustAnchors: anchors, at: AT });
    expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    expect(d.findings[0]?.message.en).toMatch(/nested more than/);
  });
});

/**
 * A file cfb writes, for the tests below to damage as no writer would: the directory entry i's offset
 * (cfb writes the directory in consecutive sectors) and a way to rename an entry in place.
 */
function written(paths: Record<string, Buffer>): {
  file: Uint8Array;
  names: string[];
  entryAt: (i: number) => number;
  rename: (b: Uint8Array, i: number, name: string) => void;
} {
  const cfb = CFB.utils.cfb_new();
  for (const [p, data] of Object.entries(paths)) CFB.utils.cfb_add(cfb, p, data);
  const file = new Uint8Array(CFB.write(cfb, { type: "buffer" }) as Buffer);
  const names = (CFB.read(Buffer.from(file), { type: "buffer" }).FileIndex as { name: string }[]).map(
    (e) => e.name,
  );
  const { dir } = layout(file);
  const entryAt = (i: number): number => (dir + 1) * 512 + 128 * i;
  const rename = (b: Uint8Array, i: number, name: string): void => {
    const u = Buffer.from(`${name}\0`, "utf16le");
    b.fill(0, entryAt(i), entryAt(i) + 64);
    b.set(u, entryAt(i));
    new DataView(b.buffer, b.byteOffset).setUint16(entryAt(i) + 0x40, u.length, true);
  };
  return { file, names, entryAt, rename };
}

// Security review (2026-12-03) of the hand-written reader: each case below was found by building the file.
describe("the compound-file reader on crafted and cut files", () => {
  const one = Buffer.from("x");

  it("a file cut inside a FAT sector or a DIFAT sector: MsgError, not a RangeError", async () => {
    const { file } = written({ "/__substg1.0_001A001F": Buffer.from("IPM.Note", "utf16le") });
    const { fat } = layout(file);
    const cutFat = file.subarray(0, (fat + 1) * 512 + 100);
    expect(() => readStreams(cutFat)).toThrow(MsgError);
    expect(() => readStreams(cutFat)).toThrow(new RegExp(`ends inside FAT sector ${fat}`));
    // more than 109 FAT sectors: the rest are listed in a DIFAT chain (7.3 MB, as cfb writes it)
    const big = written({ "/__substg1.0_37010102": Buffer.alloc(7_300_000, 1) }).file;
    const head = new DataView(big.buffer, big.byteOffset);
    const difat = head.getInt32(0x44, true);
    expect(head.getInt32(0x48, true)).toBeGreaterThan(0); // DIFAT sectors in the chain
    expect(readStreams(big).get("__SUBSTG1.0_37010102")?.length).toBe(7_300_000);
    const cutDifat = big.subarray(0, (difat + 1) * 512 + 100);
    expect(() => readStreams(cutDifat)).toThrow(new RegExp(`ends inside DIFAT sector ${difat}`));
    const d = await diagnose(cutDifat, { trustAnchors: anchors, at: AT });
    expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    expect(d.findings[0]?.message.en).toMatch(/ends inside DIFAT sector/);
  });

  it("two entries of one storage whose names differ only in case, or once a NUL ends one: refused", () => {
    const w = written({ "/a/one": one, "/a/Two": one, "/a/oneXtwo": one });
    const i = w.names.indexOf("Two");
    const j = w.names.indexOf("oneXtwo");
    expect([...readStreams(w.file).keys()]).toEqual(expect.arrayContaining(["A/ONE", "A/TWO", "A/ONEXTWO"]));
    const b = w.file.slice();
    w.rename(b, i, "ONE");
    expect(() => readStreams(b)).toThrow(/two entries of one storage have the same name/);
    const c = w.file.slice();
    w.rename(c, j, "one\0two");
    expect(() => readStreams(c)).toThrow(/two entries of one storage have the same name/);
  });

  it('a name with "/" in it, which would pass for a path to another stream: refused', () => {
    // storage "P/Q" holding R beside the real P › Q › R: which R was read depended on the order
    const w = written({ "/P/Q/R": Buffer.from("real"), "/PxQ/R": Buffer.from("fake") });
    expect(readStreams(w.file).get("P/Q/R")).toEqual(new Uint8Array(Buffer.from("real")));
    const b = w.file.slice();
    w.rename(b, w.names.indexOf("PxQ"), "P/Q");
    expect(() => readStreams(b)).toThrow(/a name a compound file may not use/);
  });

  it("paths longer in all than the cap: refused while they are made", () => {
    // The cap is MAX_PATH_CHARACTERS (4 million; 50 000 streams below 64 storages of 31-character names
    // held 100–200 MB of paths without it). cfb takes minutes to write a file that long, so the same
    // reading is checked here against a smaller cap: 40 streams below 16 storages, ~21 000 characters.
    expect(MAX_PATH_CHARACTERS).toBe(4_000_000);
    const deep = Array.from({ length: 16 }, (_, k) => `/s${String(k).padStart(30, "0")}`).join("");
    const paths: Record<string, Buffer> = {};
    for (let k = 0; k < 40; k++) paths[`${deep}/__substg1.0_${String(k).padStart(19, "0")}`] = one;
    const { file } = written(paths);
    const all = [...readStreams(file).keys()];
    const total =
      all.reduce((n, k) => n + k.length, 0) +
      Array.from({ length: 16 }, (_, k) => 32 * (k + 1) - 1).reduce((a, x) => a + x, 0);
    expect(total).toBeGreaterThan(20_000);
    expect(readStreams(file, { pathCharacters: total }).size).toBe(all.length);
    expect(() => readStreams(file, { pathCharacters: total - 1 })).toThrow(
      new RegExp(`names are longer than ${total - 1} characters in all`),
    );
  });

  it("a file cut short after its directory: the short streams are named (MALFORMED_MIME msg-cut), not read silently", async () => {
    const signed = read(path.join(MSG, "signed.msg"));
    // the longest cut, a sector at a time from the end, that leaves the directory and tables whole
    let cut: Uint8Array | undefined;
    let short: string[] = [];
    for (let n = signed.length - 512; n > 0 && !cut; n -= 512) {
      const report = { cutShort: [] as string[] };
      try {
        readStreams(signed.subarray(0, n), undefined, report);
      } catch {
        continue;
      }
      if (report.cutShort.length > 0) [cut, short] = [signed.subarray(0, n), report.cutShort];
    }
    expect(cut).toBeDefined();
    const whole = { cutShort: [] as string[] };
    readStreams(signed, undefined, whole);
    expect(whole.cutShort).toEqual([]);
    const item = await readOutlookMessage(cut as Uint8Array);
    expect(item.cutStreams).toEqual(short);
    const d = await diagnose(cut as Uint8Array, { trustAnchors: anchors, at: AT });
    const f = d.findings.find((x) => x.code === "MALFORMED_MIME" && x.detail.problem === "msg-cut");
    expect(f?.detail).toMatchObject({ format: "msg", cutStreamCount: short.length });
    expect(f?.message.en).toMatch(/^This Outlook file \(\.msg\) is cut short: \d+ of its streams/);
    expect(f?.message.ja).toMatch(
      /^この Outlook のファイル（\.msg）は途中で切れています。\d+ 件のストリーム/,
    );
    // what was cut here is the recipient's and the attachment's properties, not the signed entity: the
    // signature checks out, and the verdict says what else is wrong
    expect(short.some((s) => /37010102$/.test(s))).toBe(false);
    expect(d.signature).toBe("valid");
    expect(verdictOf(d).headline).toEqual({
      ja: "電子署名は有効ですが、Outlook のファイル（.msg）が途中で切れています",
      en: "The signature is valid, but the Outlook file (.msg) is cut short",
    });
  });

  // Found by using the product: such a file was told "the mail is damaged, ask the sender to resend", and
  // the CMS finding read "パート  の S/MIME データ" (the top-level part has the empty path)
  it("an opaque-signed item cut inside its smime.p7m: the verdict names the cut file and says to save it again", async () => {
    const whole = read(path.join(MSG, "opaque-signed.msg"));
    let d: Awaited<ReturnType<typeof diagnose>> | undefined;
    for (let n = whole.length - 128; n > 512 && !d; n -= 128) {
      const x = await diagnose(whole.subarray(0, n), { trustAnchors: anchors, at: AT });
      if (x.kind === "opaque-signed" && x.findings.some((f) => f.code === "MALFORMED_CMS")) d = x;
    }
    expect(d).toBeDefined();
    const dd = d as NonNullable<typeof d>;
    expect(dd.findings.some((f) => f.code === "MALFORMED_MIME" && f.detail.problem === "msg-cut")).toBe(true);
    const cms = dd.findings.find((f) => f.code === "MALFORMED_CMS");
    expect(cms?.message.ja).toMatch(/^メール全体の S\/MIME データを読み取れません/);
    expect(cms?.message.en).toMatch(/^The S\/MIME data in the message itself cannot be read/);
    const v = verdictOf(dd);
    expect(v).toMatchObject({ level: "danger", code: "MALFORMED" });
    expect(v.headline).toEqual({
      ja: "Outlook のファイル（.msg）が途中で切れているため、電子署名を確認できません",
      en: "The Outlook file (.msg) is cut short, so the signature cannot be checked",
    });
    expect(v.action.ja).toBe(
      "Outlook でこのメールをもう一度保存して（「ファイル」›「名前を付けて保存」）、そのファイルを開いてください。",
    );
    // no "empty body in a client without S/MIME" card: nothing would open this data
    expect(faqIdsFor(dd, { client: "outlook-web" })).not.toContain("empty-body");
    expect(faqIdsFor(dd, { client: "outlook-web" })).not.toContain("smime-capable-software");
    // the same advice for a .msg that cannot be read at all; not for an Office file that is no .msg
    const unreadable = await diagnose(whole.subarray(0, 2048), { trustAnchors: anchors, at: AT });
    expect(verdictOf(unreadable).headline.ja).toBe("Outlook のファイル（.msg）を読み取れません");
    expect(verdictOf(unreadable).action).toEqual(v.action);
    const doc = await diagnose(read(path.join(MSG, "not-outlook.doc")), { trustAnchors: anchors, at: AT });
    expect(verdictOf(doc).action).not.toEqual(v.action);
  });

  // Outlook's smime.p7m attachment carries no smime-type: a cut one was taken for opaque-signed data
  it("an encrypted item cut inside its smime.p7m is still encrypted (from the CMS's first bytes), and cannot be opened", async () => {
    const whole = read(path.join(MSG, "encrypted.msg"));
    const kinds = new Set<string>();
    let cutCms: Awaited<ReturnType<typeof diagnose>> | undefined;
    for (let n = 512; n < whole.length; n += 128) {
      const d = await diagnose(whole.subarray(0, n), { trustAnchors: anchors, at: AT });
      kinds.add(d.kind);
      if (d.findings.some((f) => f.code === "MALFORMED_CMS")) cutCms ??= d;
    }
    expect(kinds.has("opaque-signed")).toBe(false);
    expect(cutCms?.kind).toBe("encrypted");
    expect(verdictOf(cutCms as NonNullable<typeof cutCms>).headline.ja).toBe(
      "Outlook のファイル（.msg）が途中で切れているため、暗号化されたメールを開けません",
    );
  });

  // Review: cut into its mini stream, a signed item lost its message class and was read as a plain item
  // ("not signed"); SheetJS cfb had refused such files.
  it("an S/MIME item cut anywhere is never read as a plain, unsigned item", async () => {
    let unreadable = 0;
    for (const [file, src] of Object.entries(SOURCES)) {
      if (src.form === "plain") continue;
      const whole = read(path.join(MSG, file));
      for (let n = 512; n < whole.length; n += 256) {
        const d = await diagnose(whole.subarray(0, n), { trustAnchors: anchors, at: AT });
        expect(d.findings.map((f) => f.code)).not.toContain("MSG_WITHOUT_MIME");
        if (d.findings.some((f) => /cut short inside the item's own properties/.test(f.message.en)))
          unreadable++;
      }
    }
    expect(unreadable).toBeGreaterThan(0);
  });

  it("unused directory entries left all zeros are skipped; a link to one is refused", () => {
    // Root, a, b, c and cfb's own stream: five entries in a directory of eight
    const w = written({ "/a": one, "/b": one, "/c": one });
    const unused = w.names.findIndex((n, i) => i > 0 && n === "");
    expect(unused).toBeGreaterThan(0);
    const b = w.file.slice();
    b.fill(0, w.entryAt(unused), w.entryAt(unused) + 128);
    expect([...readStreams(b).keys()]).toEqual(expect.arrayContaining(["A", "B", "C"]));
    const dv = new DataView(b.buffer, b.byteOffset);
    const withChild = w.names.indexOf("a");
    const c = b.slice();
    new DataView(c.buffer, c.byteOffset).setUint32(w.entryAt(withChild) + 0x48, unused, true);
    expect(dv.getUint32(w.entryAt(withChild) + 0x48, true)).not.toBe(unused);
    expect(() => readStreams(c)).toThrow(new RegExp(`links to entry ${unused}, which is unused`));
  });
});

describe("damaged compound files", () => {
  const signed = read(path.join(MSG, "signed.msg"));

  async function malformed(bytes: Uint8Array, reason: RegExp): Promise<void> {
    await expect(readOutlookMessage(bytes)).rejects.toThrow(reason);
    const d = await diagnose(bytes, { trustAnchors: anchors, at: AT });
    expect(d.kind).toBe("none");
    expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    expect(d.findings[0]?.message.en).toMatch(/^The Outlook file \(\.msg\) cannot be read/);
  }

  it("a sector chain that loops back on itself (cfb alone would never return)", async () => {
    const b = signed.slice();
    const { fat, dir } = layout(b);
    const dv = new DataView(b.buffer);
    // the directory's chain: make its first sector lead to itself
    dv.setUint32((fat + 1) * 512 + 4 * dir, dir, true);
    await malformed(b, /loops/);
  });

  it("a longer loop whose middle is reached before its head", async () => {
    const b = signed.slice();
    const { fat } = layout(b);
    const dv = new DataView(b.buffer);
    const sectors = b.length / 512 - 1;
    // three sectors near the end chained in a circle: s-3 → s-2 → s-1 → s-3
    const s = sectors;
    dv.setUint32((fat + 1) * 512 + 4 * (s - 3), s - 2, true);
    dv.setUint32((fat + 1) * 512 + 4 * (s - 2), s - 1, true);
    dv.setUint32((fat + 1) * 512 + 4 * (s - 1), s - 3, true);
    await malformed(b, /loops/);
  });

  it("directory links that form a cycle", async () => {
    const b = signed.slice();
    const { dir } = layout(b);
    const dv = new DataView(b.buffer);
    const entry = (i: number): number => (dir + 1) * 512 + 128 * i;
    // entry 1 is the root's child; make entry 2's right sibling point back to entry 1 and entry 1's to 2
    dv.setUint32(entry(1) + 0x48, 2, true);
    dv.setUint32(entry(2) + 0x48, 1, true);
    await malformed(b, /directory/);
  });

  it("a directory link to the root or out of range", async () => {
    for (const target of [0, 100000]) {
      const b = signed.slice();
      const { dir } = layout(b);
      new DataView(b.buffer).setUint32((dir + 1) * 512 + 128 * 2 + 0x4c, target, true);
      await malformed(b, /directory entry 2 links/);
    }
  });

  // Security review: the DIFAT (the list of FAT sectors) can name one sector thousands of times; the
  // structure check sized its table by that list (a 2.9 MB file took 2.9 GB and 23 s). These files are
  // made here from a committed .msg by patching its header / appending DIFAT sectors in code, because no
  // writer (cfb, OpenSSL, Outlook) produces such a file.
  it("a FAT sector listed twice in the header's DIFAT", async () => {
    const b = signed.slice();
    const { fat } = layout(b);
    const dv = new DataView(b.buffer);
    expect(dv.getInt32(0x4c + 4, true)).toBe(-1); // one FAT sector: the second slot is free
    dv.setUint32(0x4c + 4, fat, true);
    await malformed(b, new RegExp(`the FAT lists sector ${fat} twice`));
  });

  it("a FAT sector the file does not have", async () => {
    const b = signed.slice();
    const dv = new DataView(b.buffer);
    const sectors = b.length / 512 - 1;
    expect(dv.getInt32(0x4c + 4, true)).toBe(-1); // one FAT sector: the second slot is free
    dv.setUint32(0x4c + 4, sectors + 5, true);
    await malformed(b, /which the file does not have/);
  });

  it("a DIFAT chain that fans one FAT sector out (more FAT sectors than the file has sectors)", async () => {
    const base = signed.slice();
    const { fat } = layout(base);
    const sectors = base.length / 512 - 1;
    // append DIFAT sectors, each naming the same FAT sector 127 times and chaining to the next
    const extra = 64;
    const b = new Uint8Array(base.length + extra * 512);
    b.set(base);
    const dv = new DataView(b.buffer);
    for (let k = 0; k < extra; k++) {
      const at = (sectors + k + 1) * 512;
      for (let i = 0; i < 127; i++) dv.setUint32(at + 4 * i, fat, true);
      dv.setInt32(at + 508, k + 1 < extra ? sectors + k + 1 : -2, true);
    }
    dv.setUint32(0x44, sectors, true); // first DIFAT sector
    dv.setUint32(0x48, extra, true); // DIFAT sector count
    await malformed(b, /more FAT sectors than it has sectors/);
    // one DIFAT sector naming it once more (the rest free): still refused, as a duplicate
    for (let i = 1; i < 127; i++) dv.setInt32((sectors + 1) * 512 + 4 * i, -1, true);
    dv.setInt32((sectors + 1) * 512 + 508, -2, true);
    dv.setUint32(0x48, 1, true);
    await malformed(b.subarray(0, (sectors + 2) * 512), new RegExp(`the FAT lists sector ${fat} twice`));
  });

  it("mutated .msg files always get a well-formed diagnosis", async () => {
    const seeds = Object.keys(SOURCES).map((f) => read(path.join(MSG, f)));
    let x = 7;
    const rnd = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x % n;
    };
    const codes = new Set<string>(FINDING_CODES);
    for (let i = 0; i < 400; i++) {
      const b = (seeds[i % seeds.length] as Uint8Array).slice();
      const flips = 1 + rnd(8);
      for (let k = 0; k < flips; k++) {
        // the header and FAT/directory sectors most of the time, anywhere otherwise
        const at = rnd(4) === 0 ? rnd(b.length) : rnd(Math.min(b.length, 2048));
        b[at] = rnd(4) === 0 ? 0xff : rnd(256);
      }
      const cut = rnd(5) === 0 ? b.subarray(0, rnd(b.length)) : b;
      // the reader's own error or none: never a RangeError or TypeError turned into a finding
      try {
        readStreams(cut);
      } catch (e) {
        expect(e).toBeInstanceOf(MsgError);
      }
      const d = await diagnose(cut, { trustAnchors: anchors, at: AT });
      expect(["none", "signed", "opaque-signed", "encrypted", "certs-only", "orphan-signature"]).toContain(
        d.kind,
      );
      for (const f of d.findings) {
        expect(codes.has(f.code)).toBe(true);
        expect(f.code).not.toBe("INTERNAL_ERROR");
      }
    }
  });
});

describe("input that is not an e-mail message", () => {
  it("binary data without header lines: MALFORMED_MIME saying so", async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const d = await diagnose(png);
    expect(d.kind).toBe("none");
    expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    expect(d.findings[0]?.message.en).toMatch(/not an e-mail message/);
    expect(d.findings[0]?.message.ja).toMatch(/メールではありません/);
  });

  it("empty input: MALFORMED_MIME", async () => {
    const d = await diagnose(new Uint8Array(0));
    expect(d.findings.map((f) => f.code)).toEqual(["MALFORMED_MIME"]);
    expect(d.findings[0]?.message.en).toMatch(/empty/);
  });

  it("text without headers, and a message with binary bytes in its body, are left as they were", async () => {
    const text = await diagnose(new TextEncoder().encode("Hello Bob,\r\nsee you tomorrow.\r\n"));
    expect(text.findings.map((f) => f.code)).not.toContain("MALFORMED_MIME");
    const withHeaders = new Uint8Array([
      ...new TextEncoder().encode("From: a@example.jp\r\nContent-Type: application/octet-stream\r\n\r\n"),
      0,
      1,
      2,
      3,
    ]);
    const d = await diagnose(withHeaders);
    expect(d.findings.map((f) => f.code)).not.toContain("MALFORMED_MIME");
  });
});
