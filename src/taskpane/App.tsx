import {
  Button,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { LocalLanguage20Regular, ShieldKeyhole20Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Diagnosis, fromPem } from "../engine";
import type { Host } from "../faq/types";
import type { MessageSource } from "../office/types";
import { analyse, BIG_MESSAGE, warmUp } from "./analyze";
import { isTimeLimitError } from "./supervisor";
import { Findings } from "./components/Findings";
import { SignerCard } from "./components/SignerCard";
import { Standalone, type OpenedMessage } from "./components/Standalone";
import { TextsPanel } from "./components/TextsPanel";
import { VerdictBanner } from "./components/VerdictBanner";
import { HostContext } from "./hostContext";
import { formatSize, I18nContext, makeI18n, type Lang } from "./i18n/index";
import {
  getHost,
  isComposeMode,
  onDragAndDrop,
  MAX_DROPPED_FILE,
  onItemChanged,
  readCurrentMessage,
  rememberSigners,
  secondLook,
  type DropResult,
} from "./officeBridge";
import { senderIdentity } from "./sender";
import { verdictOf } from "./verdict";

const Guidance = lazy(() => import(/* webpackChunkName: "faq" */ "./components/Guidance"));
// Signing setup (compose mode, self-test, .p12 check): its own chunk, off the read pane's first paint.
const ComposePane = lazy(() =>
  import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ({ default: m.ComposePane })),
);
const SelfTestPanel = lazy(() =>
  import(/* webpackChunkName: "setup" */ "./setup/index").then((m) => ({ default: m.SelfTestPanel })),
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
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
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

// Reduced motion: spinners and progress bars stop animating (they keep their label).
const useReducedMotion = makeStaticStyles(
  "@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important; } }",
);

type Phase =
  | { name: "idle" }
  | { name: "reading" }
  | { name: "analysing"; size: number; fraction?: number }
  | { name: "done"; diagnosis: Diagnosis; source?: MessageSource; fileName?: string }
  | { name: "empty"; source?: MessageSource }
  | { name: "compose"; source?: MessageSource }
  | { name: "error"; message: string }
  /** The analysis passed its time limit (analyze.ts): the worker was ended; the CLI is the way on. */
  | { name: "too-complex"; seconds: number; source?: MessageSource; fileName?: string };

function composeRequested(): boolean {
  try {
    return isComposeMode();
  } catch {
    return false;
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

export interface AppProps {
  inOffice: boolean;
  initialLang: Lang;
}

export function App({ inOffice, initialLang }: AppProps): JSX.Element {
  const s = useStyles();
  useReducedMotion();
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t, p } = i18n;
  const [phase, setPhase] = useState<Phase>(() =>
    composeRequested() ? { name: "compose" } : inOffice ? { name: "reading" } : { name: "idle" },
  );
  const request = useRef(0);
  const running = useRef<AbortController | undefined>(undefined);
  const [showFileCheck, setShowFileCheck] = useState(false);

  const host: Host = useMemo(() => {
    if (!inOffice) return { client: "unknown", language: lang };
    try {
      return { ...getHost(), language: lang };
    } catch {
      return { client: "unknown", language: lang };
    }
  }, [inOffice, lang]);

  const run = useCallback(
    async (
      bytes: Uint8Array,
      anchors: Uint8Array[],
      extra: { source?: MessageSource; fileName?: string },
    ) => {
      const id = ++request.current;
      const size = bytes.byteLength;
      // a newer message replaces the one being checked: its worker is ended, not left running
      running.current?.abort();
      const abort = new AbortController();
      running.current = abort;
      setPhase({ name: "analysing", size });
      try {
        const diagnosis = await analyse(bytes, {
          trustAnchors: anchors,
          signal: abort.signal,
          onProgress: (fraction) => {
            if (id === request.current) setPhase({ name: "analysing", size, fraction });
          },
        });
        if (id !== request.current) return;
        // Inside Outlook: a failed signature on classic Windows' rebuilt copy gets a second look (src/office).
        const settled = extra.source
          ? await secondLook(diagnosis, extra.source, (b) => analyse(b, { trustAnchors: anchors }))
          : { diagnosis, source: undefined };
        if (id !== request.current) return;
        setPhase({
          name: "done",
          ...extra,
          diagnosis: settled.diagnosis,
          ...(settled.source ? { source: settled.source } : {}),
        });
        // Remember verified signers for the compose-side recipient check (Outlook only; never throws).
        if (extra.source) void rememberSigners(settled.diagnosis);
      } catch (e) {
        if (id !== request.current) return;
        if (isTimeLimitError(e))
          setPhase({ name: "too-complex", seconds: Math.max(1, Math.round(e.limitMs / 1000)), ...extra });
        else
          setPhase({ name: "error", message: makeI18n(lang).t("errorAnalyseFailed", { reason: reason(e) }) });
      }
    },
    [lang],
  );

  const loadFromOffice = useCallback(async () => {
    const id = ++request.current;
    setPhase({ name: "reading" });
    let source: MessageSource;
    try {
      source = await readCurrentMessage();
    } catch (e) {
      if (id === request.current)
        setPhase({ name: "error", message: makeI18n(lang).t("errorReadFailed", { reason: reason(e) }) });
      return;
    }
    if (id !== request.current) return;
    if (source.itemMode === "compose") {
      setPhase({ name: "compose", source });
    } else if (source.noItem) {
      setPhase({ name: "empty", source });
    } else if (source.bytes && source.bytes.byteLength > 0) {
      // Trust anchors: the worker loads the defaults (Mozilla's e-mail roots and the organisation's, built
      // in); nothing from the message or the user is added.
      await run(source.bytes, [], { source });
    } else if (source.partial) {
      setPhase({ name: "done", diagnosis: source.partial, source });
    } else {
      setPhase({ name: "empty", source });
    }
  }, [lang, run]);

  useEffect(() => {
    if (!inOffice || composeRequested()) return;
    warmUp();
    void loadFromOffice();
    // pinning not supported → false: the pane shows the item it opened with
    onItemChanged(() => void loadFromOffice()).catch(() => false);
    // Outlook on the web / new Outlook: a message (or an .eml/.msg attachment) dragged into the pane is
    // checked instead of the selected item, until another item is selected.
    onDragAndDrop({ onDrop: (r) => dropped.current(r) }).catch(() => false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per pane
  }, [inOffice]);

  const dropped = useRef<(r: DropResult) => void>(() => undefined);
  dropped.current = (r: DropResult): void => {
    const i18nNow = makeI18n(lang);
    const first = r.messages[0];
    if (first) {
      focusVerdict.current = true;
      void run(first.bytes, [], { fileName: first.name });
      return;
    }
    const failed = r.failed[0];
    if (failed) {
      setPhase({
        name: "error",
        message:
          failed.reason === "too-big"
            ? i18nNow.t("fileTooBig", { max: formatSize(MAX_DROPPED_FILE) })
            : i18nNow.t("fileReadFailed", { reason: `${failed.name}: ${failed.reason}` }),
      });
    } else if (r.ignored.length > 0) {
      setPhase({ name: "error", message: i18nNow.t("droppedNotMessage", { names: r.ignored.join(", ") }) });
    }
  };

  const openStandalone = useCallback(
    (m: OpenedMessage) => {
      const anchors = m.anchorsPem.flatMap((pem) => {
        try {
          return fromPem(pem);
        } catch {
          return [];
        }
      });
      focusVerdict.current = true;
      void run(m.bytes, anchors, { fileName: m.name });
    },
    [run],
  );

  const verdict = phase.name === "done" ? verdictOf(phase.diagnosis, lang, host) : undefined;
  // The verdict is announced once, through a live region that exists before it is filled; after an
  // .eml/.msg is opened or dropped, focus moves to the verdict's heading.
  const [announcement, setAnnouncement] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusVerdict = useRef(false);
  const announcedFor = useRef<Diagnosis | undefined>(undefined);
  const doneDiagnosis = phase.name === "done" ? phase.diagnosis : undefined;
  useEffect(() => {
    if (!doneDiagnosis || !verdict) {
      if (phase.name !== "done") announcedFor.current = undefined;
      return;
    }
    if (announcedFor.current !== doneDiagnosis) {
      announcedFor.current = doneDiagnosis;
      setAnnouncement(`${verdict.title}${lang === "ja" ? "。" : ". "}${verdict.sentence}`);
    }
    if (focusVerdict.current) {
      focusVerdict.current = false;
      headingRef.current?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per diagnosis
  }, [doneDiagnosis]);

  useEffect(() => {
    if (verdict && typeof performance !== "undefined" && performance.mark) {
      try {
        performance.mark("smime-verdict");
      } catch {
        // ignore
      }
    }
  }, [verdict]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const d = phase.name === "done" ? phase.diagnosis : undefined;
  const from = d ? senderIdentity(d) : undefined;
  const charsetTrouble = !!d?.findings.some(
    (f) => f.code === "CHARSET_MISMATCH" || f.code === "CHARSET_UNDECLARED",
  );

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
                lang={lang}
                {...(phase.source?.userAddress ? { mailboxAddress: phase.source.userAddress } : {})}
              />
            </Suspense>
          )}

          {!inOffice && phase.name !== "compose" && (
            <Standalone
              onOpen={openStandalone}
              onError={(message) => setPhase({ name: "error", message })}
              compact={phase.name === "done" || phase.name === "too-complex"}
            />
          )}

          {phase.name === "reading" && (
            <Spinner size="small" label={t("readingMessage")} data-testid="progress" />
          )}
          {phase.name === "analysing" && (
            <div data-testid="progress" role="status" aria-live="polite">
              <p style={{ margin: "0 0 4px" }}>
                {phase.size > BIG_MESSAGE
                  ? t("analysingBig", { size: formatSize(phase.size) })
                  : t("analysing")}
              </p>
              <ProgressBar
                aria-label={t("analysing")}
                {...(phase.fraction !== undefined && phase.size > BIG_MESSAGE
                  ? { value: phase.fraction }
                  : {})}
              />
            </div>
          )}
          {phase.name === "empty" && (
            <MessageBar intent="info" data-testid="empty">
              <MessageBarBody>
                {phase.source?.notes.length
                  ? phase.source.notes.map((n, i) => (
                      <p key={i} style={{ margin: 0 }}>
                        {p(n.message)}
                      </p>
                    ))
                  : t("noItem")}
              </MessageBarBody>
            </MessageBar>
          )}
          {phase.name === "too-complex" && (
            <MessageBar intent="warning" layout="multiline" data-testid="too-complex">
              <MessageBarBody>
                <MessageBarTitle>{t("tooComplexTitle")}</MessageBarTitle>
                {t("tooComplexBody", { seconds: String(phase.seconds) })}
              </MessageBarBody>
            </MessageBar>
          )}
          {phase.name === "error" && (
            <MessageBar intent="error" layout="multiline" data-testid="error">
              <MessageBarBody>
                <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
                {phase.message}
              </MessageBarBody>
              {inOffice && (
                <Button size="small" onClick={() => void loadFromOffice()}>
                  {t("retry")}
                </Button>
              )}
            </MessageBar>
          )}

          {phase.name === "done" && d && verdict && (
            <>
              <VerdictBanner verdict={verdict} ref={headingRef} />
              {phase.source?.cautions?.map((n, i) => (
                <MessageBar
                  key={i}
                  intent="warning"
                  layout="multiline"
                  data-testid="caution"
                  data-rung={n.rung}
                >
                  <MessageBarBody>{p(n.message)}</MessageBarBody>
                </MessageBar>
              ))}
              {d.signers.length > 0 && (
                <section aria-label={t("signer")}>
                  {d.signers.map((signer, i) => (
                    <SignerCard
                      key={`${signer.sha256}-${i}`}
                      signer={signer}
                      index={i}
                      count={d.signers.length}
                      from={from}
                      diagnosis={d}
                    />
                  ))}
                </section>
              )}
              {phase.fileName && (
                <p className={s.meta} data-testid="file-name">
                  {t("checking", { name: phase.fileName })}
                </p>
              )}
              {(d.headers?.subject || d.headers?.from?.length) && (
                <dl className={s.meta} data-testid="message-headers">
                  {d.headers?.from?.length ? (
                    <div>
                      <dt style={{ display: "inline" }}>
                        {t("from")}
                        {lang === "ja" ? "：" : ": "}
                      </dt>
                      <dd style={{ display: "inline", margin: 0 }}>{d.headers.from.join(", ")}</dd>
                    </div>
                  ) : null}
                  {d.headers?.subject ? (
                    <div>
                      <dt style={{ display: "inline" }}>
                        {t("subject")}
                        {lang === "ja" ? "：" : ": "}
                      </dt>
                      <dd style={{ display: "inline", margin: 0 }}>{d.headers.subject}</dd>
                    </div>
                  ) : null}
                </dl>
              )}
              {phase.source && phase.source.rung !== "eml" && phase.source.rung !== "smime-attachment" && (
                <MessageBar
                  intent="info"
                  layout="multiline"
                  data-testid="partial"
                  data-rung={phase.source.rung}
                >
                  <MessageBarBody>
                    <MessageBarTitle>{t("partialTitle")}</MessageBarTitle>
                    {t("partialBody")}
                    {phase.source.notes.length > 0 && (
                      <ul style={{ margin: "4px 0 0", paddingInlineStart: "1.2em" }}>
                        {phase.source.notes.map((n, i) => (
                          <li key={i} data-rung={n.rung}>
                            {p(n.message)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Findings findings={d.findings} />
              <TextsPanel texts={d.texts ?? []} open={charsetTrouble} />
              <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
                <Guidance diagnosis={d} />
              </Suspense>
              {phase.source && (
                <Suspense fallback={null}>
                  <SelfTestPanel
                    lang={lang}
                    diagnosis={d}
                    howToOpen={false}
                    {...(phase.source.userAddress ? { userAddress: phase.source.userAddress } : {})}
                    {...(phase.source.from?.address ? { fromAddress: phase.source.from.address } : {})}
                  />
                </Suspense>
              )}
            </>
          )}

          {!inOffice && phase.name !== "compose" && phase.name !== "analysing" && (
            // Loaded on demand: the .p12 reader is not needed to open a message.
            <section aria-label={t("checkCertFile")}>
              {showFileCheck ? (
                <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
                  <CertificateFileCheck lang={lang} />
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
