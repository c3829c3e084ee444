/**
 * Finds digital signatures in a PDF (for SIGNED_PDF_ATTACHMENT): signature dictionaries carrying
 * /ByteRange [a b c d] and /Contents <hex CMS>.
 *
 * Host-free and bounded: one linear byte scan for "/ByteRange", then for each hit (at most MAX_HITS) a
 * backward walk of at most BACK_WINDOW bytes to the enclosing "<<" and a forward parse of that one
 * dictionary (at most MAX_DICT bytes, nesting at most MAX_DEPTH, PARSE_BUDGET bytes over all hits). No regular expression touches the file.
 * Never throws: unreadable dictionaries are skipped.
 */
export { findPdfSignatures, parsePdfDate } from "./signatures";
export type { PdfSignature } from "./types";
