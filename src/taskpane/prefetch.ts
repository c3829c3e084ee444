/**
 * The chunks of the verdict view, started while the message is read and checked (issue #15), so that the
 * verdict does not wait for them and no spinner follows it: the guidance with the FAQ ("faq"), the
 * self-test panel shown under a message read from Outlook ("setup"), and the certificate details behind
 * their disclosure ("details"). The chunk names are those of the components' own lazy() imports, so
 * webpack makes one chunk of each and the later lazy() finds it loaded. (The add-to-contacts chunk is
 * left to the button that opens it.) test/taskpane/prefetch.test.ts checks that every lazy chunk of the
 * verdict view is listed here.
 */
let started: Promise<Record<string, unknown>> | undefined;

/** Starts the imports once; resolves with the loaded modules by chunk name (a failed one is left out). */
export function prefetchVerdictView(): Promise<Record<string, unknown>> {
  started ??= Promise.all(
    [
      import(/* webpackChunkName: "faq" */ "./components/Guidance").then((m) => ["faq", m] as const),
      import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ["setup", m] as const),
      import(/* webpackChunkName: "details" */ "./components/SignerDetails").then(
        (m) => ["details", m] as const,
      ),
    ].map((p) => p.catch(() => undefined)),
  ).then((loaded) =>
    // a failed prefetch is retried by lazy() when the view needs it
    Object.fromEntries(loaded.filter((x) => x !== undefined)),
  );
  return started;
}
