/**
 * Compose-mode recipient access against the Office stand-in: reading To/Cc/Bcc (Mailbox 1.1), following
 * RecipientsChanged (only with Mailbox 1.7), and every failure coming back as a value, never a throw.
 */
import {
  changedFields,
  composeModeFromUrl,
  isComposeItem,
  normalizeRecipients,
  readRecipients,
  recipientSourceFor,
  watchRecipients,
} from "../../../src/office/compose/recipients";
import { isComposeMode, roamingCertificateLookup } from "../../../src/office/compose/index";
import { KnownCertificatesStore } from "../../../src/office/contacts/knownCertificates";
import { approval } from "../contacts/approvals";
import { FakeComposeItem, fakeOffice } from "./composeStandIn";

const alice = {
  displayName: "Alice Example",
  emailAddress: "Alice@Example.jp",
  recipientType: "externalUser",
};
const bob = { displayName: "Bob", emailAddress: "bob@example.jp" };
const carol = { displayName: "Carol", emailAddress: "carol@example.jp" };

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("isComposeItem / composeModeFromUrl", () => {
  test("a compose message has Recipients objects with getAsync", () => {
    expect(isComposeItem(new FakeComposeItem())).toBe(true);
  });
  test("read mode (item.to is an array), appointments, nothing: not compose", () => {
    expect(isComposeItem({ itemType: "message", to: [alice] })).toBe(false);
    const appt = new FakeComposeItem();
    appt.itemType = "appointment";
    expect(isComposeItem(appt)).toBe(false);
    expect(isComposeItem(null)).toBe(false);
    expect(isComposeItem(undefined)).toBe(false);
    expect(isComposeItem("message")).toBe(false);
  });
  test("a getter that throws is not compose", () => {
    const evil = Object.defineProperty({}, "to", {
      get() {
        throw new Error("no");
      },
    });
    expect(isComposeItem(evil)).toBe(false);
  });
  test("?mode=compose", () => {
    expect(composeModeFromUrl("?mode=compose")).toBe(true);
    expect(composeModeFromUrl("?lang=ja&mode=Compose")).toBe(true);
    expect(composeModeFromUrl("?mode=read")).toBe(false);
    expect(composeModeFromUrl("")).toBe(false);
    expect(composeModeFromUrl(undefined)).toBe(false);
  });
  test("isComposeMode follows the URL or the live item", () => {
    expect(isComposeMode("?mode=compose")).toBe(true);
    expect(isComposeMode("")).toBe(false);
    (globalThis as { Office?: unknown }).Office = fakeOffice(new FakeComposeItem([bob]));
    expect(isComposeMode("")).toBe(true);
    (globalThis as { Office?: unknown }).Office = fakeOffice({ itemType: "message", to: [bob] });
    expect(isComposeMode("")).toBe(false);
  });
});

describe("readRecipients", () => {
  test("reads To, Cc and Bcc with display names and addresses", async () => {
    const item = new FakeComposeItem(
      [alice, bob],
      [carol],
      [{ displayName: "", emailAddress: "hidden@example.jp" }],
    );
    const r = await readRecipients(item);
    expect(r.failures).toEqual([]);
    expect(r.recipients).toEqual([
      {
        field: "to",
        displayName: "Alice Example",
        emailAddress: "Alice@Example.jp",
        recipientType: "externalUser",
      },
      { field: "to", displayName: "Bob", emailAddress: "bob@example.jp" },
      { field: "cc", displayName: "Carol", emailAddress: "carol@example.jp" },
      { field: "bcc", displayName: "", emailAddress: "hidden@example.jp" },
    ]);
    expect([item.to.calls, item.cc.calls, item.bcc.calls]).toEqual([1, 1, 1]);
  });

  test("one failing field does not hide the others", async () => {
    const item = new FakeComposeItem([alice], [carol], [bob]);
    item.cc.behaviour = { kind: "fail", code: 9002, message: "An internal error occurred." };
    item.bcc.behaviour = { kind: "throw" };
    const r = await readRecipients(item);
    expect(r.recipients.map((x) => x.emailAddress)).toEqual(["Alice@Example.jp"]);
    expect(r.failures).toEqual([
      expect.objectContaining({ field: "cc", kind: "failed" }),
      expect.objectContaining({ field: "bcc", kind: "threw" }),
    ]);
    expect(r.failures[0]?.message).toContain("An internal error occurred.");
  });

  test("no answer: a timeout, not a hang", async () => {
    const item = new FakeComposeItem([alice], [], []);
    item.to.behaviour = { kind: "never" };
    const r = await readRecipients(item, { timeoutMs: 30 });
    expect(r.failures).toEqual([expect.objectContaining({ field: "to", kind: "timeout" })]);
  });

  test("a read-mode item gives 'missing' for each field", async () => {
    const r = await readRecipients({ to: [alice] } as never);
    expect(r.recipients).toEqual([]);
    expect(r.failures.map((f) => [f.field, f.kind])).toEqual([
      ["to", "missing"],
      ["cc", "missing"],
      ["bcc", "missing"],
    ]);
  });

  test("junk values are dropped, not crashed on", () => {
    expect(normalizeRecipients("to", "nope")).toEqual([]);
    expect(
      normalizeRecipients("cc", [
        null,
        3,
        {},
        { displayName: "  Unresolved  " },
        { emailAddress: " x@y.jp " },
      ]),
    ).toEqual([
      { field: "cc", displayName: "Unresolved", emailAddress: "" },
      { field: "cc", displayName: "", emailAddress: "x@y.jp" },
    ]);
    const many = Array.from({ length: 2000 }, (_, i) => ({ displayName: "", emailAddress: `u${i}@x.jp` }));
    expect(normalizeRecipients("to", many)).toHaveLength(500);
  });
});

