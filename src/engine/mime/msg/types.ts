/**
 * What reading an Outlook item gives: the message rebuilt as MIME, its class, where the headers came from.
 */

/** What was read from an Outlook item. */
export interface OutlookMessage {
  /** PidTagMessageClass, e.g. "IPM.Note.SMIME.MultipartSigned". */
  messageClass: string;
  /** The message rebuilt as MIME (header lines + the S/MIME entity, or the text and attachments). */
  mime: Uint8Array;
  /**
   * Where the header lines come from: the transport headers, fields made from the properties, or the
   * S/MIME attachment itself when it holds a whole message (its own From, Date… fields).
   */
  headers: "transport" | "properties" | "attachment";
  /** What the body comes from. */
  content: "smime-entity" | "smime-der" | "properties";
  /** A plain item: no MIME was kept, the text comes from its properties. */
  plain: boolean;
  /** For plain items: which property held the text, and the item's internet code page. */
  body?: "PidTagBody" | "PidTagHtml" | "none";
  codepage?: number;
  /** An S/MIME item whose S/MIME attachment is missing. */
  smimeMissing?: boolean;
  /** Attachments that could not be carried over (embedded items, OLE objects), by file name. */
  skippedAttachments?: string[];
  /**
   * Properties whose value could not go into a header field and were left out (an address that is not a
   * plain addr-spec: line breaks, angle brackets, commas… — what a crafted file uses to inject header
   * fields), by property name.
   */
  unreadableProperties?: string[];
  /**
   * Streams of the file that hold fewer bytes than their directory entries say, by path: the file was cut
   * short (or made so), and what was read from them is incomplete.
   */
  cutStreams?: string[];
}
