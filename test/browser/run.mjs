// Real-browser tests of the task pane (npm run test:browser): Debian's Chromium via playwright-core, the
// production build served from 127.0.0.1, Office.js replaced by test/browser/office-stub.js through route
// interception at the CDN URL. No network. Prints `ok`/`not ok` lines and a final `N passed, M failed`.
// Usage: node test/browser/run.mjs [substring-of-test-name]
/* global window, document, navigator, MutationObserver, getComputedStyle, atob, DataTransfer, File, DragEvent, Blob, PerformanceObserver */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { devServerTest } from "./devserver.mjs";
import {
  ARTIFACTS,
  CHROMIUM,
  bigMessage,
  CHROMIUM_ARGS,
  ROOT,
  ensureBuilt,
  headerBlock,
  isolate,
  requireChromium,
  serve,
} from "./harness.mjs";

requireChromium();
ensureBuilt();
fs.mkdirSync(ARTIFACTS, { recursive: true });

const STUB = fs.readFileSync(path.join(ROOT, "test", "browser", "office-stub.js"), "utf8");
/** office.js as it behaves in a plain browser: Office exists, onReady resolves, there is no mailbox. */
const NO_HOST_OFFICE =
  "window.Office={context:{},onReady:function(cb){var i={host:null,platform:null};cb&&cb(i);return Promise.resolve(i);}};";
const SAMPLES = path.join(ROOT, "assets", "samples");
const sample = (f) => fs.readFileSync(path.join(SAMPLES, f));
const MSG_FIXTURES = path.join(ROOT, "test", "fixtures", "generated", "msg");
const CMS_FIXTURES = path.join(ROOT, "test", "fixtures", "generated", "cms");

// An unsigned message whose HTML part tries to inject markup: it must show as text only.
const HTML_EML = Buffer.from(
  [
    "From: Mallory <mallory@example.com>",
    "To: Bob <bob@example.jp>",
    "Subject: html",
    "MIME-Version: 1.0",
    'Content-Type: text/html; charset="utf-8"',
    "",
    '<p>hello <b id="injected">bold</b><img id="injected-img" src="x" onerror="window.__pwned=1"></p>',
    "",
  ].join("\r\n"),
);

const { origin, close } = await serve({ "/__fixtures__/extra/html.eml": HTML_EML });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

// ---------- tiny runner ----------
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/**
 * Opens the pane. office: a stub config (Outlook mode), "none" (office.js fails to load), "nohost"
 * (office.js loads but there is no mailbox, as in a plain browser).
 */
async function openPane({
  office = "none",
  watch = false,
  locale = "en-US",
  colorScheme = "light",
  viewport = { width: 420, height: 900 },
  // Outlook mode opens the manifests' read-pane URL (manifest.xml: taskpane.html?mode=read)
  query = typeof office === "object" ? "?mode=read" : "",
  timeLimitMs,
  // the evaluation time of the pane's checks of test certificates (src/taskpane/supervisor.ts
  // testEvaluationTime), so that they do not depend on the day the test runs
  at,
  // the pane's entry (React, Fluent) never loads: what the boot script shows by itself stays on screen
  blockEntry = false,
  // the worker's answers to the boot script's check (request id 0) never reach the page: that check is
  // still running when the pane takes it over (src/taskpane/earlyCheck.ts)
  holdBootCheck = false,
} = {}) {
  // UTC, as the expected days are written (「1 Jan 2045」 is the local day of a 00:00 UTC instant)
  const context = await browser.newContext({
    locale,
    colorScheme,
    viewport,
    acceptDownloads: true,
    timezoneId: "UTC",
  });
  const officeJs = office === "none" ? undefined : office === "nohost" ? NO_HOST_OFFICE : STUB;
  const external = await isolate(context, officeJs);
  // registered after isolate's routes, so it is asked first (Playwright runs the newest matching route first)
  if (blockEntry) await context.route(/\/taskpane\.[^/]*\.js$/, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/ERR_INTERNET_DISCONNECTED|office\.js/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  if (timeLimitMs !== undefined) {
    // the pane's test hook (src/taskpane/supervisor.ts testTimeLimit: can only lower the time limit, read
    // per message), and a count of the workers made and terminated
    await page.addInitScript((ms) => {
      window.__SMIME_ASSISTANT_TEST__ = { timeLimitMs: ms };
      window.__workers = { created: 0, terminated: 0 };
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          window.__workers.created++;
        }
        terminate() {
          window.__workers.terminated++;
          super.terminate();
        }
      };
    }, timeLimitMs);
  }
  if (holdBootCheck) {
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.Worker = class extends Native {
        addEventListener(type, fn, options) {
          if (type !== "message") return super.addEventListener(type, fn, options);
          return super.addEventListener(type, (ev) => ev.data?.id !== 0 && fn(ev), options);
        }
      };
    });
  }
  if (at !== undefined) {
    await page.addInitScript((iso) => {
      window.__SMIME_ASSISTANT_TEST__ = { ...window.__SMIME_ASSISTANT_TEST__, at: iso };
    }, at);
  }
  await page.addInitScript(
    ({ cfg, watch }) => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      if (cfg) window.__OFFICE_STUB__ = cfg;
      if (watch) {
        // Test-side instrumentation (the page is unchanged): every progress text shown, the traffic with
        // the page's Web Workers (what was transferred, and whether the main thread still holds it
        // afterwards), and the main thread's WebCrypto calls by pane phase.
        window.__progressSeen = [];
        window.__workerTraffic = [];
        window.__mainSubtle = [];
        const phase = () => document.querySelector("[data-testid=app]")?.getAttribute("data-phase");
        window.__workersMade = [];
        const NativeWorker = window.Worker;
        window.Worker = class extends NativeWorker {
          constructor(url, options) {
            super(url, options);
            const name = options?.name;
            this.__name = name;
            // which script made it ("inline": the page's own inline script), and whether the pane had
            // rendered yet
            const current = document.currentScript;
            window.__workersMade.push({
              name,
              script: current ? current.src || "inline" : null,
              rendered: document.querySelector("[data-testid=app]") !== null,
            });
            this.addEventListener("message", (ev) =>
              window.__workerTraffic.push({
                dir: "in",
                name,
                type: ev.data?.type,
                kind: ev.data?.diagnosis?.kind,
                at: performance.now(),
              }),
            );
          }
          postMessage(message, transfer) {
            const list = (Array.isArray(transfer) ? transfer : transfer?.transfer) ?? [];
            const buffers = list.filter((b) => b instanceof ArrayBuffer);
            const sizes = buffers.map((b) => b.byteLength);
            super.postMessage(message, transfer);
            window.__workerTraffic.push({
              dir: "out",
              name: this.__name,
              transferred: sizes,
              keptOnMainThread: buffers.map((b) => b.byteLength),
            });
          }
        };
        const proto = window.SubtleCrypto && window.SubtleCrypto.prototype;
        for (const m of ["digest", "verify", "importKey", "decrypt", "deriveBits"]) {
          const orig = proto && proto[m];
          if (typeof orig !== "function") continue;
          proto[m] = function (...args) {
            window.__mainSubtle.push({ method: m, phase: phase() });
            return orig.apply(this, args);
          };
        }
        new MutationObserver(() => {
          const t = document.querySelector("[data-testid=progress]")?.textContent;
          if (t && !window.__progressSeen.includes(t)) window.__progressSeen.push(t);
          // what the pane's view held when its verdict first appeared (index.tsx waits for its chunks)
          if (!window.__viewOnArrival && document.querySelector("[data-testid=verdict]"))
            window.__viewOnArrival = {
              guidance: document.querySelector("[data-testid=faq-disclosure]") !== null,
              selfTest: document.querySelector("[data-testid=self-test]") !== null,
              spinner: document.querySelector(".fui-Spinner, [role=progressbar]") !== null,
            };
          // the boot script's first verdict (src/taskpane/firstVerdict.ts), which the pane replaces
          const first = document.getElementById("first-verdict");
          if (first && !window.__firstVerdict)
            window.__firstVerdict = {
              title: first.querySelector("h2")?.textContent,
              sentence: first.querySelector("p")?.textContent,
              level: first.getAttribute("data-level"),
              code: first.getAttribute("data-code"),
              lang: first.getAttribute("lang"),
              box: first.querySelector("h2")?.getBoundingClientRect().toJSON(),
              entryRequested: document.querySelector("script[src*=taskpane]") !== null,
            };
        }).observe(document, { subtree: true, childList: true, characterData: true });
        // every paint of a verdict headline (Element Timing), the boot script's and the pane's
        window.__verdictPaints = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            if (e.identifier === "smime-verdict") window.__verdictPaints.push(e.renderTime || e.startTime);
        }).observe({ type: "element", buffered: true });
      }
    },
    { cfg: typeof office === "object" ? office : null, watch },
  );
  await page.goto(`${origin}/taskpane.html${query}`);
  return { context, page, errors, external };
}

/**
 * Selects sample-tampered.eml (ItemChanged) in a pane already open, with the test hook's time limit, if any,
 * removed, and waits for its verdict.
 */
async function selectTamperedMessage(page) {
  await page.evaluate(() => {
    delete window.__SMIME_ASSISTANT_TEST__;
    window.__officeStub.setItem({
      itemClass: "IPM.Note",
      subject: "x",
      attachments: [],
      emlUrl: "/__fixtures__/samples/sample-tampered.eml",
    });
    window.__officeStub.fire("olkItemSelectedChanged");
  });
  await page.locator("[data-testid=verdict][data-verdict=broken]").waitFor({ timeout: 30_000 });
}

async function verdictOf(page, timeout = 30_000) {
  const v = page.getByTestId("verdict");
  await v.waitFor({ timeout });
  return {
    kind: await v.getAttribute("data-verdict"),
    intent: await v.getAttribute("data-intent"),
    text: await v.innerText(),
  };
}

/** The finding codes, in the pane's order (the list itself is collapsed behind 「確認した内容」). */
async function findingCodes(page) {
  const box = page.getByTestId("findings");
  if ((await box.count()) === 0) return [];
  return ((await box.getAttribute("data-codes")) ?? "").split(" ").filter(Boolean);
}

/**
 * Clicks a disclosure's header button until it reports aria-expanded="true". A click that lands while the
 * pane is still laying out (lazy chunks arriving, the certificate card growing) can be lost; the user would
 * click again, and so does the test — the assertion is the panel's content, not the first click.
 */
async function expand(button) {
  for (let i = 0; i < 4; i++) {
    await button.waitFor();
    if ((await button.getAttribute("aria-expanded")) === "true") return;
    await button.click();
    try {
      await button
        .page()
        .waitForFunction((el) => el.getAttribute("aria-expanded") === "true", await button.elementHandle(), {
          timeout: 2000,
        });
      return;
    } catch {
      // lost click: try again
    }
  }
  throw new Error("disclosure did not open");
}

