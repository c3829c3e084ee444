/**
 * The verdict view: a checked message (phase "done") — the verdict, the signers, the findings, the
 * message text, the guidance and (inside Outlook) the self-test. The verdict is announced once through
 * the pane's live region and, when the user opened or dropped the message, takes the focus.
 */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { Suspense, useEffect, useRef } from "react";
import type { Diagnosis } from "../engine";
import type { MessageSource } from "../office/index";
import { Findings } from "./components/Findings";
import { SignerCard } from "./components/SignerCard";
import { TextsPanel } from "./components/TextsPanel";
import { VerdictBanner } from "./components/VerdictBanner";
import { useHost } from "./hostContext";
import { useI18n } from "./i18n/index";
import { chunkComponent } from "./verdictChunks";
import { senderIdentity } from "./sender";
import { clip, verdictOf } from "./verdict";

// The chunks come from verdictChunks.ts, which loads them while the worker checks the message (or as the
// pane takes over the boot script's check); once in, they render at once (chunkComponent).
const Guidance = chunkComponent("faq", (m) => m.default);
// Signing setup (compose mode, self-test, .p12 check): its own chunk, off the read pane's first paint.
const SelfTestPanel = chunkComponent("setup", (m) => m.SelfTestPanel);

const useStyles = makeStyles({
  meta: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface VerdictViewProps {
  diagnosis: Diagnosis;
  source?: MessageSource | undefined;
  fileName?: string | undefined;
  /** Move the focus to the verdict's heading (the user opened or dropped the message). */
  focus?: boolean | undefined;
  /** Called once per diagnosis with the text to announce. */
  announce: (text: string) => void;
}

export function VerdictView({
  diagnosis: d,
  source,
  fileName,
  focus,
  announce,
}: VerdictViewProps): JSX.Element {
  const s = useStyles();
  const { t, p, lang } = useI18n();
  const host = useHost();
  const verdict = verdictOf(d, lang, host);
  const from = senderIdentity(d);
  const charsetTrouble = d.findings.some(
    (f) => f.code === "CHARSET_MISMATCH" || f.code === "CHARSET_UNDECLARED",
  );
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    announce(`${verdict.title}${lang === "ja" ? "。" : ". "}${verdict.sentence}`);
    if (focus) headingRef.current?.focus();
    try {
      performance.mark("smime-verdict");
    } catch {
      // no User Timing here
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per diagnosis
  }, [d]);

  const separator = lang === "ja" ? "：" : ": ";
  return (
    <>
      <VerdictBanner verdict={verdict} ref={headingRef} />
      {source?.cautions?.map((n, i) => (
        <MessageBar key={i} intent="warning" layout="multiline" data-testid="caution" data-rung={n.rung}>
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
      {fileName && (
        <p className={s.meta} data-testid="file-name">
          {t("checking", { name: fileName })}
        </p>
      )}
      {(d.headers?.subject || d.headers?.from?.length) && (
        <dl className={s.meta} data-testid="message-headers">
          {d.headers?.from?.length ? (
            <div>
              <dt style={{ display: "inline" }}>
                {t("from")}
                {separator}
              </dt>
              <dd style={{ display: "inline", margin: 0 }}>{clip(d.headers.from.join(", "))}</dd>
            </div>
          ) : null}
          {d.headers?.subject ? (
            <div>
              <dt style={{ display: "inline" }}>
                {t("subject")}
                {separator}
              </dt>
              <dd style={{ display: "inline", margin: 0 }}>{clip(d.headers.subject)}</dd>
            </div>
          ) : null}
        </dl>
      )}
      {source && source.rung !== "eml" && source.rung !== "smime-attachment" && (
        <MessageBar intent="info" layout="multiline" data-testid="partial" data-rung={source.rung}>
          <MessageBarBody>
            <MessageBarTitle>{t("partialTitle")}</MessageBarTitle>
            {t("partialBody")}
            {source.notes.length > 0 && (
              <ul style={{ margin: "4px 0 0", paddingInlineStart: "1.2em" }}>
                {source.notes.map((n, i) => (
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
      {source && (
        <Suspense fallback={null}>
          <SelfTestPanel
            diagnosis={d}
            howToOpen={false}
            {...(source.userAddress ? { userAddress: source.userAddress } : {})}
            {...(source.from?.address ? { fromAddress: source.from.address } : {})}
          />
        </Suspense>
      )}
    </>
  );
}
