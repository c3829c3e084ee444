/**
 * recipientStatus: for each To/Cc/Bcc recipient, whether a certificate is known and until when — both
 * ways (known and valid / missing, expired, not yet valid, expiring) — and the summary that decides
 * whether the encryption-error FAQ is shown.
 */
import type { KnownCertificate } from "../../../src/office/contacts/knownCertificates";
import { KnownCertificatesStore } from "../../../src/office/contacts/knownCertificates";
import { approval } from "../../office/contacts/approvals";
import type { ComposeRecipient } from "../../../src/office/compose/recipients";
import { certificateState, recipientStatus, summarize } from "../../../src/taskpane/setup/recipients";

const AT = new Date("2026-06-01T00:00:00Z");
const cert = (notBefore: string, notAfter: string, sha = "a"): KnownCertificate => ({
  sha256: sha.repeat(64).slice(0, 64),
  notBefore,
  notAfter,
  lastSeen: "2026-05-01T00:00:00Z",
});
const r = (field: ComposeRecipient["field"], emailAddress: string, displayName = ""): ComposeRecipient => ({
  field,
  emailAddress,
  displayName,
});

const book: Record<string, KnownCertificate[]> = {
  "valid@example.jp": [cert("2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z")],
  "expiring@example.jp": [cert("2025-01-01T00:00:00Z", "2026-06-15T00:00:00Z")],
  "expired@example.jp": [cert("2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z")],
  "future@example.jp": [cert("2026-07-01T00:00:00Z", "2028-07-01T00:00:00Z")],
  "renewed@example.jp": [
    cert("2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z", "1"),
    cert("2024-01-01T00:00:00Z", "2026-06-10T00:00:00Z", "2"),
    cert("2025-06-01T00:00:00Z", "2028-06-01T00:00:00Z", "3"),
  ],
  "junk@example.jp": [cert("not a date", "never")],
};
const lookup = (a: string): KnownCertificate[] => book[a] ?? [];

describe("certificateState", () => {
  test("valid, with whole days left", () => {
    expect(certificateState(book["valid@example.jp"]!, AT)).toMatchObject({ state: "valid", daysLeft: 214 });
  });
  test("expiring within 30 days", () => {
    expect(certificateState(book["expiring@example.jp"]!, AT)).toMatchObject({
      state: "expiring",
      daysLeft: 14,
    });
  });
  test("expired / not yet valid / none", () => {
    expect(certificateState(book["expired@example.jp"]!, AT).state).toBe("expired");
    expect(certificateState(book["future@example.jp"]!, AT).state).toBe("not-yet-valid");
    expect(certificateState([], AT)).toEqual({ state: "none" });
  });
  test("several certificates: the valid one lasting longest is chosen", () => {
    const s = certificateState(book["renewed@example.jp"]!, AT);
    expect(s.state).toBe("valid");
    expect(s.certificate?.sha256).toBe("3".repeat(64));
  });
  test("unreadable dates count as no certificate", () => {
    expect(certificateState(book["junk@example.jp"]!, AT).state).toBe("none");
  });
  test("the boundaries: valid on notBefore and on notAfter, expired a millisecond later", () => {
    const c = [cert("2026-06-01T00:00:00Z", "2026-08-01T00:00:00Z")];
    expect(certificateState(c, new Date("2026-06-01T00:00:00Z")).state).toBe("valid");
    expect(certificateState(c, new Date("2026-08-01T00:00:00Z")).state).toBe("expiring");
    expect(certificateState(c, new Date("2026-08-01T00:00:00.001Z")).state).toBe("expired");
  });
});

describe("recipientStatus", () => {
  test("one row per address, in To/Cc/Bcc order, with each state", () => {
    const rows = recipientStatus(
      [
        r("to", "Valid@Example.jp", "Valid Person"),
        r("to", "nobody@example.jp", "Nobody"),
        r("cc", "expired@example.jp"),
        r("cc", "expiring@example.jp"),
        r("bcc", "future@example.jp"),
        r("bcc", "", "Unresolved Name"),
      ],
      lookup,
      AT,
    );
    expect(rows.map((x) => [x.address, x.state, x.fields])).toEqual([
      ["valid@example.jp", "valid", ["to"]],
      ["nobody@example.jp", "none", ["to"]],
      ["expired@example.jp", "expired", ["cc"]],
      ["expiring@example.jp", "expiring", ["cc"]],
      ["future@example.jp", "not-yet-valid", ["bcc"]],
      ["", "no-address", ["bcc"]],
    ]);
    expect(rows[0]?.certificate?.notAfter).toBe("2027-01-01T00:00:00Z");
    expect(rows[1]?.certificate).toBeUndefined();
    const sum = summarize(rows);
    expect(sum).toEqual({ total: 6, ready: 2, missing: 4, encryptionWouldFail: true, expiring: 1 });
  });

  test("the same address in To and Bcc is one row naming both fields", () => {
    const rows = recipientStatus(
      [r("bcc", "valid@example.jp"), r("to", "VALID@example.jp", "V"), r("to", "valid@example.jp")],
      lookup,
      AT,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.fields).toEqual(["to", "bcc"]);
    expect(rows[0]?.displayName).toBe("V");
  });

  test("everyone known: encryption would work", () => {
    const rows = recipientStatus([r("to", "valid@example.jp"), r("cc", "renewed@example.jp")], lookup, AT);
    expect(summarize(rows)).toMatchObject({ ready: 2, missing: 0, encryptionWouldFail: false });
  });

  test("no recipients: nothing to warn about", () => {
    expect(summarize(recipientStatus([], lookup, AT))).toMatchObject({
      total: 0,
      encryptionWouldFail: false,
    });
  });

  test("no store (outside Outlook) or a throwing store: everyone is 'none'", () => {
    expect(recipientStatus([r("to", "valid@example.jp")], undefined, AT)[0]?.state).toBe("none");
    const boom = (): KnownCertificate[] => {
      throw new Error("roaming settings broken");
    };
    expect(recipientStatus([r("to", "valid@example.jp")], boom, AT)[0]?.state).toBe("none");
  });

  test("with the real known-certificates store (as the read pane fills it)", async () => {
    const data = new Map<string, unknown>();
    const store = new KnownCertificatesStore({
      get: (n) => data.get(n),
      set: (n, v) => data.set(n, v),
      saveAsync: async () => undefined,
    });
    await store.remember(
      [
        approval({
          address: "Hanako@Example.jp",
          sha256: "b".repeat(64),
          notBefore: "2025-01-01T00:00:00Z",
          notAfter: "2026-06-20T00:00:00Z",
        }),
      ],
      new Date("2026-05-01T00:00:00Z"),
    );
    const rows = recipientStatus(
      [r("to", "hanako@example.jp"), r("to", "taro@example.jp")],
      (a) => store.lookup(a),
      AT,
    );
    expect(rows.map((x) => x.state)).toEqual(["expiring", "none"]);
    expect(rows[0]?.daysLeft).toBe(19);
  });
});
