/**
 * The pane: header with the language toggle, the live region, and the body for the mode it runs in —
 * the signing setup (compose), the standalone opener, or the read pane's phase (useMessageAnalysis →
 * PhaseView). Office access comes in as a port (src/office); undefined on the standalone page.
 */
import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { LocalLanguage20Regular, ShieldKeyhole20Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type { Host } from "../faq/types";
import type { OfficePort } from "../office/index";
import { Standalone } from "./components/Standalone";
import { HostContext } from "./hostContext";
import { I18nContext, makeI18n, type Lang } from "./i18n/index";
import type { MessageAnalysis } from "./messageAnalysis";
import { PhaseView } from "./PhaseView";
import { useMessageAnalysis } from "./useMessageAnalysis";

// Signing setup (compose mode, self-test, .p12 check): its own chunk, off the read pane's first paint.
const ComposePane = lazy(() =>
  import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ({ default: m.ComposePane })),
);
const CertificateFileCheck = lazy(() =>
  import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ({ default: m.CertificateFileCheck })),
);

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "60rem",
    marginInline: "auto",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  h1: { fontSize: tokens.fontSizeBase500, margin: 0 },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export interface AppProps {
  /** Outlook, through src/office; undefined on the standalone page. */
  office: OfficePort | undefined;
  /** The pane opened for a message being written (src/office isComposeMode). */
  compose: boolean;
  initialLang: Lang;
  /** The read pane's check, already started by the entry (index.tsx); unset: the pane starts its own. */
  analysis?: MessageAnalysis;
}

export function App({ office, compose, initialLang, analysis }: AppProps): JSX.Element {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const { phase, openFile, retry, fail } = useMessageAnalysis(office, {
    compose,
    ...(analysis ? { analysis } : {}),
  });
  const [showFileCheck, setShowFileCheck] = useState(false);
  // The verdict is announced once, through a live region that exists before it is filled.
  const [announcement, setAnnouncement] = useState("");
  const inOffice = office !== undefined;

  const host: Host = useMemo(() => {
    let base: Host = { client: "unknown" };
    try {
      if (office) base = office.host();
    } catch {
      // the FAQ's steps then come in their default order
    }
    return { ...base, language: lang };
  }, [office, lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (phase.name !== "done") setAnnouncement("");
  }, [phase.name]);

  return (
    <I18nContext.Provider value={i18n}>
      <HostContext.Provider value={host}>
        <main
          className={s.root}
          data-testid="app"
          data-mode={inOffice ? "office" : "standalone"}
          data-phase={phase.name}
        >
          <header className={s.header}>
            <h1 className={s.h1}>{t("appTitle")}</h1>
            <Button
              appearance="subtle"
              size="small"
              icon={<LocalLanguage20Regular />}
              onClick={() => setLang(lang === "ja" ? "en" : "ja")}
              title={t("languageLabel")}
              lang={lang === "ja" ? "en" : "ja"}
              data-testid="lang-toggle"
            >
              {t("language")}
            </Button>
          </header>

          <div
            role="status"
            aria-live="polite"
            aria-atomic="true"
            className={s.srOnly}
            data-testid="verdict-live"
          >
            {announcement}
          </div>

          {phase.name === "compose" && (
            <Suspense fallback={<Spinner size="small" label={t("loading")} />}>
              <ComposePane
                host={host}
                {...(phase.source?.userAddress ? { mailboxAddress: phase.source.userAddress } : {})}
              />
            </Suspense>
          )}

          {!inOffice && phase.name !== "compose" && (
            <Standalone
              onOpen={openFile}
              onError={(text) => fail({ text })}
              compact={phase.name === "done" || phase.name === "too-complex"}
            />
          )}

          <PhaseView phase={phase} announce={setAnnouncement} {...(inOffice ? { onRetry: retry } : {})} />

          {!inOffice && phase.name !== "compose" && phase.name !== "analysing" && (
            // Loaded on demand: the .p12 reader is not needed to open a message.
            <section aria-label={t("checkCertFile")}>
              {showFileCheck ? (
                <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
                  <CertificateFileCheck />
                </Suspense>
              ) : (
                <Button
                  appearance="secondary"
                  icon={<ShieldKeyhole20Regular />}
                  onClick={() => setShowFileCheck(true)}
                  data-testid="open-file-check"
                >
                  {t("checkCertFile")}
                </Button>
              )}
            </section>
          )}
        </main>
      </HostContext.Provider>
    </I18nContext.Provider>
  );
}
