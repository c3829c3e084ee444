/**
 * The certificate-file check (check-p12; the pane's certificate file check): opens a PKCS#12 (.p12/.pfx)
 * file with its password, entirely locally, and tells whether it is ready for S/MIME signing.
 *
 * PFX → MAC check (RFC 7292 Appendix B KDF; SHA-1/SHA-2 HMAC) → AuthenticatedSafe → SafeContents (plain or
 * password-encrypted: PBES2/AES or the legacy 3DES/RC2/RC4 PBEs) → key and certificate bags. The chosen
 * end-entity certificate is judged by engine/x509 (certificateFindings); this file adds what only a
 * PKCS#12 file can tell: the key, the addresses, the chain inside the file, the approaching expiry.
 *
 * Host-free (WebCrypto + typed arrays). The password is never stored, logged or put in a finding.
 * Never throws: unreadable input gives P12_MALFORMED.
 */
export { checkPkcs12With, encryptionAlgorithmName } from "./check";
export type { P12Advice } from "./messages";
export { EXPIRING_DAYS, type P12Options, type P12Result } from "./types";
