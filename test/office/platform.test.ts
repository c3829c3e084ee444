/**
 * The platform's real limits, against the Office stand-in (documented API shapes):
 *  - Exchange Server on premises (userProfile.accountType "enterprise") caps add-ins at Mailbox 1.5: the
 *    ladder notes say so instead of telling people to update Outlook;
 *  - items in shared folders / shared mailboxes (getSharedPropertiesAsync, Mailbox 1.8) are read the same way;
 *  - classic Outlook for Windows rebuilds the MIME it hands over (getAsFileAsync): a failed signature gets a
 *    second look at Exchange's smime.p7m, or a note that the failure may come from the rebuilding.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { diagnose, type Diagnosis, fromPem } from "../../src/engine";
import { isClassicWindows, isOnPremisesExchange, readCurrentMessage, secondLook } from "../../src/office";
import { rememberSigners } from "../../src/office/compose/index";
import { attachment, base64, fail, installOffice, ok, uninstallOffice } from "./fakeOffice";

const GEN = path.resolve(__dirname, "..", "fixtures", "generated");
const fx = (rel: string) => new Uint8Array(readFileSync(path.join(GEN, rel)));
const AT = new Date("2030-01-01T00:00:00Z");
const anchors = () => fromPem(readFileSync(path.join(GEN, "pki", "root.pem"), "latin1"));
const check = (bytes: Uint8Array) => diagnose(bytes, { trustAnchors: anchors(), at: AT });

/** Exchange's smime.p7m for a clear-signed message (the signed entity, as committed). */
const ENTITY = () => fx("messages/exchange-entity.eml");
const OUTER =
  "From: Alice Example <alice@example.jp>\r\nTo: Bob Example <bob@example.jp>\r\nSubject: Test subject\r\n" +
  "Date: Tue, 24 Nov 2026 16:53:45 +0000\r\nMIME-Version: 1.0\r\n";

/** The message with the entity as received: verifies. */
function received(): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(OUTER, "latin1"), Buffer.from(ENTITY())]));
}

/**
 * What classic Outlook may hand over instead: the same message rebuilt from its stored properties — here the
 * signed text part's transfer encoding re-declared (7bit → quoted-printable, same text), one of the changes
 * a rebuild makes inside the signed part. The signature no longer matches.
 */
function rebuilt(): Uint8Array {
  const text = Buffer.from(received()).toString("latin1");
  const changed = text.replace(
    "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit",
    "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: quoted-printable",
  );
  expect(changed).not.toBe(text);
  return new Uint8Array(Buffer.from(changed, "latin1"));
}

afterEach(() => uninstallOffice());

const rungNote = (notes: { rung: string; message: { en: string; ja: string } }[], rung: string) =>
  notes.find((n) => n.rung === rung)?.message;

