/** Ids of the FAQ page's entries, in the page's order, and their type. */
/** Ids of the entries, in the page's order. Stable: add, never rename. */
export const FAQ_IDS = [
  "jcan-certificate",
  "root-certificate",
  "intermediate-ca-certificate",
  "common-name",
  "pkcs12",
  "get-jcan-certificate",
  "import-multiple-pcs",
  "expired-certificate",
  "keep-expired-revoked-keys",
  "tampered-warning",
  "empty-body",
  "outlook-encryption-error",
  "register-sender-certificate",
  "signature-not-received",
  "mojibake",
  "smime-p7s-attachment",
  "smime-capable-software",
  "adobe-pdf-signature-error",
] as const;

export type FaqId = (typeof FAQ_IDS)[number];
