// Shared plumbing of the browser tests and bench/pane.mjs: find Chromium, (re)build dist/, serve it on
// 127.0.0.1, and route the Office.js CDN URL to the stand-in. Nothing here reaches the network.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test", "browser", "artifacts");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Fails loudly when the system Chromium is missing (we never download a browser). */
export function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `FAIL: Chromium not found at ${CHROMIUM}. Install the Debian package: apt-get install -y chromium ` +
        "(and fonts-noto-cjk for Japanese glyphs). The browser tests never download a browser.",
    );
    process.exit(1);
  }
}

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    max = Math.max(max, newestMtime(path.join(p, name)));
  }
  return max;
}

/** Builds dist/ (production) when it is missing or older than its sources. */
export function ensureBuilt({ quiet = false } = {}) {
  const marker = path.join(DIST, "taskpane.html");
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sources = Math.max(
    ...["src", "assets", "webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"].map((p) =>
      newestMtime(path.join(ROOT, p)),
    ),
  );
  if (built && built >= sources) return false;
  if (!quiet) console.error(`# building dist/ (${built ? "stale" : "missing"})…`);
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"],
    { cwd: ROOT, stdio: ["ignore", quiet ? "ignore" : process.stderr, process.stderr] },
  );
  if (r.status !== 0) {
    console.error("FAIL: the production build failed (npm run build)");
    process.exit(1);
  }
  return true;
}

/** dist/'s content-hashed scripts: taskpane.<hash>.js, <name>.<hash>.chunk.js (webpack.config.js). */
const HASHED_SCRIPT = /\.[0-9a-f]{8}\.(chunk\.)?js$/;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".eml": "message/rfc822",
  ".pem": "application/x-pem-file",
  ".map": "application/json",
};

/**
 * Serves dist/ at /, plus for tests: /__fixtures__/<root>/<file> from a few fixture folders,
 * /__entity__/<root>/<file> (the message minus its non-Content-* headers: what Exchange keeps in
 * smime.p7m), and /__axe__/axe.min.js. extra: { "/path": Buffer | () => Buffer }. dist: another build
 * to serve (the revocation-relay build of the browser tests).
 */
