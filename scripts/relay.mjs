#!/usr/bin/env node
/**
 * S/MIME Assistant revocation relay (issue #14): `npm run relay`. Plain Node, no dependencies.
 *
 * The task pane runs on an HTTPS page whose CSP and mixed-content rules let it reach no http:// CRL or OCSP
 * URL. An organisation may run this relay and build the pane with SMIME_ASSISTANT_REVOCATION_RELAY=https://….
 *
 *   POST /revocation   {"certificate": base64 DER, "kind": "crl"|"ocsp", "url": "…", "request": base64 DER}
 *   → 200 application/octet-stream: the raw CRL or OCSPResponse, verified by the pane's engine, not here.
 *
 * No open proxy: the URL must be one the certificate itself names (CRL distribution point, or OCSP in its
 * Authority Information Access); anything else is refused. Limits: request size, requests per client per
 * minute, answer size, time per fetch. CRLs are cached until their nextUpdate, OCSP answers for a few
 * minutes. Logs say what happened (kind, host, status, time), never the certificate or its contents.
 *
 * Environment: RELAY_HOST (127.0.0.1), RELAY_PORT (8787), RELAY_ALLOW_ORIGIN (the pane's origin, "*" by
 * default), RELAY_TLS_CERT / RELAY_TLS_KEY (PEM files: serve HTTPS itself; else put it behind a TLS proxy),
 * RELAY_MAX_REQUEST (65536 bytes), RELAY_MAX_RESPONSE (33554432 bytes), RELAY_TIMEOUT_MS (5000),
 * RELAY_RATE (120 requests per client per minute), RELAY_OCSP_TTL_MS (300000).
 */
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";

// ---- a minimal DER reader: enough for the URLs of a certificate and the nextUpdate of a CRL

function tlv(buf, pos) {
  if (pos + 2 > buf.length) throw new Error("truncated");
  const tag = buf[pos];
  let len = buf[pos + 1];
  let off = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || off + n > buf.length) throw new Error("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[off + i];
    off += n;
  }
  if (off + len > buf.length) throw new Error("truncated");
  return { tag, start: pos, off, end: off + len, value: buf.subarray(off, off + len) };
}

function kids(buf, t) {
  const out = [];
  for (let p = t.off; p < t.end;) {
    const c = tlv(buf, p);
    out.push(c);
    p = c.end;
    if (out.length > 10000) throw new Error("too many elements");
  }
  return out;
}

function oid(v) {
  const parts = [];
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    acc = acc * 128 + (v[i] & 0x7f);
    if (!(v[i] & 0x80)) {
      if (parts.length === 0)
        parts.push(Math.min(2, Math.floor(acc / 40)), acc - Math.min(2, Math.floor(acc / 40)) * 40);
      else parts.push(acc);
      acc = 0;
    }
  }
  return parts.join(".");
}

/** The CRL distribution point and OCSP URIs a certificate names. */
export function certificateUrls(der) {
  const out = { crl: [], ocsp: [] };
  const cert = tlv(der, 0);
  const tbs = kids(der, cert)[0];
  const extWrap = kids(der, tbs).find((t) => t.tag === 0xa3);
  if (!extWrap) return out;
  const exts = kids(der, kids(der, extWrap)[0]);
  for (const ext of exts) {
    const parts = kids(der, ext);
    const id = oid(parts[0].value);
    const val = parts[parts.length - 1];
    const inner = tlv(der, val.off);
    if (id === "2.5.29.31") {
      for (const dp of kids(der, inner)) {
        const dpn = kids(der, dp).find((t) => t.tag === 0xa0);
        const full = dpn && kids(der, dpn).find((t) => t.tag === 0xa0);
        for (const gn of full ? kids(der, full) : [])
          if (gn.tag === 0x86) out.crl.push(Buffer.from(gn.value).toString("latin1"));
      }
    } else if (id === "1.3.6.1.5.5.7.1.1") {
      for (const ad of kids(der, inner)) {
        const [m, loc] = kids(der, ad);
        if (oid(m.value) === "1.3.6.1.5.5.7.48.1" && loc && loc.tag === 0x86)
          out.ocsp.push(Buffer.from(loc.value).toString("latin1"));
      }
    }
  }
  return out;
}

