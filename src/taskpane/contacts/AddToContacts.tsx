/**
 * AddToContacts: the sender's certificate into Outlook contacts — one click through Microsoft Graph where
 * Outlook allows it (NAA, Contacts.ReadWrite), export (.cer / .pem / copy PEM), and the guided steps,
 * which are always shown. Self-contained; the pane mounts it with the signer of the message.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, PersonAddRegular } from "@fluentui/react-icons";
import type { Diagnosis, Signer } from "../../engine";
import type { Host } from "../../faq/types";
import {
  configuredClientId,
  createNaaTokenProvider,
  officeAuthContext,
  oneClickAvailability,
  type OfficeAuthContext,
} from "../../office/contacts/auth";
import { contactsErrorMessage, type ContactsError } from "../../office/contacts/errors";
import { certificateFiles } from "../../office/contacts/export";
import { contactCertificateGate, GATE_REASON_TEXT } from "../../office/contacts/gate";
import { GraphContactsClient, type TokenProvider } from "../../office/contacts/graph";
import { addSenderCertificate, type AddOutcome, type Sender } from "./controller";
import { guidedPath } from "./guided";
import { copyText, download } from "../files";
import { formatLocalDay, useI18n } from "../i18n/index";
import { clip, formatFingerprint } from "../verdict";

export interface AddToContactsProps {
  signer: Signer;
  /** The message's diagnosis: the contacts gate (gate.ts) decides from it whether adding is offered. */
  diagnosis: Diagnosis;
  from?: { name: string; address: string };
  host: Host;
  /** Entra application (client) id; default: the build-time SMIME_ASSISTANT_CLIENT_ID. */
  clientId?: string;
  /** For tests and the standalone page: Office facts (default: read from the global Office object). */
  authContext?: OfficeAuthContext;
  /** For tests: a token provider instead of MSAL NAA, and another Graph base URL. */
  tokenProvider?: TokenProvider;
  graphBaseUrl?: string;
  /** Show the .cer / .pem / copy buttons (default true; the signer card already has them). */
  showExport?: boolean;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  stepSet: { marginTop: tokens.spacingVerticalS },
});

type Phase =
  | { phase: "idle" }
  | { phase: "working" }
  | { phase: "done"; outcome: Extract<AddOutcome, { ok: true }> }
  | { phase: "error"; error: ContactsError };

