// npm run bench:pane — the task pane's two budgets, measured in headless Debian Chromium on the production
// build (built first when missing or stale):
//   1. initial JavaScript: gzip size of the same-origin JavaScript taskpane.html loads before any user
//      action (standalone page; Office.js itself is Microsoft's CDN script and not counted). Target ≤ 250 KB.
//   2. time from navigation start to the verdict on screen for a typical signed message read through the
//      Office.js stand-in (rung eml), median of several runs. Target ≤ 500 ms.
/* global window */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  ensureBuilt,
  isolate,
  requireChromium,
  serve,
} from "../test/browser/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 9);
const KB = 1000;

requireChromium();
ensureBuilt({ quiet: true });
const STUB = fs.readFileSync(path.join(ROOT, "test", "browser", "office-stub.js"), "utf8");
const { origin, close } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** Same-origin JS responses (pages and workers) while fn runs: [{ url, raw, gzip }]. */
async function jsLoaded(context, fn) {
  const seen = new Map();
  const onResponse = async (res) => {
    const url = res.url();
    if (!url.startsWith(origin) || !/\.m?js(\?|$)/.test(url)) return;
    try {
      const body = await res.body();
      seen.set(url, {
        url: url.slice(origin.length),
        raw: body.length,
        gzip: zlib.gzipSync(body, { level: 9 }).length,
      });
    } catch {
      // body unavailable (aborted)
    }
  };
  context.on("response", onResponse);
  await fn();
  context.off("response", onResponse);
  return [...seen.values()];
}

const sum = (list, k) => list.reduce((a, x) => a + x[k], 0);

// 1. initial JavaScript, standalone page, no user action
const ctx1 = await browser.newContext();
await isolate(ctx1, undefined);
const page1 = await ctx1.newPage();
const initial = await jsLoaded(ctx1, async () => {
  await page1.goto(`${origin}/taskpane.html`, { waitUntil: "networkidle" });
  await page1.getByTestId("standalone").waitFor();
  await page1.waitForTimeout(500);
});
await ctx1.close();

// 2. navigation → verdict, Outlook mode (stand-in), typical signed message
const cfg = {
  displayLanguage: "en-US",
  mailbox: "1.14",
  item: {
    itemClass: "IPM.Note.SMIME.MultipartSigned",
    subject: "bench",
    attachments: [],
    emlUrl: "/__fixtures__/samples/sample-signed.eml",
  },
};
const times = [];
let officeJs = [];
for (let i = 0; i < RUNS + 1; i++) {
  const ctx = await browser.newContext();
  await isolate(ctx, STUB);
  await ctx.addInitScript((c) => {
    window.__OFFICE_STUB__ = c;
  }, cfg);
  const page = await ctx.newPage();
  const loaded = await jsLoaded(ctx, async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByTestId("verdict").waitFor({ timeout: 30_000 });
  });
  const ms = await page.evaluate(() => {
    const m = performance.getEntriesByName("smime-verdict")[0];
    return m ? m.startTime : NaN;
  });
  if (i > 0) times.push(ms); // the first run warms the OS file cache
  if (i === 1) officeJs = loaded;
  await ctx.close();
}
await browser.close();
await close();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const initialGz = sum(initial, "gzip");
console.log("Initial JavaScript (standalone page, before any user action):");
for (const f of initial)
  console.log(`  ${f.url}  ${(f.raw / KB).toFixed(1)} kB raw, ${(f.gzip / KB).toFixed(1)} kB gzip`);
console.log(
  `  total ${(initialGz / KB).toFixed(1)} kB gzip (target ≤ 250 kB): ${initialGz <= 250 * KB ? "OK" : "OVER BUDGET"}`,
);
console.log(
  `Outlook mode, everything loaded up to the verdict (incl. the engine worker and lazy chunks): ${(sum(officeJs, "gzip") / KB).toFixed(1)} kB gzip in ${officeJs.length} files`,
);
console.log(
  `Navigation → verdict, typical signed message (sample-signed.eml, ${RUNS} runs): median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms (target ≤ 500 ms): ${median <= 500 ? "OK" : "OVER BUDGET"}`,
);
if (!Number.isFinite(median) || initial.length === 0) process.exit(1);
