/**
 * The knowledge base: the 18 entries of GMO GlobalSign's "JCAN証明書 FAQ" page, in the page's order.
 *
 * Japanese text is the page's own wording (steps without their "1." numbering; the page's "★" in e-mail
 * addresses turned back into "@"). Two obvious typos of the page are corrected, and test/faq checks
 * every other Japanese string against the page verbatim:
 *   - 「電証明書発行管理者」→「電子証明書発行管理者」 (import-multiple-pcs)
 *   - 「ファイル→」「オプション」→「ファイル」→「オプション」 (mojibake, Outlook ribbon steps)
 * English is a careful translation; Outlook menu names are given as in the English version of Outlook.
 */
import type { FaqEntry } from "../types";
import { CERTIFICATE_ENTRIES } from "./certificates";
import { MESSAGE_ENTRIES } from "./messages";

export { FAQ_IDS, type FaqId } from "./ids";

/** The 18 entries, in the page's order. */
export const FAQ_ENTRIES: FaqEntry[] = [...CERTIFICATE_ENTRIES, ...MESSAGE_ENTRIES];