function derTime(t) {
  const s = Buffer.from(t.value).toString("latin1");
  const m =
    t.tag === 0x17
      ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s)
      : /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) return undefined;
  let y = Number(m[1]);
  if (t.tag === 0x17) y += y >= 50 ? 1900 : 2000;
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** nextUpdate of a DER CRL (ms), or undefined. */
export function crlNextUpdate(der) {
  try {
    const top = tlv(der, 0);
    const tbs = kids(der, top)[0];
    const f = kids(der, tbs);
    let i = f[0]?.tag === 0x02 ? 1 : 0;
    i += 2; // signature, issuer
    i += 1; // thisUpdate
    const n = f[i];
    return n && (n.tag === 0x17 || n.tag === 0x18) ? derTime(n) : undefined;
  } catch {
    return undefined;
  }
}

// ---- the relay

function envInt(name, def) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : def;
}

export function relayOptions(env = process.env) {
  return {
    host: env.RELAY_HOST || "127.0.0.1",
    port: envInt("RELAY_PORT", 8787),
    allowOrigin: env.RELAY_ALLOW_ORIGIN || "*",
    maxRequest: envInt("RELAY_MAX_REQUEST", 64 * 1024),
    maxResponse: envInt("RELAY_MAX_RESPONSE", 32 * 1024 * 1024),
    timeoutMs: envInt("RELAY_TIMEOUT_MS", 5000),
    rate: envInt("RELAY_RATE", 120),
    ocspTtlMs: envInt("RELAY_OCSP_TTL_MS", 5 * 60 * 1000),
    tlsCert: env.RELAY_TLS_CERT,
    tlsKey: env.RELAY_TLS_KEY,
  };
}

