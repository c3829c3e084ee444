/**
 * Microsoft Graph client for the one-click "add the sender's certificate to my contacts".
 * Injected: the base URL (tests use a stand-in server on 127.0.0.1), the token provider and fetch.
 *
 * Calls:
 *   GET   /me/contacts?$filter=emailAddresses/any(a:a/address eq '…')&$expand=multiValueExtendedProperties($filter=id eq 'BinaryArray 0x3A70')
 *   POST  /me/contacts                 (new contact: name, address and the certificate value in one request)
 *   PATCH /me/contacts/{id}            (existing contact: every value already there plus the new one, in one request)
 */
import { ContactsError } from "./errors";
import { approves, type ContactApproval } from "./gate";
import {
  GRAPH_X509_PROPERTY_ID,
  encodeCertificateBlob,
  fingerprint,
  mergeCertificateValues,
} from "./x509Blob";
import { encodeBase64 } from "../../engine";

export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

export type TokenProvider = (opts?: { forceRefresh?: boolean }) => Promise<string>;

export interface GraphClientOptions {
  getToken: TokenProvider;
  /** Default https://graph.microsoft.com/v1.0 (no trailing slash needed). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** A 429 is retried once when Retry-After is at most this many seconds (default 5). */
  maxRetryAfterSeconds?: number;
  /** Per-request timeout in ms (default 20 000). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GraphEmailAddress {
  name?: string;
  address?: string;
}

export interface GraphContact {
  id: string;
  displayName?: string;
  emailAddresses: GraphEmailAddress[];
  /** Base64 values of PidTagUserX509Certificate already on the contact. */
  certificateValues: string[];
}

export interface AddCertificateRequest {
  /** The sender's address (From). */
  address: string;
  /** Display name for a new contact (From display name, else the certificate's common name, else the address). */
  displayName: string;
  givenName?: string;
  surname?: string;
  /** DER of the signer certificate (written as SignCertificate). */
  certificate: Uint8Array;
  /** DER of the encryption certificate; default: the signer certificate. `null` leaves it out. */
  encryptionCertificate?: Uint8Array | null;
  /** Display name stored inside the certificate value (0x0051), e.g. the certificate's common name. */
  certificateName?: string;
  /**
   * The contacts gate's approval (contactCertificateGate, gate.ts) of exactly this certificate for this
   * address: without it nothing is written (ContactsError "not-allowed").
   */
  approval: ContactApproval;
}

export interface AddCertificateResult {
  outcome: "created" | "updated" | "already-present";
  contactId: string;
  /** SHA-256 of the signer certificate. */
  sha256: string;
}

const EXPAND = `multiValueExtendedProperties($filter=id eq '${GRAPH_X509_PROPERTY_ID}')`;

