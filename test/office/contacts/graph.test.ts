/**
 * The Graph contacts client against a local stand-in server (real HTTP on 127.0.0.1, see graphStandIn.ts):
 * create, update-and-merge, already present, 401, 403, 429 with Retry-After, network failure.
 */
import fs from "node:fs";
import path from "node:path";
import { ContactsError } from "../../../src/office/contacts/errors";
import { GraphContactsClient, type TokenProvider } from "../../../src/office/contacts/graph";
import {
  decodeCertificateBlob,
  encodeCertificateBlob,
  fingerprint,
} from "../../../src/office/contacts/x509Blob";
import { decodeBase64String, encodeBase64, fromHex, fromPem } from "../../../src/engine";
import { approval } from "./approvals";
import { startStandIn, type StandIn } from "./graphStandIn";

const PKI = path.resolve(__dirname, "..", "..", "fixtures", "generated", "pki");

function cert(name: string): Uint8Array {
  const [der] = fromPem(fs.readFileSync(path.join(PKI, name), "latin1"));
  if (!der) throw new Error(`${name}: no certificate in the committed fixture`);
  return der;
}

const ALICE = cert("alice.pem");
const BOB = cert("bob.pem");

function tokens(): TokenProvider & { calls: { forceRefresh: boolean }[] } {
  const calls: { forceRefresh: boolean }[] = [];
  const f = (async (o?: { forceRefresh?: boolean }) => {
    calls.push({ forceRefresh: o?.forceRefresh === true });
    return `tok-${calls.length}`;
  }) as TokenProvider & { calls: { forceRefresh: boolean }[] };
  f.calls = calls;
  return f;
}

let server: StandIn;
beforeEach(async () => {
  server = await startStandIn();
});
afterEach(async () => {
  await server.close();
});

function client(
  getToken: TokenProvider = tokens(),
  extra: { maxRetryAfterSeconds?: number } = {},
): GraphContactsClient {
  return new GraphContactsClient({ baseUrl: server.baseUrl, getToken, timeoutMs: 5000, ...extra });
}

async function failure(p: Promise<unknown>): Promise<ContactsError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ContactsError);
    return e as ContactsError;
  }
  throw new Error("expected a ContactsError");
}

const REQUEST = {
  address: "Alice@Example.com",
  displayName: "Alice Example",
  certificate: ALICE,
  certificateName: "Alice",
  // the contacts gate's approval of ALICE for this address (from a valid, trusted signature)
  approval: approval({
    address: "alice@example.com",
    sha256: fingerprint(ALICE),
    certificate: encodeBase64(ALICE),
  }),
};

