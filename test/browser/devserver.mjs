// The README's main command, as a new user runs it: `npm start` (scripts/start.mjs → webpack serve, the
// development build) on a free PORT, then taskpane.html in Debian's Chromium. The standalone page must
// render, a bundled sample must be analysed (verdict shown), with no page error and no Content-Security-
// Policy violation, and the development page must carry the production page's CSP.
//
// The server is started in its own process group (detached) and stopped by that group's id; the test
// checks that no process of the group (npm, start.mjs, webpack) is left, also when it fails. Office's
// development certificate may or may not be installable here (as root without sudo it is not:
// office-addin-dev-certs fails at once and start.mjs serves plain http); the test takes whichever of
// https (certificate errors ignored) and http the server answers on. Being detached, the server has no
// controlling terminal, so a sudo password prompt cannot block it: sudo fails and http is served.
//
// Part of `npm run test:browser` (run.mjs registers devServerTest); alone: node test/browser/devserver.mjs
/* global window, document */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, OFFICE_JS_URL, ROOT, ensureBuilt, requireChromium } from "./harness.mjs";

const READY_TIMEOUT_MS = 300_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Status code of GET url, or undefined when nothing answers (certificate errors ignored). */
function probe(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith("https:") ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `npm start` in its own process group. */
function startServer(port) {
  const npmCli = process.env.npm_execpath;
  const [cmd, args] =
    npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, "start"]] : ["npm", ["start"]];
  const env = { ...process.env, PORT: String(port), BROWSER: "none" };
  delete env.SMIME_DEV_HTTP; // what a user gets: the dev certificate when it can be installed, else http
  const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let exited;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  const pgid = child.pid;
  const killSync = () => {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  // a crash or an interrupt of the test must not leave webpack running (the group is detached, so a
  // Ctrl-C in the terminal does not reach it)
  const onSignal = (sig) => {
    killSync();
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.on("exit", killSync);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    pgid,
    output: () => output,
    exited: () => exited,
    async stop() {
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {
        // already gone
      }
      for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(200);
      if (groupAlive(pgid)) killSync();
      for (let i = 0; i < 25 && groupAlive(pgid); i++) await sleep(200);
      process.off("exit", killSync);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      return !groupAlive(pgid);
    },
  };
}

/** The CSP meta of a taskpane.html. */
function cspOf(html) {
  return /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
}

/** The CSP of a taskpane.html with the hash of its one inline script (checked here) written as <own>. */
function withoutOwnHash(html) {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, "one inline script: the worker starter");
  const own = `'sha256-${crypto.createHash("sha256").update(inline[0], "utf8").digest("base64")}'`;
  const csp = cspOf(html) ?? "";
  assert.ok(csp.includes(` ${own} `), `the CSP does not list the page's inline script (${own}): ${csp}`);
  return csp.replace(own, "<own>");
}

function get(url) {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith("https:") ? https : http;
    lib
      .get(url, { rejectUnauthorized: false }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }),
        );
      })
      .on("error", reject);
  });
}

