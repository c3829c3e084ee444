import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Copy16Regular, ErrorCircle20Regular, Info20Regular, Warning20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Finding } from "../../engine";
import {
  REVOCATION_TECHNICAL_LABEL,
  revocationTechnical,
  revocationTechnicalText,
} from "../../faq/revocation";
import { adviceForFinding } from "../../faq/engineAdvice";
import { localizedMessage } from "../../faq/time";
import { FINDING_TITLES } from "../../faq/verdict";
import { useI18n } from "../i18n/index";
import { sortFindings } from "../verdict";

const useStyles = makeStyles({
  pre: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0, width: "20px", height: "20px" },
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "start" },
  message: { marginBlock: `0 ${tokens.spacingVerticalS}`, overflowWrap: "anywhere" },
  lines: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase200 },
  line: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  lineLabel: { color: tokens.colorNeutralForeground3 },
  lineValue: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  h4: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
  },
});

/** A detail value as text (nested objects as compact JSON). */
export function detailText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === undefined) return "";
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** The text a help-desk ticket needs: code, severity, the message in the pane's language and the detail. */
export function supportText(f: Finding, lang: "ja" | "en"): string {
  const detail = Object.entries(f.detail ?? {})
    .map(([k, v]) => `${k}: ${detailText(v)}`)
    .join("\n");
  const revocation = revocationTechnicalText(f, lang);
  return `${f.code} (${f.severity})\n${localizedMessage(f)[lang]}${revocation ? `\n${revocation}` : ""}${detail ? `\n${detail}` : ""}`;
}

/** One finding opened: its message, the advice that goes with it (src/faq/engineAdvice.ts), the technical detail. */
export function FindingDetail({ finding }: { finding: Finding }): JSX.Element {
  const s = useStyles();
  const { t, p, lang } = useI18n();
  const [copied, setCopied] = useState(false);
  const text = supportText(finding, lang);
  const revocation = revocationTechnical(finding, lang);
  const advice = adviceForFinding(finding);
  const severity =
    finding.severity === "error"
      ? t("severityError")
      : finding.severity === "warning"
        ? t("severityWarning")
        : t("severityInfo");
  return (
    <div>
      <p className={s.message}>{p(localizedMessage(finding))}</p>
      {advice ? (
        <p className={s.message} data-testid="finding-advice">
          {p(advice)}
        </p>
      ) : null}
      <h5 className={s.h4}>{t("technicalDetail")}</h5>
      <p style={{ margin: 0 }}>
        {t("detailCode")}: <code translate="no">{finding.code}</code> · {t("detailSeverity")}: {severity}
      </p>
      {revocation.length > 0 && (
        <>
          <h6 className={s.h4}>{p(REVOCATION_TECHNICAL_LABEL)}</h6>
          <dl className={s.lines} data-testid="revocation-technical">
            {revocation.map((l, i) => (
              <div key={i} className={s.line}>
                <dt className={s.lineLabel}>{l.label}</dt>
                <dd className={s.lineValue} {...(l.machine ? { lang: "en", translate: "no" } : {})}>
                  {l.value}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {/* machine data for the help desk (field names are the Diagnosis's own): marked as such */}
      <pre className={s.pre} lang="en" translate="no" data-testid="support-text">
        {Object.entries(finding.detail ?? {})
          .map(([k, v]) => `${k}: ${detailText(v)}`)
          .join("\n")}
      </pre>
      <Button
        size="small"
        icon={<Copy16Regular />}
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
        data-testid="copy-support"
      >
        {copied ? t("copiedShort") : t("copyForSupport")}
      </Button>
    </div>
  );
}

/** Every finding behind one disclosure 「確認した内容」: short titles, the message and the technical detail. */
export function Findings({ findings }: { findings: Finding[] }): JSX.Element | null {
  const s = useStyles();
  const { t, p, lang } = useI18n();
  if (findings.length === 0) return null;
  const icon = (f: Finding): JSX.Element =>
    f.severity === "error" ? (
      <ErrorCircle20Regular
        className={mergeClasses(s.icon, s.error)}
        role="img"
        aria-label={t("severityError")}
      />
    ) : f.severity === "warning" ? (
      <Warning20Regular
        className={mergeClasses(s.icon, s.warning)}
        role="img"
        aria-label={t("severityWarning")}
      />
    ) : (
      <Info20Regular className={mergeClasses(s.icon, s.info)} role="img" aria-label={t("severityInfo")} />
    );
  const sorted = sortFindings(findings);
  return (
    <Accordion collapsible data-testid="findings" data-codes={sorted.map((f) => f.code).join(" ")}>
      <AccordionItem value="findings">
        <AccordionHeader as="h3" data-testid="findings-toggle">
          {lang === "ja" ? `${t("findings")}（${sorted.length} 件）` : `${t("findings")} (${sorted.length})`}
        </AccordionHeader>
        <AccordionPanel>
          <Accordion multiple collapsible>
            {sorted.map((f, i) => {
              const title = FINDING_TITLES[f.code];
              return (
                <AccordionItem
                  value={`${f.code}-${i}`}
                  key={`${f.code}-${i}`}
                  data-testid="finding"
                  data-code={f.code}
                >
                  <AccordionHeader as="h4">
                    <span className={s.header}>
                      {icon(f)}
                      <span>{title ? p(title) : p(localizedMessage(f))}</span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <FindingDetail finding={f} />
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