export function AddToContacts(props: AddToContactsProps): React.JSX.Element {
  const { signer, diagnosis, from, host, showExport = true } = props;
  const styles = useStyles();
  const { t, p, lang } = useI18n();
  const clientId = props.clientId ?? configuredClientId();
  const ctx = React.useMemo(() => props.authContext ?? officeAuthContext(), [props.authContext]);
  const availability = oneClickAvailability(clientId, ctx);
  const files = React.useMemo(() => certificateFiles(signer), [signer]);
  const gate = React.useMemo(() => contactCertificateGate(diagnosis, signer), [diagnosis, signer]);
  const oneClick = availability.available && gate.allowed;
  const guide = React.useMemo(
    () => guidedPath(host, files?.cerName, oneClick),
    [host, files?.cerName, oneClick],
  );
  const [phase, setPhase] = React.useState<Phase>({ phase: "idle" });
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const tokenProvider = props.tokenProvider;
  const graphBaseUrl = props.graphBaseUrl;
  const run = React.useCallback(async () => {
    if (!clientId && !tokenProvider) return;
    setPhase({ phase: "working" });
    const getToken = tokenProvider ?? createNaaTokenProvider(clientId as string);
    const client = new GraphContactsClient({ getToken, ...(graphBaseUrl ? { baseUrl: graphBaseUrl } : {}) });
    const sender: Sender | undefined = from ? { name: from.name, address: from.address } : undefined;
    const outcome = await addSenderCertificate(diagnosis, signer, sender, client);
    setPhase(outcome.ok ? { phase: "done", outcome } : { phase: "error", error: outcome.error });
  }, [clientId, tokenProvider, graphBaseUrl, from, signer, diagnosis]);

  if (!files) {
    return (
      <section className={styles.root} aria-label={t("contactTitle")} data-testid="add-to-contacts-panel">
        <Subtitle2 as="h3">{t("contactTitle")}</Subtitle2>
        <MessageBar intent="warning">
          <MessageBarBody>{t("contactNoCertificate")}</MessageBarBody>
        </MessageBar>
      </section>
    );
  }

  const doneText = (o: Extract<AddOutcome, { ok: true }>): string => {
    const vars = { name: o.contact.name, address: o.contact.address };
    const key =
      o.result.outcome === "created"
        ? "contactCreated"
        : o.result.outcome === "updated"
          ? "contactUpdated"
          : "contactAlreadyPresent";
    return t(key, vars);
  };

  return (
    <section className={styles.root} aria-label={t("contactTitle")} data-testid="add-to-contacts-panel">
      <Subtitle2 as="h3">{t("contactTitle")}</Subtitle2>
      <Text>{t("contactIntro")}</Text>

      <div className={styles.facts}>
        <Caption1>{t("contactCertificate")}</Caption1>
        <Text>
          {clip(signer.commonName || signer.subject)}
          {signer.emails.length > 0 ? ` <${clip(signer.emails.join(", "))}>` : ""}
        </Text>
        <Caption1>{t("contactValidity")}</Caption1>
        <Text>
          {formatLocalDay(signer.notBefore, lang)} – {formatLocalDay(signer.notAfter, lang)}
        </Text>
        <Caption1>{t("contactFingerprint")}</Caption1>
        <Text className={styles.mono}>{formatFingerprint(signer.sha256)}</Text>
      </div>

      {showExport ? (
        <div className={styles.row}>
          <Button
            icon={<ArrowDownloadRegular />}
            onClick={() =>
              setNotice(
                download(files.cerName, files.der, "application/pkix-cert")
                  ? undefined
                  : t("contactFileSaveFailed"),
              )
            }
          >
            {t("contactSaveCer")}
          </Button>
          <Button
            icon={<ArrowDownloadRegular />}
            onClick={() =>
              setNotice(
                download(files.pemName, files.pem, "application/x-pem-file")
                  ? undefined
                  : t("contactFileSaveFailed"),
              )
            }
          >
            {t("contactSavePem")}
          </Button>
          <Button
            icon={<CopyRegular />}
            onClick={() => {
              void copyText(files.pem).then((ok) => setNotice(t(ok ? "contactCopied" : "contactCopyFailed")));
            }}
          >
            {t("contactCopyPem")}
          </Button>
        </div>
      ) : null}
      {notice ? (
        <Text role="status" aria-live="polite">
          {notice}
        </Text>
      ) : null}

      {!gate.allowed ? (
        <MessageBar intent="info" layout="multiline" data-testid="contact-gate">
          <MessageBarBody>
            <MessageBarTitle>{t("contactRefusedTitle")}</MessageBarTitle>
            <ul className={styles.steps}>
              {gate.reasons.map((r) => (
                <li key={r} data-reason={r}>
                  {p(GATE_REASON_TEXT[r])}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : availability.available ? (
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<PersonAddRegular />}
            disabled={phase.phase === "working"}
            onClick={() => void run()}
            data-testid="add-to-contacts"
          >
            {t(phase.phase === "error" ? "contactTryAgain" : "contactOneClick")}
          </Button>
          {phase.phase === "working" ? <Spinner size="tiny" label={t("contactWorking")} /> : null}
        </div>
      ) : availability.reason !== "not-configured" ? (
        <MessageBar intent="info" data-testid="one-click-unavailable">
          <MessageBarBody>
            <MessageBarTitle>{t("contactNotAvailableTitle")}</MessageBarTitle>
            {p(contactsErrorMessage(availability.reason))}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {phase.phase === "done" ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {doneText(phase.outcome)} {t("contactSyncNote")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.phase === "error" ? (
        <MessageBar intent="error" role="alert" data-testid="add-to-contacts-error">
          <MessageBarBody>
            <MessageBarTitle>{t("contactErrorTitle")}</MessageBarTitle>
            {p(phase.error.localized)}
            {phase.error.kind === "throttled" && phase.error.retryAfterSeconds
              ? t("contactRetryIn", { seconds: phase.error.retryAfterSeconds })
              : ""}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {gate.allowed ? (
        <section aria-label={t("contactGuidedTitle")} data-testid="add-contact-steps">
          <Subtitle2 as="h4">{t("contactGuidedTitle")}</Subtitle2>
          <Caption1 as="p" style={{ display: "block", margin: "2px 0 6px" }}>
            {p(guide.question)}
          </Caption1>
          {guide.note ? (
            <MessageBar intent="info">
              <MessageBarBody>{p(guide.note)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {guide.steps.map((set, i) => (
            <div key={`${set.client}-${i}`} className={styles.stepSet} data-testid="step-set">
              <Text weight="semibold">{p(set.label)}</Text>
              <ol className={styles.steps}>
                {set.steps.map((s, j) => (
                  <li key={j}>
                    <Text>{p(s)}</Text>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      ) : null}
    </section>
  );
}

export default AddToContacts;