describe("the contacts gate guards the write", () => {
  it("without an approval of this very certificate and address nothing is sent", async () => {
    const forged = { ...REQUEST.approval };
    const bob = approval({ address: "alice@example.com", sha256: fingerprint(BOB) });
    const other = approval({ address: "mallory@example.com", sha256: fingerprint(ALICE) });
    for (const req of [
      { ...REQUEST, approval: forged }, // a look-alike object, not made by the gate
      { ...REQUEST, approval: bob }, // approval of another certificate
      { ...REQUEST, approval: other }, // approval for another address
      { ...REQUEST, encryptionCertificate: BOB }, // an unapproved encryption certificate
    ]) {
      const e = await failure(client().addCertificate(req));
      expect(e.kind).toBe("not-allowed");
      expect(e.localized.ja).toContain("登録しませんでした");
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("GraphContactsClient against the stand-in", () => {
  it("creates a contact with the certificate in one POST", async () => {
    const t = tokens();
    const r = await client(t).addCertificate(REQUEST);
    expect(r.outcome).toBe("created");
    expect(r.sha256).toBe(fingerprint(ALICE));
    expect(server.violations).toEqual([]);
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "POST"]);
    expect(server.requests[0]?.query.get("$filter")).toBe(
      "emailAddresses/any(a:a/address eq 'Alice@Example.com')",
    );
    expect(server.requests.every((q) => /^Bearer tok-\d+$/.test(q.authorization ?? ""))).toBe(true);

    const post = server.requests[1]?.body as {
      displayName: string;
      emailAddresses: { address: string; name: string }[];
      multiValueExtendedProperties: { id: string; value: string[] }[];
    };
    expect(post.displayName).toBe("Alice Example");
    expect(post.emailAddresses).toEqual([{ address: "Alice@Example.com", name: "Alice Example" }]);
    const value = post.multiValueExtendedProperties[0]?.value ?? [];
    expect(value).toHaveLength(1);
    const d = decodeCertificateBlob(decodeBase64String(value[0] as string));
    expect(d.kind).toBe("settings");
    if (d.kind !== "settings") return;
    expect(d.version).toBe(1);
    expect(d.encoding).toBe(1);
    expect(d.signing).toEqual(ALICE);
    expect(d.encryption).toEqual(ALICE);
    expect(d.displayName).toBe("Alice");
    expect(server.contacts.get(r.contactId)?.certificates).toEqual(value);
  });

  it("updates an existing contact with one PATCH carrying the old and the new value", async () => {
    const old = encodeBase64(
      encodeCertificateBlob({ signing: BOB, encryption: BOB, displayName: "Bob's old" }),
    );
    const foreign = encodeBase64(fromHex("3082000a0102030405060708090a")); // ASN.1 value written by another tool
    server.contacts.set("c-1", {
      id: "c-1",
      displayName: "Alice (work)",
      emailAddresses: [{ address: "someone@example.com" }, { address: "alice@example.com", name: "Alice" }],
      certificates: [old, foreign],
    });
    const r = await client().addCertificate(REQUEST);
    expect(r).toMatchObject({ outcome: "updated", contactId: "c-1" });
    expect(server.violations).toEqual([]);
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "PATCH"]);
    expect(server.requests[1]?.path).toBe("/v1.0/me/contacts/c-1");
    const patch = server.requests[1]?.body as {
      multiValueExtendedProperties: { id: string; value: string[] }[];
    };
    const value = patch.multiValueExtendedProperties[0]?.value ?? [];
    expect(value).toHaveLength(3);
    expect(value[0]).toBe(old);
    expect(value[1]).toBe(foreign);
    const added = decodeCertificateBlob(decodeBase64String(value[2] as string));
    expect(added.kind === "settings" && added.signing).toEqual(ALICE);
    expect(server.contacts.get("c-1")?.certificates).toEqual(value);

    // a second click finds it there and writes nothing
    server.requests.length = 0;
    const again = await client().addCertificate(REQUEST);
    expect(again.outcome).toBe("already-present");
    expect(server.requests.map((q) => q.method)).toEqual(["GET"]);
    expect(server.contacts.get("c-1")?.certificates).toEqual(value);
  });

  it("fetches a fresh token once on 401, then reports unauthorized", async () => {
    server.faults.push({ status: 401 }, { status: 401 });
    const t = tokens();
    const e = await failure(client(t).addCertificate(REQUEST));
    expect(e.kind).toBe("unauthorized");
    expect(e.status).toBe(401);
    expect(e.localized.ja).toContain("401");
    expect(t.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "GET"]);
    expect(server.contacts.size).toBe(0);
  });

  it("recovers from a single 401 with the refreshed token", async () => {
    server.faults.push({ status: 401 });
    const r = await client().addCertificate(REQUEST);
    expect(r.outcome).toBe("created");
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "GET", "POST"]);
  });

  it("reports 403 as forbidden and changes nothing", async () => {
    server.contacts.set("c-1", {
      id: "c-1",
      emailAddresses: [{ address: "alice@example.com" }],
      certificates: [],
    });
    server.faults.push({
      status: 403,
      method: "PATCH",
      body: { error: { code: "ErrorAccessDenied", message: "no" } },
    });
    const e = await failure(client().addCertificate(REQUEST));
    expect(e.kind).toBe("forbidden");
    expect(e.detail).toBe("ErrorAccessDenied");
    expect(server.contacts.get("c-1")?.certificates).toEqual([]);
  });

  it("waits for Retry-After on 429 and retries once", async () => {
    server.faults.push({ status: 429, retryAfter: "1" });
    const started = Date.now();
    const r = await client().addCertificate(REQUEST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(r.outcome).toBe("created");
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "GET", "POST"]);
  });

  it("reports throttled (with Retry-After) when 429 persists, and nothing is written", async () => {
    server.faults.push({ status: 429, retryAfter: "1" }, { status: 429, retryAfter: "1" });
    const e = await failure(client().addCertificate(REQUEST));
    expect(e.kind).toBe("throttled");
    expect(e.retryAfterSeconds).toBe(1);
    expect(e.localized.en).toContain("429");
    expect(server.requests.map((q) => q.method)).toEqual(["GET", "GET"]);
    expect(server.contacts.size).toBe(0);
  });

  it("does not sleep through a long Retry-After", async () => {
    server.faults.push({ status: 429, retryAfter: "120" });
    const started = Date.now();
    const e = await failure(client().addCertificate(REQUEST));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.kind).toBe("throttled");
    expect(e.retryAfterSeconds).toBe(120);
  });

  it("reports a destroyed connection as a network failure", async () => {
    server.faults.push({ destroy: true });
    const e = await failure(client().addCertificate(REQUEST));
    expect(e.kind).toBe("network");
    expect(server.contacts.size).toBe(0);
  });

  it("reports a network failure while writing, leaving the contact as it was", async () => {
    const old = encodeBase64(encodeCertificateBlob({ signing: BOB }));
    server.contacts.set("c-1", {
      id: "c-1",
      emailAddresses: [{ address: "alice@example.com" }],
      certificates: [old],
    });
    server.faults.push({ destroy: true, method: "PATCH" });
    const e = await failure(client().addCertificate(REQUEST));
    expect(e.kind).toBe("network");
    expect(server.contacts.get("c-1")?.certificates).toEqual([old]);
  });

  it("reports a refused connection as a network failure", async () => {
    const url = server.baseUrl;
    await server.close();
    const c = new GraphContactsClient({ baseUrl: url, getToken: tokens(), timeoutMs: 3000 });
    const e = await failure(c.addCertificate(REQUEST));
    expect(e.kind).toBe("network");
    server = await startStandIn(); // for afterEach
  });

  it("reports an unreadable answer as bad-response", async () => {
    server.faults.push({ status: 200, body: { nothing: true } });
    const e = await failure(client().addCertificate(REQUEST));
    expect(e.kind).toBe("bad-response");
  });

  it("passes sign-in errors through unchanged and makes no request", async () => {
    const getToken: TokenProvider = async () => {
      throw new ContactsError("consent-declined", { detail: "user_cancelled" });
    };
    const e = await failure(client(getToken).addCertificate(REQUEST));
    expect(e.kind).toBe("consent-declined");
    expect(server.requests).toHaveLength(0);
  });

  it("escapes quotes in the address filter", async () => {
    await client().findContactByEmail("o'brien@example.com");
    expect(server.violations).toEqual([]);
    expect(server.requests[0]?.query.get("$filter")).toBe(
      "emailAddresses/any(a:a/address eq 'o''brien@example.com')",
    );
  });
});
