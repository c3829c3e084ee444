/**
 * The read pane's first verdict, drawn by the boot script (boot.ts) with a few DOM calls, before the pane's
 * entry (React and Fluent UI, ~640 kB) has even been loaded (issue #15: the verdict on screen within 300 ms
 * on an idle 2-core machine, BENCHMARKS.md).
 *
 * Why by hand: the entry's compile and run and React's first render are what kept the verdict late. On two
 * cores they also slowed the worker's check (the same check took ~30 ms with the main thread idle and ~80
 * ms beside the entry) and held the message on its way to the worker (Chromium routes a message posted to a
 * worker that has not yet run its script through the page's main thread). So, in the read pane, the boot
 * script reads the message (office/earlyRead.ts), has the worker check it and word its verdict (the pane's
 * own verdictOf, analysisRequest.ts), draws the headline and the what-to-do line in the look of VerdictBanner, and
 * only then loads the entry. The entry's view adopts the same Diagnosis (earlyCheck.ts) and replaces this
 * one with the full view, the same headline in the same place; it is the view that announces the verdict
 * (App's live region), so it is announced once.
 *
 * The entry is loaded at once when there is nothing to draw first: not a read pane, no early read (an older
 * Outlook, compose), a failed read, a message over FIRST_VERDICT_MAX_CHARS of base64 (its progress bar is
 * the pane's), a worker that fails, or a failed signature in classic Outlook for Windows (the pane may take
 * a second look there, office/secondLook.ts, and could show another verdict: none is drawn that could be
 * taken back). In every case it is loaded by ENTRY_DEADLINE_MS after the boot script ran, so a slow check
 * gets the pane's progress, and a check still running then is taken over under its time limit.
 */
import type { Host } from "../faq/types";
import type { AsyncResultLike } from "../office/officeGlobal";
import { decodeOfficeBase64 } from "../office/base64";
import { FONT_FAMILY, localizeBootTitle } from "./bootTitle";
import { offerEarlyCheck, type EarlyCheckOffer } from "./earlyCheck";
import { BIG_MESSAGE_BASE64 } from "./sizes";
import type { Lang } from "./i18n/index";
import type { AnalyseRequest, AnalyseResponse, FirstVerdictReply } from "./analysisRequest";

/** Above this much base64 (a message over BIG_MESSAGE, 1 MiB) the pane's progress bar comes first. */
export const FIRST_VERDICT_MAX_CHARS = BIG_MESSAGE_BASE64;
/** The entry is loaded by this long after the boot script ran, whatever the check is doing. */
export const ENTRY_DEADLINE_MS = 500;
/** The boot script's request id (the pane's supervisor numbers its own from 1). */
export const FIRST_VERDICT_ID = 0;

/**
 * Fluent UI's colours for VerdictBanner's levels (webLightTheme / webDarkTheme), copied so that the boot
 * script does not carry the themes; a test checks them against @fluentui/tokens.
 */
export const BANNER_COLOURS = {
  light: {
    safe: { background: "#f1faf1", border: "#107c10", icon: "#0e700e" },
    caution: { background: "#fffef5", border: "#da3b01", icon: "#c43501" },
    danger: { background: "#fdf6f6", border: "#d13438", icon: "#bc2f32" },
    info: { background: "#f5f5f5", border: "#0f6cbd", icon: "#0f6cbd" },
    page: { background: "#ffffff", text: "#242424" },
  },
  dark: {
    safe: { background: "#052505", border: "#9fd89f", icon: "#54b054" },
    caution: { background: "#4c4400", border: "#e9835e", icon: "#e9835e" },
    danger: { background: "#3f1011", border: "#e37d80", icon: "#e37d80" },
    info: { background: "#141414", border: "#479ef5", icon: "#479ef5" },
    page: { background: "#292929", text: "#ffffff" },
  },
} as const;

