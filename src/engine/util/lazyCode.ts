/**
 * Engine code loaded on first use: a chunk of its own in the pane's analysis worker (loaded with
 * importScripts when first needed), bundled in the CLI. Used for noble's curves, whose modules build the
 * curves when they load (issue #15: that work no longer delays every first verdict).
 *
 * A failure to load such code (the add-in redeployed under a pane left open, a network error) is the
 * check's own error, never an outcome: it surfaces as CodeUnavailableError, which the catch blocks that
 * turn an unreadable key into a "bad" signature let through. It is not remembered: the next use tries again.
 */

/** Some of the engine's own code could not be loaded: the check failed, the input is not to blame. */
export class CodeUnavailableError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "CodeUnavailableError";
  }
}

/** Rethrows a CodeUnavailableError (for catch blocks that turn any other error into an outcome). */
export function onlyIfLoaded(err: unknown): void {
  if (err instanceof CodeUnavailableError) throw err;
}

/** load() on first use, its module kept once loaded; a failed load is reported and tried again next time. */
export function lazyCode<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw new CodeUnavailableError(what, err);
    });
    return loading;
  };
}