/** Opens 「確認した内容」 (all findings). */
async function openFindings(page) {
  await expand(page.getByTestId("findings-toggle").locator("button").first());
}

/** Opens 「確認した内容」 and one finding's own disclosure; returns the finding's locator. */
async function openFinding(page, code) {
  await openFindings(page);
  const item = page.locator(`[data-testid=finding][data-code=${code}]`).first();
  await expand(item.locator("button").first());
  return item;
}

/** Opens 「Certificate details」 of the first signer (fingerprint, chain, export and contacts live there). */
async function openCertDetails(page) {
  await expand(page.getByTestId("cert-details-toggle").first().locator("button").first());
  await page.getByTestId("signer-details").first().waitFor();
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
}

async function axeCheck(page, label) {
  await page.addScriptTag({ url: "/__axe__/axe.min.js" });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
      target: v.nodes[0]?.target,
    }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${label}: axe serious/critical violations: ${JSON.stringify(bad, null, 1)}`);
  return violations;
}

async function clean({ page, errors, external }) {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], "Content-Security-Policy violations");
  assert.deepEqual(external, [], "requests beyond loopback and office.js");
  assert.deepEqual(errors, [], "page errors");
}

const emlItem = (file, extra = {}) => ({
  itemClass: "IPM.Note.SMIME.MultipartSigned",
  subject: "test",
  from: { displayName: "山田 太郎", emailAddress: "taro.yamada@example.jp" },
  emlUrl: `/__fixtures__/samples/${file}`,
  attachments: [],
  ...extra,
});

// ---------- cases ----------
test("Outlook, rung eml (Mailbox 1.14), en: signed message → verdict, signer card, JCAN, chain, findings", async () => {
  const p = await openPane({
    office: { displayLanguage: "en-US", mailbox: "1.14", item: emlItem("sample-signed.eml") },
  });
  const v = await verdictOf(p.page);
  // no trust anchors inside Outlook yet: the signature verifies, the issuer is not trusted
  assert.equal(v.kind, "signed-warn", v.text);
  assert.match(v.text, /not from a trusted issuer/);
  assert.match(v.text, /Install the JCAN root/);
  assert.equal(await p.page.getAttribute("[data-testid=app]", "data-mode"), "office");
  assert.equal(await p.page.getByTestId("signer-name").innerText(), "山田 太郎");
  await openCertDetails(p.page);
  assert.equal(await p.page.getByTestId("jcan-badge").count(), 1);
  assert.match(await p.page.getByTestId("signer-emails").innerText(), /taro\.yamada@example\.jp/);
  assert.match(await p.page.getByTestId("signer-validity").innerText(), /1 Jan 2045 \(\d+ days left\)/);
  await p.page.getByTestId("signer-sha256").waitFor();
  assert.equal(
    await p.page.getByTestId("signer-sha256").innerText(),
    "B6:0E:40:FD:27:07:59:23:87:E0:A3:6D:42:A3:32:89:A6:E9:C7:4B:59:29:5A:3B:01:94:A1:D4:EB:EC:79:D4",
  );
  const roles = await p.page
    .locator("[data-testid=signer-chain] li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-role")));
  assert.equal(roles[0], "signer");
  assert.ok(roles.length >= 2, `chain ${roles}`);
  const codes = await findingCodes(p.page);
  assert.ok(codes.includes("SIGNATURE_VALID") && codes.includes("CERT_UNTRUSTED"), codes.join());
  // a finding expands to its technical detail (behind 「What was checked」)
  const valid = await openFinding(p.page, "SIGNATURE_VALID");
  await valid.getByTestId("support-text").waitFor();
  assert.match(await valid.getByTestId("support-text").innerText(), /form: multipart/);
  // glossary tooltip on the chain
  await p.page.locator("[data-testid^=glossary-]").first().hover();
  await p.page.getByRole("tooltip").waitFor();
  const calls = await p.page.evaluate(() => window.__officeStub.calls);
  assert.ok(calls.includes("getAsFileAsync"), calls.join());
  await p.page.getByTestId("guidance").waitFor();
  await shot(p.page, "office-signed-en");
  await axeCheck(p.page, "office signed en");
  await clean(p);
  await p.context.close();
});

test("Outlook, ja display language: tampered message → 電子署名は無効です, footer named, guidance", async () => {
  const p = await openPane({
    office: { displayLanguage: "ja-JP", mailbox: "1.14", item: emlItem("sample-tampered.eml") },
  });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "broken");
  assert.equal(v.intent, "warning");
  assert.match(v.text, /電子署名は無効です：署名後に末尾へ 3 行が追加されています/);
  assert.equal(await p.page.evaluate(() => document.documentElement.lang), "ja");
  const codes = await findingCodes(p.page);
  assert.ok(codes.includes("SIGNATURE_INVALID") && codes.includes("CONTENT_APPENDED"), codes.join());
  // revocation (issue #14): a pane built without the organisation's relay says it cannot check, and how
  // (the finding's message is behind 「確認した内容」 and the finding's own disclosure)
  const revocation = await openFinding(p.page, "REVOCATION_UNKNOWN");
  assert.match(await revocation.innerText(), /失効の確認はこの画面ではできません。コマンドライン/);
  await p.page.locator("[data-testid=guidance-item][data-faq=tampered-warning]").waitFor();
  assert.match(await p.page.getByTestId("guidance-context").first().innerText(), /フッター/);
  await shot(p.page, "office-tampered-ja");
  await axeCheck(p.page, "office tampered ja");
  await clean(p);
  await p.context.close();
});

test("Outlook, rung smime-attachment (Mailbox 1.8): Exchange's smime.p7m is read and verified", async () => {
  const item = {
    itemClass: "IPM.Note.SMIME.MultipartSigned",
    subject: "打ち合わせ資料の送付（電子署名付き）",
    from: { displayName: "山田 太郎", emailAddress: "taro.yamada@example.jp" },
    attachments: [
      {
        id: "att-1",
        name: "smime.p7m",
        contentType: "multipart/signed",
        size: 4000,
        url: "/__entity__/samples/sample-signed.eml",
      },
    ],
  };
  const p = await openPane({ office: { mailbox: "1.8", item } });
  const v = await verdictOf(p.page);
  assert.ok(v.kind === "signed-warn" || v.kind === "signed-ok", v.kind);
  const calls = await p.page.evaluate(() => window.__officeStub.calls);
  assert.ok(calls.includes("getAttachmentContentAsync") && !calls.includes("getAsFileAsync"), calls.join());
  assert.equal(await p.page.getByTestId("partial").count(), 0);
  assert.equal(await p.page.getByTestId("signer-name").innerText(), "山田 太郎");
  await clean(p);
  await p.context.close();
});

test("Outlook, rung headers (Mailbox 1.8, no smime.p7m): partial verdict with the ladder notes", async () => {
  const item = {
    itemClass: "IPM.Note.SMIME.MultipartSigned",
    subject: "test",
    from: { displayName: "山田 太郎", emailAddress: "taro.yamada@example.jp" },
    attachments: [{ id: "att-1", name: "smime.p7m", contentType: "multipart/signed", size: 4000 }],
    fail: { getAttachmentContentAsync: "The attachment cannot be read." },
    headers: headerBlock(sample("sample-signed.eml")),
    bodyText: "佐藤 様\nいつもお世話になっております。",
  };
  const p = await openPane({ office: { mailbox: "1.8", item } });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "unverifiable", v.text);
  assert.equal(await p.page.getByTestId("partial").getAttribute("data-rung"), "headers");
  const calls = await p.page.evaluate(() => window.__officeStub.calls);
  assert.ok(calls.includes("getAllInternetHeadersAsync"), calls.join());
  await shot(p.page, "office-headers-rung");
  await clean(p);
  await p.context.close();
});

test("Outlook, rung basic (Mailbox 1.1): message class + attachments only, orphan smime.p7s", async () => {
  const item = {
    itemClass: "IPM.Note",
    subject: "test",
    from: { displayName: "山田 太郎", emailAddress: "taro.yamada@example.jp" },
    attachments: [{ id: "att-1", name: "smime.p7s", contentType: "application/pkcs7-signature", size: 2400 }],
  };
  const p = await openPane({ office: { mailbox: "1.1", item } });
  const v = await verdictOf(p.page);
  assert.equal(await p.page.getByTestId("partial").getAttribute("data-rung"), "basic");
  assert.equal(v.kind, "orphan", v.text);
  await clean(p);
  await p.context.close();
});

test("Outlook: orphan smime.p7s message → 'attached but not checked' and the smime.p7s FAQ", async () => {
  const p = await openPane({ office: { item: emlItem("sample-orphan.eml", { itemClass: "IPM.Note" }) } });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "orphan");
  assert.equal(v.intent, "warning");
  assert.match(v.text, /not checked/);
  assert.ok((await findingCodes(p.page)).includes("ORPHAN_SIGNATURE"));
  await p.page.locator("[data-testid=guidance-item][data-faq=smime-p7s-attachment]").waitFor();
  await shot(p.page, "office-orphan-en");
  await clean(p);
  await p.context.close();
});

test("Outlook, ja: mojibake → text decoded as Shift_JIS, shown as text, encoding to pick", async () => {
  const p = await openPane({ office: { displayLanguage: "ja-JP", item: emlItem("sample-mojibake.eml") } });
  await verdictOf(p.page);
  assert.ok((await findingCodes(p.page)).includes("CHARSET_MISMATCH"));
  const text = p.page.getByTestId("decoded-text").first();
  await text.waitFor();
  assert.equal(await text.getAttribute("data-charset"), "shift_jis");
  const body = await p.page.getByTestId("decoded-text-body").first().innerText();
  assert.match(body, /いつもお世話になっております。山田です。/);
  await p.page.locator("[data-testid=guidance-item][data-faq=mojibake]").waitFor();
  await shot(p.page, "office-mojibake-ja");
  await axeCheck(p.page, "office mojibake ja");
  await clean(p);
  await p.context.close();
});

test("Classic Outlook for Windows: a failed signature on the rebuilt MIME is never a bare 'tampered'", async () => {
  // no smime.p7m to fall back on (IPM.Note): the verdict stays, with the note beside it (en)
  const p = await openPane({
    office: {
      platform: "PC",
      hostName: "Outlook",
      mailbox: "1.14",
      item: emlItem("sample-tampered.eml", { itemClass: "IPM.Note" }),
    },
    watch: true,
  });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "broken");
  // the boot script draws no verdict here (src/taskpane/firstVerdict.ts): the pane's second look could
  // change it, and a verdict is never shown that could be taken back
  assert.equal(await p.page.evaluate(() => window.__firstVerdict), undefined);
  const caution = p.page.getByTestId("caution");
  await caution.waitFor();
  const text = await caution.innerText();
  assert.match(text, /Outlook for Windows rebuilt this message/);
  assert.match(text, /may come from the rebuilding/);
  assert.match(text, /\.msg or \.eml/);
  await shot(p.page, "office-classic-rebuilt");
  await clean(p);
  await p.context.close();
  // the same message in Outlook on the web: handed over as received, no such note
  const web = await openPane({
    office: { item: emlItem("sample-tampered.eml", { itemClass: "IPM.Note" }) },
    watch: true,
  });
  assert.equal((await verdictOf(web.page)).kind, "broken");
  // there no second look is taken: the boot script drew the same danger first
  const first = await web.page.evaluate(() => window.__firstVerdict);
  assert.equal(first?.code, "TAMPERED_FOOTER", JSON.stringify(first));
  assert.equal(first.title, await web.page.getByTestId("verdict-headline").innerText());
  assert.equal(await web.page.getByTestId("caution").count(), 0);
  await clean(web);
  await web.context.close();
});

test("Outlook: encrypted message → 'Encrypted' verdict", async () => {
  const p = await openPane({
    office: { item: emlItem("sample-encrypted.eml", { itemClass: "IPM.Note.SMIME" }) },
  });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "encrypted");
  assert.match(v.text, /encrypted \(for 1 recipient\)/);
  assert.ok((await findingCodes(p.page)).includes("ENCRYPTED"));
  await clean(p);
  await p.context.close();
});

test("Outlook: a 50 MB message is handed to the engine worker whole; the main thread shows progress and never runs the engine", async () => {
  const big = bigMessage();
  // Selected in a pane already open (pinned), so that the view is on screen while the message is read and
  // checked: opened with it, the pane's first frame waits up to 400 ms for the answer (index.tsx), and on
  // a quiet machine the worker checks 50 MB within that wait, so no progress need ever be drawn.
  const p = await openPane({ office: { item: emlItem("sample-signed.eml") }, watch: true });
  await verdictOf(p.page);
  await p.page.evaluate((url) => {
    document.querySelector("[data-testid=verdict]")?.setAttribute("data-stale", "1");
    window.__officeStub.setItem({ itemClass: "IPM.Note", subject: "big", attachments: [], emlUrl: url });
    window.__officeStub.fire("olkItemSelectedChanged");
  }, big.url);
  await p.page.locator("[data-testid=verdict]:not([data-stale])").waitFor({ timeout: 120_000 });
  // a progress indicator with the message size was shown
  const seen = await p.page.evaluate(() => window.__progressSeen);
  assert.ok(
    seen.some((x) => /large message \((4[89]|5\d)\.\d MB\)/.test(x)),
    `progress texts seen: ${JSON.stringify(seen)}`,
  );
  const v = await verdictOf(p.page, 120_000);
  assert.ok(["signed-ok", "signed-warn", "broken", "none"].includes(v.kind), v.kind);
  // the message went to the engine worker, transferred: the main thread no longer holds its bytes
  const traffic = await p.page.evaluate(() => window.__workerTraffic);
  const requests = traffic.filter((t) => t.dir === "out" && t.transferred.some((n) => n >= 48_000_000));
  assert.equal(requests.length, 1, `worker traffic: ${JSON.stringify(traffic.slice(0, 20))}`);
  assert.equal(requests[0].name, "smime-engine");
  assert.deepEqual(
    requests[0].keptOnMainThread.filter((n) => n > 0),
    [],
    "the message bytes stayed on the main thread",
  );
  // the worker reported progress, then the result that the pane shows (after the first message's)
  const fromWorker = traffic
    .slice(traffic.indexOf(requests[0]))
    .filter((t) => t.dir === "in" && t.name === "smime-engine");
  assert.ok(fromWorker.filter((t) => t.type === "progress").length >= 2, JSON.stringify(fromWorker));
  const results = fromWorker.filter((t) => t.type === "result");
  assert.equal(results.length, 1);
  assert.ok(results[0].kind, "result without a diagnosis");
  // no WebCrypto on the main thread while the message was being analysed (the engine hashes and verifies
  // through WebCrypto: run on the main thread, it would show here)
  const subtle = await p.page.evaluate(() => window.__mainSubtle);
  assert.deepEqual(
    subtle.filter((c) => c.phase === "analysing"),
    [],
    "main-thread WebCrypto calls during the analysis",
  );
  console.log(
    `#   50 MB (${(big.size / 1e6).toFixed(1)} MB): verdict ${v.kind}; ${fromWorker.length} messages from the worker; stall figures: npm run bench:pane`,
  );
  await clean(p);
  await p.context.close();
});

