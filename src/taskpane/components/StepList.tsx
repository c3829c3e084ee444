import type { StepSet } from "../../faq/types";
import { useI18n } from "../i18n/index";

/** One client's numbered steps (plain text, never HTML). */
export function StepList({ set }: { set: StepSet }): JSX.Element {
  const { p } = useI18n();
  return (
    <div data-testid="step-set" data-client={set.client}>
      <ol style={{ marginBlock: 4, paddingInlineStart: "1.4em" }}>
        {set.steps.map((step, i) => (
          <li key={i}>{p(step)}</li>
        ))}
      </ol>
      {set.note && <p style={{ marginBlock: 4 }}>{p(set.note)}</p>}
    </div>
  );
}

/** Answer text with line breaks as paragraphs. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((line, i) => (
          <p key={i} style={{ marginBlock: 4 }}>
            {line}
          </p>
        ))}
    </>
  );
}
