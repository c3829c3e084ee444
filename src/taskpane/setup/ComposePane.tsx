/**
 * Compose mode ("Check my signing setup"): how to switch on signing in this very client (an add-in cannot
 * see or set it), the recipients with the certificates S/MIME Assistant knows for them, the self-test,
 * and the certificate file check.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Host } from "../../faq/types";
import {
  composeRecipientSource,
  roamingCertificateLookup,
  type CertificateLookup,
  type RecipientField,
  type RecipientSource,
} from "../../office/compose/index";
import { CertificateFileCheck } from "./CertificateFileCheck";
import { FaqCard } from "./FaqCard";
import { signingGuide, type InstructionSet } from "./instructions";
import { recipientStatus, summarize, type RecipientRow } from "./recipients";
import { SelfTestPanel } from "./SelfTestPanel";
import { createRecipientTracker, type RecipientTracker, type TrackerSnapshot } from "./tracker";
import { formatLocalDay, translate, useI18n, type Lang } from "../i18n/index";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  h2: { fontSize: tokens.fontSizeBase400, marginBlock: tokens.spacingVerticalS },
  ol: { marginBlock: tokens.spacingVerticalXS, paddingInlineStart: "1.4em" },
  note: { marginBlock: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "6px" },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  who: { flexGrow: 1, minWidth: "10rem", overflowWrap: "anywhere" },
  addr: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface ComposePaneProps {
  host: Host;
  /** Where the recipients come from. Default: Outlook's current compose item (none outside Outlook). */
  source?: RecipientSource | null;
  /** Certificates known per address. Default: the roaming-settings store of src/office/contacts. */
  lookup?: CertificateLookup | null;
  /** The signed-in mailbox address (for the certificate file check's EMAIL_MISMATCH). */
  mailboxAddress?: string;
  /** Evaluation time (default: now). */
  now?: Date;
  /** Include the certificate file check (default true). */
  showFileCheck?: boolean;
}

export function InstructionSteps({ set }: { set: InstructionSet }): JSX.Element {
  const s = useStyles();
  const { p } = useI18n();
  return (
    <div data-testid="signing-steps" data-source={set.source} data-client={set.faqClient ?? ""}>
      <ol className={s.ol}>
        {set.steps.map((step, i) => (
          <li key={i}>{p(step)}</li>
        ))}
      </ol>
      {set.notes.map((n, i) => (
        <p key={i} className={s.note}>
          {p(n)}
        </p>
      ))}
    </div>
  );
}

