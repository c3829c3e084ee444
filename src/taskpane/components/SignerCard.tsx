import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Card,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { Fragment, lazy, Suspense } from "react";
import type { Diagnosis, Signer } from "../../engine";
import { REVOCATION_LABEL, REVOKED_BADGE, revocationStatus } from "../../faq/revocation";
import { formatLocalDay, useI18n, type StringKey } from "../i18n/index";
import { ADDRESSES_SHOWN, clip, daysUntil, signerName, trustedByKey } from "../verdict";
import type { SenderIdentity } from "../sender";
import { CertActions } from "./CertActions";

const SignerDetails = lazy(() => import(/* webpackChunkName: "details" */ "./SignerDetails"));

export const useCardStyles = makeStyles({
  card: { marginBlock: tokens.spacingVerticalS },
  fields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    // reflow (200 % zoom of a narrow pane): labels above their values
    "@media (max-width: 280px)": { gridTemplateColumns: "minmax(0, 1fr)" },
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  key: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  mono: {
    margin: 0,
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: "anywhere" },
});

/**
 * An e-mail address that wraps before its "@" when the pane is too narrow for it, not at whichever character
 * reaches the edge ("taro.yamada@example.j" / "p" at 320 px); a part still too long wraps anywhere.
 */
function Address({ value }: { value: string }): JSX.Element {
  const at = value.lastIndexOf("@");
  if (at <= 0) return <>{value}</>;
  return (
    <>
      {value.slice(0, at)}
      <wbr />
      {value.slice(at)}
    </>
  );
}

/** The signer certificate: who, issued by whom, valid until when; details and actions below. */
export function SignerCard({
  signer,
  index,
  count,
  from,
  diagnosis,
}: {
  signer: Signer;
  /** The message's diagnosis: whether the certificate may be added to contacts (contacts gate). */
  diagnosis: Diagnosis;
  index: number;
  count: number;
  /** The message's sender, for the contact "add to contacts" creates. */
  from?: SenderIdentity | undefined;
}): JSX.Element {
  const s = useCardStyles();
  const { t, p, lang } = useI18n();
  const revocation = revocationStatus(diagnosis, signer);
  const revoked = revocation?.state === "revoked";
  const days = daysUntil(signer.notAfter);
  const notYet = (daysUntil(signer.notBefore) ?? -1) > 0;
  const left = notYet
    ? t("notYetValid")
    : days === undefined
      ? ""
      : days >= 0
        ? t("daysLeft", { n: days })
        : t("expiredDaysAgo", { n: -days });
  return (
    <Card className={s.card} data-testid="signer-card" aria-label={t("signer")}>
      <h3 className={s.title}>
        {count > 1 ? t("signerN", { n: index + 1 }) : t("signedBy")}
        {lang === "ja" ? "：" : ": "}
        <span data-testid="signer-name">
          {/* a signer whose certificate is not in the mail has no name to show (SIGNER_CERTIFICATE_MISSING) */}
          {signer.sha256 ? signerName(signer) : t("signerNoCertificate")}
        </span>{" "}
        {revoked ? (
          <Badge appearance="tint" color="danger" data-testid="trust-badge" data-revoked="true">
            {p(REVOKED_BADGE)}
          </Badge>
        ) : (
          <Badge appearance="tint" color={signer.trusted ? "success" : "warning"} data-testid="trust-badge">
            {signer.trusted ? t("trusted") : t("notTrusted")}
          </Badge>
        )}
      </h3>
      <dl className={s.fields}>
        {signer.emails.length > 0 && (
          <>
            <dt className={s.key}>{t("emails")}</dt>
            <dd className={s.value} data-testid="signer-emails">
              {signer.emails.slice(0, ADDRESSES_SHOWN).map((e, i) => (
                <Fragment key={`${i}:${e}`}>
                  {i > 0 ? ", " : ""}
                  <Address value={clip(e)} />
                </Fragment>
              ))}
              {signer.emails.length > ADDRESSES_SHOWN &&
                t("moreAddresses", { n: signer.emails.length - ADDRESSES_SHOWN })}
            </dd>
          </>
        )}
        {signer.notAfter && (
          <>
            <dt className={s.key}>{t("validUntil")}</dt>
            <dd className={s.value} data-testid="signer-validity">
              {formatLocalDay(signer.notAfter, lang)}
              {left ? (lang === "ja" ? `（${left}）` : ` (${left})`) : ""}
            </dd>
          </>
        )}
        {revocation && (
          <>
            <dt className={s.key}>{p(REVOCATION_LABEL)}</dt>
            <dd className={s.value} data-testid="signer-revocation" data-state={revocation.state}>
              {p(revocation.line)}
            </dd>
          </>
        )}
      </dl>
      <Accordion collapsible>
        <AccordionItem value="details">
          <AccordionHeader as="h4" size="small" data-testid="cert-details-toggle">
            {t("showDetails")}
          </AccordionHeader>
          <AccordionPanel>
            <dl className={s.fields}>
              {signer.organization && (
                <>
                  <dt className={s.key}>{t("organisation")}</dt>
                  <dd className={s.value}>{clip(signer.organization)}</dd>
                </>
              )}
              <dt className={s.key}>{t("issuer")}</dt>
              <dd className={s.value}>{clip(signer.issuer)}</dd>
              <dt className={s.key}>{t("validity")}</dt>
              <dd className={s.value}>
                {t("validRange", {
                  from: formatLocalDay(signer.notBefore, lang),
                  to: formatLocalDay(signer.notAfter, lang),
                })}
              </dd>
              {trustedByKey(signer) && (
                <>
                  <dt className={s.key}>{t("trusted")}</dt>
                  <dd className={s.value} data-testid="trusted-by">
                    {t(trustedByKey(signer) as StringKey)}
                  </dd>
                </>
              )}
              {signer.jcan && (
                <>
                  <dt className={s.key}>JCAN</dt>
                  <dd className={s.value}>
                    <Badge appearance="filled" color="brand" data-testid="jcan-badge">
                      {t("jcanBadge")}
                    </Badge>
                  </dd>
                </>
              )}
            </dl>
            <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
              <SignerDetails signer={signer} />
            </Suspense>
            {signer.certificate && (
              <CertActions signer={signer} diagnosis={diagnosis} {...(from ? { from } : {})} />
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