/** The 24 px filled icons VerdictBanner shows (@fluentui/react-icons; a test checks them against it). */
export const BANNER_ICONS = {
  safe: "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20m3.22 6.97-4.47 4.47-1.97-1.97a.75.75 0 0 0-1.06 1.06l2.5 2.5c.3.3.77.3 1.06 0l5-5a.75.75 0 1 0-1.06-1.06",
  caution:
    "M9.14 3.7a3.25 3.25 0 0 1 5.72 0l6.74 12.5a3.25 3.25 0 0 1-2.86 4.8H5.25a3.25 3.25 0 0 1-2.86-4.8zM12 15a1 1 0 1 0 0 2 1 1 0 0 0 0-2m0-7.5a.75.75 0 0 0-.75.75v4.5a.75.75 0 0 0 1.5 0v-4.5A.75.75 0 0 0 12 7.5",
  danger:
    "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20m0 12.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2M12 7a.75.75 0 0 0-.75.75v4.6a.75.75 0 0 0 1.5-.1v-4.5l-.01-.1a.75.75 0 0 0-.75-.65",
  info: "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20m0 8.5a.75.75 0 0 0-.75.75v5a.75.75 0 0 0 1.5 0v-5a.75.75 0 0 0-.75-.75M12 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2",
} as const;

/** What the boot script needs from its page and Office.js (tests pass fakes). */
export interface FirstVerdictDeps {
  doc: Document;
  worker: Worker;
  /** office/earlyRead.ts's startEarlyRead(): Outlook's getAsFileAsync answer, or undefined (none asked). */
  read: Promise<AsyncResultLike<string> | undefined>;
  /** Loads the pane's entry (called once). */
  loadEntry: () => void;
  /** The pane's language, mail client and theme, as the entry will pick them (office/environment.ts). */
  lang: () => Lang;
  host: () => Host;
  dark: () => boolean;
  /** office/host.ts's isClassicWindows. */
  classicWindows: () => boolean;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** Takes the drawing back (default: withdrawFirstVerdict). */
  withdraw?: (doc: Document) => void;
  /** Draws the verdict (default: drawFirstVerdict). */
  draw?: (doc: Document, v: FirstVerdictReply, lang: Lang, dark: boolean) => void;
  /** Calls fn once the headline is on screen (default: afterHeadlinePaint). */
  afterPaint?: (fn: () => void) => void;
}

/** Longest wait for the browser to report the headline's paint before the entry is loaded anyway. */
export const PAINT_WAIT_MS = 100;

/**
 * Calls fn once the headline has been presented: Element Timing's entry for it (Chromium, Edge), else after
 * the next frame. The entry's compile and run (~100 ms) must not start before: the frame would wait for it,
 * and the browser drops the entry of an element removed before its paint is reported (React replaces it).
 */
function afterHeadlinePaint(fn: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    fn();
  };
  setTimeout(once, PAINT_WAIT_MS);
  try {
    const types = typeof PerformanceObserver === "function" ? PerformanceObserver.supportedEntryTypes : [];
    if (types.includes("element")) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as { identifier?: string }).identifier === HEADLINE_TIMING)) {
          observer.disconnect();
          once();
        }
      });
      observer.observe({ type: "element", buffered: true });
      return;
    }
  } catch {
    // the frame below
  }
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(once, 0));
  else setTimeout(once, 0);
}

/** Element Timing's name for the headline (VerdictBanner's too): bench:pane's "verdict on screen". */
const HEADLINE_TIMING = "smime-verdict";