describe("watchRecipients (RecipientsChanged, Mailbox 1.7)", () => {
  test("registers on the item and reports the changed fields", async () => {
    const item = new FakeComposeItem([alice]);
    const office = fakeOffice(item, "1.7");
    const seen: string[][] = [];
    const w = await watchRecipients(office, item, (f) => seen.push(f));
    expect(w.status).toBe("watching");
    expect(item.handlers.has("olkRecipientsChanged")).toBe(true);
    item.fireRecipientsChanged({ cc: true });
    item.fireRecipientsChanged({ to: true, bcc: true });
    expect(seen).toEqual([["cc"], ["to", "bcc"]]);
    await w.stop();
    expect(item.removed).toEqual(["olkRecipientsChanged"]);
    item.fireRecipientsChanged({ to: true });
    expect(seen).toHaveLength(2);
  });

  test("Mailbox 1.6 and below: unsupported, nothing registered", async () => {
    const item = new FakeComposeItem([alice]);
    const w = await watchRecipients(fakeOffice(item, "1.6"), item, () => undefined);
    expect(w.status).toBe("unsupported");
    expect(item.handlers.size).toBe(0);
    await expect(w.stop()).resolves.toBeUndefined();
  });

  test("no Office at all: unsupported", async () => {
    const w = await watchRecipients(undefined, new FakeComposeItem(), () => undefined);
    expect(w.status).toBe("unsupported");
  });

  test("Office refuses the registration: failed, with the reason", async () => {
    const item = new FakeComposeItem([alice]);
    item.addBehaviour = { kind: "fail", message: "The event is not supported." };
    const w = await watchRecipients(fakeOffice(item, "1.7"), item, () => undefined);
    expect(w.status).toBe("failed");
    expect(w.reason).toContain("The event is not supported.");
  });

  test("a registration that throws: failed", async () => {
    const item = new FakeComposeItem([alice]);
    item.addBehaviour = { kind: "throw" };
    const w = await watchRecipients(fakeOffice(item, "1.7"), item, () => undefined);
    expect(w.status).toBe("failed");
  });

  test("a throwing listener does not escape into Outlook", async () => {
    const item = new FakeComposeItem([alice]);
    const w = await watchRecipients(fakeOffice(item, "1.7"), item, () => {
      throw new Error("listener bug");
    });
    expect(() => item.fireRecipientsChanged({ to: true })).not.toThrow();
    await w.stop();
  });

  test("changedFields: unknown event shape means everything may have changed", () => {
    expect(changedFields(undefined)).toEqual(["to", "cc", "bcc"]);
    expect(changedFields({ changedRecipientFields: { to: true, cc: false } })).toEqual(["to"]);
  });
});

describe("recipientSourceFor", () => {
  test("over a compose item: read and watch end to end", async () => {
    const item = new FakeComposeItem([alice]);
    const src = recipientSourceFor(fakeOffice(item, "1.7"));
    expect(src).toBeDefined();
    const changes: string[][] = [];
    const w = await src!.watch((f) => changes.push(f));
    item.to.list = [alice, bob];
    item.fireRecipientsChanged({ to: true });
    expect(changes).toEqual([["to"]]);
    expect((await src!.read()).recipients.map((r) => r.emailAddress)).toEqual([
      "Alice@Example.jp",
      "bob@example.jp",
    ]);
    await w.stop();
  });
  test("read mode or no Office: no source", () => {
    expect(recipientSourceFor(fakeOffice({ to: [alice] }))).toBeUndefined();
    expect(recipientSourceFor(undefined)).toBeUndefined();
  });
});

describe("roamingCertificateLookup", () => {
  test("reads what the known-certificates store wrote, read-only", async () => {
    const roaming = new Map<string, unknown>();
    const store = new KnownCertificatesStore({
      get: (n) => roaming.get(n),
      set: (n, v) => roaming.set(n, v),
      saveAsync: async () => undefined,
    });
    await store.remember([
      approval({
        address: "Bob@Example.jp",
        sha256: "a".repeat(64),
        notBefore: "2025-01-01T00:00:00Z",
        notAfter: "2027-01-01T00:00:00Z",
        name: "Bob",
      }),
    ]);
    const before = JSON.stringify([...roaming]);
    (globalThis as { Office?: unknown }).Office = fakeOffice(new FakeComposeItem(), "1.7", roaming);
    const lookup = roamingCertificateLookup();
    expect(lookup).toBeDefined();
    expect(lookup!("bob@example.jp").map((c) => c.sha256)).toEqual(["a".repeat(64)]);
    expect(lookup!("nobody@example.jp")).toEqual([]);
    expect(JSON.stringify([...roaming])).toBe(before);
  });
  test("outside Outlook: undefined", () => {
    expect(roamingCertificateLookup()).toBeUndefined();
  });
});
