/**
 * The verdict view's chunks (issue #15): the guidance with the FAQ ("faq"), the self-test panel under a
 * message read from Outlook ("setup") and the certificate details behind their disclosure ("details").
 * loadVerdictViewChunks() loads and runs them as soon as a message goes to the analysis worker: the main
 * thread and the network are idle while the worker checks the message, so they are in place when the
 * verdict renders, and the verdict is not later for it.
 *
 * Measured on the 2-core machine (bench:pane, BENCHMARKS.md): webpack's `webpackPrefetch` hints, which this
 * replaced, requested the eight files at start-up, while the message was read and the worker loaded, and
 * made the verdict ~90 ms later than no prefetch at all; loading them here costs the verdict nothing
 * measurable. The names are those of the view's own lazy() imports (VerdictView loads faq and setup through
 * these functions; SignerCard's lazy() loads "details"). test/taskpane/verdictChunks.test.ts checks the
 * list; the browser test checks they are requested before the verdict.
 */
import { createElement, lazy, useState, type ComponentType } from "react";

export const VERDICT_VIEW_CHUNKS = {
  faq: () => import(/* webpackChunkName: "faq" */ "./components/Guidance"),
  setup: () => import(/* webpackChunkName: "setup" */ "./setup/index"),
  details: () => import(/* webpackChunkName: "details" */ "./components/SignerDetails"),
};

type Chunks = typeof VERDICT_VIEW_CHUNKS;
type ChunkName = keyof Chunks;
type ChunkModule<N extends ChunkName> = Awaited<ReturnType<Chunks[N]>>;

/** The chunks' modules once loaded (a chunk's module does not change once in). */
const LOADED = new Map<ChunkName, unknown>();

function loadChunk<N extends ChunkName>(name: N): Promise<ChunkModule<N>> {
  return (VERDICT_VIEW_CHUNKS[name]() as Promise<ChunkModule<N>>).then((m) => {
    LOADED.set(name, m);
    return m;
  });
}

let loading: Promise<unknown> | undefined;

/**
 * Loads the verdict view's chunks (once; again after a failure, which the view's lazy() then reports).
 * Resolves once they are in, or have failed; never rejects.
 */
export function loadVerdictViewChunks(): Promise<unknown> {
  loading ??= Promise.all((Object.keys(VERDICT_VIEW_CHUNKS) as ChunkName[]).map((n) => loadChunk(n))).catch(
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/**
 * A component of one of these chunks. Mounted once the chunk is in, it renders the component at once; before,
 * through lazy() (and the Suspense fallback around it). React's lazy() suspends for a turn even when the
 * module is already loaded, so a view rendered after loadVerdictViewChunks() would still show each fallback
 * for a frame: the read pane's view, which index.tsx renders once the chunks are in, now comes whole. The
 * choice is made once per mount, so a mounted panel is never swapped (its state kept).
 */
export function chunkComponent<N extends ChunkName, P extends object>(
  name: N,
  pick: (m: ChunkModule<N>) => ComponentType<P>,
): (props: P) => JSX.Element {
  const Lazy = lazy(() => loadChunk(name).then((m) => ({ default: pick(m) })));
  return function ChunkComponent(props: P): JSX.Element {
    const [Component] = useState<ComponentType<P>>(() => {
      const m = LOADED.get(name) as ChunkModule<N> | undefined;
      return m ? pick(m) : (Lazy as unknown as ComponentType<P>);
    });
    return createElement(Component, props);
  };
}
