/**
 * Contract of the byte-exact MIME parser (src/engine/mime). All offsets index the original input bytes.
 */

export interface HeaderField {
  /** Field name, lower-cased ("content-type"). */
  name: string;
  /** Unfolded value as raw bytes mapped 1:1 to code points 0-255 (not charset-decoded). */
  rawValue: string;
  /** Offset of the field's first byte (its name) and the end (after its final line break). */
  start: number;
  end: number;
}

export interface ContentType {
  /** Lower-cased, e.g. "multipart" */
  type: string;
  /** Lower-cased, e.g. "signed" */
  subtype: string;
  /** Parameter names lower-cased; values unquoted and RFC 2231-decoded (continuations joined, charset applied). */
  params: Record<string, string>;
  /** False when there was no Content-Type header (the default text/plain; charset=us-ascii applies). */
  explicit: boolean;
  /** More parameters than MAX_PARAMETERS (limits.ts): the rest were not read (the parser reports it). */
  paramsCapped?: true;
}

export interface MimeProblem {
  /** English, technical: what and where. */
  message: string;
  offset: number;
  /** Index path of the part concerned. */
  part: string;
}

export interface MimePart {
  /** Index path: "" for the root, "1", "1.2" for children (1-based, as IMAP). */
  path: string;
  depth: number;
  headers: HeaderField[];
  contentType: ContentType;
  /** Lower-cased Content-Transfer-Encoding, "7bit" when absent. */
  transferEncoding: string;
  /** Disposition type lower-cased ("attachment" | "inline" | ...) when present. */
  disposition?: string;
  /** RFC 2231 / RFC 2047 decoded filename from Content-Disposition filename or Content-Type name. */
  filename?: string;
  /** Offset where the part (its header block) starts. */
  start: number;
  /** Offset of the first body byte (after the blank line ending the headers). */
  bodyStart: number;
  /** Offset after the last body byte (before the CRLF that precedes the next delimiter). */
  end: number;
  /** Children of a multipart, in order. */
  children: MimePart[];
  /** For message/rfc822 (and message/global): the embedded message, parsed. */
  message?: MimePart;
  /** For multipart: whether the closing delimiter was found. */
  closed?: boolean;
}

export interface ParsedMessage {
  root: MimePart;
  /** The input, as given. */
  bytes: Uint8Array;
  /** True when the input's line ends are bare LF (the stored message lost its CRs). */
  bareLf: boolean;
  problems: MimeProblem[];
}

export interface Mailbox {
  /** Decoded display name, "" when none. */
  name: string;
  /** addr-spec lower-cased, "" when the mailbox had none. */
  address: string;
}
