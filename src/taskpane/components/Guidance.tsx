/** Lazy (chunk "faq"): guidance for this message from src/faq, and the FAQ browser below it. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Card,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Diagnosis } from "../../engine";
import { guidanceFor, preferredClients } from "../../faq/index";
import type { GuidanceItem, StepSet } from "../../faq/types";
import { useHost } from "../hostContext";
import { stepsHeading, useI18n } from "../i18n/index";
import { FaqBrowser } from "./FaqBrowser";
import { Paragraphs, StepList } from "./StepList";

const useStyles = makeStyles({
  item: { marginBlock: tokens.spacingVerticalS },
  q: { margin: 0, fontSize: tokens.fontSizeBase400 },
  why: { marginBlock: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  note: { marginBlock: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

function GuidanceCard({ item }: { item: GuidanceItem }): JSX.Element {
  const s = useStyles();
  const { t, p, lang } = useI18n();
  const host = useHost();
  const pref = preferredClients(host);
  // the user's own client's steps open; with an unknown client the first set is shown open
  const own: StepSet[] = item.steps.filter((set) => pref.includes(set.client));
  const mine = own.length > 0 ? own.slice(0, 1) : item.steps.slice(0, 1);
  const rest = item.steps.filter((set) => !mine.includes(set));
  return (
    <Card className={s.item} data-testid="guidance-item" data-faq={item.entry.id}>
      <h3 className={s.q}>{p(item.entry.question)}</h3>
      <p className={s.why}>{p(item.why)}</p>
      {item.context && <p data-testid="guidance-context">{p(item.context)}</p>}
      {item.hostNote && <p className={s.note}>{p(item.hostNote)}</p>}
      {item.encodingToPick && (
        <p data-testid="encoding-to-pick">
          <strong>{item.encodingLabel ? p(item.encodingLabel) : item.encodingToPick}</strong>
        </p>
      )}
      <Paragraphs text={p(item.entry.answer)} />
      {mine.map((set) => (
        <div key={set.client} data-testid="own-steps">
          <h4 style={{ marginBlock: "8px 0" }}>{stepsHeading(set.label, lang)}</h4>
          <StepList set={set} />
        </div>
      ))}
      {rest.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="others">
            <AccordionHeader as="h4">{t("otherClients", { n: rest.length })}</AccordionHeader>
            <AccordionPanel>
              {rest.map((set) => (
                <div key={set.client}>
                  <h5 style={{ marginBlock: "8px 0" }}>{p(set.label)}</h5>
                  <StepList set={set} />
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {item.entry.closing && <p>{p(item.entry.closing)}</p>}
    </Card>
  );
}

export default function Guidance({ diagnosis }: { diagnosis: Diagnosis }): JSX.Element {
  const { t } = useI18n();
  const host = useHost();
  const guidance = useMemo(() => {
    try {
      return guidanceFor(diagnosis, host);
    } catch (e) {
      console.error("guidanceFor failed", e);
      return { items: [] };
    }
  }, [diagnosis, host]);
  // at most two cards for this message, best first; background definitions are tooltips, not cards
  const cards = guidance.items.filter((i) => !i.background).slice(0, 2);
  return (
    <>
      {cards.length > 0 && (
        <section aria-labelledby="guidance-h" data-testid="guidance">
          <h2 id="guidance-h">{t("guidance")}</h2>
          {cards.map((item) => (
            <GuidanceCard item={item} key={item.entry.id} />
          ))}
        </section>
      )}
      <Accordion collapsible data-testid="faq-disclosure">
        <AccordionItem value="faq">
          <AccordionHeader as="h2" data-testid="faq-open">
            {t("faqOpen")}
          </AccordionHeader>
          <AccordionPanel>
            <FaqBrowser />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
