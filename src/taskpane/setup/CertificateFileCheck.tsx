/**
 * The certificate file check: a file picker and a password field; checkPkcs12 runs on this computer.
 * The password lives only in this component's state, is cleared as soon as the check starts, and is never
 * logged, stored or sent.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import {
  DocumentArrowUp20Regular,
  ErrorCircle20Regular,
  Info20Regular,
  Warning20Regular,
} from "@fluentui/react-icons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { CertificateSummary, Finding } from "../../engine";
import { renewAdvice } from "../../faq/engineAdvice";
import { localizedMessage } from "../../faq/time";
import { FaqCard } from "./FaqCard";
import { runFileCheck, type FileCheckOutcome, type FileLike, type P12Checker } from "./p12Check";
import { formatLocalDay, useI18n } from "../i18n/index";
import { formatFingerprint } from "../verdict";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, marginBlock: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "32rem" },
  file: { display: "none" },
  picker: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  fileName: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "6px" },
  finding: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  info: { color: tokens.colorNeutralForeground2, flexShrink: 0 },
  dl: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    // a task pane (320–400 px): labels above values, or 「SHA-256 フィンガープリント」 leaves the values a
    // column of a few characters (an address broken after "example", the fingerprint in shreds)
    "@media (max-width: 479px)": { gridTemplateColumns: "minmax(0, 1fr)", rowGap: 0 },
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: {
    margin: 0,
    overflowWrap: "anywhere",
    "@media (max-width: 479px)": { marginBlockEnd: tokens.spacingVerticalS },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground2, marginBlock: tokens.spacingVerticalXS },
});

export interface CertificateFileCheckProps {
  /** The signed-in mailbox address: the certificate should name it (EMAIL_MISMATCH otherwise). */
  mailboxAddress?: string;
  /** Evaluation time (default: now). */
  at?: Date;
  /** The checker (default: the engine's checkPkcs12); for tests. */
  check?: P12Checker;
}

export function FindingList({ findings }: { findings: readonly Finding[] }): JSX.Element {
  const s = useStyles();
  const { t, p } = useI18n();
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <ul className={s.list} aria-label={t("fileFindings")}>
      {sorted.map((f, i) => (
        <li key={`${f.code}-${i}`} className={s.finding} data-testid="p12-finding" data-code={f.code}>
          {f.severity === "error" ? (
            <ErrorCircle20Regular className={s.error} aria-hidden />
          ) : f.severity === "warning" ? (
            <Warning20Regular className={s.warning} aria-hidden />
          ) : (
            <Info20Regular className={s.info} aria-hidden />
          )}
          <span>{p(localizedMessage(f))}</span>
        </li>
      ))}
    </ul>
  );
}

export function CertificateFacts({ cert }: { cert: CertificateSummary }): JSX.Element {
  const s = useStyles();
  const { t, lang } = useI18n();
  return (
    <dl className={s.dl} data-testid="p12-certificate">
      <dt className={s.dt}>{t("certName")}</dt>
      <dd className={s.dd}>{cert.commonName || cert.subject}</dd>
      <dt className={s.dt}>{t("certEmails")}</dt>
      <dd className={s.dd}>{cert.emails.join(", ") || "—"}</dd>
      <dt className={s.dt}>{t("certIssuer")}</dt>
      <dd className={s.dd}>{cert.issuer}</dd>
      <dt className={s.dt}>{t("certValidity")}</dt>
      <dd className={s.dd}>
        {formatLocalDay(cert.notBefore, lang)} – {formatLocalDay(cert.notAfter, lang)}
      </dd>
      <dt className={s.dt}>{t("certFingerprint")}</dt>
      <dd className={`${s.dd} ${s.mono}`}>{formatFingerprint(cert.sha256)}</dd>
    </dl>
  );
}