function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function parseRetryAfter(h: string | null): number | undefined {
  if (!h) return undefined;
  const t = h.trim();
  if (/^\d{1,6}$/.test(t)) return Number(t);
  const when = Date.parse(t);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

function sameAddress(a: string | undefined, b: string): boolean {
  return (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
}

interface RawContact {
  id?: unknown;
  displayName?: unknown;
  emailAddresses?: unknown;
  multiValueExtendedProperties?: unknown;
}

function toContact(raw: RawContact): GraphContact | undefined {
  if (typeof raw.id !== "string" || raw.id === "") return undefined;
  const emails: GraphEmailAddress[] = [];
  if (Array.isArray(raw.emailAddresses)) {
    for (const e of raw.emailAddresses as unknown[]) {
      if (e && typeof e === "object") {
        const o = e as { name?: unknown; address?: unknown };
        const g: GraphEmailAddress = {};
        if (typeof o.name === "string") g.name = o.name;
        if (typeof o.address === "string") g.address = o.address;
        emails.push(g);
      }
    }
  }
  const values: string[] = [];
  if (Array.isArray(raw.multiValueExtendedProperties)) {
    for (const p of raw.multiValueExtendedProperties as unknown[]) {
      if (!p || typeof p !== "object") continue;
      const o = p as { id?: unknown; value?: unknown };
      if (typeof o.id !== "string" || o.id.toLowerCase() !== GRAPH_X509_PROPERTY_ID.toLowerCase()) continue;
      if (Array.isArray(o.value))
        for (const v of o.value as unknown[]) if (typeof v === "string") values.push(v);
    }
  }
  const c: GraphContact = { id: raw.id, emailAddresses: emails, certificateValues: values };
  if (typeof raw.displayName === "string") c.displayName = raw.displayName;
  return c;
}

export class GraphContactsClient {
  private readonly base: string;
  private readonly getToken: TokenProvider;
  private readonly doFetch: typeof fetch;
  private readonly maxRetryAfter: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: GraphClientOptions) {
    this.base = (opts.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
    this.getToken = opts.getToken;
    const f = opts.fetch ?? globalThis.fetch;
    this.doFetch = (input, init) => f(input, init);
    this.maxRetryAfter = opts.maxRetryAfterSeconds ?? 5;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** One request with: a fresh token once on 401, one wait-and-retry on a short 429, errors mapped. */
  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    let forceRefresh = false;
    let retried429 = false;
    for (let attempt = 0; attempt < 3; attempt++) {
      let token: string;
      try {
        token = await this.getToken(forceRefresh ? { forceRefresh: true } : undefined);
      } catch (e) {
        if (e instanceof ContactsError) throw e;
        throw new ContactsError("auth-failed", { detail: e instanceof Error ? e.message : String(e) });
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      let res: Response;
      try {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
        };
        const init: RequestInit = { method, headers, signal: controller.signal };
        if (body !== undefined) {
          headers["Content-Type"] = "application/json";
          init.body = JSON.stringify(body);
        }
        res = await this.doFetch(`${this.base}${path}`, init);
      } catch (e) {
        throw new ContactsError("network", { detail: e instanceof Error ? e.message : String(e) });
      } finally {
        clearTimeout(timer);
      }
      if (res.status === 401 && !forceRefresh) {
        await res.text().catch(() => "");
        forceRefresh = true;
        continue;
      }
      if (res.status === 429) {
        await res.text().catch(() => "");
        const wait = parseRetryAfter(res.headers.get("Retry-After"));
        if (!retried429 && (wait ?? 1) <= this.maxRetryAfter) {
          retried429 = true;
          await this.sleep((wait ?? 1) * 1000);
          continue;
        }
        throw new ContactsError("throttled", {
          status: 429,
          ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
        });
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        throw new ContactsError("network", {
          status: res.status,
          detail: e instanceof Error ? e.message : String(e),
        });
      }
      if (!res.ok) {
        const code = graphErrorCode(text);
        const kind = res.status === 401 ? "unauthorized" : res.status === 403 ? "forbidden" : "server";
        throw new ContactsError(kind, { status: res.status, ...(code ? { detail: code } : {}) });
      }
      if (text.trim() === "") return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ContactsError("bad-response", { status: res.status, detail: "not JSON" });
      }
    }
    throw new ContactsError("server", { detail: "too many attempts" });
  }

  /** The first contact whose email addresses include this address, with its certificate values. */
  async findContactByEmail(address: string): Promise<GraphContact | undefined> {
    const q =
      `$filter=${encodeURIComponent(`emailAddresses/any(a:a/address eq ${odataString(address)})`)}` +
      `&$expand=${encodeURIComponent(EXPAND)}` +
      `&$select=${encodeURIComponent("id,displayName,emailAddresses")}&$top=10`;
    const json = await this.request("GET", `/me/contacts?${q}`);
    const list = json && typeof json === "object" ? (json as { value?: unknown }).value : undefined;
    if (!Array.isArray(list)) throw new ContactsError("bad-response", { detail: "no value array" });
    const contacts = (list as RawContact[]).map(toContact).filter((c): c is GraphContact => c !== undefined);
    return contacts.find((c) => c.emailAddresses.some((e) => sameAddress(e.address, address)));
  }

  async createContact(
    person: { displayName: string; address: string; givenName?: string; surname?: string },
    certificateValues: string[],
  ): Promise<GraphContact> {
    const body: Record<string, unknown> = {
      displayName: person.displayName,
      emailAddresses: [{ address: person.address, name: person.displayName }],
      multiValueExtendedProperties: [{ id: GRAPH_X509_PROPERTY_ID, value: certificateValues }],
    };
    if (person.givenName) body.givenName = person.givenName;
    if (person.surname) body.surname = person.surname;
    const json = await this.request("POST", "/me/contacts", body);
    const c = json && typeof json === "object" ? toContact(json as RawContact) : undefined;
    if (!c) throw new ContactsError("bad-response", { detail: "created contact has no id" });
    return c;
  }

  /** Replaces the contact's certificate values with these (one PATCH). */
  async setCertificateValues(contactId: string, values: string[]): Promise<void> {
    await this.request("PATCH", `/me/contacts/${encodeURIComponent(contactId)}`, {
      multiValueExtendedProperties: [{ id: GRAPH_X509_PROPERTY_ID, value: values }],
    });
  }

  /** Finds or creates the contact and writes the certificate, keeping the ones already there. */
  async addCertificate(req: AddCertificateRequest): Promise<AddCertificateResult> {
    if (req.certificate.length === 0) throw new ContactsError("no-certificate");
    if (
      !approves(req.approval, fingerprint(req.certificate), req.address) ||
      (req.encryptionCertificate &&
        !approves(req.approval, fingerprint(req.encryptionCertificate), req.address))
    )
      throw new ContactsError("not-allowed");
    const encryption = req.encryptionCertificate === undefined ? req.certificate : req.encryptionCertificate;
    const blob = encodeCertificateBlob({
      signing: req.certificate,
      ...(encryption ? { encryption } : {}),
      ...(req.certificateName ? { displayName: req.certificateName } : {}),
    });
    const sha256 = fingerprint(req.certificate);
    const existing = await this.findContactByEmail(req.address);
    if (existing) {
      const merged = mergeCertificateValues(existing.certificateValues, blob);
      if (!merged.added) return { outcome: "already-present", contactId: existing.id, sha256 };
      await this.setCertificateValues(existing.id, merged.values);
      return { outcome: "updated", contactId: existing.id, sha256 };
    }
    const created = await this.createContact(
      {
        displayName: req.displayName,
        address: req.address,
        ...(req.givenName ? { givenName: req.givenName } : {}),
        ...(req.surname ? { surname: req.surname } : {}),
      },
      [encodeBase64(blob)],
    );
    return { outcome: "created", contactId: created.id, sha256 };
  }
}

function graphErrorCode(text: string): string | undefined {
  try {
    const j = JSON.parse(text) as { error?: { code?: unknown } };
    return typeof j.error?.code === "string" ? j.error.code : undefined;
  } catch {
    return undefined;
  }
}
