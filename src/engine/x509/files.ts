/**
 * Export of a signer certificate (pane and the `cert` command): .cer (DER, the exact bytes inside the signature),
 * .pem and the PEM text to copy. Pure; the pane turns these into downloads, the CLI into files. File names:
 * "<common name or address>-<first 12 hex of SHA-256>".
 */
import type { Signer } from "../types";
import { decodeBase64String, toPem } from "../util/bytes";

export interface CertificateFiles {
  der: Uint8Array;
  pem: string;
  cerName: string;
  pemName: string;
}

export function safeFileName(s: string): string {
  const cleaned = s.replace(/[^\p{L}\p{N}._@-]+/gu, "_").replace(/^_+|_+$/g, "");
  return cleaned.slice(0, 60) || "signer";
}

/** The signer's certificate as files, or undefined when the message did not carry it. */
export function certificateFiles(
  signer: Pick<Signer, "certificate" | "commonName" | "emails" | "sha256">,
): CertificateFiles | undefined {
  if (!signer.certificate) return undefined;
  const der = decodeBase64String(signer.certificate);
  if (der.length === 0) return undefined;
  const base = `${safeFileName(signer.commonName || signer.emails[0] || "signer")}-${signer.sha256.slice(0, 12)}`;
  return { der, pem: toPem(der), cerName: `${base}.cer`, pemName: `${base}.pem` };
}
