import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle20Regular, Info20Regular, Warning20Regular } from "@fluentui/react-icons";
import type { Finding } from "../../engine/types";
import { useI18n } from "../i18n/index";
import { sortFindings } from "../verdict";

const useStyles = makeStyles({
  detail: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  key: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", textAlign: "start" },
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

function FindingDetail({ finding }: { finding: Finding }): JSX.Element {
  const s = useStyles();
  const { t } = useI18n();
  const entries = Object.entries(finding.detail ?? {});
  return (
    <dl className={s.detail} aria-label={t("technicalDetail")}>
      <dt className={s.key}>code</dt>
      <dd className={s.value}>{finding.code}</dd>
      <dt className={s.key}>severity</dt>
      <dd className={s.value}>{finding.severity}</dd>
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt className={s.key}>{k}</dt>
          <dd className={s.value}>{detailText(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every finding, errors first, each expandable to its technical detail. */
export function Findings({ findings }: { findings: Finding[] }): JSX.Element | null {
  const s = useStyles();
  const { t, p } = useI18n();
  if (findings.length === 0) return null;
  const icon = (f: Finding): JSX.Element =>
    f.severity === "error" ? (
      <ErrorCircle20Regular className={s.error} aria-label={t("severityError")} />
    ) : f.severity === "warning" ? (
      <Warning20Regular className={s.warning} aria-label={t("severityWarning")} />
    ) : (
      <Info20Regular className={s.info} aria-label={t("severityInfo")} />
    );
  return (
    <section aria-labelledby="findings-h">
      <h3 id="findings-h">{t("findings")}</h3>
      <Accordion multiple collapsible>
        {sortFindings(findings).map((f, i) => (
          <AccordionItem
            value={`${f.code}-${i}`}
            key={`${f.code}-${i}`}
            data-testid="finding"
            data-code={f.code}
          >
            <AccordionHeader>
              <span className={s.header}>
                {icon(f)}
                <span>{p(f.message)}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <FindingDetail finding={f} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