export function serve(extra = {}, { dist = DIST } = {}) {
  const roots = {
    samples: path.join(ROOT, "assets", "samples"),
    messages: path.join(ROOT, "test", "fixtures", "generated", "messages"),
    mail: path.join(ROOT, "test", "fixtures", "generated", "mail"),
    p12: path.join(ROOT, "test", "fixtures", "generated", "p12"),
    artifacts: ARTIFACTS,
    bench: path.join(ROOT, "bench", "out"),
  };
  const resolveIn = (base, rel) => {
    const p = path.resolve(base, rel);
    return p.startsWith(base + path.sep) ? p : undefined;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = decodeURIComponent(url.pathname);
    const send = (status, body, type) => {
      // As a static host should serve dist/ (README, "Deploying"): the content-hashed scripts (their name
      // changes with their bytes) may be kept for good; everything else is fetched anew. A new browser
      // context starts with an empty cache, so every test and every bench run is still a first open of the
      // pane. (The browser tests' isolate() turns the cache off anyway; bench:pane's default isolation does not.)
      const cache =
        status === 200 && HASHED_SCRIPT.test(pathname) ? "public, max-age=31536000, immutable" : "no-store";
      res.writeHead(status, { "Content-Type": type ?? "text/plain", "Cache-Control": cache });
      res.end(body);
    };
    try {
      if (extra[pathname]) {
        const v = extra[pathname];
        const body = typeof v === "function" ? v() : v;
        return send(200, body, TYPES[path.extname(pathname)] ?? "application/octet-stream");
      }
      let m = /^\/__(fixtures|entity)__\/([a-z]+)\/(.+)$/.exec(pathname);
      if (m) {
        const base = roots[m[2]];
        const file = base && resolveIn(base, m[3]);
        if (!file || !fs.existsSync(file)) return send(404, "not found");
        let body = fs.readFileSync(file);
        if (m[1] === "entity") body = mimeEntity(body);
        return send(200, body, "application/octet-stream");
      }
      if (pathname === "/__axe__/axe.min.js") {
        return send(
          200,
          fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js")),
          TYPES[".js"],
        );
      }
      const file = resolveIn(dist, pathname === "/" ? "taskpane.html" : pathname.slice(1));
      if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return send(404, "not found");
      return send(200, fs.readFileSync(file), TYPES[path.extname(file)] ?? "application/octet-stream");
    } catch (e) {
      return send(500, String(e));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/** The message with only its Content-* / MIME-Version headers (Exchange's smime.p7m for a signed mail). */
export function mimeEntity(buf) {
  const s = buf.toString("latin1");
  const m = /\r?\n\r?\n/.exec(s);
  if (!m) return buf;
  const head = s.slice(0, m.index);
  const lines = head.split(/\r?\n/);
  const keep = [];
  let keeping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (keeping) keep.push(line);
      continue;
    }
    keeping = /^(content-|mime-version:)/i.test(line);
    if (keeping) keep.push(line);
  }
  const eol = s.includes("\r\n") ? "\r\n" : "\n";
  return Buffer.from(keep.join(eol) + s.slice(m.index), "latin1");
}

/** The header block of a message (for getAllInternetHeadersAsync). */
export function headerBlock(buf) {
  const s = buf.toString("latin1");
  const m = /\r?\n\r?\n/.exec(s);
  return m ? s.slice(0, m.index + m[0].length) : s;
}

/**
 * Routes every non-loopback request: the Office.js URL gets `officeJs` (a script text, or undefined for a
 * network failure), everything else is aborted and recorded in the returned list.
 */
export async function isolate(context, officeJs) {
  const external = [];
  await context.route(
    (url) => !/^(https?:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(url.href),
    (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_URL) {
        if (officeJs === undefined) return route.abort("internetdisconnected");
        return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
      }
      external.push(url);
      return route.abort("blockedbyclient");
    },
  );
  return external;
}

/**
 * The 50 MB message of the browser test and bench:pane: bench/out/big.eml when `npm run bench` made it, else
 * sample-signed.eml's signed entity in a multipart/mixed with a ~37 MB attachment (test/browser/artifacts/).
 */
export function bigMessage() {
  const bench = path.join(ROOT, "bench", "out", "big.eml");
  if (fs.existsSync(bench) && fs.statSync(bench).size >= 50_000_000)
    return { url: "/__fixtures__/bench/big.eml", size: fs.statSync(bench).size };
  const out = path.join(ARTIFACTS, "big.eml");
  if (!fs.existsSync(out) || fs.statSync(out).size < 50_000_000) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // sample-signed.eml's signed entity inside a multipart/mixed with a ~37 MB attachment (50 MB in base64)
    const signed = fs
      .readFileSync(path.join(ROOT, "assets", "samples", "sample-signed.eml"))
      .toString("latin1");
    const split = /\r?\n\r?\n/.exec(signed);
    const head = signed.slice(0, split.index);
    const outer = head.split(/\r?\n(?![ \t])/).filter((l) => !/^(content-|mime-version)/i.test(l));
    const inner = head.split(/\r?\n(?![ \t])/).filter((l) => /^content-/i.test(l));
    const fd = fs.openSync(out, "w");
    const w = (s) => fs.writeSync(fd, Buffer.from(s, "latin1"));
    w(
      outer.join("\r\n") +
        '\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="big-boundary"\r\n\r\n',
    );
    w("--big-boundary\r\n" + inner.join("\r\n") + signed.slice(split.index) + "\r\n--big-boundary\r\n");
    w(
      'Content-Type: application/octet-stream; name="data.bin"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="data.bin"\r\n\r\n',
    );
    let x = 12345;
    const chunk = Buffer.alloc(57 * 1024);
    for (let written = 0; written < 37_500_000; written += chunk.length) {
      for (let i = 0; i < chunk.length; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        chunk[i] = x >>> 24;
      }
      w(chunk.toString("base64").replace(/.{76}/g, "$&\r\n") + "\r\n");
    }
    w("--big-boundary--\r\n");
    fs.closeSync(fd);
  }
  return { url: "/__fixtures__/artifacts/big.eml", size: fs.statSync(out).size };
}
