import { makeStyles, tokens } from "@fluentui/react-components";
import { getEntry } from "../../faq/index";
import { pickText, type Lang } from "./strings";

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
export function FaqCard({ id, lang }: { id: string; lang: Lang }): JSX.Element | null {
  const s = useStyles();
  const entry = getEntry(id);
  if (!entry) return null;
  return (
    <div className={s.card} data-testid="setup-faq" data-faq={id}>
      <p className={s.q}>{pickText(entry.question, lang)}</p>
      {pickText(entry.answer, lang)
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