test("Outlook: a message past the time limit → 'too complex to check here' (worker ended); the next message is checked", async () => {
  // The 50 MB message (about 0.2 s of engine work here) under a 1 ms limit set through the test hook
  // (production: 20 s + 0.2 s per MB, counted from the worker's start): its analysis is stopped and the
  // worker terminated. The hook is then removed: the next message gets a new worker and the normal limit.
  const big = bigMessage();
  const p = await openPane({ office: { item: emlItem("x", { emlUrl: big.url }) }, timeLimitMs: 1 });
  await p.page.getByTestId("too-complex").waitFor({ timeout: 120_000 });
  const text = await p.page.getByTestId("too-complex").innerText();
  assert.match(text, /too complex to check here/);
  assert.match(text, /smime-assistant diagnose/);
  assert.equal(
    await p.page.getByTestId("verdict").count(),
    0,
    "no verdict for a message that was not checked",
  );
  await shot(p.page, "too-complex");
  assert.deepEqual(await p.page.evaluate(() => window.__workers), { created: 1, terminated: 1 });
  await selectTamperedMessage(p.page);
  assert.equal(await p.page.getByTestId("too-complex").count(), 0);
  assert.deepEqual(await p.page.evaluate(() => window.__workers), { created: 2, terminated: 1 });
  await clean(p);
  await p.context.close();
});

test("Outlook: at the manifests' read-pane URL the engine worker is started by the page's inline starter and the message asked for by the boot script, before the pane renders; an older manifest's URL still reads and checks", async () => {
  for (const query of ["?mode=read", ""]) {
    const p = await openPane({ office: { item: emlItem("sample-signed.eml") }, query, watch: true });
    assert.equal((await verdictOf(p.page)).kind, "signed-warn", query);
    const made = await p.page.evaluate(() => window.__workersMade);
    const engine = made.filter((w) => w.name === "smime-engine");
    assert.equal(engine.length, 1, `${query}: ${JSON.stringify(made)}`);
    // Outlook is asked for the message once: by the boot script at the read-pane URL (src/office/earlyRead.ts,
    // before the pane's entry registers its first handler), else by the pane's ladder after it
    const calls = await p.page.evaluate(() => window.__officeStub.calls);
    assert.equal(calls.filter((c) => c === "getAsFileAsync").length, 1, `${query}: ${calls.join()}`);
    const handler = calls.indexOf("addHandlerAsync:olkItemSelectedChanged");
    assert.ok(handler >= 0, calls.join());
    assert.ok(
      query ? calls[0] === "getAsFileAsync" : calls.indexOf("getAsFileAsync") > handler,
      calls.join(),
    );
    if (query) {
      // the page's inline starter (src/taskpane/startWorker.inline.js), run before boot.<hash>.js is even
      // fetched; boot.js takes it over (one worker), before the pane's entry (React, Fluent) and Office.onReady
      assert.equal(engine[0].script, "inline", JSON.stringify(engine[0]));
      assert.equal(engine[0].rendered, false);
      // The boot script drew the verdict (src/taskpane/firstVerdict.ts) before the pane's entry was even
      // asked for, in the pane's own words, and the pane adopted that check (earlyCheck.ts): the worker was
      // given the message once, and its headline was painted before the entry's script was requested.
      await p.page.getByTestId("guidance").waitFor();
      const seen = await p.page.evaluate(() => ({
        first: window.__firstVerdict,
        paints: window.__verdictPaints,
        traffic: window.__workerTraffic.filter((t) => t.name === "smime-engine"),
        entry: performance.getEntriesByType("resource").find((e) => /\/taskpane\.[^/]*\.js$/.test(e.name))
          ?.startTime,
      }));
      assert.ok(seen.first, "no first verdict drawn by the boot script");
      assert.equal(seen.first.entryRequested, false, JSON.stringify(seen.first));
      const banner = p.page.getByTestId("verdict");
      assert.equal(seen.first.title, await p.page.getByTestId("verdict-headline").innerText());
      assert.equal(seen.first.sentence, await p.page.getByTestId("verdict-sentence").innerText());
      assert.equal(seen.first.level, await banner.getAttribute("data-level"));
      assert.equal(seen.first.code, await banner.getAttribute("data-code"));
      assert.equal(seen.first.lang, "en");
      const checks = seen.traffic.filter((t) => t.dir === "out" && t.transferred.length > 0);
      assert.equal(checks.length, 1, JSON.stringify(seen.traffic));
      assert.deepEqual(
        seen.traffic
          .filter((t) => t.dir === "in" && (t.type === "first" || t.type === "result"))
          .map((t) => t.type),
        ["first", "result"],
      );
      assert.ok(
        seen.paints.length >= 2 && seen.entry > 0 && seen.paints[0] < seen.entry,
        JSON.stringify(seen),
      );
      // and its view came whole: the guidance and the self-test in place, no spinner (index.tsx)
      assert.deepEqual(await p.page.evaluate(() => window.__viewOnArrival), {
        guidance: true,
        selfTest: true,
        spinner: false,
      });
      // the pane's headline takes the place of the boot script's (no jump: within a few pixels)
      const box = await p.page.getByTestId("verdict-headline").boundingBox();
      assert.ok(Math.abs(box.y - seen.first.box.y) <= 8, JSON.stringify({ pane: box, boot: seen.first.box }));
    } else {
      // no ?mode: boot leaves it; the pane's entry starts it once Office.js is ready, before the first render
      assert.doesNotMatch(engine[0].script ?? "", /\/boot\./, JSON.stringify(engine[0]));
      assert.equal(engine[0].rendered, false);
    }
    await clean(p);
    await p.context.close();
  }
});

