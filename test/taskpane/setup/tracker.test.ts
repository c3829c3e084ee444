/**
 * The compose pane's recipient tracker with the Office stand-in: first read, re-read after
 * RecipientsChanged (debounced), stale answers ignored, and no live updates below Mailbox 1.7.
 */
import { recipientSourceFor } from "../../../src/office/compose/recipients";
import { createRecipientTracker, type TrackerSnapshot } from "../../../src/taskpane/setup/tracker";
import { FakeComposeItem, fakeOffice } from "../../office/compose/composeStandIn";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
/**
 * Waits until `done()` holds (at most 5 s), a millisecond at a time. The stand-in answers on 1 ms timers
 * and the tracker debounces on a timer: a fixed wait raced them on a loaded machine (a stall of ~15 ms let
 * the test's own timer fire before the re-read's answers).
 */
async function until(done: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!done() && Date.now() < end) await tick(1);
}

function addresses(s: TrackerSnapshot | undefined): string[] {
  return s?.state.name === "ready" ? s.state.read.recipients.map((r) => r.emailAddress) : [];
}

test("reads, then follows RecipientsChanged", async () => {
  const item = new FakeComposeItem([{ displayName: "A", emailAddress: "a@example.jp" }]);
  const snaps: TrackerSnapshot[] = [];
  const t = createRecipientTracker(recipientSourceFor(fakeOffice(item, "1.7")), (s) => snaps.push(s), {
    debounceMs: 5,
  });
  t.start();
  expect(snaps[0]?.state.name).toBe("loading");
  await until(() => snaps.at(-1)?.live === "watching" && addresses(snaps.at(-1)).length === 1);
  expect(addresses(snaps.at(-1))).toEqual(["a@example.jp"]);
  expect(snaps.at(-1)?.live).toBe("watching");

  item.cc.list = [{ displayName: "B", emailAddress: "b@example.jp" }];
  item.fireRecipientsChanged({ cc: true });
  item.fireRecipientsChanged({ cc: true }); // a burst: read once
  const readsBefore = item.to.calls;
  await until(() => addresses(snaps.at(-1)).length === 2);
  expect(addresses(snaps.at(-1))).toEqual(["a@example.jp", "b@example.jp"]);
  expect(item.to.calls - readsBefore).toBe(1);

  t.stop();
  expect(item.handlers.size).toBe(0);
  const n = snaps.length;
  item.fireRecipientsChanged({ to: true });
  await tick(20);
  expect(snaps.length).toBe(n);
});

test("Mailbox 1.6: one read, live updates 'unsupported'; refresh re-reads", async () => {
  const item = new FakeComposeItem([{ displayName: "A", emailAddress: "a@example.jp" }]);
  const snaps: TrackerSnapshot[] = [];
  const t = createRecipientTracker(recipientSourceFor(fakeOffice(item, "1.6")), (s) => snaps.push(s));
  t.start();
  await until(() => snaps.at(-1)?.live === "unsupported");
  expect(snaps.at(-1)?.live).toBe("unsupported");
  item.to.list.push({ displayName: "C", emailAddress: "c@example.jp" });
  t.refresh();
  await until(() => addresses(snaps.at(-1)).length === 2);
  expect(addresses(snaps.at(-1))).toEqual(["a@example.jp", "c@example.jp"]);
  t.stop();
});

test("no source (not composing): unavailable, and nothing else happens", async () => {
  const snaps: TrackerSnapshot[] = [];
  const t = createRecipientTracker(undefined, (s) => snaps.push(s));
  t.start();
  t.refresh();
  await tick(5);
  expect(snaps).toEqual([{ state: { name: "unavailable" } }]);
  t.stop();
});

test("a slow old read does not overwrite a newer one", async () => {
  const answers: ((v: { recipients: never[]; failures: never[] } | ReturnType<typeof make>) => void)[] = [];
  const make = (a: string) => ({
    recipients: [{ field: "to" as const, displayName: "", emailAddress: a }],
    failures: [],
  });
  const snaps: TrackerSnapshot[] = [];
  const t = createRecipientTracker(
    {
      read: () => new Promise((res) => answers.push(res as never)),
      watch: async () => ({ status: "unsupported", stop: async () => undefined }),
    },
    (s) => snaps.push(s),
  );
  t.start();
  t.refresh();
  answers[1]?.(make("new@example.jp"));
  await tick();
  answers[0]?.(make("old@example.jp"));
  await tick();
  expect(addresses(snaps.at(-1))).toEqual(["new@example.jp"]);
  t.stop();
});

test("a source whose read rejects or throws gives an empty list, not a crash", async () => {
  const snaps: TrackerSnapshot[] = [];
  const t = createRecipientTracker(
    {
      read: () => Promise.reject(new Error("boom")),
      watch: () => {
        throw new Error("boom");
      },
    },
    (s) => snaps.push(s),
  );
  expect(() => t.start()).not.toThrow();
  await tick();
  expect(snaps.at(-1)).toEqual({
    state: { name: "ready", read: { recipients: [], failures: [] } },
    live: "failed",
  });
  t.stop();
});