/** Shows a check outcome (also usable on its own, e.g. for a stored result in tests). */
export function FileCheckResult({ outcome }: { outcome: FileCheckOutcome }): JSX.Element {
  const s = useStyles();
  const { t, p } = useI18n();
  if (outcome.kind === "error") {
    return (
      <MessageBar intent="error" data-testid="p12-error">
        <MessageBarBody>{p(outcome.message)}</MessageBarBody>
      </MessageBar>
    );
  }
  const { result } = outcome;
  const ok = result.findings.find((f) => f.code === "P12_OK");
  return (
    <div data-testid="p12-result">
      {ok ? (
        <MessageBar intent="success" data-testid="p12-ok">
          <MessageBarBody>{p(localizedMessage(ok))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <p className={s.note}>{t("checkedFile", { name: outcome.fileName })}</p>
      <h3 className={s.h2}>{t("fileFindings")}</h3>
      <FindingList findings={result.findings} />
      {result.certificate ? (
        <>
          <h3 className={s.h2}>{t("fileCertificate")}</h3>
          <CertificateFacts cert={result.certificate} />
        </>
      ) : null}
      {result.advice && result.advice.length > 0 ? (
        <>
          <h3 className={s.h2}>{t("advice")}</h3>
          <ul data-testid="p12-advice">
            {result.advice.map((a) => (
              <li key={a.id} data-advice={a.id}>
                {p(a.message)}
                {a.id === "renew" ? (
                  <>
                    {" "}
                    <span data-testid="p12-renew-where">{p(renewAdvice(result.certificate))}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className={s.h2}>{t("relatedFaq")}</h3>
      {outcome.faq.map((id) => (
        <FaqCard key={id} id={id} />
      ))}
    </div>
  );
}

export function CertificateFileCheck({ mailboxAddress, at, check }: CertificateFileCheckProps): JSX.Element {
  const s = useStyles();
  const { t } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<FileLike | null>(null);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FileCheckOutcome | null>(null);
  const seq = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (busy) return;
    const pw = password;
    setPassword(""); // cleared at once: the value exists only for this one call
    const n = ++seq.current;
    setBusy(true);
    void runFileCheck(file, pw, {
      ...(mailboxAddress ? { email: mailboxAddress } : {}),
      ...(at ? { at } : {}),
      ...(check ? { check } : {}),
    })
      .then((o) => {
        if (n === seq.current) setOutcome(o);
      })
      .finally(() => {
        if (n === seq.current) setBusy(false);
      });
  };

  return (
    <section aria-labelledby="setup-file-h" className={s.root} data-testid="certificate-file-check">
      <h2 id="setup-file-h" className={s.h2}>
        {t("fileCheckTitle")}
      </h2>
      <p className={s.note}>{t("fileCheckIntro")}</p>
      <form className={s.form} onSubmit={onSubmit} autoComplete="off">
        {/* The same Fluent file button as the message opener; the native input stays for the picker. */}
        <div className={s.picker}>
          <Button
            appearance="secondary"
            icon={<DocumentArrowUp20Regular />}
            onClick={() => fileInput.current?.click()}
            data-testid="p12-choose"
          >
            {t("fileLabel")}
          </Button>
          {file ? (
            <span className={s.fileName} data-testid="p12-file-name">
              {file.name}
            </span>
          ) : null}
        </div>
        <input
          id={fileId}
          ref={fileInput}
          className={s.file}
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          aria-label={t("fileLabel")}
          data-testid="p12-file"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <Field label={t("passwordLabel")}>
          <Input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={password}
            data-testid="p12-password"
            onChange={(_, d) => setPassword(d.value)}
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy || !file} data-testid="p12-submit">
            {t("checkButton")}
          </Button>
        </div>
      </form>
      {busy ? <Spinner size="tiny" label={t("fileChecking")} /> : null}
      {outcome && !busy ? (
        <>
          <p className={s.note} data-testid="p12-password-cleared">
            {t("passwordCleared")}
          </p>
          <FileCheckResult outcome={outcome} />
        </>
      ) : null}
    </section>
  );
}
