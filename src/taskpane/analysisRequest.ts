/**
 * The analysis worker's answer to one request (worker.ts is the Web Worker around it): the engine's
 * diagnose() with the pane's default trust (Mozilla's e-mail roots and the organisation's) and revocation
 * settings, and, when asked, the verdict's words for the boot script's first verdict (firstVerdict.ts).
 * Host-free beyond WebCrypto, so that jest runs the same code the worker runs.
 * Protocol (structured clone; the message bytes are transferred, not copied):
 *   in:  { id, bytes: ArrayBuffer, trustAnchors: ArrayBuffer[], at?: string, first?: { lang, host } }
 *   out: { id, type: "started" } (first, so the time limit counts the engine's work only; supervisor.ts)
 *        | { id, type: "progress", fraction } | { id, type: "result", diagnosis } | { id, type: "error", message }
 *        | { id, type: "first", ... } (only when the request asks for it, just before its result: the verdict's
 *          headline and what-to-do line in the pane's words, for the boot script, which carries no catalogue)
 */
import type { Host } from "../faq/types";
import { signatureFailed } from "../office/secondLook";
import { paneTrust } from "./anchors";
import type { Lang } from "./i18n/index";
import { paneRevocation } from "./revocationRelay";
import { verdictOf, type VerdictCode, type VerdictLevel } from "./verdict";
import { diagnose, prepareAnchors, type Diagnosis, type DistrustEntry, type TrustAnchor } from "../engine";

export interface AnalyseRequest {
  id: number;
  bytes: ArrayBuffer;
  /** Extra anchors of a bundled sample (assets/samples), never from a message: explicit, beside the defaults. */
  trustAnchors: ArrayBuffer[];
  at?: string;
  /** Also answer with the verdict's words ("first"), in this language, for this mail client. */
  first?: { lang: Lang; host: Host };
}

/** The verdict's words for the boot script's first verdict (taskpane/firstVerdict.ts). */
export interface FirstVerdictReply {
  id: number;
  type: "first";
  level: VerdictLevel;
  code: VerdictCode;
  title: string;
  sentence: string;
  /** The signature failed: classic Outlook for Windows may then take a second look (office/secondLook.ts). */
  signatureFailed: boolean;
}

export type AnalyseResponse =
  | { id: number; type: "started" }
  | { id: number; type: "progress"; fraction: number }
  | { id: number; type: "result"; diagnosis: Diagnosis }
  | { id: number; type: "error"; message: string }
  | FirstVerdictReply;

/**
 * Mozilla's e-mail roots and the organisation's (anchors.ts), decoded and indexed once. The worker starts
 * ahead of the first message (boot.ts, analyze.ts warmUp) and prepares them at once (worker.ts), so the
 * roots are ready when the message comes (issue #15). A failure is reported by the message's check.
 */
let defaults: { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } | undefined;
export function defaultTrust(): { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } {
  if (!defaults) {
    defaults = paneTrust();
    // their subject index too, while the worker waits for the message (the same array goes to diagnose)
    prepareAnchors(defaults.anchors);
  }
  return defaults;
}

/** Answers one request through post: "started", progress, then "first" (when asked) and "result", or "error". */
export async function answerRequest(req: AnalyseRequest, post: (r: AnalyseResponse) => void): Promise<void> {
  post({ id: req.id, type: "started" });
  try {
    const at = req.at ? new Date(req.at) : undefined;
    let last = -1;
    const trust = defaultTrust();
    const diagnosis = await diagnose(new Uint8Array(req.bytes), {
      trustAnchors:
        req.trustAnchors.length === 0
          ? trust.anchors
          : [...req.trustAnchors.map((b) => new Uint8Array(b)), ...trust.anchors],
      distrust: trust.distrust,
      revocation: paneRevocation(),
      ...(at && !Number.isNaN(at.getTime()) ? { at } : {}),
      onProgress: (fraction) => {
        // throttle to whole percents
        const pct = Math.round(fraction * 100);
        if (pct !== last) {
          last = pct;
          post({ id: req.id, type: "progress", fraction });
        }
      },
    });
    if (req.first) {
      const v = verdictOf(diagnosis, req.first.lang, req.first.host);
      post({
        id: req.id,
        type: "first",
        level: v.level,
        code: v.code,
        title: v.title,
        sentence: v.sentence,
        signatureFailed: signatureFailed(diagnosis),
      });
    }
    post({ id: req.id, type: "result", diagnosis });
  } catch (e) {
    post({ id: req.id, type: "error", message: e instanceof Error ? e.message : String(e) });
  }
}
