// npm run bench:pane — the task pane's budgets, measured in headless Debian Chromium on the production
// build (built first when missing or stale):
//   1. initial JavaScript: gzip size of the same-origin JavaScript taskpane.html loads before any user
//      action (standalone page; Office.js itself is Microsoft's CDN script and not counted). Target ≤ 250 KB.
//   2. time from navigation start to the verdict on screen for a typical signed message read through the
//      Office.js stand-in (rung eml), and to the last spinner gone (the guidance and self-test chunks in
//      place), median of BENCH_RUNS (9) runs. Each run is paired with a BASELINE page load in the same
//      browser: a fixed page (nothing of the product in it) with the Office.js stand-in and 600 kB of
//      generated JavaScript, parsed but not run (wrapped in a function that is never called), up to that
//      script's end.
//      The budget is a RATIO, verdict ÷ baseline (medians), so that a loaded machine, which slows both,
//      does not hide a regression: ≤ RATIO_BUDGET, set from 300 ms for the verdict on an idle machine
//      (BENCHMARKS.md). Each timed page is opened, left SETTLE_MS for the browser's own start-up work, and
//      only then navigated. The 500 ms absolute target of before is printed as well. Beside it, not budgeted,
//      the everyday cases: in the same page, another message selected (ItemChanged) and then the first one
//      again (the pane pinned, its worker running), and the pane opened a third time in the same browser
//      profile (HTTP cache and V8's code cache warm).
//   3. responsiveness on a 50 MB message (Outlook mode, stand-in): the longest gap between 20 ms timer
//      ticks on the main thread while the message is analysed in the worker, and while it is read from
//      Office (base64 decoding on the main thread), median of BENCH_BIG_RUNS (3; 0 skips it) runs. Target
//      ≤ 200 ms while analysing. (The browser test checks the mechanism — the analysis runs in the
//      worker — and asserts no time.)
/* global window, document, setInterval, MutationObserver, PerformanceObserver */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  bigMessage,
  ensureBuilt,
  isolate,
  requireChromium,
  serve,
} from "../test/browser/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 9);
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
/**
 * Verdict ÷ baseline page load (medians of the same run): 300 ms for the verdict on an idle machine ÷ the
 * fixed baseline page measured there by this bench, 62 ms (median of seven benches on 2026-12-03, each page
 * opened after SETTLE_MS) ≈ 4.8. The 1.75 used before was 300 ms ÷ a 172 ms baseline of 2026-12-02: the
 * pane's own page and entry bytes, measured while Chromium loaded its omnibox WebUI beside each page
 * (SETTLE_MS). On this bench 1.75 would mean ~110 ms, not 300 (BENCHMARKS.md, sixth round).
 */
const RATIO_BUDGET = Number(process.env.BENCH_RATIO_BUDGET || 4.8);
const KB = 1000;
/**
 * Pages open at the size of Outlook's task pane (400 × 800 CSS px, the wider of the widths the browser tests
 * use), not Playwright's default 1280 × 720: the browser lays out and rasterises what a user's pane shows.
 * BENCH_VIEWPORT=1280x720 measures the old way.
 */
const VIEWPORT = (() => {
  const m = /^(\d+)x(\d+)$/.exec(process.env.BENCH_VIEWPORT ?? "400x800");
  if (!m) throw new Error("BENCH_VIEWPORT: WIDTHxHEIGHT, e.g. 400x800");
  return { width: Number(m[1]), height: Number(m[2]) };
})();
/** The read pane as Outlook opens it: the manifests' URL (BENCH_PANE_QUERY="" for an older manifest's). */
const READ_PANE = `/taskpane.html${process.env.BENCH_PANE_QUERY ?? "?mode=read"}`;

