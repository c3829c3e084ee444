/**
 * Follows the compose item's recipients apart from React: reads them once, re-reads on RecipientsChanged
 * (after a short pause, since edits come in bursts), and ignores answers that a newer read overtook.
 */
import type { RecipientRead, RecipientSource, RecipientWatch } from "../../office/compose/recipients";

export type TrackerState =
  { name: "unavailable" } | { name: "loading" } | { name: "ready"; read: RecipientRead };

export interface TrackerSnapshot {
  state: TrackerState;
  /** RecipientsChanged registration: undefined until known. */
  live?: RecipientWatch["status"];
}

export interface RecipientTracker {
  start(): void;
  refresh(): void;
  stop(): void;
}

export function createRecipientTracker(
  source: RecipientSource | null | undefined,
  onUpdate: (s: TrackerSnapshot) => void,
  opts: { debounceMs?: number } = {},
): RecipientTracker {
  const debounceMs = opts.debounceMs ?? 300;
  let snapshot: TrackerSnapshot = { state: source ? { name: "loading" } : { name: "unavailable" } };
  let seq = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watch: RecipientWatch | undefined;
  const emit = (next: Partial<TrackerSnapshot>): void => {
    if (stopped) return;
    snapshot = { ...snapshot, ...next };
    onUpdate(snapshot);
  };
  const refresh = (): void => {
    if (!source || stopped) return;
    const n = ++seq;
    let p: Promise<RecipientRead>;
    try {
      p = source.read();
    } catch {
      p = Promise.resolve({ recipients: [], failures: [] });
    }
    p.then(
      (read) => {
        if (n === seq) emit({ state: { name: "ready", read } });
      },
      () => {
        if (n === seq) emit({ state: { name: "ready", read: { recipients: [], failures: [] } } });
      },
    );
  };
  return {
    start(): void {
      emit({});
      if (!source) return;
      refresh();
      let w: Promise<RecipientWatch>;
      try {
        w = source.watch(() => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(refresh, debounceMs);
        });
      } catch {
        emit({ live: "failed" });
        return;
      }
      w.then(
        (got) => {
          if (stopped) void got.stop();
          else {
            watch = got;
            emit({ live: got.status });
          }
        },
        () => emit({ live: "failed" }),
      );
    },
    refresh,
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      void watch?.stop();
    },
  };
}