describe("Exchange Server on premises (userProfile.accountType enterprise)", () => {
  it("is detected from accountType, and only from 'enterprise'", () => {
    installOffice({ accountType: "enterprise" });
    expect(isOnPremisesExchange()).toBe(true);
    for (const accountType of ["office365", "outlookCom", "gmail", undefined]) {
      installOffice(accountType ? { accountType } : {});
      expect({ accountType, onPrem: isOnPremisesExchange() }).toEqual({ accountType, onPrem: false });
    }
    uninstallOffice();
    expect(isOnPremisesExchange()).toBe(false);
  });

  it("Mailbox 1.5 on premises: the notes name the 1.5 limit and do not tell people to update Outlook", async () => {
    installOffice({
      mailbox: "1.5",
      accountType: "enterprise",
      item: {
        itemClass: "IPM.Note.SMIME.MultipartSigned",
        attachments: [attachment("smime.p7m", "multipart/signed")],
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("basic");
    const eml = rungNote(s.notes, "eml")!;
    expect(eml.en).toMatch(/Exchange Server on premises/);
    expect(eml.en).toMatch(/Mailbox 1\.5 whatever the Outlook version/);
    expect(eml.en).toMatch(/Updating Outlook does not change this/);
    expect(eml.en).not.toMatch(/Outlook for Microsoft 365.*can/);
    expect(eml.ja).toMatch(/オンプレミスの Exchange Server/);
    expect(eml.ja).toMatch(/Mailbox 1\.5 までに制限/);
    expect(eml.ja).toMatch(/Outlook を更新しても変わりません/);
    expect(rungNote(s.notes, "smime-attachment")!.en).toMatch(/on premises limits add-ins to Mailbox 1\.5/);
    expect(rungNote(s.notes, "headers")!.ja).toMatch(/オンプレミス/);
  });

  it("the same Outlook on Microsoft 365 (office365) still points to a newer Outlook", async () => {
    installOffice({ mailbox: "1.5", accountType: "office365", item: { itemClass: "IPM.Note" } });
    const s = await readCurrentMessage();
    const eml = rungNote(s.notes, "eml")!;
    expect(eml.en).toMatch(/Outlook for Microsoft 365, Outlook on the web and the new Outlook/);
    expect(eml.en).not.toMatch(/on premises/);
  });
});

describe("items in a shared folder or shared mailbox (Mailbox 1.8 getSharedPropertiesAsync)", () => {
  it("reads the whole message as for the user's own items, and knows the owner", async () => {
    const f = installOffice({
      item: {
        getAsFile: ok(base64(received())),
        sharedProperties: ok({
          owner: "helpdesk@example.jp",
          targetMailbox: "helpdesk@example.jp",
          targetRestUrl: "https://outlook.office.com/api",
          delegatePermissions: 1,
        }),
      },
    });
    const s = await readCurrentMessage();
    expect(f.calls.shared).toBe(1);
    expect(s.rung).toBe("eml");
    expect(s.shared).toEqual({ owner: "helpdesk@example.jp" });
    expect(s.userAddress).toBe("bob@example.jp"); // the signed-in user, not the shared mailbox
    expect(rungNote(s.notes, "basic")?.en).toMatch(
      /shared folder or shared mailbox \(helpdesk@example\.jp\)/,
    );
    const d = await check(s.bytes!);
    expect(d.signature).toBe("valid");
  });

  it("a shared item whose whole message is refused still gets Exchange's smime.p7m", async () => {
    const f = installOffice({
      item: {
        itemClass: "IPM.Note.SMIME.MultipartSigned",
        attachments: [attachment("smime.p7m", "multipart/signed", "ATT1")],
        getAsFile: fail(5000, "GenericResponseError", "The operation is not supported for this item."),
        attachmentContent: ok({ content: base64(ENTITY()), format: "base64" }),
        sharedProperties: ok({ owner: "helpdesk@example.jp", delegatePermissions: 1 }),
      },
    });
    const s = await readCurrentMessage();
    expect(s.rung).toBe("smime-attachment");
    expect(f.calls.attachmentContent).toEqual(["ATT1"]);
    expect((await check(s.bytes!)).signature).toBe("valid");
  });

  it("the user's own item (the call fails) is not marked shared, and the ladder goes on", async () => {
    installOffice({
      item: { getAsFile: ok(base64(received())), sharedProperties: fail(9000, "GenericResponseError", "no") },
    });
    const s = await readCurrentMessage();
    expect(s.shared).toBeUndefined();
    expect(s.rung).toBe("eml");
    expect(s.notes).toEqual([]);
  });
});

describe("classic Outlook for Windows rebuilds the MIME: second look on a failed signature", () => {
  const smimeItem = (extra: Record<string, unknown> = {}) => ({
    itemClass: "IPM.Note.SMIME.MultipartSigned",
    attachments: [attachment("smime.p7m", "multipart/signed", "ATT1")],
    getAsFile: ok(base64(rebuilt())),
    attachmentContent: ok({ content: base64(ENTITY()), format: "base64" }),
    ...extra,
  });

  async function firstLook(): Promise<{ s: Awaited<ReturnType<typeof readCurrentMessage>>; d: Diagnosis }> {
    const s = await readCurrentMessage();
    expect(s.rung).toBe("eml");
    const d = await check(s.bytes!);
    expect(d.signature).toBe("invalid"); // the rebuilt copy does not verify
    return { s, d };
  }

  it("is classic Windows only for platform PC", () => {
    installOffice({ platform: "PC", hostName: "Outlook" });
    expect(isClassicWindows()).toBe(true);
    for (const [platform, hostName] of [
      ["OfficeOnline", "OutlookWebApp"],
      ["OfficeOnline", "newOutlookWindows"],
      ["Mac", "Outlook"],
    ] as const) {
      installOffice({ platform, hostName });
      expect({ platform, hostName, classic: isClassicWindows() }).toEqual({
        platform,
        hostName,
        classic: false,
      });
    }
  });

  it("with Exchange's smime.p7m: checks the original, shows its (valid) result and says why", async () => {
    const f = installOffice({ platform: "PC", hostName: "Outlook", item: smimeItem() });
    const { s, d } = await firstLook();
    const analysed: number[] = [];
    const r = await secondLook(d, s, (b) => {
      analysed.push(b.length);
      return check(b);
    });
    expect(f.calls.attachmentContent).toEqual(["ATT1"]);
    expect(analysed).toHaveLength(1);
    expect(r.diagnosis.signature).toBe("valid");
    expect(r.source.rung).toBe("smime-attachment");
    expect(r.source.addedHeaders).toEqual(["From", "Subject"]);
    expect(r.source.cautions).toHaveLength(1);
    const m = r.source.cautions![0]!.message;
    expect(m.en).toMatch(/Outlook for Windows rebuilt/);
    expect(m.en).toMatch(/the difference came from Outlook's rebuilding, not from a change/);
    expect(m.ja).toMatch(/組み立て直し/);
    expect(r.source.cautions![0]!.reason).toBe("caution");
  });

  it("without an smime.p7m: keeps the result, and says Outlook rebuilt it and how to check the original", async () => {
    const f = installOffice({
      platform: "PC",
      hostName: "Outlook",
      item: { itemClass: "IPM.Note", getAsFile: ok(base64(rebuilt())) },
    });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, () => Promise.reject(new Error("must not be called")));
    expect(f.calls.attachmentContent).toEqual([]);
    expect(r.diagnosis).toBe(d);
    expect(r.source.rung).toBe("eml");
    const m = r.source.cautions![0]!.message;
    expect(m.en).toMatch(/Outlook for Windows rebuilt this message/);
    expect(m.en).toMatch(/may come from the rebuilding, not from a change to the message/);
    expect(m.en).toMatch(/save the message .*\.msg or \.eml.* standalone page or with its command line/);
    expect(m.ja).toMatch(/組み立て直し/);
    expect(m.ja).toMatch(/\.msg または \.eml/);
    expect(m.ja).toMatch(/単体ページかコマンドライン/);
  });

  it("when Outlook refuses the smime.p7m: the same note, plus why the original could not be read", async () => {
    installOffice({
      platform: "PC",
      item: smimeItem({
        attachmentContent: fail(9002, "InternalServerError", "An internal error occurred."),
      }),
    });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, check);
    expect(r.diagnosis).toBe(d);
    expect(r.source.cautions!.map((c) => c.rung)).toEqual(["eml"]);
    expect(r.source.cautions![0]!.message.en).toMatch(/may come from the rebuilding/);
    expect(r.source.notes.at(-1)).toEqual(
      expect.objectContaining({ rung: "smime-attachment", reason: "error" }),
    );
  });

  it("when the original fails too: the original's result, saying both were checked (a real change)", async () => {
    const tamperedEntity = Buffer.from(ENTITY()).toString("latin1").replace("100 yen", "900 yen");
    installOffice({
      platform: "PC",
      item: smimeItem({ attachmentContent: ok({ content: tamperedEntity, format: "eml" }) }),
    });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, check);
    expect(r.source.rung).toBe("smime-attachment");
    expect(r.diagnosis.signature).toBe("invalid");
    expect(r.source.cautions![0]!.message.en).toMatch(
      /also checked the original .* The result shown is the original's\.$/,
    );
    expect(r.source.cautions![0]!.message.en).not.toMatch(/not from a change/);
  });

  it("leaves other clients, valid signatures and other rungs alone (no extra Office call)", async () => {
    // Outlook on the web hands over the message as received
    let f = installOffice({ platform: "OfficeOnline", hostName: "OutlookWebApp", item: smimeItem() });
    let { s, d } = await firstLook();
    let r = await secondLook(d, s, check);
    expect(r).toEqual({ diagnosis: d, source: s });
    expect(f.calls.attachmentContent).toEqual([]);
    // a valid signature on classic Windows
    f = installOffice({ platform: "PC", item: smimeItem({ getAsFile: ok(base64(received())) }) });
    s = await readCurrentMessage();
    d = await check(s.bytes!);
    expect(d.signature).toBe("valid");
    r = await secondLook(d, s, check);
    expect(r).toEqual({ diagnosis: d, source: s });
    expect(f.calls.attachmentContent).toEqual([]);
    // the smime-attachment rung already read the original
    const ss = { ...s, rung: "smime-attachment" as const };
    const bad = { ...d, signature: "invalid" as const };
    expect(await secondLook(bad, ss, check)).toEqual({ diagnosis: bad, source: ss });
  });

  it("an ordinary item (IPM.Note) with an attachment named smime.p7m: no second look, nothing remembered", async () => {
    // Security review: the sender's own message — visible text, a tampered signed part (so the first look
    // fails) and an attachment merely named smime.p7m holding someone else's genuinely signed entity. The
    // pane must not show that attachment's "valid" in place of the message's "invalid", nor remember its
    // signer.
    const tampered = Buffer.from(ENTITY()).toString("latin1").replace("100 yen", "900 yen");
    expect(tampered).not.toBe(Buffer.from(ENTITY()).toString("latin1"));
    const attackerMime =
      "From: Alice Example <alice@example.jp>\r\nTo: bob@example.jp\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n" +
      'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n--XYZ\r\n' +
      "Content-Type: text/plain\r\n\r\nPAY 1,000,000 yen TO ACCOUNT 666.\r\n" +
      `--XYZ\r\n${tampered}\r\n--XYZ--\r\n`;
    const f = installOffice({
      platform: "PC",
      hostName: "Outlook",
      item: {
        itemClass: "IPM.Note",
        attachments: [attachment("smime.p7m", "application/octet-stream", "ATT1")],
        getAsFile: ok(base64(new Uint8Array(Buffer.from(attackerMime, "latin1")))),
        attachmentContent: ok({ content: base64(ENTITY()), format: "base64" }),
      },
    });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, check);
    expect(f.calls.attachmentContent).toEqual([]);
    expect(r.diagnosis).toBe(d);
    expect(r.diagnosis.signature).toBe("invalid");
    expect(r.source.rung).toBe("eml");
    expect(r.source.cautions![0]!.message.en).toMatch(/may come from the rebuilding/);
    // what the pane then remembers (App.tsx: rememberSigners(settled.diagnosis)) records no signer
    expect(await rememberSigners(r.diagnosis, AT)).toBe(0);
    expect(f.calls.save).toBe(0);
    // the same attachment's signer would have been remembered had its result been shown (the check bites)
    expect(await rememberSigners(await check(received()), AT)).toBeGreaterThan(0);
  });

  it("an S/MIME item class other than IPM.Note.SMIME* (IPM.Note.Secure.Sign) gets no second look", async () => {
    const f = installOffice({ platform: "PC", item: smimeItem({ itemClass: "IPM.Note.Secure.Sign" }) });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, check);
    expect(f.calls.attachmentContent).toEqual([]);
    expect(r.diagnosis).toBe(d);
  });

  it("never rejects: an analyser that throws keeps the first result with the note", async () => {
    installOffice({ platform: "PC", item: smimeItem() });
    const { s, d } = await firstLook();
    const r = await secondLook(d, s, () => Promise.reject(new Error("worker died")));
    expect(r.diagnosis).toBe(d);
    expect(r.source.cautions![0]!.message.en).toMatch(/may come from the rebuilding/);
  });
});
