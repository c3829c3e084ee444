/**
 * The gate for writing a sender's certificate into the mailbox: "add to contacts" (Graph, as the contact's
 * signing and encryption certificate) and the known-certificates memory in roaming settings (which the
 * compose pane reads as "we have a certificate for this recipient"). One pure decision for every path:
 * an attacker's self-signed certificate naming ceo@corp must never become the certificate that later mail
 * to the CEO is encrypted to.
 *
 * A signer passes only when all of these hold:
 *  - the message's signature is valid (diagnosis.signature "valid", SIGNATURE_VALID present, no
 *    SIGNATURE_INVALID) and this signer's own signature verified;
 *  - the signer certificate is trusted (chain to a trust anchor: bundled or the organisation's roots) and no
 *    CERT_UNTRUSTED concerns it;
 *  - the From header names exactly one address, the certificate names it, and there is no SENDER_MISMATCH;
 *  - the certificate allows e-mail protection (no CERT_NOT_FOR_EMAIL for it);
 *  - it was valid when the message was signed (signing time within its validity; without a signing time:
 *    no CERT_EXPIRED / CERT_NOT_YET_VALID for it), and its validity dates can be read.
 * Export (.cer/.pem) is not gated: it writes nothing into the mailbox.
 *
 * A pass yields a ContactApproval; the writers (GraphContactsClient.addCertificate,
 * KnownCertificatesStore.remember) accept only approvals made here, for exactly the certificate and
 * address approved.
 */
import { type Diagnosis, type Finding, type LocalizedText, parseMailboxes, type Signer } from "../../engine";

export type GateReason =
  | "signature-not-valid"
  | "no-certificate"
  | "untrusted"
  | "from-unclear"
  | "sender-mismatch"
  | "not-for-email"
  | "not-valid-at-signing"
  | "validity-unreadable";

/** What was approved: this certificate for this address. Made only by contactCertificateGate. */
export interface ContactApproval {
  /** The From address (as written, trimmed). */
  readonly address: string;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  readonly sha256: string;
  /** Base64 DER of the certificate. */
  readonly certificate: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly name?: string;
}

export type GateDecision =
  { allowed: true; approval: ContactApproval } | { allowed: false; reasons: GateReason[] };

/** One sentence per reason, shown where the pane would otherwise offer "add to contacts". */
export const GATE_REASON_TEXT: Record<GateReason, LocalizedText> = {
  "signature-not-valid": {
    en: "The signature of this message is not valid, so its certificate cannot be trusted to belong to the sender.",
    ja: "このメールの電子署名は正しくないため、電子証明書が差出人本人のものとは確認できません。",
  },
  "no-certificate": {
    en: "The message does not carry the signer's certificate.",
    ja: "このメールには署名者の電子証明書が含まれていません。",
  },
  untrusted: {
    en: "The signer's certificate does not chain to a trusted root certificate, so anyone could have made it.",
    ja: "署名者の電子証明書は信頼できるルート証明書までたどれないため、第三者が作成したものである可能性があります。",
  },
  "from-unclear": {
    en: "The From header does not name exactly one address, so it is unclear whose certificate this would be.",
    ja: "差出人（From）のアドレスが 1 つに定まらないため、誰の電子証明書として登録すべきか判断できません。",
  },
  "sender-mismatch": {
    en: "The signer's certificate does not name the sender's address (From), or the sender's headers contradict each other.",
    ja: "署名者の電子証明書に差出人（From）のアドレスが記載されていないか、差出人のヘッダーに矛盾があります。",
  },
  "not-for-email": {
    en: "The signer's certificate is not meant for e-mail (its key usage does not allow e-mail protection).",
    ja: "署名者の電子証明書はメール用ではありません（鍵の用途に電子メールの保護が含まれていません）。",
  },
  "not-valid-at-signing": {
    en: "The signer's certificate was not valid (expired or not yet valid) when the message was signed, or that cannot be told.",
    ja: "署名された時点で署名者の電子証明書が有効期間外だったか、有効だったかどうかを確認できません。",
  },
  "validity-unreadable": {
    en: "The validity dates of the signer's certificate cannot be read.",
    ja: "署名者の電子証明書の有効期間を読み取れません。",
  },
};

