/** Lazy: the FAQ's steps for registering a correspondent's certificate (one-click Graph comes later). */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import { getEntry, orderSteps } from "../../faq/index";
import { useHost } from "../hostContext";
import { useI18n } from "../i18n/index";
import { StepList } from "./StepList";

export default function AddContactSteps(): JSX.Element | null {
  const { t, p } = useI18n();
  const host = useHost();
  const entry = getEntry("register-sender-certificate");
  if (!entry) return null;
  const steps = orderSteps(entry.steps, host);
  return (
    <div data-testid="add-contact-steps">
      <p>{t("addContactIntro")}</p>
      <Accordion collapsible defaultOpenItems={steps[0] ? [steps[0].client] : []}>
        {steps.map((set) => (
          <AccordionItem value={set.client} key={set.client}>
            <AccordionHeader as="h4">{p(set.label)}</AccordionHeader>
            <AccordionPanel>
              <StepList set={set} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