test("Outlook: the boot script's first verdict on its own (the entry held back), 320 px, ja and en, light and dark", async () => {
  for (const [lang, scheme, file, code, level, headline] of [
    [
      "ja-JP",
      "light",
      "sample-tampered.eml",
      "TAMPERED_FOOTER",
      "caution",
      /電子署名は無効です：署名後に末尾へ 3 行が追加されています/,
    ],
    ["en-US", "light", "sample-signed.eml", "CERT_UNTRUSTED", "caution", /issuer/i],
    ["ja-JP", "dark", "sample-signed.eml", "CERT_UNTRUSTED", "caution", /発行元/],
  ]) {
    const p = await openPane({
      office: {
        displayLanguage: lang,
        mailbox: "1.14",
        item: emlItem(file),
        ...(scheme === "dark"
          ? {
              theme: {
                bodyBackgroundColor: "#1F1F1F",
                bodyForegroundColor: "#FFFFFF",
                controlBackgroundColor: "#292929",
                controlForegroundColor: "#FFFFFF",
              },
            }
          : {}),
      },
      viewport: { width: 320, height: 640 },
      blockEntry: true,
    });
    const first = p.page.getByTestId("first-verdict");
    await first.waitFor();
    assert.equal(await first.getAttribute("data-code"), code);
    assert.equal(await first.getAttribute("data-level"), level);
    assert.equal(await first.getAttribute("lang"), lang.slice(0, 2));
    const h2 = first.locator("h2");
    assert.match(await h2.innerText(), headline);
    assert.ok((await first.locator("p").innerText()).length > 10);
    // headline and what-to-do line in the first 600 px, nothing wider than the pane
    const box = await first.boundingBox();
    assert.ok(box.y + box.height <= 600, JSON.stringify(box));
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
    // the theme's own colours (Fluent's webDarkTheme / webLightTheme, as VerdictBanner)
    const bg = await p.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (scheme === "dark") assert.equal(bg, "rgb(41, 41, 41)");
    // the entry could not be loaded (held back here): the page says so under the verdict, and what to do
    const failed = p.page.locator("#pane-load-failed");
    await failed.waitFor();
    assert.match(
      await failed.innerText(),
      lang === "ja-JP"
        ? /アドインを読み込めませんでした。この作業ウィンドウを閉じて/
        : /could not be loaded\. Close this pane/,
    );
    assert.equal(await p.page.locator("h1#boot-title").count(), 1);
    await axeCheck(p.page, `first verdict ${lang} ${scheme}`);
    await shot(p.page, `first-verdict-${lang.slice(0, 2)}-${scheme}-320`);
    await p.context.close();
  }
});

test("Outlook: the boot script's check still running when the pane takes it over is under the pane's time limit", async () => {
  // Its answers are held back (holdBootCheck), so the boot script draws nothing, loads the pane by its
  // deadline, and the pane takes the running check over (src/taskpane/earlyCheck.ts, supervisor.ts adopt)
  // under the test hook's 300 ms limit: past it the worker is ended and the pane says so, as for any message.
  const p = await openPane({
    office: { item: emlItem("sample-signed.eml") },
    timeLimitMs: 300,
    holdBootCheck: true,
    watch: true,
  });
  await p.page.getByTestId("too-complex").waitFor({ timeout: 30_000 });
  assert.equal(await p.page.evaluate(() => window.__firstVerdict), undefined);
  assert.deepEqual(await p.page.evaluate(() => window.__workers), { created: 1, terminated: 1 });
  // the message was given to the worker once (the boot script's request): the pane did not post it again
  const checks = await p.page.evaluate(() =>
    window.__workerTraffic.filter((t) => t.dir === "out" && t.transferred.length > 0),
  );
  assert.equal(checks.length, 1, JSON.stringify(checks));
  await selectTamperedMessage(p.page);
  assert.deepEqual(await p.page.evaluate(() => window.__workers), { created: 2, terminated: 1 });
  await clean(p);
  await p.context.close();
});

test("Outlook: selecting another message (ItemChanged) re-reads and re-checks", async () => {
  const p = await openPane({ office: { item: emlItem("sample-signed.eml") } });
  assert.equal((await verdictOf(p.page)).kind, "signed-warn");
  await selectTamperedMessage(p.page);
  await p.page.evaluate(() => {
    window.__officeStub.setItem(null);
    window.__officeStub.fire("olkItemSelectedChanged");
  });
  await p.page.getByTestId("empty").waitFor({ timeout: 10_000 });
  await clean(p);
  await p.context.close();
});

test("Outlook dark theme (officeTheme) → Fluent dark theme", async () => {
  const p = await openPane({
    office: {
      theme: {
        bodyBackgroundColor: "#1F1F1F",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#292929",
        controlForegroundColor: "#FFFFFF",
      },
      item: emlItem("sample-signed.eml"),
    },
  });
  await verdictOf(p.page);
  assert.equal(await p.page.locator("[data-theme]").first().getAttribute("data-theme"), "dark");
  const bg = await p.page
    .locator("[data-theme]")
    .first()
    .evaluate((e) => getComputedStyle(e).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `background ${bg}`);
  await shot(p.page, "office-dark");
  await axeCheck(p.page, "office dark");
  await clean(p);
  await p.context.close();
});

test("Sender certificate: save .cer (DER) / .pem, copy; an untrusted signer is not offered for contacts", async () => {
  const p = await openPane({ office: { item: emlItem("sample-signed.eml") } });
  await verdictOf(p.page);
  await p.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await openCertDetails(p.page);
  const [cer] = await Promise.all([p.page.waitForEvent("download"), p.page.getByTestId("save-cer").click()]);
  // named as the guided steps and the `cert` command name it: "<common name>-<first 12 hex of SHA-256>"
  assert.equal(cer.suggestedFilename(), "山田_太郎-b60e40fd2707.cer");
  const der = fs.readFileSync(await cer.path());
  assert.equal(der[0], 0x30);
  const { createHash } = await import("node:crypto");
  assert.equal(
    createHash("sha256").update(der).digest("hex"),
    "b60e40fd2707592387e0a36d42a33289a6e9c74b59295a3b0194a1d4ebec79d4",
  );
  const [pem] = await Promise.all([p.page.waitForEvent("download"), p.page.getByTestId("save-pem").click()]);
  const pemText = fs.readFileSync(await pem.path(), "utf8");
  assert.match(pemText, /^-----BEGIN CERTIFICATE-----\r?\n/);
  await p.page.getByTestId("copy-cert").click();
  await p.page.getByText("Copied to the clipboard.").waitFor();
  const clip = await p.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip.replace(/\s/g, ""), pemText.replace(/\s/g, ""));
  // in Outlook the pane has no trust anchor for the TEST hierarchy: the signer is untrusted, so adding to
  // contacts is not offered (the contacts gate) and the pane says why; export stays
  assert.equal(await p.page.getByTestId("add-contact").count(), 0);
  const gate = p.page.getByTestId("contact-gate");
  await gate.waitFor();
  assert.deepEqual(
    await gate.locator("li").evaluateAll((els) => els.map((e) => e.getAttribute("data-reason"))),
    ["untrusted"],
  );
  assert.match(await gate.innerText(), /does not chain to a trusted root certificate/);
  await clean(p);
  await p.context.close();
});

test("Sender certificate from a trusted signer (standalone sample with the TEST root): add-to-contacts steps", async () => {
  const p = await openPane({ office: "nohost" });
  await p.page.locator("[data-testid=sample][data-file='sample-signed.eml']").click();
  await p.page.locator("[data-testid=verdict][data-verdict=signed-ok]").waitFor({ timeout: 30_000 });
  await openCertDetails(p.page);
  assert.equal(await p.page.getByTestId("contact-gate").count(), 0);
  await expand(p.page.getByTestId("add-contact"));
  await p.page.getByTestId("add-contact-steps").waitFor();
  assert.ok((await p.page.locator("[data-testid=add-contact-steps] [data-testid=step-set]").count()) >= 1);
  assert.match(await p.page.getByTestId("add-contact-steps").innerText(), /山田_太郎-b60e40fd2707\.cer/);
  // built without an Entra client id: no one-click button, no "unavailable" notice, the guided steps only
  assert.equal(await p.page.getByTestId("add-to-contacts").count(), 0);
  assert.equal(await p.page.getByTestId("one-click-unavailable").count(), 0);
  await p.page.getByTestId("add-to-contacts-panel").scrollIntoViewIfNeeded();
  await shot(p.page, "add-to-contacts");
  await clean(p);
  await p.context.close();
});

test("Message HTML is never rendered: markup shows as text", async () => {
  const p = await openPane({
    office: { item: emlItem("x", { itemClass: "IPM.Note", emlUrl: "/__fixtures__/extra/html.eml" }) },
  });
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "none");
  await p.page.getByRole("button", { name: /Show the message text/ }).click();
  const body = await p.page.getByTestId("decoded-text-body").first().innerText();
  assert.match(body, /<b id="injected">bold<\/b>/);
  assert.equal(await p.page.locator("#injected, #injected-img").count(), 0);
  assert.equal(await p.page.evaluate(() => window.__pwned), undefined);
  await clean(p);
  await p.context.close();
});

test("FAQ browser: search finds the mojibake entry (ja) and the p7s entry (en)", async () => {
  const p = await openPane({ office: { item: emlItem("sample-signed.eml") } });
  await verdictOf(p.page);
  // the full FAQ is collapsed behind 「See all questions」
  assert.equal(await p.page.getByTestId("faq-browser").count(), 0);
  await p.page.getByTestId("faq-open").click();
  const search = p.page.getByTestId("faq-browser").getByRole("searchbox");
  await search.fill("smime.p7s");
  await p.page.locator("[data-testid=faq-entry][data-faq=smime-p7s-attachment]").waitFor();
  await search.fill("文字化け");
  await p.page.locator("[data-testid=faq-entry][data-faq=mojibake]").waitFor();
  await search.fill("zzzzqqqq");
  await p.page.getByText("No questions match.").waitFor();
  await clean(p);
  await p.context.close();
});

test("Standalone (office.js unreachable): open an .eml with the file picker", async () => {
  const p = await openPane({ office: "none" });
  await p.page.getByTestId("standalone").waitFor();
  assert.equal(await p.page.getAttribute("[data-testid=app]", "data-mode"), "standalone");
  await p.page.getByTestId("file-input").setInputFiles(path.join(SAMPLES, "sample-tampered.eml"));
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "broken");
  // a file the user picks is checked without the TEST root: still untrusted
  assert.equal(await p.page.getByTestId("trust-badge").innerText(), "Not trusted");
  assert.match(await p.page.getByTestId("file-name").innerText(), /sample-tampered\.eml/);
  // garbage in: a readable answer, not a blank pane
  await p.page.getByTestId("file-input").setInputFiles({
    name: "junk.eml",
    mimeType: "message/rfc822",
    buffer: Buffer.from([0, 1, 2, 255, 254, 0x30, 0x82]),
  });
  await p.page.getByTestId("file-name").getByText("junk.eml").waitFor();
  assert.ok(["none", "malformed"].includes((await verdictOf(p.page)).kind));
  await shot(p.page, "standalone-file");
  await clean(p);
  await p.context.close();
});

