/**
 * The chunks of the verdict view, requested ahead of need (issue #15). The chunk names are those of the
 * components' own lazy() imports, so webpack makes one chunk of each and the later lazy() finds it loaded.
 * test/taskpane/prefetch.test.ts checks that every lazy chunk of the verdict view is listed here.
 *
 * - prefetchVerdictView(), while the message is read and checked: what the verdict view shows at once,
 *   the guidance with the FAQ ("faq") and the self-test panel under a message read from Outlook ("setup"),
 *   so that no spinner follows the verdict.
 * - prefetchOnDemand(), once the verdict is on screen: the certificate details behind their disclosure
 *   ("details"). Loading it before the verdict cost the verdict time on the shared 2-core machine
 *   (BENCHMARKS.md) for a panel that opens only on a click. (The add-to-contacts chunk is left to the
 *   button that opens it.)
 */
type Loaded = Record<string, unknown>;

// a failed prefetch is left out: lazy() tries again when the view needs the chunk
const settle = (parts: Promise<readonly [string, unknown]>[]): Promise<Loaded> =>
  Promise.all(parts.map((p) => p.catch(() => undefined))).then((loaded) =>
    Object.fromEntries(loaded.filter((x) => x !== undefined)),
  );

let verdictView: Promise<Loaded> | undefined;
let onDemand: Promise<Loaded> | undefined;

/** Starts the imports once; resolves with the loaded modules by chunk name. */
export function prefetchVerdictView(): Promise<Loaded> {
  verdictView ??= settle([
    import(/* webpackChunkName: "faq" */ "./components/Guidance").then((m) => ["faq", m] as const),
    import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ["setup", m] as const),
  ]);
  return verdictView;
}

/** Starts the imports once; resolves with the loaded modules by chunk name. */
export function prefetchOnDemand(): Promise<Loaded> {
  onDemand ??= settle([
    import(/* webpackChunkName: "details" */ "./components/SignerDetails").then(
      (m) => ["details", m] as const,
    ),
  ]);
  return onDemand;
}
