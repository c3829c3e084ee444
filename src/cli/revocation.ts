/**
 * The CLI's transport for revocation checks (`diagnose --revocation`): plain HTTP GET for CRLs, POST
 * application/ocsp-request for OCSP, through Node's http/https, each request bounded in time and size.
 * Answers are cached in memory for the run, by URL (and, for OCSP, the request), until the answer's own
 * nextUpdate: a batch of messages from one CA fetches its CRL once. The engine verifies every answer;
 * this module only moves bytes. Offline CRLs (`--crl FILE`, DER or PEM) are read here too.
 */
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";
import { fromPem, parseCrl, type RevocationOptions, type RevocationRequest, toHex } from "../engine";

/** Largest answer accepted (a big CA's CRL is a few MB). */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** Time limit per request (the engine enforces its own as well). */
export const REQUEST_TIMEOUT_MS = 5000;
/** OCSP answers without a readable nextUpdate are kept this long. */
const DEFAULT_TTL_MS = 10 * 60 * 1000;

/** One HTTP exchange: GET (CRL) or POST (OCSP). Rejects with a readable reason. */
export function httpExchange(req: RevocationRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      reject(new Error(`not a URL: ${req.url}`));
      return;
    }
    const mod = url.protocol === "https:" ? https : url.protocol === "http:" ? http : undefined;
    if (!mod) {
      reject(new Error(`unsupported scheme ${url.protocol}`));
      return;
    }
    const body = req.kind === "ocsp" ? req.body : undefined;
    const r = mod.request(
      url,
      {
        method: body ? "POST" : "GET",
        // One connection per request: no socket kept alive to a server that may be gone.
        agent: false,
        headers: body
          ? {
              "content-type": "application/ocsp-request",
              "content-length": String(body.length),
              accept: "application/ocsp-response",
            }
          : { accept: "application/pkix-crl, application/octet-stream" },
        timeout: timeoutMs,
      },
      (res) => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
          res.resume();
          reject(new Error(`HTTP ${res.statusCode ?? "?"}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) {
            r.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on("end", () => {
          const all = Buffer.concat(chunks);
          resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => r.destroy(new Error(`time-out after ${timeoutMs} ms`)), timeoutMs);
    r.on("timeout", () => r.destroy(new Error(`time-out after ${timeoutMs} ms`)));
    r.on("error", (err: NodeJS.ErrnoException) => reject(new Error(err.code ?? err.message)));
    r.on("close", () => clearTimeout(timer));
    if (body) r.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    else r.end();
  });
}

/** When a cached answer stops being usable: the CRL's nextUpdate, or a short time for OCSP. */
function expiry(req: RevocationRequest, bytes: Uint8Array, now: number): number {
  if (req.kind === "crl") {
    try {
      const next = parseCrl(bytes).nextUpdate;
      if (next) return next.getTime();
    } catch {
      // unreadable: the engine says so; do not keep it
      return now;
    }
  }
  return now + DEFAULT_TTL_MS;
}

export interface CachingFetcher {
  fetch(req: RevocationRequest): Promise<Uint8Array | undefined>;
  /** Network requests made (for tests and the batch figures). */
  readonly requests: number;
}

/**
 * A fetcher for the run: answers cached by URL (OCSP: URL and request) until their nextUpdate; concurrent
 * asks for the same key share one request. Failures are not cached.
 */
export function cachingHttpFetcher(
  exchange: (req: RevocationRequest) => Promise<Uint8Array> = (r) => httpExchange(r),
): CachingFetcher {
  const cache = new Map<string, { until: number; answer: Promise<Uint8Array> }>();
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    async fetch(req) {
      const key =
        req.kind === "ocsp" ? `ocsp ${req.url} ${req.body ? toHex(req.body) : ""}` : `crl ${req.url}`;
      const now = Date.now();
      const hit = cache.get(key);
      if (hit && hit.until > now) return hit.answer;
      requests++;
      const answer = exchange(req);
      cache.set(key, { until: Number.POSITIVE_INFINITY, answer });
      try {
        const bytes = await answer;
        cache.set(key, { until: expiry(req, bytes, Date.now()), answer });
        return bytes;
      } catch (err) {
        cache.delete(key);
        throw err;
      }
    },
  };
}

/** Reads `--crl` files: DER, or PEM with one or more X509 CRL blocks. */
export function readCrlFiles(files: readonly string[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const pems = fromPem(new TextDecoder("latin1").decode(bytes), "X509 CRL");
    if (pems.length > 0) out.push(...pems);
    else if (bytes[0] === 0x30) out.push(bytes);
    else throw new Error(`${f}: no CRL found (expected DER or PEM "X509 CRL")`);
  }
  return out;
}

/** The revocation options for a run from `--revocation` and `--crl`; undefined when neither was given. */
export function revocationSettings(
  online: boolean,
  crlFiles: readonly string[],
): RevocationOptions | undefined {
  const crls = readCrlFiles(crlFiles);
  if (!online && crls.length === 0) return undefined;
  return {
    ...(online ? { fetch: cachingHttpFetcher().fetch } : {}),
    ...(crls.length > 0 ? { crls } : {}),
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
}