/** Approvals made by contactCertificateGate (so a writer can tell one from a look-alike object). */
const issued = new WeakSet<object>();

/** Whether `a` is an approval made by contactCertificateGate. */
export function isApproval(a: unknown): a is ContactApproval {
  return typeof a === "object" && a !== null && issued.has(a);
}

/** Whether an approval covers this certificate (SHA-256 hex) for this address. */
export function approves(a: unknown, sha256: string, address: string): boolean {
  return (
    isApproval(a) &&
    a.sha256 === sha256.toLowerCase() &&
    a.address.trim().toLowerCase() === address.trim().toLowerCase()
  );
}

/** Whether a finding concerns this signer (findings that name no signer or layer concern every signer). */
function concerns(f: Finding, signer: Signer): boolean {
  const subject = f.detail["subject"];
  const layer = f.detail["layer"];
  return (
    (typeof subject !== "string" || subject === signer.subject) &&
    (typeof layer !== "number" || layer === signer.layer)
  );
}

/** The single From address, or undefined when the From header names none or several. */
function fromAddress(d: Diagnosis): string | undefined {
  const boxes = (d.headers?.from ?? []).flatMap((raw) => parseMailboxes(raw)).filter((m) => m.address !== "");
  return boxes.length === 1 ? (boxes[0] as { address: string }).address.trim() : undefined;
}

/**
 * May this signer's certificate be written into the mailbox as the From address's certificate? Pure; the
 * reasons (all that apply, in a fixed order) when not.
 */
export function contactCertificateGate(d: Diagnosis, signer: Signer): GateDecision {
  const reasons: GateReason[] = [];
  const codes = new Set(d.findings.map((f) => f.code));
  const about = (code: Finding["code"]): boolean =>
    d.findings.some((f) => f.code === code && concerns(f, signer));

  if (
    d.signature !== "valid" ||
    !codes.has("SIGNATURE_VALID") ||
    codes.has("SIGNATURE_INVALID") ||
    signer.valid !== true
  )
    reasons.push("signature-not-valid");
  const certificate = signer.certificate ?? "";
  if (certificate === "" || !/^[0-9a-f]{64}$/.test(signer.sha256)) reasons.push("no-certificate");
  if (signer.trusted !== true || about("CERT_UNTRUSTED")) reasons.push("untrusted");

  const from = fromAddress(d);
  if (from === undefined) reasons.push("from-unclear");
  else if (codes.has("SENDER_MISMATCH") || !signer.emails.some((e) => e.toLowerCase() === from.toLowerCase()))
    reasons.push("sender-mismatch");

  if (about("CERT_NOT_FOR_EMAIL")) reasons.push("not-for-email");

  const nb = Date.parse(signer.notBefore);
  const na = Date.parse(signer.notAfter);
  if (Number.isNaN(nb) || Number.isNaN(na)) {
    reasons.push("validity-unreadable");
  } else {
    const st = signer.signingTime !== undefined ? Date.parse(signer.signingTime) : NaN;
    const outside = Number.isNaN(st)
      ? about("CERT_EXPIRED") || about("CERT_NOT_YET_VALID") // no signing time: only "now" is known
      : st < nb || st > na;
    if (outside) reasons.push("not-valid-at-signing");
  }

  if (reasons.length > 0 || from === undefined) return { allowed: false, reasons };
  const approval: ContactApproval = Object.freeze({
    address: from,
    sha256: signer.sha256,
    certificate,
    notBefore: signer.notBefore,
    notAfter: signer.notAfter,
    ...(signer.commonName ? { name: signer.commonName } : {}),
  });
  issued.add(approval);
  return { allowed: true, approval };
}

/** The approvals of every signer of a message that passes the gate (for the known-certificates memory). */
export function approvedSigners(d: Diagnosis): ContactApproval[] {
  const out: ContactApproval[] = [];
  for (const s of d.signers) {
    const g = contactCertificateGate(d, s);
    if (g.allowed) out.push(g.approval);
  }
  return out;
}