/** Draws the verdict under the product name (taskpane.html's #boot-title), in VerdictBanner's look. */
export function drawFirstVerdict(doc: Document, v: FirstVerdictReply, lang: Lang, dark: boolean): void {
  const root = doc.getElementById("root");
  if (!root) return;
  const theme = dark ? BANNER_COLOURS.dark : BANNER_COLOURS.light;
  const colours = theme[v.level];
  // the pane's language is Office's display language, known now (the product name went by the browser's)
  doc.documentElement.lang = lang;
  localizeBootTitle(doc, lang);
  if (dark) {
    doc.documentElement.style.colorScheme = "dark";
    doc.body.style.background = theme.page.background;
    doc.body.style.color = theme.page.text;
  }
  const wrap = doc.createElement("div");
  wrap.id = "first-verdict";
  wrap.lang = lang;
  wrap.dataset["testid"] = "first-verdict";
  wrap.dataset["level"] = v.level;
  wrap.dataset["code"] = v.code;
  wrap.style.cssText = `padding:0 12px 12px;font-family:${FONT_FAMILY};color:${theme.page.text}`;
  const box = doc.createElement("section");
  box.style.cssText =
    "display:flex;gap:8px;align-items:flex-start;padding:8px 12px;border-radius:4px;" +
    `border-left:4px solid ${colours.border};background:${colours.background}`;
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("style", "flex-shrink:0;margin-top:2px");
  const path = doc.createElementNS(svgNs, "path");
  path.setAttribute("d", BANNER_ICONS[v.level]);
  path.setAttribute("fill", colours.icon);
  svg.append(path);
  const text = doc.createElement("div");
  text.style.cssText = "min-width:0;overflow-wrap:anywhere";
  const h2 = doc.createElement("h2");
  h2.style.cssText = "margin:0;font-size:14px;line-height:20px;font-weight:600";
  // Element Timing: what bench:pane reads as the verdict on screen (as on VerdictBanner's headline)
  h2.setAttribute("elementtiming", HEADLINE_TIMING);
  h2.textContent = v.title;
  const p = doc.createElement("p");
  p.style.cssText = "margin:4px 0 0;font-size:14px;line-height:20px";
  p.textContent = v.sentence;
  text.append(h2, p);
  box.append(svg, text);
  wrap.append(box);
  root.append(wrap);
}

/** Takes back the drawn verdict: the pane is about to check another message (earlyCheck.ts). */
export function withdrawFirstVerdict(doc: Document): void {
  doc.getElementById("first-verdict")?.remove();
}

/**
 * Reads, checks and draws the first verdict, then loads the entry (see above). Never throws; whatever goes
 * wrong, the entry is loaded and does as it did before.
 */
export function startFirstVerdict(deps: FirstVerdictDeps): void {
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const afterPaint = deps.afterPaint ?? afterHeadlinePaint;
  let entryStarted = false;
  const go = (): void => {
    if (entryStarted) return;
    entryStarted = true;
    try {
      deps.loadEntry();
    } catch {
      // nothing more the boot script can do; the page keeps the product name
    }
  };
  let offer: EarlyCheckOffer | undefined;
  let workerFailed = false;
  try {
    later(go, ENTRY_DEADLINE_MS);
    deps.worker.addEventListener("error", () => {
      // nothing will answer: the pane must not wait for this check (earlyCheck.ts)
      workerFailed = true;
      offer?.fail();
      go();
    });
    void deps.read
      .then((r) => {
        if (!r) return go();
        if (entryStarted || workerFailed) return;
        const b64 = r.status === "succeeded" ? r.value : undefined;
        if (typeof b64 !== "string" || b64.length === 0 || b64.length > FIRST_VERDICT_MAX_CHARS) return go();
        const decoded = decodeOfficeBase64(b64);
        if (decoded.byteLength === 0) return go();
        // a buffer of exactly the message, transferred to the worker; the hand-over keeps a copy to compare
        const bytes =
          decoded.byteOffset === 0 && decoded.byteLength === decoded.buffer.byteLength
            ? decoded
            : decoded.slice();
        const taken = offerEarlyCheck(bytes.slice(), FIRST_VERDICT_ID, () =>
          (deps.withdraw ?? withdrawFirstVerdict)(deps.doc),
        );
        offer = taken;
        const lang = deps.lang();
        deps.worker.addEventListener("message", (ev: MessageEvent<AnalyseResponse>) => {
          const reply = ev.data;
          if (!reply || reply.id !== FIRST_VERDICT_ID) return;
          if (reply.type === "first") {
            if (entryStarted) return;
            if (reply.signatureFailed && deps.classicWindows()) return go();
            (deps.draw ?? drawFirstVerdict)(deps.doc, reply, lang, deps.dark());
            afterPaint(go);
          } else if (reply.type === "result") {
            taken.settle(reply.diagnosis);
          } else if (reply.type === "error") {
            taken.fail();
            go();
          }
        });
        const req: AnalyseRequest = {
          id: FIRST_VERDICT_ID,
          bytes: bytes.buffer as ArrayBuffer,
          trustAnchors: [],
          first: { lang, host: deps.host() },
        };
        deps.worker.postMessage(req, [req.bytes]);
      })
      .catch(go);
  } catch {
    go();
  }
}
