import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Verdict } from "../verdict";

/** The one-sentence verdict, coloured by severity. */
export function VerdictBanner({ verdict }: { verdict: Verdict }): JSX.Element {
  return (
    <MessageBar
      intent={verdict.intent}
      layout="multiline"
      data-testid="verdict"
      data-verdict={verdict.kind}
      data-intent={verdict.intent}
      role="status"
    >
      <MessageBarBody>
        <MessageBarTitle>{verdict.title}</MessageBarTitle>
        <div data-testid="verdict-sentence">{verdict.sentence}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