test("Standalone: an Ed25519 signature and an ECDSA one over SHA-224 are checked, noble's curves loaded into the worker on first use", async () => {
  // The analysis worker leaves noble's curves out of its own script (src/engine/crypto/byHand.ts curveOf,
  // verify.ts): building them when the worker starts cost every first verdict a few milliseconds. These two
  // signatures need them (WebCrypto has no SHA-224; the engine checks Ed25519 with noble), so the worker
  // loads their chunks here. A chunk that failed to load would be the check's error, not this verdict.
  const p = await openPane({ office: "none" });
  await p.page.getByTestId("standalone").waitFor();
  for (const file of ["ed25519.p7m", "p256-sha224.p7m"]) {
    await p.page.getByTestId("file-input").setInputFiles(path.join(CMS_FIXTURES, file));
    await p.page.getByTestId("file-name").getByText(file).waitFor();
    await verdictOf(p.page);
    const codes = await findingCodes(p.page);
    assert.ok(codes.includes("SIGNATURE_VALID") && !codes.includes("SIGNATURE_INVALID"), `${file}: ${codes}`);
  }
  // the worker's script did not hold them: it asked for chunks of its own once it needed them
  const requested = [];
  for (const w of p.page.workers())
    requested.push(...(await w.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name))));
  assert.ok(
    requested.some((u) => /\/\d+\.[0-9a-f]{8}\.chunk\.js$/.test(u)),
    `no curve chunk requested by a worker: ${requested.join(" ")}`,
  );
  await clean(p);
  await p.context.close();
});

test("Standalone (plain browser, no mailbox), drag-and-drop and the bundled sample with the TEST root", async () => {
  const p = await openPane({ office: "nohost" });
  await p.page.getByTestId("standalone").waitFor();
  // drag-and-drop a file onto the drop zone
  const b64 = sample("sample-orphan.eml").toString("base64");
  await p.page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], "dropped.eml", { type: "message/rfc822" }));
    const zone = document.querySelector("[data-testid=dropzone]");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  assert.equal((await verdictOf(p.page)).kind, "orphan");
  // with a message shown, the opener is one 「Open another file」 button above the verdict
  await p.page.locator("[data-testid=standalone][data-compact=true]").waitFor();
  await p.page.getByTestId("open-another").click();
  await p.page.locator("[data-testid=sample][data-file='sample-signed.eml']").click();
  await p.page.locator("[data-testid=verdict][data-verdict=signed-ok]").waitFor({ timeout: 30_000 });
  const v = await verdictOf(p.page);
  assert.equal(v.intent, "success");
  assert.match(v.text, /The signature is valid and the mail has not been changed/);
  assert.equal(await p.page.getByTestId("trust-badge").innerText(), "Trusted");
  await openCertDetails(p.page);
  const roles = await p.page
    .locator("[data-testid=signer-chain] li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-role")));
  assert.deepEqual(roles, ["signer", "intermediate", "root"]);
  await shot(p.page, "standalone-sample-signed-en");
  await axeCheck(p.page, "standalone sample");
  await clean(p);
  await p.context.close();
});

test("Standalone: Outlook .msg files — a signed item by the picker, a damaged one and a non-message by drag-and-drop", async () => {
  const p = await openPane({ office: "none" });
  await p.page.getByTestId("standalone").waitFor();
  assert.match(
    await p.page.getByTestId("file-input").getAttribute("accept"),
    /(^|,)\.msg(,|$)/,
    "the picker offers .msg files",
  );
  await p.page.getByTestId("file-input").setInputFiles(path.join(MSG_FIXTURES, "signed.msg"));
  await p.page.getByTestId("file-name").getByText("signed.msg").waitFor();
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "signed-warn"); // valid, but no trust anchor for a picked file
  assert.match(await p.page.getByTestId("signer-name").innerText(), /Alice Example/);
  const drop = async (file) =>
    p.page.evaluate(
      ([name, data]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: "application/vnd.ms-outlook" }));
        const zone = document.querySelector("[data-testid=dropzone]");
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [file, fs.readFileSync(path.join(MSG_FIXTURES, file)).toString("base64")],
    );
  await drop("damaged.msg");
  await p.page.getByTestId("file-name").getByText("damaged.msg").waitFor();
  let broken = await verdictOf(p.page);
  assert.equal(broken.kind, "malformed");
  assert.match(broken.text, /Outlook file \(\.msg\) cannot be read/);
  await drop("garbage.bin");
  await p.page.getByTestId("file-name").getByText("garbage.bin").waitFor();
  broken = await verdictOf(p.page);
  assert.equal(broken.kind, "malformed");
  assert.match(broken.text, /not an e-mail message/);
  await shot(p.page, "standalone-msg-not-a-message");
  await clean(p);
  await p.context.close();
});

test("Outlook on the web: an Outlook .msg dropped into the pane (DragAndDropEvent) is checked", async () => {
  const p = await openPane({ office: { platform: "OfficeOnline", item: emlItem("sample-signed.eml") } });
  await verdictOf(p.page);
  await p.page.waitForFunction(() => window.__officeStub.handlerCount("olkDragAndDropEvent") === 1);
  await p.page.evaluate(
    (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const position = { pageX: 900, pageY: 300, taskPaneX: 40, taskPaneY: 120 };
      window.__officeStub.fire("olkDragAndDropEvent", {
        dragAndDropEventData: { type: "dragover", ...position },
      });
      window.__officeStub.fire("olkDragAndDropEvent", {
        dragAndDropEventData: {
          type: "drop",
          ...position,
          dataTransfer: {
            files: [
              { name: "encrypted.msg", type: "application/vnd.ms-outlook", fileContent: new Blob([bytes]) },
            ],
          },
        },
      });
    },
    fs.readFileSync(path.join(MSG_FIXTURES, "encrypted.msg")).toString("base64"),
  );
  await p.page.locator("[data-testid=verdict][data-verdict=encrypted]").waitFor({ timeout: 30_000 });
  await p.page.getByTestId("file-name").getByText("encrypted.msg").waitFor();
  await clean(p);
  await p.context.close();
});

test("Standalone in Japanese (navigator.language ja-JP) with the language toggle, dark colour scheme", async () => {
  const p = await openPane({ office: "none", locale: "ja-JP", colorScheme: "dark" });
  await p.page.getByText("S/MIME のメールを確認する").waitFor();
  assert.equal(await p.page.locator("[data-theme]").first().getAttribute("data-theme"), "dark");
  await p.page.locator("[data-testid=sample][data-file='sample-mojibake.eml']").click();
  const v = await verdictOf(p.page);
  assert.equal(v.kind, "signed-warn");
  assert.match(v.text, /本文が文字化けしています（UTF-8 と宣言、実際は Shift_JIS）/);
  await shot(p.page, "standalone-mojibake-ja-dark");
  await axeCheck(p.page, "standalone ja dark");
  await p.page.getByTestId("lang-toggle").click();
  await p.page.getByText("Open another file").waitFor();
  assert.match((await verdictOf(p.page)).text, /Garbled text: declared UTF-8, written in Shift_JIS/);
  assert.equal(await p.page.evaluate(() => document.documentElement.lang), "en");
  await clean(p);
  await p.context.close();
});

test("Compose mode: signing switch, add-in limitation, recipients checked against certificates seen in signed mail, RecipientsChanged", async () => {
  // 1. The read pane on a valid signed message from a signer it cannot trust (in Outlook the TEST root is no
  //    trust anchor) does not remember the certificate: the contacts gate.
  const p = await openPane({
    office: { displayLanguage: "en-US", mailbox: "1.14", item: emlItem("sample-signed.eml") },
  });
  await verdictOf(p.page);
  await openCertDetails(p.page);
  await p.page.getByTestId("contact-gate").waitFor();
  assert.doesNotMatch(
    await p.page.evaluate(() => window.localStorage.getItem("__stubRoaming") || ""),
    /taro\.yamada@example\.jp/,
  );
  //    Seed what a trusted signer's message leaves there (KnownCertificatesStore's format):
  await p.page.evaluate(() =>
    window.localStorage.setItem(
      "__stubRoaming",
      JSON.stringify({
        knownCertificates: {
          v: 1,
          senders: {
            "taro.yamada@example.jp": [
              {
                sha256: "b60e40fd2707592387e0a36d42a33289a6e9c74b59295a3b0194a1d4ebec79d4",
                notBefore: "2026-01-01T00:00:00.000Z",
                notAfter: "2036-01-01T00:00:00.000Z",
                lastSeen: new Date().toISOString(),
                name: "山田 太郎",
              },
            ],
          },
        },
      }),
    ),
  );
  // 2. A compose pane in the same mailbox: To has that sender, Cc someone we know nothing about.
  await p.context.addInitScript(
    (cfg) => {
      window.__OFFICE_STUB__ = cfg;
    },
    {
      displayLanguage: "en-US",
      mailbox: "1.14",
      compose: {
        to: [{ displayName: "山田 太郎", emailAddress: "taro.yamada@example.jp" }],
        cc: [{ displayName: "Unknown Person", emailAddress: "unknown@example.com" }],
      },
    },
  );
  await p.page.goto(`${origin}/taskpane.html?mode=compose`);
  await p.page.getByTestId("compose-pane").waitFor();
  await p.page.getByTestId("addin-limitation").waitFor();
  await p.page.getByTestId("signing-switch").waitFor();
  await p.page.getByTestId("recipient-list").waitFor();
  const rows = () =>
    p.page
      .getByTestId("recipient")
      .evaluateAll((els) =>
        els.map((e) => [
          e.textContent.includes("taro.yamada") ? "taro" : "other",
          e.getAttribute("data-state"),
        ]),
      );
  assert.deepEqual((await rows()).sort(), [
    ["other", "none"],
    ["taro", "valid"],
  ]);
  await p.page.locator("[data-testid=encryption-warning] [data-faq=outlook-encryption-error]").waitFor();
  assert.equal(await p.page.getByTestId("verdict").count(), 0, "compose mode shows no message verdict");
  await p.page.getByTestId("certificate-file-check").waitFor();
  await axeCheck(p.page, "compose");
  await shot(p.page, "compose-en");
  // 3. The user removes the Cc: RecipientsChanged re-checks, and nobody is missing a certificate now.
  await p.page.evaluate(() => {
    window.__officeStub.setRecipients("cc", []);
    window.__officeStub.fireItem("olkRecipientsChanged", { changedRecipientFields: { cc: true } });
  });
  await p.page.getByTestId("recipients-ready").waitFor();
  assert.deepEqual(await rows(), [["taro", "valid"]]);
  assert.equal(await p.page.getByTestId("encryption-warning").count(), 0);
  await clean(p);
  await p.context.close();
});

