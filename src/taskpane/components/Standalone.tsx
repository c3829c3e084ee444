import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular, Mail20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { formatSize, useI18n, type StringKey } from "../i18n/index";

/** Largest file the standalone page reads. */
export const MAX_FILE = 200 * 1024 * 1024;

export interface SampleInfo {
  file: string;
  description: string;
  trustAnchors?: string[];
}

export interface OpenedMessage {
  name: string;
  bytes: Uint8Array;
  /** Trust anchors (PEM text) that come with a bundled sample. */
  anchorsPem: string[];
}

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  dragging: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  samples: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

const SAMPLES_BASE = "assets/samples/";

/** Catalogue keys of the bundled samples' names (a sample not listed shows its index description). */
const SAMPLE_LABELS: Record<string, StringKey> = {
  "sample-signed.eml": "sampleSigned",
  "sample-tampered.eml": "sampleTampered",
  "sample-mojibake.eml": "sampleMojibake",
  "sample-orphan.eml": "sampleOrphan",
  "sample-encrypted.eml": "sampleEncrypted",
};

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}

/** The standalone page's opener: file picker, drag-and-drop (.eml, Outlook .msg, S/MIME files) and the bundled samples. */
export function Standalone({
  onOpen: open,
  onError,
  compact = false,
}: {
  onOpen: (m: OpenedMessage) => void;
  onError: (message: string) => void;
  /** A message is shown: the opener shrinks to one 「別のファイルを開く」 button so the verdict comes first. */
  compact?: boolean;
}): JSX.Element {
  const s = useStyles();
  const { t } = useI18n();
  const labelOf = (file: string): string | undefined => {
    const key = SAMPLE_LABELS[file];
    return key ? t(key) : undefined;
  };
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const onOpen = (m: OpenedMessage): void => {
    setExpanded(false);
    open(m);
  };
  const [samples, setSamples] = useState<SampleInfo[]>([]);

  useEffect(() => {
    let live = true;
    fetch(`${SAMPLES_BASE}index.json`)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((list) => {
        if (live && Array.isArray(list)) {
          setSamples(
            list.filter(
              (x): x is SampleInfo =>
                !!x && typeof x === "object" && typeof (x as SampleInfo).file === "string",
            ),
          );
        }
      })
      .catch((e: unknown) => {
        if (live) onError(t("samplesFailed", { reason: e instanceof Error ? e.message : String(e) }));
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const readFile = (file: File | undefined): void => {
    if (!file) return;
    if (file.size > MAX_FILE) {
      onError(t("fileTooBig", { max: formatSize(MAX_FILE) }));
      return;
    }
    file
      .arrayBuffer()
      .then((buf) => onOpen({ name: file.name, bytes: new Uint8Array(buf), anchorsPem: [] }))
      .catch((e: unknown) =>
        onError(t("fileReadFailed", { reason: e instanceof Error ? e.message : String(e) })),
      );
  };

  const openSample = (sample: SampleInfo): void => {
    Promise.all([
      fetch(SAMPLES_BASE + sample.file).then((r) =>
        r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${sample.file}: HTTP ${r.status}`)),
      ),
      Promise.all((sample.trustAnchors ?? []).map((a) => fetchText(SAMPLES_BASE + a))),
    ])
      .then(([buf, anchorsPem]) => onOpen({ name: sample.file, bytes: new Uint8Array(buf), anchorsPem }))
      .catch((e: unknown) =>
        onError(t("samplesFailed", { reason: e instanceof Error ? e.message : String(e) })),
      );
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    readFile(e.dataTransfer.files[0]);
  };

  const fileInput = (
    <input
      ref={input}
      className={s.hidden}
      type="file"
      accept=".eml,.msg,message/rfc822,application/vnd.ms-outlook,.p7m,.p7s"
      aria-label={t("openEml")}
      data-testid="file-input"
      onChange={(e) => {
        readFile(e.target.files?.[0]);
        e.target.value = "";
      }}
    />
  );

  if (compact && !expanded) {
    return (
      <section
        aria-label={t("standaloneTitle")}
        data-testid="standalone"
        data-compact="true"
        onDragOver={(e) => {
          e.preventDefault();
        }}
        onDrop={onDrop}
      >
        <div data-testid="dropzone" className={s.samples}>
          <Button
            appearance="secondary"
            size="small"
            icon={<DocumentArrowUp20Regular />}
            onClick={() => setExpanded(true)}
            data-testid="open-another"
          >
            {t("openAnother")}
          </Button>
          {fileInput}
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="standalone-h" data-testid="standalone">
      <h2 id="standalone-h">{t("standaloneTitle")}</h2>
      <p>{t("standaloneIntro")}</p>
      <div
        className={mergeClasses(s.drop, dragging && s.dragging)}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div>
          <Button
            appearance="primary"
            icon={<DocumentArrowUp20Regular />}
            onClick={() => input.current?.click()}
          >
            {t("openEml")}
          </Button>
          {fileInput}
        </div>
        <span>{t("dropHere")}</span>
      </div>
      {samples.length > 0 && (
        <>
          <h3>{t("samples")}</h3>
          <div className={s.samples}>
            {samples.map((sample) => (
              <Button
                key={sample.file}
                icon={<Mail20Regular />}
                size="small"
                title={sample.description}
                data-testid="sample"
                data-file={sample.file}
                onClick={() => openSample(sample)}
              >
                {labelOf(sample.file) ?? (sample.description || sample.file)}
              </Button>
            ))}
          </div>
          <p style={{ fontSize: "smaller" }}>{t("sampleNote")}</p>
        </>
      )}
    </section>
  );
}
