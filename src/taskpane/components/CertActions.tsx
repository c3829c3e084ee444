import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload16Regular, ContactCardRibbon16Regular, Copy16Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useState } from "react";
import type { Signer } from "../../engine/types";
import { decodeBase64String, toPem } from "../../engine/util/bytes";
import { useI18n } from "../i18n/index";
import { signerName } from "../verdict";

const AddContactSteps = lazy(() => import(/* webpackChunkName: "faq" */ "./AddContactSteps"));

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

/** A file name from the signer: "taro.yamada@example.jp" → "taro.yamada_example.jp". */
export function certFileName(signer: Signer): string {
  const base = (signer.emails[0] ?? signerName(signer)).replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80);
  return base || "certificate";
}

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below (Office iframes often block the async clipboard)
  }
  try {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

/** Copy / save the sender certificate; "add to contacts" shows the guided steps. */
export function CertActions({ signer }: { signer: Signer }): JSX.Element | null {
  const s = useStyles();
  const { t } = useI18n();
  const [status, setStatus] = useState<string>("");
  const [showSteps, setShowSteps] = useState(false);
  if (!signer.certificate) return null;
  const der = (): Uint8Array => decodeBase64String(signer.certificate ?? "");
  const pem = (): string => toPem(der());
  const name = certFileName(signer);
  return (
    <div data-testid="cert-actions">
      <div className={s.row}>
        <Button
          icon={<Copy16Regular />}
          size="small"
          data-testid="copy-cert"
          onClick={() => {
            void copyText(pem()).then((ok) => setStatus(ok ? t("copied") : t("copyFailed")));
          }}
        >
          {t("copyPem")}
        </Button>
        <Button
          icon={<ArrowDownload16Regular />}
          size="small"
          data-testid="save-cer"
          onClick={() => {
            const bytes = der();
            download(`${name}.cer`, bytes.slice().buffer, "application/pkix-cert");
          }}
        >
          {t("saveCer")}
        </Button>
        <Button
          icon={<ArrowDownload16Regular />}
          size="small"
          data-testid="save-pem"
          onClick={() => download(`${name}.pem`, pem(), "application/x-pem-file")}
        >
          {t("savePem")}
        </Button>
        <Button
          icon={<ContactCardRibbon16Regular />}
          size="small"
          aria-expanded={showSteps}
          data-testid="add-contact"
          onClick={() => setShowSteps((v) => !v)}
        >
          {t("addContact")}
        </Button>
      </div>
      <Text role="status" size={200}>
        {status}
      </Text>
      {showSteps && (
        <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
          <AddContactSteps />
        </Suspense>
      )}
    </div>
  );
}