test("Compose mode in Japanese, opened outside Outlook: steps shown, recipients explained as unavailable", async () => {
  const p = await openPane({ office: "none", locale: "ja-JP", query: "?mode=compose" });
  await p.page.getByTestId("compose-pane").waitFor();
  await p.page.getByTestId("recipients-unavailable").waitFor();
  const text = await p.page.getByTestId("compose-pane").innerText();
  assert.match(text, /署名/);
  assert.equal(await p.page.getByTestId("standalone").count(), 0, "the .eml opener is not the compose pane");
  await axeCheck(p.page, "compose ja");
  await shot(p.page, "compose-ja");
  await clean(p);
  await p.context.close();
});

test("Certificate file check (.p12) in the page: legacy 3DES file opens; a wrong password says so; the password field is emptied", async () => {
  // the p12 fixtures' certificates run to 2027-04-01: checked as of the time their index names
  const p = await openPane({ office: "none", at: "2026-06-01T00:00:00Z" });
  await p.page.getByTestId("open-file-check").click();
  await p.page.getByTestId("certificate-file-check").waitFor();
  const file = path.join(ROOT, "test", "fixtures", "generated", "p12", "ok-legacy-3des.p12");
  const check = async (password) => {
    await p.page.getByTestId("p12-file").setInputFiles(file);
    await p.page.getByTestId("p12-password").fill(password);
    await p.page.getByTestId("p12-submit").click();
    await p.page.getByTestId("p12-password-cleared").waitFor();
    return p.page
      .getByTestId("p12-finding")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  };
  const good = await check("correct horse battery");
  assert.ok(good.includes("P12_OK"), `expected P12_OK, got ${good}`);
  // P12_OK is a success, shown first; the picker is the Fluent file button with the chosen file's name
  await p.page.getByTestId("p12-ok").waitFor();
  assert.equal(await p.page.getByTestId("p12-file-name").innerText(), "ok-legacy-3des.p12");
  assert.equal(await p.page.getByTestId("p12-file").isVisible(), false);
  assert.equal(await p.page.getByTestId("p12-password").inputValue(), "", "password kept after the check");
  await p.page.getByTestId("p12-certificate").waitFor();
  assert.match(await p.page.getByTestId("p12-certificate").innerText(), /legacy@example\.jp/);
  const bad = await check("not the password");
  assert.deepEqual(bad, ["P12_BAD_PASSWORD"]);
  const stored = await p.page.evaluate(() => JSON.stringify({ ...window.localStorage }) + document.cookie);
  assert.ok(!stored.includes("correct horse"), "password found in storage");
  await shot(p.page, "p12-check");
  await clean(p);
  await p.context.close();
});

test("Certificate file check past the time limit: 'too complex to check here' (worker ended); the next file is checked", async () => {
  // mac-sha256-50k.p12 (gen-p12-costly.sh) needs about a second of hashing; the test hook's 1 ms limit stops it
  const p = await openPane({ office: "none", timeLimitMs: 1, at: "2026-06-01T00:00:00Z" });
  await p.page.getByTestId("open-file-check").click();
  await p.page.getByTestId("certificate-file-check").waitFor();
  const dir = path.join(ROOT, "test", "fixtures", "generated", "p12");
  await p.page.getByTestId("p12-file").setInputFiles(path.join(dir, "costly", "mac-sha256-50k.p12"));
  await p.page.getByTestId("p12-password").fill("correct horse battery");
  await p.page.getByTestId("p12-submit").click();
  await p.page.getByTestId("p12-error").waitFor({ timeout: 60_000 });
  assert.match(
    await p.page.getByTestId("p12-error").innerText(),
    /too complex to check here.*smime-assistant check-p12 mac-sha256-50k\.p12/s,
  );
  assert.equal(await p.page.getByTestId("p12-password").inputValue(), "");
  await p.page.evaluate(() => delete window.__SMIME_ASSISTANT_TEST__.timeLimitMs);
  await p.page.getByTestId("p12-file").setInputFiles(path.join(dir, "ok-legacy-3des.p12"));
  await p.page.getByTestId("p12-password").fill("correct horse battery");
  await p.page.getByTestId("p12-submit").click();
  await p.page.getByTestId("p12-result").waitFor({ timeout: 60_000 });
  const codes = await p.page
    .getByTestId("p12-finding")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  assert.ok(codes.includes("P12_OK"), `expected P12_OK, got ${codes}`);
  // the p12 worker: one ended, one new (the message worker is not started on the standalone page)
  assert.deepEqual(await p.page.evaluate(() => window.__workers), { created: 2, terminated: 1 });
  await clean(p);
  await p.context.close();
});

test("Built page: strict CSP meta and the official Office.js CDN script", async () => {
  const html = fs.readFileSync(path.join(ROOT, "dist", "taskpane.html"), "utf8");
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, "CSP meta missing");
  // script-src: the page's origin, Office.js's CDN and the one inline script (the read pane's worker
  // starter) by its SHA-256; never 'unsafe-inline' or 'unsafe-eval'
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, "one inline script: the worker starter");
  assert.match(inline[0], /new Worker\("smime-engine\.[0-9a-f]{8}\.chunk\.js"/);
  assert.ok(
    fs.existsSync(path.join(ROOT, "dist", /smime-engine\.[0-9a-f]{8}\.chunk\.js/.exec(inline[0])[0])),
  );
  const hash = crypto.createHash("sha256").update(inline[0], "utf8").digest("base64");
  assert.ok(
    csp.includes(`script-src 'self' 'sha256-${hash}' https://appsforoffice.microsoft.com;`),
    `script-src: ${csp}`,
  );
  for (const d of [
    "default-src 'self'",
    // built without SMIME_ASSISTANT_CLIENT_ID: no Graph, so no network beyond the pane's origin
    "connect-src 'self';",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ]) {
    assert.ok(csp.includes(d), `CSP lacks ${d}`);
  }
  assert.ok(!csp.includes("graph.microsoft.com"), "Graph allowed in a build without a client id");
  assert.match(html, /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
  // message text reaches the DOM only as React text nodes
  const sources = [];
  const walk = (d) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : sources.push(path.join(d, e.name))));
  walk(path.join(ROOT, "src", "taskpane"));
  for (const f of sources)
    assert.doesNotMatch(
      fs.readFileSync(f, "utf8"),
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/,
      f,
    );
});

test("npm start (the README's command): the development pane renders and analyses a sample under the page's CSP", async () => {
  const facts = await devServerTest(browser);
  console.log(`#   dev server: ${facts}`);
});

// ---------- run ----------
const filter = process.argv[2];
// ---------- the five-second pane (issue #15): every state answers "is it safe, what do I do" first ----------
const STATES = [
  { name: "signed", url: "samples/sample-signed.eml", code: "CERT_UNTRUSTED", signer: true },
  { name: "sender-mismatch", url: "messages/sender-from-differs.eml", code: "SENDER_MISMATCH", signer: true },
  {
    name: "display-name",
    url: "messages/sender-display-name-address.eml",
    code: "SENDER_MISMATCH",
    signer: true,
  },
  { name: "reply-to", url: "mail/reply-to-other.eml", code: "REPLY_TO_MISMATCH", signer: true },
  { name: "list-footer", url: "mail/list-footer.eml", code: "TAMPERED_LIST_FOOTER", signer: true },
  { name: "tampered-footer", url: "samples/sample-tampered.eml", code: "TAMPERED_FOOTER", signer: true },
  { name: "mojibake", url: "samples/sample-mojibake.eml", code: "MOJIBAKE", signer: true },
  { name: "expired-at-signing", url: "messages/expired.eml", code: "CERT_INVALID_AT_SIGNING", signer: true },
  { name: "encrypted", url: "samples/sample-encrypted.eml", code: "ENCRYPTED" },
  { name: "unsigned", url: "messages/plain-unsigned.eml", code: "UNSIGNED" },
  { name: "orphan", url: "samples/sample-orphan.eml", code: "ORPHAN_SIGNATURE" },
  { name: "openpgp", url: "mail/pgp-signed.eml", code: "OPENPGP" },
];
/** What each state's headline must name (its own problem), per language. */
const HEADLINE = {
  // the From address in the headline, the signer's in the what-to-do line (two lines at 320 px)
  "sender-mismatch": {
    ja: /^差出人 mallory@evil\.test は署名者と一致しません$/,
    en: /^Sender mallory@evil\.test is not the signer$/,
  },
  "display-name": {
    ja: /^差出人の表示名と実際のアドレスが違います$/,
    en: /^The sender's name shows another address$/,
  },
  "reply-to": {
    ja: /返信先が署名者とは別のアドレス/,
    en: /^Replies go to another address: manager@example\.jp$/,
  },
  "list-footer": {
    ja: /^電子署名は無効です：メーリングリストが末尾に \d+ 行を追加しています$/,
    en: /^Signature invalid: a mailing list added \d+ lines?$/,
  },
  "tampered-footer": {
    ja: /電子署名は無効です：署名後に末尾へ 3 行が追加/,
    en: /Signature invalid: 3 lines added after signing/,
  },
  mojibake: { ja: /文字化け/, en: /Garbled text/ },
  "expired-at-signing": {
    ja: /署名した時点で有効期限が切れていました/,
    en: /had expired at signing/,
  },
  encrypted: { ja: /暗号化されています/, en: /encrypted/ },
  unsigned: { ja: /電子署名がありません/, en: /not signed/ },
};
/** The what-to-do line of the states whose headline no longer quotes both addresses. */
const ACTION = {
  "sender-mismatch": { ja: /署名者（alice@example\.jp）/, en: /the signer \(alice@example\.jp\)/ },
  "display-name": {
    ja: /実際の差出人は [\w.+-]+@[\w.-]+ のため、表示名にある/,
    en: /The real sender is [\w.+-]+@[\w.-]+:/,
  },
};
/** The guidance card that fits each state (issue #15 item 3): this project's advice, src/faq/advice.ts. */
const GUIDANCE = {
  "sender-mismatch": "sender-not-signer",
  "display-name": "sender-not-signer",
  "reply-to": "reply-to-not-signer",
  unsigned: "unsigned-mail",
};
/** Tokens allowed in the Japanese pane: names, addresses, algorithms, product and format names. */
const ALLOWED_EN =
  /Internet Explorer|Firefox|Web|Outlook on the web|Outlook Express|Windows Live|Windows|Unicode|Microsoft 365|Microsoft|Office|Mac|iPhone|iPad|Android|JIS|\b(?:text|multipart|application|message)\/[\w.+-]+|\b(?:shift_jis|utf-8|iso-2022-jp|euc-jp|us-ascii)\b|「[^」]*」|\b(?:CN|OU|O|C|E)=[^,）)]*|[\w.+-]+@[\w.-]+|\b[\w-]+(\.[\w-]+)+\b|S\/MIME|OpenPGP|Outlook|Mozilla|JCAN|Thunderbird|Shift_JIS|UTF-8|ISO-2022-JP|EUC-JP|US-ASCII|smime\.p7[sm]|SHA-\d+|RSA|ECDSA|Ed25519|DSA|PDF|FAQ|English|Alice Example|Mallory|TEST|Example|Root|CA|[A-Z_]{4,}/g;

