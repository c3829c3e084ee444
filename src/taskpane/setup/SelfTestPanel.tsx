/**
 * The self-test: how to send a signed message to yourself, and — when the read pane shows a message from
 * the user to the user — whether their own signature arrived intact and what recipients will see.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Diagnosis } from "../../engine";
import { FaqCard } from "./FaqCard";
import { SELF_TEST_STEPS, selfTestVerdict, type SelfTestState } from "./selfTest";
import { day, pickText, tr, type Lang } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, marginBlock: tokens.spacingVerticalS },
  ol: { marginBlock: tokens.spacingVerticalXS, paddingInlineStart: "1.4em" },
  note: { color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalXS },
});

export interface SelfTestPanelProps {
  lang: Lang;
  /** The Diagnosis of the message in the read pane (absent in compose mode: only the how-to shows). */
  diagnosis?: Diagnosis;
  /** The signed-in mailbox's address (MessageSource.userAddress / Office userProfile.emailAddress). */
  userAddress?: string;
  /** Outlook's From / To, for partial diagnoses without headers (MessageSource.from.address). */
  fromAddress?: string;
  toAddresses?: string[];
  /** Evaluation time (default now). */
  at?: Date;
  /** Show the how-to expanded (default: expanded when there is no verdict). */
  howToOpen?: boolean;
}

const INTENT: Record<SelfTestState, "success" | "warning" | "error" | "info"> = {
  intact: "success",
  "intact-with-warnings": "warning",
  broken: "error",
  "not-signed": "warning",
  restructured: "warning",
  encrypted: "info",
  unverifiable: "warning",
};

export function SelfTestHowTo({ lang }: { lang: Lang }): JSX.Element {
  const s = useStyles();
  return (
    <ol className={s.ol} data-testid="self-test-steps">
      {SELF_TEST_STEPS.map((step, i) => (
        <li key={i}>{pickText(step, lang)}</li>
      ))}
    </ol>
  );
}

/**
 * Renders the verdict when the message is the user's own, and the how-to. Renders the how-to only when
 * `diagnosis` is absent or the message is not from the user to the user.
 */
export function SelfTestPanel({
  lang,
  diagnosis,
  userAddress,
  fromAddress,
  toAddresses,
  at,
  howToOpen,
}: SelfTestPanelProps): JSX.Element {
  const s = useStyles();
  const verdict = useMemo(
    () =>
      diagnosis
        ? selfTestVerdict(diagnosis, userAddress, {
            ...(at ? { at } : {}),
            ...(fromAddress ? { fromAddress } : {}),
            ...(toAddresses ? { toAddresses } : {}),
          })
        : undefined,
    [diagnosis, userAddress, at, fromAddress, toAddresses],
  );
  const applies = verdict?.applies === true && verdict.state !== undefined;
  const open = howToOpen ?? !applies;
  return (
    <section
      aria-labelledby="setup-selftest-h"
      className={s.root}
      data-testid="self-test"
      data-applies={applies ? "true" : "false"}
      data-state={verdict?.state ?? ""}
    >
      <h2 id="setup-selftest-h" className={s.h2}>
        {tr(lang, applies ? "selfTestResult" : "selfTestTitle")}
      </h2>
      {applies && verdict?.state && verdict.headline ? (
        <>
          <MessageBar intent={INTENT[verdict.state]} layout="multiline" data-testid="self-test-verdict">
            <MessageBarBody>
              <MessageBarTitle>{pickText(verdict.headline, lang)}</MessageBarTitle>
              {verdict.signer ? (
                <span>
                  {tr(lang, "signedWith", {
                    name: verdict.signer.commonName || verdict.signer.emails[0] || verdict.signer.subject,
                    date: day(verdict.signer.notAfter),
                  })}
                </span>
              ) : null}
            </MessageBarBody>
          </MessageBar>
          <h3 className={s.h2}>{tr(lang, "recipientsWillSee")}</h3>
          <ul data-testid="self-test-see">
            {verdict.recipientsSee.map((t, i) => (
              <li key={i}>{pickText(t, lang)}</li>
            ))}
          </ul>
          {verdict.faq.map((id) => (
            <FaqCard key={id} id={id} lang={lang} />
          ))}
        </>
      ) : null}
      <Accordion collapsible defaultOpenItems={open ? ["howto"] : []}>
        <AccordionItem value="howto">
          <AccordionHeader>{tr(lang, "selfTestTitle")}</AccordionHeader>
          <AccordionPanel>
            <SelfTestHowTo lang={lang} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
