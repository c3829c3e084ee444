/**
 * The read pane's body for one phase of useMessageAnalysis: progress while the message is read and
 * checked, the verdict view when it is done, or what stopped it (no item, too complex, an error).
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import { BIG_MESSAGE } from "./analyze";
import { formatSize, useI18n } from "./i18n/index";
import type { PaneError, Phase } from "./messageAnalysis";
import { VerdictView } from "./VerdictView";

export interface PhaseViewProps {
  phase: Phase;
  /** Offered on an error inside Outlook: read the selected item again. */
  onRetry?: (() => void) | undefined;
  announce: (text: string) => void;
}

export function PhaseView({ phase, onRetry, announce }: PhaseViewProps): JSX.Element | null {
  const { t, p } = useI18n();
  const errorText = (e: PaneError): string => ("key" in e ? t(e.key, e.vars) : e.text);
  switch (phase.name) {
    case "reading":
      return <Spinner size="small" label={t("readingMessage")} data-testid="progress" />;
    case "analysing":
      return (
        <div data-testid="progress" role="status" aria-live="polite">
          <p style={{ margin: "0 0 4px" }}>
            {phase.size > BIG_MESSAGE ? t("analysingBig", { size: formatSize(phase.size) }) : t("analysing")}
          </p>
          <ProgressBar
            aria-label={t("analysing")}
            {...(phase.fraction !== undefined && phase.size > BIG_MESSAGE ? { value: phase.fraction } : {})}
          />
        </div>
      );
    case "empty":
      return (
        <MessageBar intent="info" data-testid="empty">
          <MessageBarBody>
            {phase.source?.notes.length
              ? phase.source.notes.map((n, i) => (
                  <p key={i} style={{ margin: 0 }}>
                    {p(n.message)}
                  </p>
                ))
              : t("noItem")}
          </MessageBarBody>
        </MessageBar>
      );
    case "too-complex":
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="too-complex">
          <MessageBarBody>
            <MessageBarTitle>{t("tooComplexTitle")}</MessageBarTitle>
            {t("tooComplexBody", { seconds: String(phase.seconds) })}
          </MessageBarBody>
        </MessageBar>
      );
    case "error":
      return (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {errorText(phase.error)}
          </MessageBarBody>
          {onRetry && (
            <Button size="small" onClick={onRetry}>
              {t("retry")}
            </Button>
          )}
        </MessageBar>
      );
    case "done":
      return (
        <VerdictView
          diagnosis={phase.diagnosis}
          source={phase.source}
          fileName={phase.fileName}
          focus={phase.byUser}
          announce={announce}
        />
      );
    default:
      return null;
  }
}
