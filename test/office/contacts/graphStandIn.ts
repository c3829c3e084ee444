/**
 * A local stand-in for the few Microsoft Graph endpoints the contacts client calls: node:http on
 * 127.0.0.1 with an ephemeral port. It keeps contacts in memory, records every request, checks the
 * request shapes, and answers 401 / 403 / 429 (Retry-After) / 500 / a destroyed socket on demand.
 * Never touches the real network.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export const PROPERTY_ID = "BinaryArray 0x3A70";

export interface StoredContact {
  id: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  emailAddresses: { name?: string; address: string }[];
  certificates?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export type Fault = { status: number; retryAfter?: string; body?: unknown } | { destroy: true };

export interface StandIn {
  /** Base URL to give the client, e.g. http://127.0.0.1:12345/v1.0 */
  baseUrl: string;
  contacts: Map<string, StoredContact>;
  requests: RecordedRequest[];
  /** Faults applied to the next requests, in order (optionally only to one method). */
  faults: (Fault & { method?: string })[];
  /** Problems found in request shapes (the test asserts this stays empty). */
  violations: string[];
  close(): Promise<void>;
}

function contactJson(c: StoredContact, expand: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    displayName: c.displayName ?? null,
    emailAddresses: c.emailAddresses,
  };
  if (c.givenName) out.givenName = c.givenName;
  if (c.surname) out.surname = c.surname;
  // Graph returns the id in its own casing.
  if (expand && c.certificates)
    out.multiValueExtendedProperties = [{ id: "BinaryArray 0x3a70", value: c.certificates }];
  return out;
}

function checkProperty(body: unknown, violations: string[], where: string): string[] | undefined {
  const props = (body as { multiValueExtendedProperties?: unknown }).multiValueExtendedProperties;
  if (!Array.isArray(props) || props.length !== 1) {
    violations.push(`${where}: multiValueExtendedProperties must hold exactly one property`);
    return undefined;
  }
  const p = props[0] as { id?: unknown; value?: unknown };
  if (p.id !== PROPERTY_ID) violations.push(`${where}: property id is ${String(p.id)}`);
  if (
    !Array.isArray(p.value) ||
    p.value.some((v) => typeof v !== "string" || !/^[A-Za-z0-9+/]+=*$/.test(v))
  ) {
    violations.push(`${where}: value must be an array of base64 strings`);
    return undefined;
  }
  return p.value as string[];
}

export async function startStandIn(): Promise<StandIn> {
  const contacts = new Map<string, StoredContact>();
  const requests: RecordedRequest[] = [];
  const faults: (Fault & { method?: string })[] = [];
  const violations: string[] = [];
  let nextId = 1;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          violations.push(`${req.method} ${url.pathname}: body is not JSON`);
        }
      }
      const rec: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization,
        contentType: req.headers["content-type"],
        body,
      };
      requests.push(rec);

      const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
        const text = json === undefined ? "" : JSON.stringify(json);
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(text);
      };

      const fi = faults.findIndex((f) => !f.method || f.method === rec.method);
      if (fi >= 0) {
        const f = faults.splice(fi, 1)[0] as Fault;
        if ("destroy" in f) {
          req.socket.destroy();
          return;
        }
        send(
          f.status,
          f.body ?? { error: { code: `Status${f.status}`, message: "stand-in fault" } },
          f.retryAfter ? { "Retry-After": f.retryAfter } : {},
        );
        return;
      }

      if (!/^Bearer \S+$/.test(rec.authorization ?? "")) {
        send(401, { error: { code: "InvalidAuthenticationToken", message: "no bearer token" } });
        return;
      }

      const base = "/v1.0/me/contacts";
      if (rec.method === "GET" && url.pathname === base) {
        const filter = url.searchParams.get("$filter") ?? "";
        const m = /^emailAddresses\/any\(a:a\/address eq '((?:[^']|'')*)'\)$/.exec(filter);
        if (!m) {
          violations.push(`GET: unexpected $filter ${filter}`);
          send(400, { error: { code: "BadRequest", message: "filter" } });
          return;
        }
        const expand = url.searchParams.get("$expand") ?? "";
        const expandOk = expand === `multiValueExtendedProperties($filter=id eq '${PROPERTY_ID}')`;
        if (!expandOk) violations.push(`GET: unexpected $expand ${expand}`);
        const address = (m[1] as string).replace(/''/g, "'").toLowerCase();
        const value = [...contacts.values()]
          .filter((c) => c.emailAddresses.some((e) => e.address.toLowerCase() === address))
          .map((c) => contactJson(c, expandOk));
        send(200, { value });
        return;
      }
      if (rec.method === "POST" && url.pathname === base) {
        if (rec.contentType !== "application/json")
          violations.push("POST: content-type is not application/json");
        const b = (body ?? {}) as Partial<StoredContact> & { emailAddresses?: unknown };
        const values = checkProperty(body, violations, "POST");
        if (!Array.isArray(b.emailAddresses) || b.emailAddresses.length === 0) {
          violations.push("POST: emailAddresses missing");
        }
        const c: StoredContact = {
          id: `contact-${nextId++}`,
          emailAddresses: (b.emailAddresses as { name?: string; address: string }[]) ?? [],
          ...(typeof b.displayName === "string" ? { displayName: b.displayName } : {}),
          ...(typeof b.givenName === "string" ? { givenName: b.givenName } : {}),
          ...(typeof b.surname === "string" ? { surname: b.surname } : {}),
          ...(values ? { certificates: values } : {}),
        };
        contacts.set(c.id, c);
        send(201, contactJson(c, false));
        return;
      }
      const pm = /^\/v1\.0\/me\/contacts\/([^/]+)$/.exec(url.pathname);
      if (rec.method === "PATCH" && pm) {
        const c = contacts.get(decodeURIComponent(pm[1] as string));
        if (!c) {
          send(404, { error: { code: "ErrorItemNotFound", message: "no such contact" } });
          return;
        }
        const keys = Object.keys((body ?? {}) as object);
        if (keys.length !== 1 || keys[0] !== "multiValueExtendedProperties") {
          violations.push(`PATCH: body must carry only multiValueExtendedProperties, got ${keys.join(",")}`);
        }
        const values = checkProperty(body, violations, "PATCH");
        if (values) c.certificates = values;
        send(200, contactJson(c, false));
        return;
      }
      violations.push(`unexpected request ${rec.method} ${url.pathname}`);
      send(404, { error: { code: "NotFound", message: "stand-in has no such endpoint" } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    contacts,
    requests,
    faults,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
