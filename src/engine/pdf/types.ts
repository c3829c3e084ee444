/**
 * A digital signature found in a PDF: its byte ranges, CMS blob, signer name and time.
 */

export interface PdfSignature {
  /** [offset1, length1, offset2, length2]: the signed spans of the file. */
  byteRange: number[];
  /** The CMS SignedData (DER) from /Contents, hex-decoded, the zero padding trimmed by its DER length. */
  contents?: Uint8Array;
  /** /Name: the signer's name as the signing application wrote it. */
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** /M as ISO-8601 (UTC) when parseable. */
  signingTime?: string;
  /** /M as written, e.g. "D:20250101090000+09'00'". */
  signingTimeRaw?: string;
  /** /Type: "Sig" or "DocTimeStamp" (absent when the dictionary has no /Type). */
  type?: string;
  /** /Filter, e.g. "Adobe.PPKLite". */
  filter?: string;
  /** /SubFilter, e.g. "adbe.pkcs7.detached", "ETSI.CAdES.detached", "ETSI.RFC3161". */
  subFilter?: string;
  /** Offset of the signature dictionary's "<<". */
  offset: number;
  /** True when the byte range starts at 0 and ends at the end of the file (nothing was appended after signing). */
  coversWholeFile: boolean;
}
