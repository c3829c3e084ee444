/**
 * Revocation on loopback (issue #14): the fixtures of test/fixtures/gen-revocation.sh, whose certificates
 * name http://127.0.0.1:18081/ca.crl (CRL) and http://127.0.0.1:18082/ (OCSP). The CRL is served by a
 * stand-in HTTP server; OCSP is answered by OpenSSL's own responder (`openssl ocsp -index …`), started here
 * and stopped by its PID. The transport is the CLI's (src/cli/revocation.ts); every answer is verified by
 * the engine. Evaluation time: now (OpenSSL's responder dates its answers now; the fixtures are valid
 * from 2025 to 2045 and the CRL until ten years after generation).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { runDiagnose } from "../../src/cli/diagnose";
import { cachingHttpFetcher, httpExchange } from "../../src/cli/revocation";
import {
  diagnose,
  type Diagnosis,
  encodeBase64,
  type Finding,
  fromPem,
  type RevocationOptions,
} from "../../src/engine";
import { faqIdsFor } from "../../src/faq/index";
import { paneRevocation, relayFetcher } from "../../src/taskpane/revocationRelay";

const DIR = path.resolve(__dirname, "../fixtures/generated/revocation");
const CRL_PORT = 18081;
const OCSP_PORT = 18082;
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(DIR, f)));
const anchors = fromPem(fs.readFileSync(path.join(DIR, "pki/ca.pem"), "latin1"));

/** A stand-in HTTP server on 127.0.0.1:port; fails clearly when the port is taken. */
async function serve(
  port: number,
  handler: http.RequestListener,
): Promise<{ server: http.Server; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on 127.0.0.1:${port} (${err.code ?? err.message}): is the port busy?`)),
    );
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    server,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const fileServer =
  (file: string): http.RequestListener =>
  (_req, res) => {
    res.writeHead(200, { "content-type": "application/pkix-crl" });
    res.end(Buffer.from(read(file)));
  };

/**
 * Waits until OpenSSL's responder says it listens ("ACCEPT …" on stdout). No probe connection: the
 * responder serves one connection at a time and would wait on an idle probe.
 */
async function listening(proc: ChildProcess, stderr: () => string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      if (/ACCEPT/.test(out)) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`openssl ocsp exited (${code ?? "?"}): ${stderr()}`)));
  });
}

async function portIsFree(port: number): Promise<void> {
  const s = await serve(port, () => undefined);
  await s.close();
}

function revocation(extra: Partial<RevocationOptions> = {}): RevocationOptions {
  return { fetch: cachingHttpFetcher().fetch, ...extra };
}

async function check(message: string, opts: RevocationOptions): Promise<Diagnosis> {
  return diagnose(read(message), { trustAnchors: anchors, revocation: opts });
}

function only(d: Diagnosis): Finding {
  const f = d.findings.filter((x) => /^(CERT_REVOKED|REVOCATION_GOOD|REVOCATION_UNKNOWN)$/.test(x.code));
  expect(f.map((x) => ({ code: x.code, reasons: x.detail["reasons"] }))).toHaveLength(1);
  return f[0] as Finding;
}

describe("with OpenSSL's OCSP responder on 127.0.0.1:18082", () => {
  let proc: ChildProcess;
  let err = "";
  beforeAll(async () => {
    await portIsFree(OCSP_PORT);
    const p = (f: string): string => path.join(DIR, f);
    proc = spawn(
      "openssl",
      [
        "ocsp",
        "-index",
        p("pki/index.txt"),
        "-port",
        String(OCSP_PORT),
        "-rsigner",
        p("pki/ocsp.pem"),
        "-rkey",
        p("pki/ocsp.key"),
        "-CA",
        p("pki/ca.pem"),
        "-nmin",
        "5",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    proc.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    await listening(proc, () => err);
  });
  afterAll(async () => {
    if (proc.pid !== undefined && proc.exitCode === null) {
      const gone = new Promise((r) => proc.once("exit", r));
      process.kill(proc.pid);
      await gone;
    }
  });

  it("good: REVOCATION_GOOD through OCSP, answer signed by the delegated responder", async () => {
    const f = only(await check("good.eml", revocation()));
    expect(f.code).toBe("REVOCATION_GOOD");
    const c = (f.detail["checks"] as Record<string, unknown>[])[0];
    expect(c).toMatchObject({ status: "good", source: "ocsp", url: "http://127.0.0.1:18082/" });
    expect(c?.["by"]).toMatch(/OCSP Responder/);
  });

  it("revoked before signing: CERT_REVOKED (error) with the date and reason; the signature verdict stays", async () => {
    const d = await check("revoked-before.eml", revocation());
    const f = only(d);
    expect(f).toMatchObject({ code: "CERT_REVOKED", severity: "error" });
    expect(f.detail).toMatchObject({ source: "ocsp", reason: "cessationOfOperation", compromise: false });
    expect(Date.parse(f.detail["revocationTime"] as string)).toBeLessThan(
      Date.parse(d.signers[0]?.signingTime ?? ""),
    );
    expect(d.signature).toBe("valid");
  });

  it("revoked after signing (superseded): good at signing, said so", async () => {
    const f = only(await check("revoked-after-superseded.eml", revocation()));
    expect(f.code).toBe("REVOCATION_GOOD");
    expect(f.detail["revokedAfterSigning"]).toBe(true);
    expect(f.message.en).toMatch(/while the certificate was good/);
  });

  it("revoked after signing for keyCompromise: CERT_REVOKED whatever the date", async () => {
    const d = await check("revoked-after-keycompromise.eml", revocation());
    const f = only(d);
    expect(f.code).toBe("CERT_REVOKED");
    expect(f.detail).toMatchObject({ reason: "keyCompromise", compromise: true });
    expect(Date.parse(f.detail["revocationTime"] as string)).toBeGreaterThan(
      Date.parse(d.signers[0]?.signingTime ?? ""),
    );
  });

  it("the CLI: diagnose --revocation --json says CERT_REVOKED", async () => {
    let out = "";
    const code = await runDiagnose(
      [
        "--json",
        "--no-default-anchors",
        "--trust-anchor",
        path.join(DIR, "pki/ca.pem"),
        "--revocation",
        path.join(DIR, "revoked-before.eml"),
      ],
      { out: (s) => (out += s), err: () => undefined },
    );
    expect(code).toBe(0);
    const [d] = JSON.parse(out) as Diagnosis[];
    expect(d?.findings.map((f) => f.code)).toContain("CERT_REVOKED");
  });
});

describe("OCSP responder down", () => {
  it("OCSP down → the CRL is used", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const good = only(await check("good.eml", revocation()));
      expect(good.code).toBe("REVOCATION_GOOD");
      expect((good.detail["checks"] as Record<string, unknown>[])[0]).toMatchObject({
        source: "crl",
        url: "http://127.0.0.1:18081/ca.crl",
      });
      const bad = only(await check("revoked-before.eml", revocation()));
      expect(bad.code).toBe("CERT_REVOKED");
      expect(bad.detail).toMatchObject({ source: "crl", reason: "cessationOfOperation" });
    } finally {
      await crl.close();
    }
  });

  it("a batch from one CA fetches the CRL once (cached until its nextUpdate)", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const fetcher = cachingHttpFetcher();
      const opts: RevocationOptions = { fetch: fetcher.fetch };
      for (const m of ["good.eml", "revoked-before.eml", "revoked-after-superseded.eml", "good.eml"])
        await check(m, opts);
      expect(crl.hits()).toBe(1);
    } finally {
      await crl.close();
    }
  });

  it("both down → REVOCATION_UNKNOWN with the reasons, never revoked", async () => {
    const f = only(await check("revoked-before.eml", revocation()));
    expect(f.code).toBe("REVOCATION_UNKNOWN");
    expect(f.detail["reasons"]).toEqual([
      "http://127.0.0.1:18082/: ECONNREFUSED",
      "http://127.0.0.1:18081/ca.crl: ECONNREFUSED",
    ]);
  });

  it("an expired CRL → REVOCATION_UNKNOWN (out of date)", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/expired.crl"));
    try {
      const f = only(await check("revoked-before.eml", revocation()));
      expect(f.code).toBe("REVOCATION_UNKNOWN");
      expect(String(f.detail["reasons"])).toMatch(/out of date/);
    } finally {
      await crl.close();
    }
  });

  it("a CRL signed by someone else (the CA's name, another key) → refused, never revoked", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/other-ca.crl"));
    try {
      const f = only(await check("revoked-before.eml", revocation()));
      expect(f.code).toBe("REVOCATION_UNKNOWN");
      expect(String(f.detail["reasons"])).toMatch(/signature does not verify/);
    } finally {
      await crl.close();
    }
  });

  it("an OCSP answer about another certificate → not taken as good", async () => {
    const ocsp = await serve(OCSP_PORT, (_req, res) => {
      res.writeHead(200, { "content-type": "application/ocsp-response" });
      res.end(Buffer.from(read("ocsp/good.der")));
    });
    try {
      const f = only(await check("revoked-after-keycompromise.eml", revocation()));
      expect(f.code).toBe("REVOCATION_UNKNOWN");
      expect(String(f.detail["reasons"])).toMatch(/another certificate/);
      // The same answer is accepted for the certificate it is about (it is genuine).
      expect(only(await check("good.eml", revocation())).code).toBe("REVOCATION_GOOD");
    } finally {
      await ocsp.close();
    }
  });

  it("servers that accept and never answer → time-out, bounded by the engine's limit", async () => {
    const hang: http.RequestListener = () => undefined;
    const ocsp = await serve(OCSP_PORT, hang);
    const crl = await serve(CRL_PORT, hang);
    try {
      const slow = cachingHttpFetcher((r) => httpExchange(r, 60_000));
      const f = only(await check("good.eml", { fetch: slow.fetch, timeoutMs: 200 }));
      expect(f.code).toBe("REVOCATION_UNKNOWN");
      expect(f.detail["reasons"]).toEqual([
        "http://127.0.0.1:18082/: time-out (no answer within 200 ms)",
        "http://127.0.0.1:18081/ca.crl: time-out (no answer within 200 ms)",
      ]);
    } finally {
      await ocsp.close();
      await crl.close();
    }
  });

  it("without --revocation or --crl nothing is fetched: REVOCATION_UNKNOWN 'not checked'", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const d = await diagnose(read("revoked-before.eml"), { trustAnchors: anchors });
      expect(only(d).detail["reason"]).toBe("not-checked");
      expect(crl.hits()).toBe(0);
    } finally {
      await crl.close();
    }
  });
});

// ---- the relay (scripts/relay.mjs, `npm run relay`): in this file because it needs the same fixed ports
// (18081, 18082), which two test files run in parallel by jest would fight over. Started by the test,
// stopped by its PID; the pane's transport (src/taskpane/revocationRelay.ts) talks to it and the engine
// verifies what comes back.
const ROOT = path.resolve(__dirname, "../..");
const RELAY_PORT = 18083;
const RELAY = `http://127.0.0.1:${RELAY_PORT}`;
const goodCert = fromPem(fs.readFileSync(path.join(DIR, "pki/good.pem"), "latin1"))[0] as Uint8Array;

function post(body: string | Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${RELAY}/revocation`,
      { method: "POST", agent: false, headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const ocspAsk = (): string =>
  JSON.stringify({
    certificate: encodeBase64(goodCert),
    kind: "ocsp",
    url: "http://127.0.0.1:18082/",
    request: encodeBase64(Uint8Array.of(0x30, 0x00)),
  });

describe("revocation relay", () => {
  let relay: ChildProcess;
  let log = "";
  beforeAll(async () => {
    relay = spawn(process.execPath, [path.join(ROOT, "scripts/relay.mjs")], {
      env: {
        ...process.env,
        RELAY_PORT: String(RELAY_PORT),
        RELAY_HOST: "127.0.0.1",
        RELAY_RATE: "25",
        RELAY_MAX_RESPONSE: "100000",
        RELAY_MAX_REQUEST: "20000",
        // long enough that a loaded machine never times out a real answer; the hang test waits it out once
        RELAY_TIMEOUT_MS: "2000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    relay.stderr?.on("data", (c: Buffer) => (log += c.toString()));
    await new Promise<void>((resolve, reject) => {
      relay.stdout?.on("data", (c: Buffer) => {
        log += c.toString();
        if (/listening/.test(log)) resolve();
      });
      relay.once("exit", (code) => reject(new Error(`relay exited (${code ?? "?"}): ${log}`)));
    });
  });
  afterAll(async () => {
    if (relay.pid !== undefined && relay.exitCode === null) {
      const gone = new Promise((r) => relay.once("exit", r));
      process.kill(relay.pid);
      await gone;
    }
  });

  it("fetches the CRL the certificate names; the engine verifies it; one fetch for two messages", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const opts = { fetch: relayFetcher(RELAY) };
      const good = await diagnose(read("good.eml"), { trustAnchors: anchors, revocation: opts });
      const bad = await diagnose(read("revoked-before.eml"), { trustAnchors: anchors, revocation: opts });
      expect(good.findings.map((f) => f.code)).toContain("REVOCATION_GOOD");
      expect(bad.findings.map((f) => f.code)).toContain("CERT_REVOKED");
      expect(crl.hits()).toBe(1);
    } finally {
      await crl.close();
    }
  });

  it("is no open proxy: a URL the certificate does not name is refused, nothing fetched", async () => {
    const other = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const r = await post(
        JSON.stringify({
          certificate: encodeBase64(goodCert),
          kind: "crl",
          url: "http://127.0.0.1:18081/other.crl",
        }),
      );
      expect(r.status).toBe(400);
      expect(other.hits()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("is no open proxy for OCSP either: the CRL's URL asked as an OCSP responder is refused, nothing fetched", async () => {
    const crl = await serve(CRL_PORT, fileServer("crl/ca.crl"));
    try {
      const r = await post(
        JSON.stringify({
          certificate: encodeBase64(goodCert),
          kind: "ocsp",
          url: "http://127.0.0.1:18081/ca.crl",
          request: encodeBase64(Uint8Array.of(0x30, 0x00)),
        }),
      );
      expect(r.status).toBe(400);
      expect(r.body.toString()).toMatch(/names no such OCSP responder/);
      expect(crl.hits()).toBe(0);
    } finally {
      await crl.close();
    }
  });

  it("refuses a request larger than its limit", async () => {
    expect((await post(Buffer.alloc(30000, 0x20))).status).toBe(413);
  });

  it("refuses an answer larger than its limit", async () => {
    const big = await serve(OCSP_PORT, (_req, res) => res.end(Buffer.alloc(200000, 1)));
    try {
      const r = await post(ocspAsk());
      expect(r.status).toBe(502);
      expect(r.body.toString()).toMatch(/larger than/);
    } finally {
      await big.close();
    }
  });

  it("gives up on an upstream that never answers (time-out)", async () => {
    const hang = await serve(OCSP_PORT, () => undefined);
    try {
      expect((await post(ocspAsk())).status).toBe(504);
    } finally {
      await hang.close();
    }
  });

  it("logs no certificate contents", () => {
    expect(log).toMatch(/POST 200 crl 127\.0\.0\.1:18081/);
    expect(log).not.toMatch(/Gina|Rob Before|good@example|MII/);
  });

  it("limits the requests per client (429 past the rate)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post("{}")).status);
    expect(statuses[0]).toBe(400);
    expect(statuses).toContain(429);
  });
});

describe("the pane without a relay", () => {
  it("says revocation cannot be checked in this pane, and how to check", async () => {
    const d = await diagnose(read("good.eml"), {
      trustAnchors: anchors,
      revocation: paneRevocation(undefined),
    });
    const f = d.findings.find((x) => x.code === "REVOCATION_UNKNOWN");
    expect(f?.message.ja).toMatch(/失効の確認はこの画面ではできません/);
    expect(f?.message.en).toMatch(/--revocation/);
    expect(f?.detail["reason"]).toBe("unavailable");
  });
});

describe("guidance", () => {
  it("never suggests registering a revoked certificate as the sender's", async () => {
    const crls = [read("crl/ca.crl")];
    const revoked = await diagnose(read("revoked-before.eml"), {
      trustAnchors: anchors,
      revocation: { crls },
    });
    const good = await diagnose(read("good.eml"), { trustAnchors: anchors, revocation: { crls } });
    const host = { client: "unknown" } as const;
    expect(faqIdsFor(good, host)).toContain("register-sender-certificate");
    expect(faqIdsFor(revoked, host)).not.toContain("register-sender-certificate");
  });
});
