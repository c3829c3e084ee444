import { makeStyles, tokens } from "@fluentui/react-components";
import { getEntry } from "../../faq/index";
import { useI18n } from "../i18n/index";

const useStyles = makeStyles({
  card: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    paddingInlineStart: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  q: { fontWeight: tokens.fontWeightSemibold, marginBlock: tokens.spacingVerticalXS },
  p: { marginBlock: tokens.spacingVerticalXS },
});

/** One FAQ entry (question and answer as plain text, never HTML). Renders nothing for an unknown id. */
export function FaqCard({ id }: { id: string }): JSX.Element | null {
  const s = useStyles();
  const { p } = useI18n();
  const entry = getEntry(id);
  if (!entry) return null;
  return (
    <div className={s.card} data-testid="setup-faq" data-faq={id}>
      <p className={s.q}>{p(entry.question)}</p>
      {p(entry.answer)
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((line, i) => (
          <p key={i} className={s.p}>
            {line}
          </p>
        ))}
    </div>
  );
}