requireChromium();
ensureBuilt({ quiet: true });
const STUB = fs.readFileSync(path.join(ROOT, "test", "browser", "office-stub.js"), "utf8");
// The baseline page, FIXED: nothing in it comes from the product, so that the yardstick does not move when
// the pane does (until 2026-12-03 it was taskpane.html with the entry's own bytes, which grew with the
// entry and loosened the ratio). A small page with the same Office.js <script> as the pane (the stand-in is
// an init script; the CDN request fails at once), the product name as its first text, and a deferred script
// of BASELINE_KB of generated JavaScript, wrapped in a function that is never called (parsed, not run),
// which ends with a User Timing mark.
const BASELINE_KB = 600;
const baselineHtml = [
  "<!doctype html>",
  '<html lang="en"><head><meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title>',
  '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
  '<script defer src="__baseline__.js"></script>',
  '</head><body style="margin: 0"><h1 style="margin: 0; padding: 12px; font: 600 20px/28px sans-serif">',
  "S/MIME Assistant</h1></body></html>",
].join("\n");
/** BASELINE_KB of minified-looking JavaScript, the same bytes every time. */
function baselineScript() {
  const parts = ["(function () {"];
  let size = 0;
  for (let i = 0; size < BASELINE_KB * KB; i++) {
    const f =
      `function f${i}(e,t){const n=e[${i % 7}]??t;if(n>${i}){return{a:n,b:"k${i}",c:[n,${i},t]}}` +
      `for(let r=0;r<n;r++)t+=r*${i % 13};return t.map?t.map(function(o){return o+${i}}):t}`;
    parts.push(f);
    size += f.length;
  }
  parts.push("});", 'performance.mark("smime-baseline");', 'console.log("smime-bench:baseline");');
  return parts.join("\n");
}
const baselineJs = baselineScript();
const { origin, close } = await serve({
  "/__baseline__.html": Buffer.from(baselineHtml),
  "/__baseline__.js": Buffer.from(baselineJs),
});
/**
 * How the pages are kept off the network. "dns" (the default): Chromium resolves no host name but 127.0.0.1,
 * and the Office.js stand-in is an init script (the page's Office.js <script> then fails at once, as it
 * does on the standalone page). No request is intercepted, so the browser's cache works as in Outlook (the
 * content-hashed scripts may be cached) and no request waits for the DevTools client. "route":
 * the browser tests' isolate() (every request paused and decided by Playwright, which turns the HTTP cache
 * off), as bench:pane measured before 2026-12-02 (BENCHMARKS.md).
 */
const ISOLATION = process.env.BENCH_ISOLATION === "route" ? "route" : "dns";
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    ...CHROMIUM_ARGS,
    ...(ISOLATION === "dns" ? ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] : []),
  ],
  headless: true,
});
/**
 * Isolates a context; with officeJs, Office.js is the stand-in, run after the init scripts given as
 * [fn, arg] (the stand-in's configuration).
 */
async function offline(context, officeJs, ...init) {
  for (const [fn, arg] of init) await context.addInitScript(fn, arg);
  if (ISOLATION === "route") return isolate(context, officeJs);
  if (officeJs !== undefined) await context.addInitScript(officeJs);
  return [];
}

