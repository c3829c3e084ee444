/**
 * The read pane's state machine, without React: reading the message through the Office port, the worker
 * run, the races between them (request ids; a newer message aborts the older one's worker), the messages
 * dragged into the pane and the item-changed event. `useMessageAnalysis` (useMessageAnalysis.ts) wraps it
 * for the view; tests drive it directly with a fake port and a fake analyser.
 */
import type { Diagnosis } from "../engine";
import type { DropResult, MessageSource, OfficePort } from "../office/index";
import { MAX_DROPPED_FILE } from "../office/index";
import { formatSize, type StringKey } from "./i18n/index";
import { isTimeLimitError } from "./supervisor";

/** A pane error: a catalogue key with its values (rendered in the pane's current language), or ready text. */
export type PaneError = { key: StringKey; vars: Record<string, string> } | { text: string };

export type Phase =
  | { name: "idle" }
  | { name: "reading" }
  | { name: "analysing"; size: number; fraction?: number }
  | {
      name: "done";
      diagnosis: Diagnosis;
      source?: MessageSource;
      fileName?: string;
      /** The user opened or dropped this message: focus moves to the verdict. */
      byUser?: boolean;
    }
  | { name: "empty"; source?: MessageSource }
  | { name: "compose"; source?: MessageSource }
  | { name: "error"; error: PaneError }
  /** The analysis passed its time limit (analyze.ts): the worker was ended; the CLI is the way on. */
  | { name: "too-complex"; seconds: number; source?: MessageSource; fileName?: string };

/** Still working on the message: nothing to show but progress. */
function busy(phase: Phase): boolean {
  return phase.name === "reading" || phase.name === "analysing";
}

export interface AnalysisDeps {
  /** Diagnoses bytes (in the worker); rejects with a TimeLimitError past the time limit. */
  analyse: (
    bytes: Uint8Array,
    opts: { trustAnchors: Uint8Array[]; signal?: AbortSignal; onProgress?: (fraction: number) => void },
  ) => Promise<Diagnosis>;
  /** Starts the worker ahead of the first message. */
  warmUp: () => void;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

export interface Opened {
  source?: MessageSource;
  fileName?: string;
  byUser?: boolean;
}

export class MessageAnalysis {
  private request = 0;
  private running: AbortController | undefined;
  private stopped = false;
  private current: Phase;

  /**
   * onPhase may come later, through attach(): the pane starts the machine as soon as Office.js is ready,
   * before React renders the view that listens (index.tsx).
   */
  constructor(
    private readonly office: OfficePort | undefined,
    private onPhase: ((phase: Phase) => void) | undefined,
    private readonly deps: AnalysisDeps,
  ) {
    this.current = office ? { name: "reading" } : { name: "idle" };
  }

  /** The phase now (the view's first state when it attaches to a machine already running). */
  get phase(): Phase {
    return this.current;
  }

  /** Sends every phase from now on to onPhase, starting with the current one. */
  attach(onPhase: (phase: Phase) => void): void {
    this.onPhase = onPhase;
    onPhase(this.current);
  }

  /**
   * Inside Outlook: starts the worker, reads the selected message, and follows
   * item changes and drops. Without Outlook it does nothing: the standalone page calls open().
   */
  start(): void {
    const office = this.office;
    this.stopped = false;
    if (!office) return;
    this.deps.warmUp();
    void this.load();
    // pinning not supported → false: the pane shows the item it opened with
    office.onItemChanged(() => void this.load()).catch(() => false);
    // Outlook on the web / new Outlook: a message (or an .eml/.msg attachment) dragged into the pane is
    // checked instead of the selected item, until another item is selected.
    office.onDragAndDrop((r) => this.drop(r)).catch(() => false);
  }

  /** The pane went away: a result still on its way is dropped, a running worker is ended. */
  stop(): void {
    this.stopped = true;
    this.request++;
    this.running?.abort();
  }

  private set(id: number, phase: Phase): void {
    if (!this.stopped && id === this.request) this.emit(phase);
  }

  private emit(phase: Phase): void {
    this.current = phase;
    if (!busy(phase)) for (const wake of this.waiting.splice(0)) wake();
    this.onPhase?.(phase);
  }

  private readonly waiting: (() => void)[] = [];

