/** The FAQ with search (src/faq searchFaq); part of the lazy "faq" chunk. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  SearchBox,
  Text,
} from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import { FAQ_ENTRIES, orderSteps, searchFaq } from "../../faq/index";
import type { FaqEntry } from "../../faq/types";
import { useHost } from "../hostContext";
import { useI18n } from "../i18n/index";
import { Paragraphs, StepList } from "./StepList";

function EntryBody({ entry }: { entry: FaqEntry }): JSX.Element {
  const { p } = useI18n();
  const host = useHost();
  return (
    <div>
      <Paragraphs text={p(entry.answer)} />
      {entry.items && entry.items.length > 0 && (
        <ul>
          {entry.items.map((it, i) => (
            <li key={i}>{p(it)}</li>
          ))}
        </ul>
      )}
      {orderSteps(entry.steps, host).map((set) => (
        <div key={set.client}>
          <h5 style={{ marginBlock: "8px 0" }}>{p(set.label)}</h5>
          <StepList set={set} />
        </div>
      ))}
      {entry.lraOperators && entry.lraOperators.length > 0 && (
        <ul>
          {entry.lraOperators.map((op) => (
            <li key={op.email}>
              {p(op.name)} — {p(op.services)} — {op.email} — {op.phone}
            </li>
          ))}
        </ul>
      )}
      {entry.links && entry.links.length > 0 && (
        <ul>
          {entry.links.map((l, i) => (
            <li key={i}>
              {p(l.title)}
              {l.url ? ` (${l.url})` : ""}
            </li>
          ))}
        </ul>
      )}
      {entry.closing && <p>{p(entry.closing)}</p>}
    </div>
  );
}

export function FaqBrowser(): JSX.Element {
  const { t, p } = useI18n();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const results = useMemo(() => {
    const q = deferred.trim();
    if (!q) return FAQ_ENTRIES;
    try {
      return searchFaq(q);
    } catch {
      return [];
    }
  }, [deferred]);
  return (
    <section aria-labelledby="faq-h" data-testid="faq-browser">
      <h3 id="faq-h">{t("faqBrowser")}</h3>
      <SearchBox
        value={query}
        onChange={(_, data) => setQuery(data.value)}
        placeholder={t("faqSearch")}
        aria-label={t("faqSearch")}
        data-testid="faq-search"
        style={{ width: "100%", maxWidth: "100%" }}
      />
      {results.length === 0 ? (
        <Text as="p">{t("faqNoResults")}</Text>
      ) : (
        <Accordion collapsible data-testid="faq-results">
          {results.map((e) => (
            <AccordionItem value={e.id} key={e.id} data-testid="faq-entry" data-faq={e.id}>
              <AccordionHeader as="h4">{p(e.question)}</AccordionHeader>
              <AccordionPanel>
                <EntryBody entry={e} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
