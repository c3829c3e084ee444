/**
 * earlyRead.ts: the boot script's item.getAsFileAsync, made once Office.js is ready and adopted by the
 * ladder for the same item, once: Outlook is asked for the message once, never twice, and only where the
 * ladder would ask for it first (read mode, Mailbox 1.14).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readCurrentMessage } from "../../src/office";
import { startEarlyRead, takeEarlyRead } from "../../src/office/earlyRead";
import type { ItemLike } from "../../src/office/officeGlobal";
import {
  base64,
  installOffice,
  ok,
  throws,
  uninstallOffice,
  type FakeOffice,
  type FakeOfficeOptions,
} from "./fakeOffice";

const EML = new Uint8Array(
  readFileSync(path.resolve(__dirname, "..", "fixtures", "generated", "messages", "sender-match.eml")),
);

/** The fake Office with an Office.onReady that resolves when the test says so. */
function withReady(opts: FakeOfficeOptions): { f: FakeOffice; ready: () => Promise<void> } {
  const f = installOffice(opts);
  let resolve: (v: unknown) => void = () => undefined;
  const p = new Promise((r) => (resolve = r));
  f.office["onReady"] = () => p;
  return {
    f,
    ready: async () => {
      resolve({ host: "Outlook", platform: "PC" });
      await p;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const currentItem = (f: FakeOffice): ItemLike =>
  (f.office["context"] as { mailbox: { item: ItemLike } }).mailbox.item;

afterEach(() => {
  // a test that left an early read behind must not hand it to the next
  takeEarlyRead({} as ItemLike);
  uninstallOffice();
});

describe("the early read (boot script) and the ladder", () => {
  it("asks for the message once Office.js is ready, and the ladder takes that answer instead of asking again", async () => {
    const { f, ready } = withReady({ item: { getAsFile: ok(base64(EML)) } });
    startEarlyRead();
    expect(f.calls.getAsFile).toBe(0);
    await ready();
    expect(f.calls.getAsFile).toBe(1);
    const s = await readCurrentMessage();
    expect(s.rung).toBe("eml");
    expect(Buffer.from(s.bytes!).equals(Buffer.from(EML))).toBe(true);
    expect(f.calls.getAsFile).toBe(1);
    // taken once: the next read (another message selected) asks Outlook itself
    await readCurrentMessage();
    expect(f.calls.getAsFile).toBe(2);
  });

  it("is not adopted for another item (the user selected another message before the ladder ran)", async () => {
    const { f, ready } = withReady({ item: { getAsFile: ok(base64(EML)) } });
    startEarlyRead();
    await ready();
    const first = currentItem(f);
    f.setItem({ getAsFile: ok(base64(EML)) });
    expect(currentItem(f)).not.toBe(first);
    expect(takeEarlyRead(currentItem(f))).toBeUndefined();
  });

  it("answers the item it was made for, once", async () => {
    const { f, ready } = withReady({ item: { getAsFile: ok("QUJD") } });
    startEarlyRead();
    await ready();
    const item = currentItem(f);
    const answer = takeEarlyRead(item);
    expect(answer).toBeDefined();
    await expect(answer).resolves.toMatchObject({ status: "succeeded", value: "QUJD" });
    expect(takeEarlyRead(item)).toBeUndefined();
  });

  it("makes no call in compose mode, below Mailbox 1.14 or without an item: the ladder does as before", async () => {
    for (const opts of [
      { item: { subject: { getAsync: () => undefined }, getAsFile: ok("QUJD") } },
      { mailbox: "1.8", item: { getAsFile: ok("QUJD") } },
      { item: null },
    ] as FakeOfficeOptions[]) {
      const { f, ready } = withReady(opts);
      startEarlyRead();
      await ready();
      expect(f.calls.getAsFile).toBe(0);
      const item = currentItem(f);
      expect(item ? takeEarlyRead(item) : undefined).toBeUndefined();
      uninstallOffice();
    }
  });

  it("makes no call once the ladder has looked (Office.onReady answered the pane first)", async () => {
    const { f, ready } = withReady({ item: { getAsFile: ok("QUJD") } });
    startEarlyRead();
    expect(takeEarlyRead(currentItem(f))).toBeUndefined();
    await ready();
    expect(f.calls.getAsFile).toBe(0);
  });

  it("reports a getAsFileAsync that throws as a failed call, and the ladder goes on to the next rung", async () => {
    const { f, ready } = withReady({ item: { getAsFile: throws(new Error("host exploded")) } });
    startEarlyRead();
    await ready();
    const s = await readCurrentMessage();
    expect(f.calls.getAsFile).toBe(1);
    expect(s.rung).not.toBe("eml");
    expect(s.notes[0]).toMatchObject({ rung: "eml" });
    expect(s.notes[0]!.message.en).toContain("host exploded");
  });

  it("gives the boot script the same answer the ladder adopts, and undefined where it asked nothing", async () => {
    const { ready } = withReady({ item: { getAsFile: ok("QUJD") } });
    const started = startEarlyRead();
    await ready();
    await expect(started).resolves.toMatchObject({ status: "succeeded", value: "QUJD" });
    uninstallOffice();
    const compose = withReady({ item: { subject: { getAsync: () => undefined }, getAsFile: ok("QUJD") } });
    const none = startEarlyRead();
    await compose.ready();
    await expect(none).resolves.toBeUndefined();
    uninstallOffice();
    await expect(startEarlyRead()).resolves.toBeUndefined();
  });

  it("does nothing without Office.js (standalone page)", () => {
    expect(() => startEarlyRead()).not.toThrow();
    expect(takeEarlyRead({} as ItemLike)).toBeUndefined();
  });
});