  /**
   * Resolves once the message has an answer (any phase but reading and analysing), or after waitMs,
   * whichever comes first. The read pane's entry holds React's first frame on it (index.tsx): a message
   * checked within waitMs is shown at once, with no "reading" frame first (issue #15: ~40 ms sooner on
   * the 2-core machine, BENCHMARKS.md); a slower one gets its progress indicator after waitMs.
   */
  answeredOrAfter(waitMs: number): Promise<void> {
    if (!busy(this.current)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Reads the selected item from Outlook and checks it. */
  async load(): Promise<void> {
    const office = this.office;
    if (!office) return;
    const id = ++this.request;
    this.running?.abort();
    this.set(id, { name: "reading" });
    let source: MessageSource;
    try {
      source = await office.readCurrentMessage();
    } catch (e) {
      this.set(id, { name: "error", error: { key: "errorReadFailed", vars: { reason: reason(e) } } });
      return;
    }
    if (id !== this.request) return;
    if (source.itemMode === "compose") {
      this.set(id, { name: "compose", source });
    } else if (source.noItem) {
      this.set(id, { name: "empty", source });
    } else if (source.bytes && source.bytes.byteLength > 0) {
      // Trust anchors: the worker loads the defaults (Mozilla's e-mail roots and the organisation's, built
      // in); nothing from the message or the user is added.
      await this.open(source.bytes, [], { source });
    } else if (source.partial) {
      this.set(id, { name: "done", diagnosis: source.partial, source });
    } else {
      this.set(id, { name: "empty", source });
    }
  }

  /** Checks bytes: a message from Outlook (opened.source), or a file opened or dropped by the user. */
  async open(bytes: Uint8Array, anchors: Uint8Array[], opened: Opened): Promise<void> {
    const id = ++this.request;
    const size = bytes.byteLength;
    // a newer message replaces the one being checked: its worker is ended, not left running
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    this.set(id, { name: "analysing", size });
    const extra = {
      ...(opened.source ? { source: opened.source } : {}),
      ...(opened.fileName !== undefined ? { fileName: opened.fileName } : {}),
    };
    try {
      const diagnosis = await this.deps.analyse(bytes, {
        trustAnchors: anchors,
        signal: abort.signal,
        onProgress: (fraction) => this.set(id, { name: "analysing", size, fraction }),
      });
      if (id !== this.request) return;
      // Inside Outlook: a failed signature on classic Windows' rebuilt copy gets a second look (src/office).
      const settled =
        opened.source && this.office
          ? await this.office.secondLook(diagnosis, opened.source, (b) =>
              this.deps.analyse(b, { trustAnchors: anchors }),
            )
          : { diagnosis, source: undefined };
      if (id !== this.request) return;
      this.set(id, {
        name: "done",
        ...extra,
        diagnosis: settled.diagnosis,
        ...(settled.source ? { source: settled.source } : {}),
        ...(opened.byUser ? { byUser: true } : {}),
      });
      // Remember verified signers for the compose-side recipient check (Outlook only; never throws).
      if (opened.source && this.office) void this.office.rememberSigners(settled.diagnosis).catch(() => 0);
    } catch (e) {
      if (isTimeLimitError(e))
        this.set(id, { name: "too-complex", seconds: Math.max(1, Math.round(e.limitMs / 1000)), ...extra });
      else this.set(id, { name: "error", error: { key: "errorAnalyseFailed", vars: { reason: reason(e) } } });
    }
  }

  /** Files dragged into the pane in Outlook: the first message is checked, else the pane says why not. */
  drop(r: DropResult): void {
    const first = r.messages[0];
    if (first) {
      void this.open(first.bytes, [], { fileName: first.name, byUser: true });
      return;
    }
    const failed = r.failed[0];
    let error: PaneError | undefined;
    if (failed)
      error =
        failed.reason === "too-big"
          ? { key: "fileTooBig", vars: { max: formatSize(MAX_DROPPED_FILE) } }
          : { key: "fileReadFailed", vars: { reason: `${failed.name}: ${failed.reason}` } };
    else if (r.ignored.length > 0)
      error = { key: "droppedNotMessage", vars: { names: r.ignored.join(", ") } };
    if (error) this.fail(error);
  }

  /**
   * Shows an error (the standalone page's file reading, a drop that held no message). A message being
   * checked goes on: its result replaces the error when it comes.
   */
  fail(error: PaneError): void {
    if (!this.stopped) this.emit({ name: "error", error });
  }
}
