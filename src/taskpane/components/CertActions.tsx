import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload16Regular, ContactCardRibbon16Regular, Copy16Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useMemo, useState } from "react";
import { certificateFiles, type Diagnosis, type Signer } from "../../engine";
import { contactCertificateGate, GATE_REASON_TEXT } from "../../office/contacts/gate";
import { copyText, download } from "../files";
import { useHost } from "../hostContext";
import { useI18n } from "../i18n/index";
import type { SenderIdentity } from "../sender";

const AddToContacts = lazy(() => import(/* webpackChunkName: "contacts" */ "../contacts/AddToContacts"));

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

/**
 * Copy / save the sender certificate (always); "add to contacts" opens the one-click Graph path (when
 * configured and supported) with the FAQ's guided steps for this client underneath — offered only when
 * the contacts gate (src/office/contacts/gate.ts) approves the certificate; otherwise the reasons why not.
 */
export function CertActions({
  signer,
  from,
  diagnosis,
}: {
  signer: Signer;
  from?: SenderIdentity;
  diagnosis: Diagnosis;
}): JSX.Element | null {
  const s = useStyles();
  const { t, p } = useI18n();
  const gate = useMemo(() => contactCertificateGate(diagnosis, signer), [diagnosis, signer]);
  const host = useHost();
  const [status, setStatus] = useState<string>("");
  const [showSteps, setShowSteps] = useState(false);
  // The same names the guided steps and the `cert` command use.
  const files = useMemo(() => certificateFiles(signer), [signer]);
  if (!files) return null;
  return (
    <div data-testid="cert-actions">
      <div className={s.row}>
        <Button
          icon={<Copy16Regular />}
          size="small"
          data-testid="copy-cert"
          onClick={() => {
            void copyText(files.pem).then((ok) => setStatus(ok ? t("copied") : t("copyFailed")));
          }}
        >
          {t("copyPem")}
        </Button>
        <Button
          icon={<ArrowDownload16Regular />}
          size="small"
          data-testid="save-cer"
          onClick={() => {
            if (!download(files.cerName, files.der, "application/pkix-cert")) setStatus(t("saveFailed"));
          }}
        >
          {t("saveCer")}
        </Button>
        <Button
          icon={<ArrowDownload16Regular />}
          size="small"
          data-testid="save-pem"
          onClick={() => {
            if (!download(files.pemName, files.pem, "application/x-pem-file")) setStatus(t("saveFailed"));
          }}
        >
          {t("savePem")}
        </Button>
        {gate.allowed && (
          <Button
            icon={<ContactCardRibbon16Regular />}
            size="small"
            aria-expanded={showSteps}
            data-testid="add-contact"
            onClick={() => setShowSteps((v) => !v)}
          >
            {t("addContact")}
          </Button>
        )}
      </div>
      {!gate.allowed && (
        <MessageBar intent="info" layout="multiline" data-testid="contact-gate">
          <MessageBarBody>
            <MessageBarTitle>{t("contactGateTitle")}</MessageBarTitle>
            <ul style={{ margin: "4px 0", paddingInlineStart: "1.2em" }}>
              {gate.reasons.map((r) => (
                <li key={r} data-reason={r}>
                  {p(GATE_REASON_TEXT[r])}
                </li>
              ))}
            </ul>
            {t("contactGateExport")}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text role="status" size={200}>
        {status}
      </Text>
      {gate.allowed && showSteps && (
        <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
          <AddToContacts
            signer={signer}
            diagnosis={diagnosis}
            host={host}
            showExport={false}
            {...(from ? { from } : {})}
          />
        </Suspense>
      )}
    </div>
  );
}
