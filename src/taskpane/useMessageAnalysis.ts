/**
 * useMessageAnalysis(office): the read pane's message and its check, for the view. The Office port is passed
 * in (undefined on the standalone page); the state machine is MessageAnalysis (messageAnalysis.ts). Inside
 * Outlook the entry (index.tsx) starts the machine before React's first render and passes it in: the hook
 * then only listens.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { OfficePort } from "../office/index";
import { fromPem } from "../engine";
import { analyse, warmUp } from "./analyze";
import type { OpenedMessage } from "./components/Standalone";
import { loadVerdictViewChunks } from "./verdictChunks";
import { MessageAnalysis, type AnalysisDeps, type PaneError, type Phase } from "./messageAnalysis";

export type { Phase, PaneError } from "./messageAnalysis";

/**
 * The pane's analysis: in the worker (analyze.ts). While the worker checks the message, the verdict view's
 * chunks load (verdictChunks.ts).
 */
export const PANE_ANALYSIS_DEPS: AnalysisDeps = {
  analyse: (bytes, opts) => {
    const result = analyse(bytes, opts);
    loadVerdictViewChunks();
    return result;
  },
  warmUp,
};

export interface MessageAnalysisState {
  phase: Phase;
  /** A file opened on the standalone page (with the trust anchors of a bundled sample). */
  openFile: (m: OpenedMessage) => void;
  /** Reads the selected item from Outlook again (the error's "Try again"). */
  retry: () => void;
  /** Shows an error that happened outside the check (reading a file on the standalone page). */
  fail: (error: PaneError) => void;
}

export function useMessageAnalysis(
  office: OfficePort | undefined,
  {
    compose = false,
    deps = PANE_ANALYSIS_DEPS,
    analysis,
  }: { compose?: boolean; deps?: AnalysisDeps; analysis?: MessageAnalysis } = {},
): MessageAnalysisState {
  const [phase, setPhase] = useState<Phase>(() =>
    compose
      ? { name: "compose" }
      : analysis
        ? analysis.phase
        : office
          ? { name: "reading" }
          : { name: "idle" },
  );
  // one state machine per pane (the port and the mode do not change while it is open)
  const machine = useMemo(
    () => analysis ?? new MessageAnalysis(office, setPhase, deps),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per pane
    [],
  );
  useEffect(() => {
    // a machine started by the entry: listen (from its current phase on); else start this one
    if (analysis) machine.attach(setPhase);
    else if (!compose) machine.start();
    return () => machine.stop();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per pane
  }, []);

  const openFile = useCallback(
    (m: OpenedMessage) => {
      const anchors = m.anchorsPem.flatMap((pem) => {
        try {
          return fromPem(pem);
        } catch {
          return [];
        }
      });
      void machine.open(m.bytes, anchors, { fileName: m.name, byUser: true });
    },
    [machine],
  );
  const retry = useCallback(() => void machine.load(), [machine]);
  const fail = useCallback((error: PaneError) => machine.fail(error), [machine]);
  return { phase, openFile, retry, fail };
}