/** The test itself; browser: a launched playwright Browser. Returns a line of facts for the log. */
export async function devServerTest(browser) {
  ensureBuilt({ quiet: true }); // for the production CSP to compare with
  const port = await freePort();
  const server = startServer(port);
  let failure;
  let facts = "";
  try {
    // 1. wait until it serves taskpane.html on https or http
    let origin;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!origin) {
      if (server.exited())
        assert.fail(
          `npm start exited (${JSON.stringify(server.exited())}):\n${server.output().slice(-3000)}`,
        );
      if (Date.now() > deadline)
        assert.fail(`npm start did not serve taskpane.html within ${READY_TIMEOUT_MS / 1000} s`);
      for (const scheme of ["https", "http"]) {
        const o = `${scheme}://localhost:${port}`;
        if ((await probe(`${o}/taskpane.html`)) === 200) origin = o;
        if (origin) break;
      }
      if (!origin) await sleep(1000);
    }
    const out = server.output();
    assert.match(out, /Sideload the add-in/, "start.mjs printed no sideloading help");
    if (origin.startsWith("http:"))
      assert.match(out, /Serving PLAIN HTTP/, "plain http served without saying why");

    // 2. the development page: same CSP as production, a non-eval bundle with a source map
    const devHtml = (await get(`${origin}/taskpane.html`)).body;
    const prodHtml = fs.readFileSync(path.join(ROOT, "dist", "taskpane.html"), "utf8");
    assert.ok(cspOf(devHtml), "no CSP meta in the development page");
    // the same policy; script-src lists each page's own inline script (the worker starter) by its hash
    assert.equal(
      withoutOwnHash(devHtml),
      withoutOwnHash(prodHtml),
      "the development CSP differs from production's",
    );
    assert.doesNotMatch(cspOf(devHtml), /unsafe-eval/);
    const js = await get(`${origin}/taskpane.js`);
    assert.equal(js.status, 200, "taskpane.js (development, unhashed) not served");
    assert.doesNotMatch(js.body, /\beval\(/, "the development bundle uses eval");
    assert.match(js.body, /\/\/# sourceMappingURL=taskpane\.js\.map/);

    // 3. Chromium: standalone page, a bundled sample analysed, no error, no CSP violation
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "en-US" });
    const external = [];
    const own = new RegExp(`^(https?|wss?)://(localhost|127\\.0\\.0\\.1):${port}/`);
    await context.route(
      (url) => !own.test(url.href) && !/^(blob|data):/.test(url.href),
      (route) => {
        const url = route.request().url();
        if (url === OFFICE_JS_URL) return route.abort("internetdisconnected"); // a browser offline: standalone
        external.push(url);
        return route.abort("blockedbyclient");
      },
    );
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/ERR_INTERNET_DISCONNECTED|office\.js/.test(m.text()))
        errors.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("standalone").waitFor({ timeout: 60_000 });
    assert.equal(await page.getAttribute("[data-testid=app]", "data-mode"), "standalone");
    await page.locator("[data-testid=sample][data-file='sample-signed.eml']").click();
    const verdict = page.locator("[data-testid=verdict][data-verdict=signed-ok]");
    await verdict.waitFor({ timeout: 60_000 });
    assert.match(await verdict.innerText(), /The signature is valid and the mail has not been changed/);
    // the analysis ran in the engine worker, a separate script of the development build
    assert.ok(page.workers().length >= 1, "no analysis worker");
    const csp = await page.evaluate(() => window.__csp);
    assert.deepEqual(csp, [], "Content-Security-Policy violations");
    assert.deepEqual(errors, [], "page errors");
    assert.deepEqual(external, [], "requests beyond the dev server and office.js");
    await context.close();
    facts = `${origin.split(":")[0]} on port ${port}`;
  } catch (e) {
    failure = e;
    if (e && typeof e === "object" && "message" in e)
      e.message += `\n--- npm start output (end) ---\n${server.output().slice(-2000)}`;
  }
  const stopped = await server.stop();
  // a passing run fails too when anything of `npm start` is left running
  const left = `processes of npm start (process group ${server.pgid}) are still running`;
  if (failure) {
    if (!stopped && typeof failure === "object" && "message" in failure) failure.message += `\nand ${left}`;
    throw failure;
  }
  if (!stopped) throw new Error(left);
  return facts;
}

// standalone: node test/browser/devserver.mjs
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  requireChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let failed = 0;
  const name = "npm start: the dev server's pane renders, a sample is analysed, no CSP violation";
  try {
    const facts = await devServerTest(browser);
    console.log(`ok 1 - ${name} (${facts})`);
  } catch (e) {
    failed = 1;
    console.log(`not ok 1 - ${name}`);
    console.log(
      String(e && e.stack ? e.stack : e)
        .split("\n")
        .slice(0, 40)
        .map((l) => `#   ${l}`)
        .join("\n"),
    );
  }
  await browser.close();
  console.log(`${1 - failed} passed, ${failed} failed`);
  process.exit(failed);
}