/** Same-origin JS responses (pages and workers) while fn runs: [{ url, raw, gzip }]. */
async function jsLoaded(context, fn) {
  const seen = new Map();
  const reading = [];
  const onResponse = (res) => reading.push(read(res));
  const read = async (res) => {
    const url = res.url();
    if (!url.startsWith(origin) || !/\.m?js(\?|$)/.test(url)) return;
    try {
      const body = await res.body();
      seen.set(url, {
        url: url.slice(origin.length),
        // <link rel="prefetch"> downloads (type "other"): fetched at low priority, not run
        prefetch: res.request().resourceType() !== "script",
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
  // the bodies still being read when the page said it was complete
  await Promise.all(reading);
  return [...seen.values()];
}

const sum = (list, k) => list.reduce((a, x) => a + x[k], 0);

// 1. initial JavaScript, standalone page, no user action
const ctx1 = await browser.newContext({ viewport: VIEWPORT });
await offline(ctx1, undefined);
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
const baselines = [];
const settledTimes = [];
const chunkStarts = [];
const pinned = [];
const reopened = [];
let paintedRuns = 0;
let officeJs = [];
/**
 * The verdict's paint, as the browser reports it: Element Timing's renderTime for the first headline painted
 * (elementtiming="smime-verdict": in the read pane, the one the boot script draws before the pane's entry
 * loads, src/taskpane/firstVerdict.ts, which waits for this very report; else VerdictBanner.tsx's, which
 * replaces it with the same words). The pane's own "smime-verdict" mark is set in an effect
 * after React's commit, which may run before the paint (a synchronous render runs its effects at once): it is
 * used only where there is no element entry (another message in the same page reuses the headline element).
 * And the moment the pane shows a verdict with no spinner or progress bar left (DOM time; reset when one
 * reappears).
 *
 * The page says when all of that is in with a console message ("smime-bench:complete"), which the bench
 * waits for: it makes no Playwright call into the page until then. Playwright's waitForFunction and locators
 * inject Playwright's own script into the page on their first use, ~10–15 ms of the main thread, which
 * landed in the middle of the pane's path to the verdict (the same build: 216 ms with them, 172 ms without;
 * BENCHMARKS.md). The baseline page says "smime-bench:baseline" the same way.
 */
const watchSpinners = () => {
  window.__verdictPaint = undefined;
  window.__settled = undefined;
  let told = false;
  let fallback;
  const complete = () => {
    if (told || window.__settled === undefined) return;
    if (!document.querySelector("[data-testid=faq-disclosure]")) return;
    if (!document.querySelector("[data-testid=self-test]")) return;
    const tell = () => {
      if (told) return;
      told = true;
      console.log("smime-bench:complete");
    };
    // the headline's element entry is delivered a moment after its paint; without one, the mark is used
    if (window.__verdictPaint !== undefined) tell();
    else fallback ??= setTimeout(tell, 2000);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.identifier === "smime-verdict") window.__verdictPaint ??= e.renderTime || e.loadTime;
      complete();
    }).observe({ type: "element", buffered: true });
  } catch {
    // no Element Timing: the mark is used
  }
  new MutationObserver(() => {
    const verdict = document.querySelector("[data-testid=verdict]");
    const busy = document.querySelector(".fui-Spinner, [role=progressbar], [data-testid=progress]");
    if (verdict && !busy) window.__settled ??= performance.now();
    else window.__settled = undefined;
    complete();
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

/**
 * Headless Chromium (156 here) loads the omnibox popup's WebUI (chrome://omnibox-popup.top-chrome/, two
 * pages, lit and the "composebox" scripts) in a renderer of its own for each new window, that is for each
 * browser context's first page, at the very moment the page under test loads: on the 2-core machine it
 * made the pane's verdict ~50 ms later. Outlook's WebView2 has no omnibox. Each timed page (baseline and pane alike) therefore waits
 * SETTLE_MS after it is opened, before it navigates (BENCHMARKS.md, sixth round). BENCH_SETTLE_MS=0 measures
 * the old way.
 */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 500);
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** Navigates page to url and waits for the page's own console message (no Playwright call into the page). */
async function openAndWait(page, url, message) {
  const said = page.waitForEvent("console", { predicate: (m) => m.text() === message, timeout: 30_000 });
  await page.goto(url, { waitUntil: "commit" });
  await said;
}
for (let i = 0; i < RUNS + 2; i++) {
  // baseline, then the pane, in fresh contexts of the same browser: both see the same load
  const bctx = await browser.newContext({ viewport: VIEWPORT });
  await offline(bctx, STUB, [
    (c) => {
      window.__OFFICE_STUB__ = c;
    },
    cfg,
  ]);
  const bpage = await bctx.newPage();
  await settle();
  await openAndWait(bpage, `${origin}/__baseline__.html`, "smime-bench:baseline");
  const base = await bpage.evaluate(() => performance.getEntriesByName("smime-baseline")[0].startTime);
  await bctx.close();

  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await offline(ctx, STUB, [
    (c) => {
      window.__OFFICE_STUB__ = c;
    },
    cfg,
  ]);
  await ctx.addInitScript(watchSpinners);
  const page = await ctx.newPage();
  await settle();
  // The last run only records what JavaScript was loaded (reading the response bodies goes through the
  // DevTools protocol and costs the browser time): it is not timed.
  const sizes = i === RUNS + 1;
  // the verdict view complete: the verdict painted, the guidance (faq chunk) and the self-test (setup chunk)
  // in place, no spinner left (watchSpinners)
  const run = () => openAndWait(page, `${origin}${READ_PANE}`, "smime-bench:complete");
  if (sizes) {
    officeJs = await jsLoaded(ctx, run);
    await ctx.close();
    continue;
  }
  await run();
  const r = await page.evaluate(() => {
    const m = performance.getEntriesByName("smime-verdict")[0];
    const start = (re) =>
      performance
        .getEntriesByType("resource")
        .filter((e) => re.test(e.name))
        .map((e) => e.startTime)[0] ?? NaN;
    return {
      verdict: window.__verdictPaint ?? (m ? m.startTime : NaN),
      painted: window.__verdictPaint !== undefined,
      settled: window.__settled,
      faq: start(/\/faq\.[^/]*\.js$/),
      setup: start(/\/setup\.[^/]*\.js$/),
    };
  });
  if (i > 0) {
    // the first run warms the OS file cache
    times.push(r.verdict);
    if (r.painted) paintedRuns++;
    baselines.push(base);
    settledTimes.push(Math.max(r.verdict, r.settled));
    chunkStarts.push(r);
    // The everyday cases, reported beside the first open (not budgeted): the pane pinned, another message
    // selected (ItemChanged) and then this one again, with the page and its worker running; and the pane
    // opened again in the same browser profile, twice (HTTP cache warm; V8 keeps compiled code from the
    // second load of a script on, so the third open is what a user who opens the pane every day gets).
    const select = async (file) => {
      const t0 = await page.evaluate((url) => {
        const t = performance.now();
        window.__officeStub.setItem({
          itemClass: "IPM.Note",
          subject: "bench",
          attachments: [],
          emlUrl: url,
        });
        window.__officeStub.fire("olkItemSelectedChanged");
        return t;
      }, `/__fixtures__/samples/${file}`);
      await page.waitForFunction(
        (t) => (performance.getEntriesByName("smime-verdict").at(-1)?.startTime ?? 0) > t,
        t0,
        { timeout: 30_000 },
      );
      return (await page.evaluate(() => performance.getEntriesByName("smime-verdict").at(-1).startTime)) - t0;
    };
    pinned.push({ other: await select("sample-tampered.eml"), again: await select("sample-signed.eml") });
    await run();
    await run();
    reopened.push(
      await page.evaluate(
        () => window.__verdictPaint ?? performance.getEntriesByName("smime-verdict")[0].startTime,
      ),
    );
  }
  await ctx.close();
}
// 3. main-thread stalls on a 50 MB message
const big = BIG_RUNS > 0 ? bigMessage() : undefined;
const stalls = [];
for (let i = 0; i < BIG_RUNS; i++) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await offline(ctx, STUB, [
    (c) => {
      window.__OFFICE_STUB__ = c;
      window.__gaps = [];
      let last = performance.now();
      let before;
      setInterval(() => {
        const now = performance.now();
        // a gap belongs to the phase shown when it began: the pane re-renders with its next phase right
        // after a long task, before this timer runs, so the phase read now would be the next one's
        // no pane yet: its first frame waits for the message's answer (up to 400 ms, index.tsx), so the
        // message is being read
        const phase = document.querySelector("[data-testid=app]")?.getAttribute("data-phase") ?? "reading";
        window.__gaps.push({ gap: now - last, phase: before ?? phase });
        before = phase;
        last = now;
      }, 20);
    },
    { ...cfg, item: { ...cfg.item, emlUrl: big?.url } },
  ]);
  const page = await ctx.newPage();
  await settle();
  await page.goto(`${origin}${READ_PANE}`);
  await page.locator("[data-testid=app][data-phase=done]").waitFor({ timeout: 180_000 });
  const gaps = await page.evaluate(() => window.__gaps);
  const worst = (ph) => Math.max(0, ...gaps.filter((g) => g.phase === ph).map((g) => g.gap));
  stalls.push({ analysing: worst("analysing"), reading: worst("reading") });
  await ctx.close();
}
await browser.close();
await close();

const medianOf = (list) => {
  const v = [...list].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
const range = (list) => `${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}`;
const median = medianOf(times);
const baseline = medianOf(baselines);
const settled = medianOf(settledTimes);
const ratio = median / baseline;
const initialRun = initial.filter((f) => !f.prefetch);
const initialPrefetched = initial.filter((f) => f.prefetch);
const initialGz = sum(initialRun, "gzip");
let load = "";
try {
  load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
} catch {
  // not Linux
}
console.log(`Load average at the end: ${load || "unknown"}`);
console.log("Initial JavaScript (standalone page, before any user action):");
for (const f of initialRun)
  console.log(`  ${f.url}  ${(f.raw / KB).toFixed(1)} kB raw, ${(f.gzip / KB).toFixed(1)} kB gzip`);
console.log(
  `  prefetched at low priority, not run: ${(sum(initialPrefetched, "gzip") / KB).toFixed(1)} kB gzip in ${initialPrefetched.length} files`,
);
console.log(
  `  total ${(initialGz / KB).toFixed(1)} kB gzip (target ≤ 250 kB): ${initialGz <= 250 * KB ? "OK" : "OVER BUDGET"}`,
);
console.log(
  `Outlook mode, everything loaded up to the verdict view complete (incl. the engine worker and lazy chunks): ${(sum(officeJs, "gzip") / KB).toFixed(1)} kB gzip in ${officeJs.length} files`,
);
console.log(
  `Typical signed message (sample-signed.eml, Outlook mode, ${RUNS} runs, medians, pages at ${VIEWPORT.width} × ${VIEWPORT.height} px):`,
);
console.log(
  `  baseline page load (fixed page, ${(baselineJs.length / KB).toFixed(0)} kB of generated JavaScript parsed, not run): ${baseline.toFixed(0)} ms (${range(baselines)})`,
);
console.log(
  `  navigation → verdict on screen (the headline's paint, Element Timing, in ${paintedRuns} of ${times.length} runs; else the pane's mark): ${median.toFixed(0)} ms (${range(times)}); ratio to baseline ${ratio.toFixed(2)} (budget ≤ ${RATIO_BUDGET.toFixed(2)}): ${ratio <= RATIO_BUDGET ? "OK" : "OVER BUDGET"}; absolute, for reference: ${median <= 300 ? "≤ 300 ms" : median <= 500 ? "≤ 500 ms" : "> 500 ms"}`,
);
console.log(
  `  navigation → last spinner gone (guidance and self-test in place): ${settled.toFixed(0)} ms (${range(settledTimes)}); ratio to baseline ${(settled / baseline).toFixed(2)}`,
);
// how long before the verdict each chunk was requested (without the early load, lazy() asks for them only
// while the verdict view renders, a few ms before the verdict's mark)
const lead = (k) => medianOf(chunkStarts.map((r) => r.verdict - r[k]));
console.log(
  `  chunks of the verdict view requested before the verdict (median lead): faq ${lead("faq").toFixed(0)} ms, setup ${lead("setup").toFixed(0)} ms`,
);
console.log(
  `  the everyday cases (not budgeted): pane pinned, another message selected → verdict ${medianOf(pinned.map((x) => x.other)).toFixed(0)} ms (${range(pinned.map((x) => x.other))}), the first one again ${medianOf(pinned.map((x) => x.again)).toFixed(0)} ms; pane opened a third time in the same browser profile (HTTP and V8 code caches warm): navigation → verdict ${medianOf(reopened).toFixed(0)} ms (${range(reopened)}), ratio to baseline ${(medianOf(reopened) / baseline).toFixed(2)}`,
);
let stallAnalysing = 0;
if (big) {
  const med = (k) => medianOf(stalls.map((x) => x[k]));
  stallAnalysing = med("analysing");
  console.log(
    `50 MB message (${(big.size / 1e6).toFixed(1)} MB, ${BIG_RUNS} runs): longest main-thread stall while analysing in the worker: median ${stallAnalysing.toFixed(0)} ms (runs: ${stalls.map((x) => x.analysing.toFixed(0)).join(", ")}; target ≤ 200 ms): ${stallAnalysing <= 200 ? "OK" : "OVER BUDGET"}; while reading from Office (base64 → bytes on the main thread): median ${med("reading").toFixed(0)} ms`,
  );
}
if (!Number.isFinite(median) || !Number.isFinite(baseline) || initial.length === 0) process.exit(1);
if (initialGz > 250 * KB || ratio > RATIO_BUDGET || !(stallAnalysing <= 200)) process.exit(1);
