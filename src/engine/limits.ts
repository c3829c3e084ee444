/**
 * The engine's caps on work per message, in one place (issue #11; README "Limits"). Every cost the engine
 * pays grows about linearly with the input's size; where a count could still make the work or the output
 * explode, it is capped here. Reaching a cap is never silent and never turns a bad verdict into a better
 * one: it gives a finding that says which cap, and what was left unchecked counts as not verified.
 */

/**
 * RSA keys checked by this engine: modulus at most 16 384 bits, public exponent at most 64 bits (what
 * OpenSSL accepts for large moduli; real keys use 3 or 65 537). A larger key is UNSUPPORTED_ALGORITHM
 * (the signature is not verifiable here): one hand-made check of such a key would cost seconds to minutes.
 */
export const MAX_RSA_MODULUS_BITS = 16384;
export const MAX_RSA_EXPONENT_BITS = 64;

/**
 * The appended-footer search for signatures without signed attributes checks the signature once per
 * candidate cut (CONTENT_APPENDED). It only runs where one check is quick — RSA up to 4 096 bits with an
 * exponent of at most 32 bits, or an EC key — and at most this many hand-made checks per SignedData;
 * otherwise the SIGNATURE_INVALID finding says the search was skipped (`appendedSearch` in its detail).
 */
export const MAX_APPENDED_SEARCH_RSA_BITS = 4096;
export const MAX_APPENDED_SEARCH_EXPONENT_BITS = 32;
export const MAX_APPENDED_SIGNATURE_CHECKS = 256;

/**
 * SignerInfos checked per SignedData. Beyond, the rest are counted, not checked: MALFORMED_CMS says so
 * (`detail.limit: "signers"`) and the signature cannot be "valid".
 */
export const MAX_SIGNERS = 100;

/**
 * Certificates read from one SignedData. Beyond, the rest are ignored: MALFORMED_CMS says so
 * (`detail.limit: "certificates"`); a signer whose certificate was among them is reported as
 * SIGNER_CERTIFICATE_MISSING (not verifiable).
 */
export const MAX_CERTIFICATES = 500;

/** Recipients listed for an encrypted message; ENCRYPTED still gives the full count and says so. */
export const MAX_RECIPIENTS = 1000;

/**
 * Header fields kept per MIME header block. Beyond, only the fields the analysis needs (Content-*, From,
 * Sender, To, Subject, Date, Reply-To, List-*, MIME-Version) are kept, at most two of each name; the
 * message gets MALFORMED_MIME saying how many fields were skipped, and its S/MIME is still checked.
 */
export const MAX_HEADER_FIELDS = 10000;

/**
 * Parameters read from one structured header value (Content-Type, Content-Disposition); beyond, the rest
 * are not read and a Content-Type that had more is MALFORMED_MIME. RFC 2231 continuations: 1 000 segments.
 */
export const MAX_PARAMETERS = 1000;

/**
 * Characters kept of one attribute value of a certificate's subject or issuer name (the standards' upper
 * bounds are 64 to 32 768); a longer value is cut, marked "…[cut: N bytes]". Matching issuers to subjects
 * compares the DER first, so only display and the normalised-name fallback see the cut value.
 */
export const MAX_NAME_ATTRIBUTE_CHARS = 32768;

/**
 * Strings the engine puts into its own messages (a signer's name in "The signature of … is valid") are cut
 * to this many characters; the signer's fields themselves keep the whole value.
 */
export const MAX_NAME_IN_MESSAGE = 200;

/**
 * The CLI's output: every string field of a Diagnosis (JSON and the readable summary) is cut to this many
 * characters, marked with the suffix "…[cut: N chars]" (N = the original length), so one huge file cannot
 * stop the others from getting their diagnosis.
 */
export const MAX_OUTPUT_STRING = 64 * 1024;

/** The suffix that marks a string cut at MAX_OUTPUT_STRING (or MAX_NAME_IN_MESSAGE). */
export function cutString(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…[cut: ${s.length} chars]` : s;
}
