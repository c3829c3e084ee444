/** Lazy part of the signer card: fingerprint, serial, algorithms and the chain with glossary tooltips. */
import { Button, Tooltip } from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import type { Signer } from "../../engine";
import { GLOSSARY } from "../../faq/index";
import { formatDateTime, useI18n } from "../i18n/index";
import { clip, formatFingerprint } from "../verdict";
import { useCardStyles } from "./SignerCard";

/** A small (i) button whose tooltip is the glossary definition of term id. */
export function GlossaryTip({ id }: { id: string }): JSX.Element | null {
  const { p } = useI18n();
  const term = GLOSSARY.find((g) => g.id === id);
  if (!term) return null;
  return (
    <Tooltip content={`${p(term.term)}: ${p(term.definition)}`} relationship="description" withArrow>
      <Button
        size="small"
        appearance="transparent"
        icon={<Info16Regular />}
        aria-label={p(term.term)}
        data-testid={`glossary-${id}`}
      />
    </Tooltip>
  );
}

type Role = "signer" | "intermediate" | "root" | "top";

export function chainRoles(signer: Signer): Role[] {
  const n = signer.chain.length;
  return signer.chain.map((_, i) => {
    if (i === 0) return "signer";
    if (i === n - 1) return signer.trusted ? "root" : "top";
    return "intermediate";
  });
}

export default function SignerDetails({ signer }: { signer: Signer }): JSX.Element {
  const s = useCardStyles();
  const { t, p, lang } = useI18n();
  const jcanTerm = GLOSSARY.find((g) => g.id === "jcan-certificate");
  const roles = chainRoles(signer);
  const roleLabel: Record<Role, string> = {
    signer: t("chainSigner"),
    intermediate: t("chainIntermediate"),
    root: t("chainRoot"),
    top: t("chainTop"),
  };
  const roleTerm: Partial<Record<Role, string>> = {
    intermediate: "intermediate-ca-certificate",
    root: "root-certificate",
    top: "root-certificate",
  };
  return (
    <div data-testid="signer-details">
      <dl className={s.fields}>
        <dt className={s.key}>{t("fingerprint")}</dt>
        <dd className={s.mono} data-testid="signer-sha256">
          {formatFingerprint(signer.sha256)}
        </dd>
        <dt className={s.key}>{t("serial")}</dt>
        <dd className={s.mono}>{signer.serialNumber}</dd>
        {signer.signingTime && (
          <>
            <dt className={s.key}>{t("signingTime")}</dt>
            <dd className={s.value}>{formatDateTime(signer.signingTime, lang)}</dd>
          </>
        )}
        <dt className={s.key}>{t("algorithm")}</dt>
        <dd className={s.value}>
          {[
            signer.signatureAlgorithm,
            signer.digestAlgorithm,
            signer.keySize ? `${signer.keyType} ${signer.keySize}` : signer.keyType,
          ]
            .filter(Boolean)
            .join(" / ")}
        </dd>
        {signer.jcan && (
          <>
            <dt className={s.key}>JCAN</dt>
            <dd className={s.value}>
              {jcanTerm ? p(jcanTerm.term) : "JCAN"}
              <GlossaryTip id="jcan-certificate" />
            </dd>
          </>
        )}
      </dl>
      {signer.chain.length > 0 && (
        <>
          <h5 style={{ marginBlock: "8px 4px" }}>{t("chain")}</h5>
          <ol data-testid="signer-chain" style={{ margin: 0, paddingInlineStart: "1.4em" }}>
            {signer.chain.map((subject, i) => {
              const role = roles[i] ?? "intermediate";
              const term = roleTerm[role];
              return (
                <li key={`${i}-${subject}`} data-role={role}>
                  <strong>{roleLabel[role]}</strong>
                  {term && <GlossaryTip id={term} />}
                  <span>: {clip(subject)}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
