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
import { formatLocalDay, useI18n } from "../i18n/index";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, marginBlock: tokens.spacingVerticalS },
  ol: { marginBlock: tokens.spacingVerticalXS, paddingInlineStart: "1.4em" },
  note: { color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalXS },
});

export interface SelfTestPanelProps {
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

export function SelfTestHowTo(): JSX.Element {
  const s = useStyles();
  const { p } = useI18n();
  return (
    <ol className={s.ol} data-testid="self-test-steps">
      {SELF_TEST_STEPS.map((step, i) => (
        <li key={i}>{p(step)}</li>
      ))}
    </ol>
  );
}

/**
 * Renders the verdict when the message is the user's own, and the how-to. Renders the how-to only when
 * `diagnosis` is absent or the message is not from the user to the user.
 */
export function SelfTestPanel({
  diagnosis,
  userAddress,
  fromAddress,
  toAddresses,
  at,
  howToOpen,
}: SelfTestPanelProps): JSX.Element {
  const s = useStyles();
  const { t, p, lang } = useI18n();
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
        {t(applies ? "selfTestResult" : "selfTestTitle")}
      </h2>
      {applies && verdict?.state && verdict.headline ? (
        <>
          <MessageBar intent={INTENT[verdict.state]} layout="multiline" data-testid="self-test-verdict">
            <MessageBarBody>
              <MessageBarTitle>{p(verdict.headline)}</MessageBarTitle>
              {verdict.signer ? (
                <span>
                  {t("signedWith", {
                    name: verdict.signer.commonName || verdict.signer.emails[0] || verdict.signer.subject,
                    date: formatLocalDay(verdict.signer.notAfter, lang),
                  })}
                </span>
              ) : null}
            </MessageBarBody>
          </MessageBar>
          <h3 className={s.h2}>{t("recipientsWillSee")}</h3>
          <ul data-testid="self-test-see">
            {verdict.recipientsSee.map((t, i) => (
              <li key={i}>{p(t)}</li>
            ))}
          </ul>
          {verdict.faq.map((id) => (
            <FaqCard key={id} id={id} />
          ))}
        </>
      ) : null}
      <Accordion collapsible defaultOpenItems={open ? ["howto"] : []}>
        <AccordionItem value="howto">
          <AccordionHeader>{t("selfTestTitle")}</AccordionHeader>
          <AccordionPanel>
            <SelfTestHowTo />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