/** The signing switch for the user's client, from the FAQ steps (and the honest limitation). */
export function SigningSwitch({ host }: { host: Host }): JSX.Element {
  const s = useStyles();
  const { t, p } = useI18n();
  const guide = useMemo(() => signingGuide(host), [host]);
  return (
    <section aria-labelledby="setup-switch-h" data-testid="signing-switch" data-client={guide.client}>
      <h2 id="setup-switch-h" className={s.h2}>
        {t("switchTitle")}
      </h2>
      <MessageBar intent="info" data-testid="addin-limitation">
        <MessageBarBody>{p(guide.limitation)}</MessageBarBody>
      </MessageBar>
      <p>
        {t("yourClient", {
          name: p(guide.primary.label) + (host.version ? ` (${host.version})` : ""),
        })}
      </p>
      <InstructionSteps set={guide.primary} />
      <p className={s.note}>{t(guide.primary.source === "faq" ? "faqSource" : "productSource")}</p>
      <Accordion collapsible>
        <AccordionItem value="others">
          <AccordionHeader>{t("setupOtherClients")}</AccordionHeader>
          <AccordionPanel>
            {guide.others.map((set, i) => (
              <div key={i}>
                <h3 className={s.h2}>{p(set.label)}</h3>
                <InstructionSteps set={set} />
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

function fieldLabel(f: RecipientField, lang: Lang): string {
  return translate(lang, f === "to" ? "fieldTo" : f === "cc" ? "fieldCc" : "fieldBcc");
}

export function statusText(row: RecipientRow, lang: Lang): string {
  const date = formatLocalDay(row.certificate?.notAfter, lang);
  switch (row.state) {
    case "valid":
      return translate(lang, "stValid", { date });
    case "expiring":
      return translate(lang, "stExpiring", { date, days: Math.max(0, row.daysLeft ?? 0) });
    case "expired":
      return translate(lang, "stExpired", { date });
    case "not-yet-valid":
      return translate(lang, "stNotYet", { date: formatLocalDay(row.certificate?.notBefore, lang) });
    case "no-address":
      return translate(lang, "stNoAddress");
    default:
      return translate(lang, "stNone");
  }
}

const BADGE_COLOR: Record<RecipientRow["state"], "success" | "warning" | "danger" | "informative"> = {
  valid: "success",
  expiring: "warning",
  expired: "danger",
  "not-yet-valid": "warning",
  none: "informative",
  "no-address": "informative",
};

/** The recipient list with known-certificate status (pure rendering of rows). */
export function RecipientList({ rows }: { rows: readonly RecipientRow[] }): JSX.Element {
  const s = useStyles();
  const { t, lang } = useI18n();
  const sum = summarize(rows);
  if (rows.length === 0) return <p data-testid="recipients-empty">{t("recipientsNone")}</p>;
  return (
    <div>
      <ul className={s.list} data-testid="recipient-list">
        {rows.map((r, i) => (
          <li key={`${r.address}-${i}`} className={s.row} data-testid="recipient" data-state={r.state}>
            <span className={s.who}>
              <span>{r.displayName || r.address}</span>
              {r.displayName && r.address && r.displayName.toLowerCase() !== r.address ? (
                <span className={s.addr}> &lt;{r.address}&gt;</span>
              ) : null}
              <span className={s.addr}> · {r.fields.map((f) => fieldLabel(f, lang)).join(", ")}</span>
            </span>
            <Badge appearance="tint" color={BADGE_COLOR[r.state]}>
              {statusText(r, lang)}
            </Badge>
          </li>
        ))}
      </ul>
      {sum.encryptionWouldFail ? (
        <div data-testid="encryption-warning">
          <MessageBar intent="warning">
            <MessageBarBody>{t("summaryMissing", { missing: sum.missing, total: sum.total })}</MessageBarBody>
          </MessageBar>
          <FaqCard id="outlook-encryption-error" />
          <p>{t("signedOnly")}</p>
          <p>{t("howToGetCert")}</p>
        </div>
      ) : (
        <p data-testid="recipients-ready">{t("summaryReady", { n: sum.total })}</p>
      )}
    </div>
  );
}

/** Reads the recipients and follows their changes (RecipientsChanged, Mailbox 1.7). */
function useRecipients(source: RecipientSource | null): TrackerSnapshot & { refresh: () => void } {
  const [snap, setSnap] = useState<TrackerSnapshot>({
    state: source ? { name: "loading" } : { name: "unavailable" },
  });
  const tracker = useRef<RecipientTracker | undefined>(undefined);
  useEffect(() => {
    const t = createRecipientTracker(source, setSnap);
    tracker.current = t;
    t.start();
    return () => {
      t.stop();
      if (tracker.current === t) tracker.current = undefined;
    };
  }, [source]);
  const refresh = useCallback(() => tracker.current?.refresh(), []);
  return { ...snap, refresh };
}

export function ComposePane({
  host,
  source,
  lookup,
  mailboxAddress,
  now,
  showFileCheck = true,
}: ComposePaneProps): JSX.Element {
  const s = useStyles();
  const { t, lang } = useI18n();
  // undefined → the live Outlook defaults; null → explicitly none.
  const src = useMemo(() => (source === undefined ? (composeRecipientSource() ?? null) : source), [source]);
  const look = useMemo(
    () => (lookup === undefined ? (roamingCertificateLookup() ?? null) : lookup),
    [lookup],
  );
  const { state: phase, live, refresh } = useRecipients(src);
  const rows = useMemo(
    () =>
      phase.name === "ready"
        ? recipientStatus(phase.read.recipients, look ?? undefined, now ?? new Date())
        : [],
    [phase, look, now],
  );
  return (
    <div className={s.root} data-testid="compose-pane">
      <SigningSwitch host={host} />

      <section aria-labelledby="setup-recipients-h" data-testid="recipients">
        <div className={s.toolbar}>
          <h2 id="setup-recipients-h" className={s.h2} style={{ flexGrow: 1 }}>
            {t("recipientsTitle")}
          </h2>
          {src ? (
            <Button size="small" icon={<ArrowClockwise20Regular />} onClick={refresh}>
              {t("refresh")}
            </Button>
          ) : null}
        </div>
        <p className={s.note}>{t("recipientsIntro")}</p>
        {phase.name === "unavailable" ? (
          <p data-testid="recipients-unavailable">{t("recipientsUnavailable")}</p>
        ) : phase.name === "loading" ? (
          <Spinner size="tiny" label={t("recipientsLoading")} />
        ) : (
          <>
            {phase.read.failures
              .filter((f) => f.kind !== "missing" || f.field === "to")
              .map((f) => (
                <MessageBar key={f.field} intent="warning" data-testid="recipients-failure">
                  <MessageBarBody>
                    {t("recipientsFailed", { field: fieldLabel(f.field, lang), reason: f.message })}
                  </MessageBarBody>
                </MessageBar>
              ))}
            <RecipientList rows={rows} />
          </>
        )}
        {src && (live === "unsupported" || live === "failed") ? (
          <p className={s.note} data-testid="no-live-update">
            {t("noLiveUpdate")}
          </p>
        ) : null}
      </section>

      <SelfTestPanel />

      {showFileCheck ? <CertificateFileCheck {...(mailboxAddress ? { mailboxAddress } : {})} /> : null}
    </div>
  );
}