async function englishInJa(page) {
  const text = await page.evaluate(() => {
    const out = [];
    const walk = (n) => {
      if (n.nodeType === 3) {
        out.push(n.textContent);
        return;
      }
      if (n.nodeType !== 1) return;
      const el = n;
      // a line-break opportunity inside a word (the signer's address): the text on both sides is one word
      if (el.tagName === "WBR") {
        out.push("\u2060WBR\u2060");
        return;
      }
      // the pane's own words only: the message's headers and the certificate's names are the sender's
      if (
        el.closest(
          "[lang=en], [data-testid=message-headers], [data-testid=signer-name], [data-testid=file-name]",
        ) ||
        el.getAttribute("aria-hidden") === "true"
      )
        return;
      const cs = getComputedStyle(el);
      if (cs.display === "none" || cs.visibility === "hidden") return;
      for (const c of el.childNodes) walk(c);
    };
    walk(document.querySelector("main"));
    // the certificate's own names (quoted by findings and guidance) are the signer's words
    let all = out.join(" ").split(" \u2060WBR\u2060 ").join("");
    for (const n of document.querySelectorAll("[data-testid=signer-name]"))
      if (n.textContent) all = all.split(n.textContent).join(" ");
    return all;
  });
  // the message's own subject and sender name are the sender's words, not the pane's
  const rest = text.replace(ALLOWED_EN, " ");
  return (rest.match(/[A-Za-z]{3,}/g) ?? [])
    .map((w) => {
      const i = rest.indexOf(w);
      return `${w} «${rest.slice(Math.max(0, i - 30), i + 30).replace(/\s+/g, " ")}»`;
    })
    .filter((w) => !/^(test|list|hello|Signed|signed|mail|message|Sample|sample) /.test(w))
    .filter((w) => w.length > 0);
}

for (const lang of ["ja", "en"]) {
  test(`Five-second pane (${lang}, 320 px): every state leads with its own problem; headline and what-to-do in the first 600 px; signer on the first screen`, async () => {
    const p = await openPane({
      office: {
        displayLanguage: lang === "ja" ? "ja-JP" : "en-US",
        mailbox: "1.14",
        item: emlItem("sample-signed.eml"),
      },
      locale: lang === "ja" ? "ja-JP" : "en-US",
      viewport: { width: 320, height: 600 },
    });
    await verdictOf(p.page);
    for (const st of STATES) {
      await p.page.evaluate((url) => {
        document.querySelector("[data-testid=verdict]")?.setAttribute("data-stale", "1");
        window.__officeStub.setItem({
          itemClass: "IPM.Note.SMIME.MultipartSigned",
          subject: "test",
          attachments: [],
          emlUrl: url,
        });
        window.__officeStub.fire("olkItemSelectedChanged");
      }, `/__fixtures__/${st.url}`);
      await p.page
        .locator(`[data-testid=verdict][data-code=${st.code}]:not([data-stale])`)
        .waitFor({ timeout: 30_000 });
      const headline = p.page.getByTestId("verdict-headline");
      const action = p.page.getByTestId("verdict-sentence");
      const hb = await headline.boundingBox();
      const ab = await action.boundingBox();
      assert.ok(hb && ab, `${st.name}: boxes`);
      assert.ok(ab.y + ab.height <= 600, `${st.name}: what-to-do ends at ${ab.y + ab.height} px`);
      const lh = await headline.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      // at most two lines of text at 320 px, whatever the headline quotes (issue #15 item 1)
      const lines = Math.round(hb.height / lh);
      assert.ok(lines <= 2, `${st.name}: headline is ${lines} lines (${hb.height} px, line ${lh} px)`);
      const want = HEADLINE[st.name]?.[lang];
      if (want) assert.match(await headline.innerText(), want, st.name);
      const wantAction = ACTION[st.name]?.[lang];
      if (wantAction) assert.match(await action.innerText(), wantAction, `${st.name}: what to do`);
      const card = GUIDANCE[st.name];
      if (card) {
        // the card that fits, first; at most two; the user's client's steps (the stand-in is Outlook on
        // the web: its steps are the ones shown open)
        await p.page
          .locator(`[data-testid=guidance-item][data-faq=${card}]`)
          .first()
          .waitFor({ timeout: 30_000 });
        const cards = await p.page
          .getByTestId("guidance-item")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-faq")));
        assert.equal(cards[0], card, `${st.name}: first card ${cards}`);
        assert.ok(cards.length <= 2, `${st.name}: ${cards.length} cards`);
        const own = await p.page
          .getByTestId("guidance-item")
          .first()
          .getByTestId("own-steps")
          .first()
          .innerText();
        assert.match(
          own,
          lang === "ja" ? /Outlook on the web・新しい Outlook/ : /Outlook on the web and new Outlook/,
        );
      }
      if (st.signer) {
        const name = await p.page.getByTestId("signer-name").first().boundingBox();
        const until = await p.page.getByTestId("signer-validity").first().boundingBox();
        assert.ok(
          name && until && until.y + until.height <= 600,
          `${st.name}: signer and valid-until in the first 600 px (${until?.y})`,
        );
        if (st.name === "sender-mismatch") {
          // a spoofed sender is never "Alice Example さんが署名"
          assert.doesNotMatch(await headline.innerText(), /Alice Example/);
        }
      }
      const box = await p.page.getByTestId("verdict").boundingBox();
      await p.page.screenshot({
        path: path.join(ARTIFACTS, `five-${lang}-${st.name}.png`),
        clip: { x: 0, y: 0, width: 320, height: 600 },
      });
      assert.ok(box, st.name);
      if (lang === "ja") {
        const words = await englishInJa(p.page);
        assert.deepEqual(words, [], `${st.name}: English in the ja pane`);
      }
      const v = await axeCheck(p.page, `${st.name} ${lang}`);
      assert.ok(!v.some((x) => x.id === "heading-order"), `${st.name}: heading-order`);
    }
    await clean(p);
    await p.context.close();
  });
}

test("Five-second pane: live region exists before the verdict, announced once; focus on the verdict after opening a file; keyboard opens the findings", async () => {
  const p = await openPane({ office: "none", viewport: { width: 320, height: 600 } });
  await p.page.getByTestId("standalone").waitFor();
  const live = p.page.getByTestId("verdict-live");
  assert.equal(await live.getAttribute("aria-live"), "polite");
  assert.equal((await live.innerText()).trim(), "");
  assert.equal(await p.page.getByTestId("lang-toggle").getAttribute("lang"), "ja");
  await p.page
    .getByTestId("file-input")
    .setInputFiles(path.join(ROOT, "test", "fixtures", "generated", "messages", "sender-from-differs.eml"));
  await p.page.locator("[data-testid=verdict][data-code=SENDER_MISMATCH]").waitFor();
  // the focus moves in the verdict's effect, just after it renders: wait for it, do not race it
  await p.page
    .waitForFunction(() => document.activeElement?.id === "verdict-h", null, { timeout: 5000 })
    .catch(() => undefined);
  assert.equal(await p.page.evaluate(() => document.activeElement?.id), "verdict-h");
  assert.equal(await p.page.locator("#verdict-h").evaluate((e) => e.tagName), "H2");
  await p.page.waitForFunction(
    () => document.querySelector("[data-testid=verdict-live]")?.textContent?.length > 0,
  );
  assert.match(await live.innerText(), /is not the signer/);
  // the banner itself is no live region (announced once, by the region above)
  assert.equal(
    await p.page.locator("[data-testid=verdict] [aria-live], [data-testid=verdict][aria-live]").count(),
    0,
  );
  // keyboard: Tab from the verdict reaches 「What was checked」; Enter opens it
  let reached = false;
  for (let i = 0; i < 25 && !reached; i++) {
    await p.page.keyboard.press("Tab");
    reached = await p.page.evaluate(() => !!document.activeElement?.closest("[data-testid=findings-toggle]"));
  }
  assert.ok(reached, "findings toggle reachable by Tab");
  await p.page.keyboard.press("Enter");
  await p.page.getByTestId("finding").first().waitFor();
  // icons keep their size
  const icon = await p.page.locator("[data-testid=finding] svg").first().boundingBox();
  assert.ok(icon && icon.width >= 19 && icon.height >= 19, `icon ${JSON.stringify(icon)}`);
  await shot(p.page, "five-keyboard-findings");
  await clean(p);
  await p.context.close();
});

test("Reduced motion: the progress bar does not animate", async () => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 600 },
    reducedMotion: "reduce",
  });
  await isolate(context, undefined);
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  await page.getByTestId("standalone").waitFor();
  const rule = await page.evaluate(() =>
    [...document.styleSheets].some((sh) => {
      try {
        return [...sh.cssRules].some(
          (r) =>
            r.cssText.includes("prefers-reduced-motion: reduce") &&
            r.cssText.includes("animation-duration: 0.01ms"),
        );
      } catch {
        return false;
      }
    }),
  );
  assert.ok(rule, "reduced-motion rule present");
  const anim = await page.evaluate(() => {
    const d = document.createElement("div");
    d.style.animation = "spin 1s linear infinite";
    document.body.appendChild(d);
    return getComputedStyle(d).animationDuration;
  });
  assert.equal(anim, "1e-05s");
  await context.close();
});

test("Five-second pane at 200 % zoom (400 px pane): no horizontal scroll", async () => {
  for (const file of ["sender-from-differs.eml", "expired.eml", "plain-unsigned.eml"]) {
    const context = await browser.newContext({ viewport: { width: 200, height: 400 }, deviceScaleFactor: 2 });
    await isolate(context, undefined);
    const page = await context.newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page
      .getByTestId("file-input")
      .setInputFiles(path.join(ROOT, "test", "fixtures", "generated", "messages", file));
    await page.getByTestId("verdict").waitFor();
    await page
      .getByTestId("cert-details-toggle")
      .first()
      .click()
      .catch(() => undefined);
    if (await page.getByTestId("findings-toggle").count()) await openFindings(page);
    const { sw, cw } = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      cw: document.documentElement.clientWidth,
    }));
    await page.screenshot({ path: path.join(ARTIFACTS, `five-zoom200-${file}.png`), fullPage: true });
    assert.ok(sw <= cw, `${file}: scrollWidth ${sw} > ${cw}`);
    await context.close();
  }
});

