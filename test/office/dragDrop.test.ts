/**
 * Messages dragged into the pane (Office.EventType.DragAndDropEvent, Mailbox 1.5): registration through
 * the Office stand-in, and the events shaped as Office.js delivers them — DragAndDropEventArgs with
 * dragAndDropEventData of type "dragover" (pointer positions) or "drop" (dataTransfer.files: name, type,
 * fileContent Blob). The dropped files are the generated .eml and .msg fixtures, and what is read from
 * them is checked by the engine.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine";
import { isMessageFile, onDragAndDrop, readDrop, type DropResult } from "../../src/office";
import { fail, installOffice, throws, uninstallOffice } from "./fakeOffice";

const GENERATED = path.resolve(__dirname, "..", "fixtures", "generated");
const file = (rel: string): Buffer => fs.readFileSync(path.join(GENERATED, rel));

/** A DroppedItemDetails as Office.js gives it. */
function dropped(
  name: string,
  type: string,
  bytes: Uint8Array,
): { name: string; type: string; fileContent: Blob } {
  return { name, type, fileContent: new Blob([new Uint8Array(bytes)], { type }) };
}

function dropEvent(files: unknown[]): unknown {
  return {
    type: "olkDragAndDropEvent",
    dragAndDropEventData: {
      type: "drop",
      pageX: 900,
      pageY: 300,
      taskPaneX: 40,
      taskPaneY: 120,
      dataTransfer: { files },
    },
  };
}

const dragoverEvent = {
  type: "olkDragAndDropEvent",
  dragAndDropEventData: { type: "dragover", pageX: 900, pageY: 300, taskPaneX: 40, taskPaneY: 120 },
};

afterEach(() => uninstallOffice());

describe("onDragAndDrop", () => {
  it("registers for DragAndDropEvent and hands over the dropped .eml and .msg, read", async () => {
    const f = installOffice({ mailbox: "1.5" });
    (f.office["EventType"] as Record<string, unknown>)["DragAndDropEvent"] = "olkDragAndDropEvent";
    const drops: DropResult[] = [];
    let dragovers = 0;
    await expect(
      onDragAndDrop({ onDragOver: () => dragovers++, onDrop: (r) => drops.push(r) }),
    ).resolves.toBe(true);
    expect(f.calls.addHandler).toEqual(["olkDragAndDropEvent"]);
    const handler = f.handlers[0] as (args: unknown) => void;

    handler(dragoverEvent);
    expect(dragovers).toBe(1);

    const eml = file("messages/signed-rsa-sha256.eml");
    const msg = file("msg/signed.msg");
    handler(
      dropEvent([
        dropped("S_MIME fixture rsa-sha256.eml", "message/rfc822", eml),
        dropped("契約書.pdf", "application/pdf", file("pdf/signed.pdf")),
        dropped("signed.msg", "application/vnd.ms-outlook", msg),
      ]),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(drops).toHaveLength(1);
    const r = drops[0] as DropResult;
    expect(r.ignored).toEqual(["契約書.pdf"]);
    expect(r.failed).toEqual([]);
    expect(r.messages.map((m) => m.name)).toEqual(["S_MIME fixture rsa-sha256.eml", "signed.msg"]);
    expect(Buffer.from(r.messages[0]!.bytes).equals(eml)).toBe(true);
    expect(Buffer.from(r.messages[1]!.bytes).equals(msg)).toBe(true);
    // what the pane then checks: both give the signed message's verdict
    for (const m of r.messages) {
      const d = await diagnose(m.bytes, { at: new Date("2030-01-01T00:00:00Z") });
      expect([d.kind, d.signature]).toEqual(["signed", "valid"]);
    }
  });

  it("uses the documented event name when Office.EventType lacks it", async () => {
    const f = installOffice({ mailbox: "1.5" });
    await onDragAndDrop({ onDrop: () => undefined });
    expect(f.calls.addHandler).toEqual(["olkDragAndDropEvent"]);
  });

  it("resolves false where Outlook refuses the event (classic Outlook on Windows, Mac) or below 1.5", async () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    installOffice({ mailbox: "1.14", addHandler: fail() });
    await expect(onDragAndDrop({ onDrop: () => undefined })).resolves.toBe(false);
    uninstallOffice();
    installOffice({ mailbox: "1.14", addHandler: throws() });
    await expect(onDragAndDrop({ onDrop: () => undefined })).resolves.toBe(false);
    uninstallOffice();
    const f = installOffice({ mailbox: "1.4" });
    await expect(onDragAndDrop({ onDrop: () => undefined })).resolves.toBe(false);
    expect(f.calls.addHandler).toEqual([]);
    uninstallOffice();
    await expect(onDragAndDrop({ onDrop: () => undefined })).resolves.toBe(false);
    info.mockRestore();
  });

  it("a handler that throws, and malformed events, do not escape", async () => {
    const f = installOffice({ mailbox: "1.5" });
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await onDragAndDrop({
      onDragOver: () => {
        throw new Error("pane bug");
      },
      onDrop: () => {
        throw new Error("pane bug");
      },
    });
    const handler = f.handlers[0] as (args: unknown) => void;
    expect(() => handler(dragoverEvent)).not.toThrow();
    expect(() => handler(dropEvent([dropped("a.eml", "message/rfc822", new Uint8Array([1]))]))).not.toThrow();
    expect(() => handler(undefined)).not.toThrow();
    expect(() => handler({ dragAndDropEventData: { type: "drop", dataTransfer: null } })).not.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });
});

describe("readDrop", () => {
  it("reports files it cannot read instead of failing", async () => {
    const broken = {
      name: "x.msg",
      type: "",
      fileContent: { arrayBuffer: () => Promise.reject(new Error("gone")) },
    };
    const huge = { name: "big.eml", type: "message/rfc822", fileContent: { size: 300 * 1024 * 1024 } };
    const r = await readDrop({ type: "drop", dataTransfer: { files: [broken, huge, { name: 3 }] } });
    expect(r.messages).toEqual([]);
    expect(r.failed).toEqual([
      { name: "x.msg", reason: "gone" },
      { name: "big.eml", reason: "too-big" },
    ]);
    expect(r.ignored).toEqual(["?"]);
  });

  it("knows messages by name or type", () => {
    expect(isMessageFile("Re_ 見積もり.msg", "")).toBe(true);
    expect(isMessageFile("message", "message/rfc822")).toBe(true);
    expect(isMessageFile("smime.p7m", "application/octet-stream")).toBe(true);
    expect(isMessageFile("photo.jpg", "image/jpeg")).toBe(false);
  });
});
