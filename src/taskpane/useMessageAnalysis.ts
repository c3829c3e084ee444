/**
 * useMessageAnalysis(office): the read pane's message and its check, for the view. The Office port is passed
 * in (undefined on the standalone page); the state machine is MessageAnalysis (messageAnalysis.ts).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { OfficePort } from "../office/index";
import { fromPem } from "../engine";
import { analyse, warmUp } from "./analyze";
import type { OpenedMessage } from "./components/Standalone";
import { MessageAnalysis, type AnalysisDeps, type PaneError, type Phase } from "./messageAnalysis";

export type { Phase, PaneError } from "./messageAnalysis";

const DEFAULT_DEPS: AnalysisDeps = { analyse, warmUp };

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
  { compose = false, deps = DEFAULT_DEPS }: { compose?: boolean; deps?: AnalysisDeps } = {},
): MessageAnalysisState {
  const [phase, setPhase] = useState<Phase>(() =>
    compose ? { name: "compose" } : office ? { name: "reading" } : { name: "idle" },
  );
  // one state machine per pane (the port and the mode do not change while it is open)
  const machine = useMemo(
    () => new MessageAnalysis(office, setPhase, deps),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per pane
    [],
  );
  useEffect(() => {
    if (!compose) machine.start();
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