class RelayError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function upstream(url, body, opts) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : http;
    const req = mod.request(
      u,
      {
        method: body ? "POST" : "GET",
        agent: false,
        headers: body
          ? { "content-type": "application/ocsp-request", "content-length": String(body.length) }
          : { accept: "application/pkix-crl, application/octet-stream" },
      },
      (res) => {
        if (res.statusCode < 200 || res.statusCode >= 300) {
          res.resume();
          reject(new RelayError(502, `upstream HTTP ${res.statusCode}`));
          return;
        }
        const chunks = [];
        let size = 0;
        res.on("data", (c) => {
          size += c.length;
          if (size > opts.maxResponse)
            req.destroy(new RelayError(502, `upstream answer larger than ${opts.maxResponse} bytes`));
          else chunks.push(c);
        });
        res.on("end", () => resolve(Buffer.concat(chunks)));
        res.on("error", reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new RelayError(504, `upstream time-out after ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    req.on("close", () => clearTimeout(timer));
    req.on("error", (e) =>
      reject(e instanceof RelayError ? e : new RelayError(502, `upstream ${e.code || e.message}`)),
    );
    req.end(body);
  });
}

export function createRelay(opts = relayOptions(), log = (line) => console.log(line)) {
  const cache = new Map();
  const rates = new Map();
  const rateOk = (client) => {
    const now = Date.now();
    const r = rates.get(client);
    if (!r || now - r.since >= 60_000) {
      rates.set(client, { since: now, n: 1 });
      if (rates.size > 10_000) rates.clear();
      return true;
    }
    r.n++;
    return r.n <= opts.rate;
  };

  async function answer(reqBody) {
    let msg;
    try {
      msg = JSON.parse(reqBody.toString("utf8"));
    } catch {
      throw new RelayError(400, "the request is not JSON");
    }
    if (
      !msg ||
      (msg.kind !== "crl" && msg.kind !== "ocsp") ||
      typeof msg.url !== "string" ||
      typeof msg.certificate !== "string"
    )
      throw new RelayError(400, "expected {certificate, kind, url[, request]}");
    const der = Buffer.from(msg.certificate, "base64");
    let urls;
    try {
      urls = certificateUrls(der);
    } catch {
      throw new RelayError(400, "the certificate could not be read");
    }
    const named = msg.kind === "crl" ? urls.crl : urls.ocsp;
    // Never a URL the client names: only one the certificate itself carries, and only http(s).
    if (!named.includes(msg.url) || !/^https?:\/\//i.test(msg.url))
      throw new RelayError(
        400,
        `the certificate names no such ${msg.kind === "crl" ? "CRL distribution point" : "OCSP responder"}`,
      );
    let body;
    if (msg.kind === "ocsp") {
      if (typeof msg.request !== "string") throw new RelayError(400, "an OCSP request is needed");
      body = Buffer.from(msg.request, "base64");
      if (body[0] !== 0x30) throw new RelayError(400, "the OCSP request is not DER");
    }
    const key = `${msg.kind} ${msg.url} ${body ? createHash("sha256").update(body).digest("hex") : ""}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now())
      return { bytes: hit.bytes, cached: true, host: new URL(msg.url).host, kind: msg.kind };
    const bytes = await upstream(msg.url, body, opts);
    const until = msg.kind === "crl" ? (crlNextUpdate(bytes) ?? 0) : Date.now() + opts.ocspTtlMs;
    if (until > Date.now()) {
      if (cache.size > 1000) cache.delete(cache.keys().next().value);
      cache.set(key, { bytes, until });
    }
    return { bytes, cached: false, host: new URL(msg.url).host, kind: msg.kind };
  }

  const handler = (req, res) => {
    const started = Date.now();
    const cors = {
      "access-control-allow-origin": opts.allowOrigin,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "600",
    };
    const finish = (status, payload, info = {}) => {
      const isBytes = Buffer.isBuffer(payload);
      res.writeHead(status, {
        ...cors,
        "content-type": isBytes ? "application/octet-stream" : "text/plain; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(payload);
      // No certificate, no serial, no subject: what, where, how it went.
      log(
        `${new Date().toISOString()} ${req.method} ${status} ${info.kind ?? "-"} ${info.host ?? "-"} ${info.cached ? "cached" : "fetched"} ${Date.now() - started}ms${status >= 400 && !isBytes ? ` ${payload}` : ""}`,
      );
    };
    if (req.method === "OPTIONS") return finish(204, "");
    if (req.method !== "POST" || (req.url || "").split("?")[0] !== "/revocation")
      return finish(404, "not found");
    const client = req.socket.remoteAddress || "?";
    if (!rateOk(client)) return finish(429, "too many requests");
    const chunks = [];
    let size = 0;
    let refused = false;
    req.on("data", (c) => {
      if (refused) return;
      size += c.length;
      if (size > opts.maxRequest) {
        refused = true;
        finish(413, "request too large");
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (refused) return;
      answer(Buffer.concat(chunks)).then(
        (a) => finish(200, a.bytes, a),
        (e) =>
          finish(
            e instanceof RelayError ? e.status : 500,
            e instanceof RelayError ? e.message : "internal error",
          ),
      );
    });
  };
  const server =
    opts.tlsCert && opts.tlsKey
      ? https.createServer(
          { cert: fs.readFileSync(opts.tlsCert), key: fs.readFileSync(opts.tlsKey) },
          handler,
        )
      : http.createServer(handler);
  server.requestTimeout = opts.timeoutMs * 3;
  server.headersTimeout = opts.timeoutMs * 2;
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const opts = relayOptions();
  const server = createRelay(opts);
  server.on("error", (e) => {
    console.error(`relay: cannot listen on ${opts.host}:${opts.port}: ${e.code || e.message}`);
    process.exit(1);
  });
  server.listen(opts.port, opts.host, () => {
    console.log(
      `relay: listening on ${opts.tlsCert ? "https" : "http"}://${opts.host}:${opts.port}/revocation`,
    );
  });
}
