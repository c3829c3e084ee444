/**
 * The one-click action without React: which address and name to use, and the call through the Graph
 * client, never throwing (every failure comes back as a ContactsError with a clear message).
 */
import { decodeBase64String, type Diagnosis, type Signer } from "../../engine";
import { ContactsError, isContactsError } from "../../office/contacts/errors";
import { contactCertificateGate, type GateReason } from "../../office/contacts/gate";
import type { AddCertificateResult, GraphContactsClient } from "../../office/contacts/graph";

export interface Sender {
  name: string;
  address: string;
}

/**
 * The contact to find or create: the From address when the certificate names it (else the certificate's
 * first address, which is the one Outlook can encrypt to), and the From display name, else the
 * certificate's common name, else the address.
 */
export function contactFor(signer: Pick<Signer, "emails" | "commonName">, from?: Sender): Sender | undefined {
  const fromAddr = from?.address.trim() ?? "";
  const certAddrs = signer.emails.map((e) => e.toLowerCase());
  let address: string | undefined;
  if (fromAddr && certAddrs.includes(fromAddr.toLowerCase())) address = fromAddr;
  else address = signer.emails[0] ?? (fromAddr || undefined);
  if (!address) return undefined;
  const sameAsFrom = fromAddr.toLowerCase() === address.toLowerCase();
  const name = (sameAsFrom ? from?.name.trim() : "") || signer.commonName.trim() || address;
  return { name, address };
}

export type AddOutcome =
  | { ok: true; result: AddCertificateResult; contact: Sender }
  | { ok: false; error: ContactsError; reasons?: GateReason[] };

/**
 * Adds the signer's certificate to the From address's contact, when the contacts gate (gate.ts) approves
 * it for this message; otherwise nothing is sent and the gate's reasons come back.
 */
export async function addSenderCertificate(
  diagnosis: Diagnosis,
  signer: Signer,
  from: Sender | undefined,
  client: GraphContactsClient,
): Promise<AddOutcome> {
  try {
    const der = signer.certificate ? decodeBase64String(signer.certificate) : new Uint8Array(0);
    if (der.length === 0) return { ok: false, error: new ContactsError("no-certificate") };
    const gate = contactCertificateGate(diagnosis, signer);
    if (!gate.allowed) return { ok: false, error: new ContactsError("not-allowed"), reasons: gate.reasons };
    const address = gate.approval.address;
    const sameAsFrom = from !== undefined && from.address.trim().toLowerCase() === address.toLowerCase();
    const contact: Sender = {
      address,
      name: (sameAsFrom ? from.name.trim() : "") || signer.commonName.trim() || address,
    };
    // A certificate whose key usage forbids key transport and key agreement cannot encrypt: sign only.
    const ku = signer.keyUsage;
    const canEncrypt =
      !ku || ku.length === 0 || ku.includes("keyEncipherment") || ku.includes("keyAgreement");
    const result = await client.addCertificate({
      address: contact.address,
      displayName: contact.name,
      certificate: der,
      encryptionCertificate: canEncrypt ? der : null,
      ...(signer.commonName ? { certificateName: signer.commonName } : {}),
      approval: gate.approval,
    });
    return { ok: true, result, contact };
  } catch (e) {
    if (isContactsError(e)) return { ok: false, error: e };
    return {
      ok: false,
      error: new ContactsError("server", { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
}