// ---------- revocation through the organisation's relay (issue #14) ----------
// The pane built with SMIME_ASSISTANT_REVOCATION_RELAY (into build/pane-relay/, not dist/) and the
// revocation fixtures' CA as the organisation's root; scripts/relay.mjs on 127.0.0.1; the fixtures'
// certificates name http://127.0.0.1:18081/ca.crl (CRL, a stand-in server) and http://127.0.0.1:18082/
// (OCSP, OpenSSL's own responder, started and stopped by PID), as in test/cli/revocation.test.ts.
const REVOCATION = path.join(ROOT, "test", "fixtures", "generated", "revocation");
const RELAY_PORT = 18093;
const RELAY_ORIGIN = `http://127.0.0.1:${RELAY_PORT}`;
const RELAY_DIST = path.join(ROOT, "build", "pane-relay");

/** Builds the relay pane when it is missing or older than dist/ (which ensureBuilt keeps current). */
function ensureRelayBuilt() {
  const marker = path.join(RELAY_DIST, "taskpane.html");
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const dist = fs.statSync(path.join(ROOT, "dist", "taskpane.html")).mtimeMs;
  if (built && built >= dist && fs.readFileSync(marker, "utf8").includes(RELAY_ORIGIN)) return;
  console.error("# building build/pane-relay/ (the pane with a revocation relay)…");
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
      "--output-path",
      RELAY_DIST,
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", process.stderr],
      env: {
        ...process.env,
        SMIME_ASSISTANT_REVOCATION_RELAY: RELAY_ORIGIN,
        SMIME_ASSISTANT_TRUST_ANCHORS: path.join(REVOCATION, "pki", "ca.pem"),
      },
    },
  );
  assert.equal(r.status, 0, "the relay pane's build failed");
}

/** Starts a child process and waits for `ready` on its stdout; returns it (stopped by PID later). */
async function startChild(cmd, args, env, ready) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start: ${out}`)), 15_000);
    child.stdout.on("data", (c) => {
      out += c.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on("data", (c) => (out += c.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code}): ${out}`));
    });
  });
  return { child, log: () => out };
}

async function stopChild(child) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  process.kill(child.pid);
  await gone;
}

/** What `smime-assistant diagnose --revocation` says of a message: its findings (JSON) and its summary. */
function cliDiagnose(file, lang) {
  const args = [
    path.join(ROOT, "bin", "smime-assistant.js"),
    "diagnose",
    "--no-default-anchors",
    "--trust-anchor",
    path.join(REVOCATION, "pki", "ca.pem"),
    "--revocation",
    "--lang",
    lang,
  ];
  const json = spawnSync(process.execPath, [...args, "--json", path.join(REVOCATION, file)], {
    encoding: "utf8",
  });
  const human = spawnSync(process.execPath, [...args, path.join(REVOCATION, file)], { encoding: "utf8" });
  assert.equal(json.status, 0, json.stderr);
  const [d] = JSON.parse(json.stdout);
  const summary = /^ {2}(?:結論|summary): \[(\w+)\] (.+)$/m.exec(human.stdout);
  assert.ok(summary, human.stdout);
  return { codes: d.findings.map((f) => f.code), level: summary[1], headline: summary[2] };
}

test("Revocation through the relay (built pane, Chromium): the pane says what diagnose --revocation says (CERT_REVOKED with date and reason; REVOCATION_GOOD); the CSP allows exactly the relay", async () => {
  ensureRelayBuilt();
  const pki = (f) => path.join(REVOCATION, "pki", f);
  const crlHits = [];
  const crl = http.createServer((req, res) => {
    crlHits.push(req.url);
    res.writeHead(200, { "content-type": "application/pkix-crl" });
    res.end(fs.readFileSync(path.join(REVOCATION, "crl", "ca.crl")));
  });
  await new Promise((resolve, reject) => {
    crl.once("error", reject);
    crl.listen(18081, "127.0.0.1", resolve);
  });
  const pane = await serve(
    {
      "/__fixtures__/extra/revoked-before.eml": fs.readFileSync(path.join(REVOCATION, "revoked-before.eml")),
      "/__fixtures__/extra/good.eml": fs.readFileSync(path.join(REVOCATION, "good.eml")),
    },
    { dist: RELAY_DIST },
  );
  const children = [];
  try {
    const ocsp = await startChild(
      "openssl",
      [
        "ocsp",
        "-index",
        pki("index.txt"),
        "-port",
        "18082",
        "-rsigner",
        pki("ocsp.pem"),
        "-rkey",
        pki("ocsp.key"),
        "-CA",
        pki("ca.pem"),
        "-nmin",
        "5",
      ],
      {},
      /ACCEPT/,
    );
    children.push(ocsp.child);
    const relay = await startChild(
      process.execPath,
      [path.join(ROOT, "scripts", "relay.mjs")],
      { RELAY_HOST: "127.0.0.1", RELAY_PORT: String(RELAY_PORT), RELAY_ALLOW_ORIGIN: pane.origin },
      /listening/,
    );
    children.push(relay.child);

    for (const [file, lang, code, findingCode] of [
      ["revoked-before.eml", "ja", "CERT_REVOKED", "CERT_REVOKED"],
      ["good.eml", "en", "SIGNED_OK", "REVOCATION_GOOD"],
    ]) {
      const context = await browser.newContext({
        locale: lang === "ja" ? "ja-JP" : "en-US",
        viewport: { width: 320, height: 600 },
      });
      const external = await isolate(context, STUB);
      const origins = new Set();
      context.on("request", (r) => origins.add(new URL(r.url()).origin));
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(
        (cfg) => {
          window.__csp = [];
          document.addEventListener("securitypolicyviolation", (e) =>
            window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
          window.__OFFICE_STUB__ = cfg;
        },
        {
          displayLanguage: lang === "ja" ? "ja-JP" : "en-US",
          mailbox: "1.14",
          item: {
            itemClass: "IPM.Note.SMIME.MultipartSigned",
            subject: "revocation",
            attachments: [],
            emlUrl: `/__fixtures__/extra/${file}`,
          },
        },
      );
      await page.goto(`${pane.origin}/taskpane.html`);
      // the CSP lets the page reach exactly its own origin and the relay
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      const connect = /connect-src ([^;]+)/
        .exec(csp ?? "")?.[1]
        ?.trim()
        .split(/\s+/);
      assert.deepEqual(connect, ["'self'", RELAY_ORIGIN], `connect-src: ${csp}`);

      const verdict = page.locator(`[data-testid=verdict][data-code=${code}]`);
      await verdict.waitFor({ timeout: 30_000 });
      const cli = cliDiagnose(file, lang);
      const headline = await page.getByTestId("verdict-headline").innerText();
      // the same verdict (who vouched, in the what-to-do line, differs by design: the pane's organisation
      // root, the CLI's --trust-anchor)
      assert.equal(headline, cli.headline, `${file}: the pane's headline is the CLI's summary`);
      assert.equal(await verdict.getAttribute("data-level"), cli.level, `${file}: level`);
      const paneCodes = ((await page.getByTestId("findings").getAttribute("data-codes")) ?? "").split(" ");
      assert.ok(
        paneCodes.includes(findingCode) && cli.codes.includes(findingCode),
        `${file}: ${paneCodes} / ${cli.codes}`,
      );
      assert.deepEqual(
        paneCodes.filter((c) => /^(CERT_REVOKED|REVOCATION_)/.test(c)),
        cli.codes.filter((c) => /^(CERT_REVOKED|REVOCATION_)/.test(c)),
        `${file}: the same revocation findings`,
      );
      const line = page.getByTestId("signer-revocation").first();
      if (code === "CERT_REVOKED") {
        assert.match(
          headline,
          /^署名者の電子証明書は署名より前に失効しています（\d{4}年\d{1,2}月\d{1,2}日）$/,
        );
        assert.match(await page.getByTestId("verdict-sentence").innerText(), /失効理由：利用の終了/);
        assert.match(
          await line.innerText(),
          /^失効しています（\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d、理由：利用の終了）。このメールの署名より前です$/,
        );
        assert.equal(await page.getByTestId("trust-badge").first().innerText(), "失効");
        // the help desk's detail: the responder's URL and local times
        const item = await openFinding(page, "CERT_REVOKED");
        const tech = await item.getByTestId("revocation-technical").innerText();
        assert.match(tech, /URL\s*http:\/\/127\.0\.0\.1:18082\//);
        assert.match(tech, /失効日時\s*\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d/);
        assert.doesNotMatch(tech, /\d{4}-\d\d-\d\dT/);
        await page.screenshot({ path: path.join(ARTIFACTS, "relay-revoked-ja.png"), fullPage: true });
      } else {
        assert.equal(await line.getAttribute("data-state"), "good");
        assert.match(
          await page.getByTestId("verdict-sentence").innerText(),
          /verified with your organisation's root certificates\. The certificate was not revoked when it was signed\./,
        );
        assert.match(
          await line.innerText(),
          /^Not revoked \(checked with OCSP, as of \d{1,2} \w{3} \d{4}, \d\d:\d\d, answered by .*OCSP Responder.*\)$/,
        );
        await page.screenshot({ path: path.join(ARTIFACTS, "relay-good-en.png"), fullPage: true });
      }
      // the page itself reached only its own origin and the relay: the CRL/OCSP URLs are the relay's to fetch
      assert.deepEqual(
        [...origins].filter((o) => o !== pane.origin && o !== RELAY_ORIGIN && o.startsWith("http://127.")),
        [],
        `origins the page reached: ${[...origins]}`,
      );
      assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
      assert.deepEqual(external, [], "requests beyond loopback");
      assert.deepEqual(errors, [], "page errors");
      await context.close();
    }
    // the relay logged what it fetched, never the certificate
    assert.match(relay.log(), /POST 200 ocsp 127\.0\.0\.1:18082/);
    assert.doesNotMatch(relay.log(), /MII|good@example|Gina|Rob/);
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    await pane.close();
    await new Promise((r) => crl.close(r));
  }
});

let passed = 0;
let failed = 0;
let n = 0;
for (const t of tests) {
  if (filter && !t.name.toLowerCase().includes(filter.toLowerCase())) continue;
  n++;
  const started = Date.now();
  try {
    await t.fn();
    passed++;
    console.log(`ok ${n} - ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok ${n} - ${t.name} (${Date.now() - started} ms)`);
    // what the pane showed when it failed (every open page of every context), for the CI log's reader
    for (const [i, c] of browser.contexts().entries()) {
      for (const [j, pg] of c.pages().entries())
        await pg
          .screenshot({ path: path.join(ARTIFACTS, `FAILED-${n}-${i}-${j}.png`), fullPage: true })
          .catch(() => undefined);
      await c.close().catch(() => undefined);
    }
    console.log(
      String(e && e.stack ? e.stack : e)
        .split("\n")
        .slice(0, 12)
        .map((l) => `#   ${l}`)
        .join("\n"),
    );
  }
}
await browser.close();
await close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && n > 0 ? 0 : 1);
