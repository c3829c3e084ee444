/**
 * Outlook .msg input (MS-OXMSG): classic Outlook for Windows saves messages, and drops dragged ones, as a
 * compound file (MS-CFB) of MAPI properties. The compound file itself is read by SheetJS `cfb` (loaded on
 * first use, so it stays out of the pane's first chunk); this module only picks the MS-OXMSG properties
 * out of its streams and rebuilds the message as MIME for the rest of the engine:
 *
 * - an S/MIME item (message class IPM.Note.SMIME…) keeps what was sent in its single attachment
 *   (`smime.p7m`, PidTagAttachDataBinary): the whole multipart/signed entity for a clear-signed item
 *   (IPM.Note.SMIME.MultipartSigned), the DER of the application/pkcs7-mime body for an encrypted or
 *   opaque-signed one (IPM.Note.SMIME). The message's own header lines go in front — the transport
 *   headers when Outlook kept them (PidTagTransportMessageHeaders, received mail), otherwise From, Sender,
 *   To, Cc, Subject, Date and Message-ID made from the properties (sent mail) — and the entity follows byte
 *   for byte, so the signature is checked over exactly what was signed.
 * - a plain item (IPM.Note and others) keeps no MIME at all: its text (PidTagBody, or PidTagHtml in
 *   PidTagInternetCodepage) becomes a UTF-8 text part, its attachments become base64 parts, and the caller
 *   says what a .msg cannot tell (`plain: true`).
 *
 * Host-free: typed arrays, TextDecoder, no Buffer. Bad input throws MsgError with a plain reason.
 */
import { MalformedInputError } from "../asn1/errors";
import { concat, encodeBase64, utf8 } from "../util/bytes";
import { getDecoder } from "../util/textDecoders";

/** MS-CFB header signature. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Whether the bytes start like a compound file (an Outlook .msg, or another Office binary file). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  if (bytes.length < CFB_SIGNATURE.length) return false;
  for (let i = 0; i < CFB_SIGNATURE.length; i++) if (bytes[i] !== CFB_SIGNATURE[i]) return false;
  return true;
}

export class MsgError extends MalformedInputError {
  /** True when the file is a readable compound file that is not an Outlook item. */
  readonly notOutlook: boolean;
  constructor(message: string, notOutlook = false) {
    super(message);
    this.name = "MsgError";
    this.notOutlook = notOutlook;
  }
}

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
}

// ---------------------------------------------------------------------------------------------------
// The compound file

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
  size?: number;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
  FullPaths: string[];
}
interface CfbModule {
  read(data: Uint8Array, options: { type: "array" }): CfbContainer;
}

let cfbModule: Promise<CfbModule> | undefined;
function loadCfb(): Promise<CfbModule> {
  cfbModule ??= import("cfb").then((m) => {
    const mod = m as unknown as CfbModule & { default?: CfbModule };
    return typeof mod.read === "function" ? mod : (mod.default as CfbModule);
  });
  return cfbModule;
}

/** Upper-cased stream path below the root ("__SUBSTG1.0_001A001F", "__ATTACH_VERSION1.0_#00000000/…"). */
type Streams = Map<string, Uint8Array>;

async function readStreams(bytes: Uint8Array): Promise<Streams> {
  checkStructure(bytes);
  const CFB = await loadCfb();
  let container: CfbContainer;
  try {
    container = CFB.read(bytes, { type: "array" });
  } catch (err) {
    throw new MsgError(err instanceof Error ? err.message : String(err));
  }
  const streams: Streams = new Map();
  container.FileIndex.forEach((e, i) => {
    if (e.type !== 2) return;
    const full = container.FullPaths[i] ?? "";
    const slash = full.indexOf("/");
    const rel = (slash >= 0 ? full.slice(slash + 1) : full).toUpperCase();
    const c = e.content;
    streams.set(rel, c instanceof Uint8Array ? c : Uint8Array.from(c ?? []));
  });
  return streams;
}

const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;
/** More directory entries than any Outlook item has (each attachment takes about ten). */
const MAX_DIRECTORY_ENTRIES = 50_000;

/**
 * A structural sanity check before `cfb` reads the file: `cfb` follows sector chains and directory links
 * without guarding against cycles, so a damaged or hostile file could make it loop forever. This checks
 * only that: the FAT's chains end (no sector leads back into its own chain) and the directory's links form
 * a tree. It reads the header fields and the FAT, and extracts nothing (that is `cfb`'s job).
 */
function checkStructure(b: Uint8Array): void {
  if (b.length < 512) throw new MsgError(`the file is ${b.length} bytes long, too short for a compound file`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new MsgError(`sector shift ${shift} (expected 9 or 12)`);
  const ssz = 1 << shift;
  const sectors = Math.max(0, Math.ceil(b.length / ssz) - 1);
  const dirStart = dv.getUint32(0x30, true);
  let difat = dv.getInt32(0x44, true);
  const difatCount = dv.getInt32(0x48, true);
  const at = (sector: number): number => (sector + 1) * ssz;
  // The FAT sectors, listed as cfb lists them: the header's entries up to the first negative one, then
  // the DIFAT chain's entries up to ENDOFCHAIN.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const q = dv.getInt32(0x4c + 4 * i, true);
    if (q < 0) break;
    fatSectors.push(q);
  }
  const seenDifat = new Set<number>();
  for (let n = 0; n <= Math.max(0, difatCount) && difat >= 0 && difat < sectors; n++) {
    if (seenDifat.has(difat)) throw new MsgError("the DIFAT chain loops");
    seenDifat.add(difat);
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const q = dv.getInt32(at(difat) + 4 * i, true);
      if (q === -2) break;
      fatSectors.push(q);
    }
    difat = dv.getInt32(at(difat) + ssz - 4, true);
  }
  // Every FAT sector is a distinct sector of this file. Unused DIFAT slots (FREESECT, -1) may only trail
  // the list. Without this, a DIFAT listing one sector thousands of times sized the table below by the
  // list (a 3 MB file took gigabytes and tens of seconds); with it the table is at most the file's size.
  while (fatSectors.length > 0 && (fatSectors[fatSectors.length - 1] as number) < 0) fatSectors.pop();
  if (fatSectors.length > sectors) throw new MsgError("the file lists more FAT sectors than it has sectors");
  const seenFat = new Set<number>();
  for (const f of fatSectors) {
    if (f < 0 || f >= sectors) throw new MsgError(`the FAT lists sector ${f}, which the file does not have`);
    if (seenFat.has(f)) throw new MsgError(`the FAT lists sector ${f} twice`);
    seenFat.add(f);
  }
  // next[s]: the FAT entry of sector s, for every s that a present FAT sector describes (also past the
  // end of the file: cfb follows those entries too).
  const perFat = ssz / 4;
  const n = fatSectors.length * perFat;
  const next = new Uint32Array(n).fill(ENDOFCHAIN);
  fatSectors.forEach((f, k) => {
    for (let i = 0; i < perFat; i++) next[k * perFat + i] = dv.getUint32(at(f) + 4 * i, true);
  });
  // Every chain ends: colour the functional graph (0 unvisited, 1 on the current walk, 2 known to end).
  const state = new Uint8Array(n);
  const walk: number[] = [];
  for (let s = 0; s < n; s++) {
    let j = s;
    while (j < n && state[j] === 0) {
      state[j] = 1;
      walk.push(j);
      j = next[j] as number;
    }
    if (j < n && state[j] === 1) throw new MsgError(`the sector chain through sector ${j} loops`);
    for (const w of walk) state[w] = 2;
    walk.length = 0;
  }
  // The directory: its chain, then links (left, right, child) forming a tree.
  const entries: number[] = [];
  for (let s = dirStart; s < sectors; s = s < n ? (next[s] as number) : ENDOFCHAIN) {
    if (entries.length > MAX_DIRECTORY_ENTRIES) throw new MsgError("the directory is too large");
    for (let i = 0; i < ssz / 128; i++) entries.push(at(s) + 128 * i);
  }
  if (entries.length === 0) throw new MsgError("the directory is missing");
  const parentOf = new Int32Array(entries.length).fill(-1);
  const links = (e: number): number[] =>
    [0x44, 0x48, 0x4c].map((o) => (e + o + 4 <= b.length ? dv.getUint32(e + o, true) : NOSTREAM));
  entries.forEach((e, i) => {
    for (const l of links(e)) {
      if (l === NOSTREAM) continue;
      if (l >= entries.length || l === 0 || parentOf[l] !== -1 || l === i) {
        throw new MsgError(`directory entry ${i} links to entry ${l} wrongly`);
      }
      parentOf[l] = i;
    }
  });
  // In-degree ≤ 1 everywhere and none into the root: a forest unless some entries form a cycle, which
  // following the parents finds (0 unvisited, 1 on the current walk, 2 known to reach a root).
  const mark = new Uint8Array(entries.length);
  const path: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    let j = i;
    while (j !== -1 && mark[j] === 0) {
      mark[j] = 1;
      path.push(j);
      j = parentOf[j] as number;
    }
    if (j !== -1 && mark[j] === 1) throw new MsgError("the directory's links loop");
    for (const p of path) mark[p] = 2;
    path.length = 0;
  }
}

// ---------------------------------------------------------------------------------------------------
// Properties (MS-OXMSG 2.4)

const PT_SHORT = 0x0002;
const PT_LONG = 0x0003;
const PT_BOOLEAN = 0x000b;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_SYSTIME = 0x0040;
const PT_BINARY = 0x0102;

/** One property object: its fixed values (from __properties_version1.0) and its streams. */
class PropertyObject {
  private readonly fixed = new Map<number, DataView>();

  constructor(
    private readonly streams: Streams,
    /** "" for the message, "__RECIP_VERSION1.0_#00000000/" etc. */
    private readonly prefix: string,
    headerSize: number,
    private codepage: string = "windows-1252",
  ) {
    const props = streams.get(`${prefix}__PROPERTIES_VERSION1.0`);
    if (!props) return;
    const dv = new DataView(props.buffer, props.byteOffset, props.byteLength);
    for (let o = headerSize; o + 16 <= props.length; o += 16) {
      const tag = dv.getUint32(o, true);
      this.fixed.set(tag, new DataView(props.buffer, props.byteOffset + o + 8, 8));
    }
  }

  setCodepage(charset: string): void {
    this.codepage = charset;
  }

  private stream(id: number, type: number): Uint8Array | undefined {
    const hex = ((id << 16) | type).toString(16).toUpperCase().padStart(8, "0");
    return this.streams.get(`${this.prefix}__SUBSTG1.0_${hex}`);
  }

  string(id: number): string | undefined {
    const u = this.stream(id, PT_UNICODE);
    if (u) return stripNul(new TextDecoder("utf-16le").decode(u));
    const a = this.stream(id, PT_STRING8);
    if (a) return stripNul((getDecoder(this.codepage) ?? getDecoder("windows-1252"))?.decode(a) ?? "");
    return undefined;
  }

  binary(id: number): Uint8Array | undefined {
    return this.stream(id, PT_BINARY);
  }

  int(id: number): number | undefined {
    const v = this.fixed.get(((id << 16) | PT_LONG) >>> 0);
    if (v) return v.getInt32(0, true);
    const s = this.fixed.get(((id << 16) | PT_SHORT) >>> 0);
    return s ? s.getInt16(0, true) : undefined;
  }

  bool(id: number): boolean | undefined {
    const v = this.fixed.get(((id << 16) | PT_BOOLEAN) >>> 0);
    return v ? v.getUint16(0, true) !== 0 : undefined;
  }

  time(id: number): Date | undefined {
    const v = this.fixed.get(((id << 16) | PT_SYSTIME) >>> 0);
    if (!v) return undefined;
    const ticks = v.getBigUint64(0, true);
    if (ticks === 0n) return undefined;
    const ms = Number(ticks / 10000n) - 11644473600000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
}

function stripNul(s: string): string {
  const i = s.indexOf("\u0000");
  return i >= 0 ? s.slice(0, i) : s;
}

// Property ids (MS-OXPROPS)
const P = {
  MessageClass: 0x001a,
  Subject: 0x0037,
  ClientSubmitTime: 0x0039,
  SentRepresentingName: 0x0042,
  SentRepresentingAddressType: 0x0064,
  SentRepresentingEmailAddress: 0x0065,
  TransportMessageHeaders: 0x007d,
  SenderName: 0x0c1a,
  SenderAddressType: 0x0c1e,
  SenderEmailAddress: 0x0c1f,
  RecipientType: 0x0c15,
  MessageDeliveryTime: 0x0e06,
  Body: 0x1000,
  Html: 0x1013,
  InternetMessageId: 0x1035,
  DisplayName: 0x3001,
  AddressType: 0x3002,
  EmailAddress: 0x3003,
  SmtpAddress: 0x39fe,
  InternetCodepage: 0x3fde,
  MessageCodepage: 0x3ffd,
  SenderSmtpAddress: 0x5d01,
  SentRepresentingSmtpAddress: 0x5d02,
  AttachDataBinary: 0x3701,
  AttachFilename: 0x3704,
  AttachMethod: 0x3705,
  AttachLongFilename: 0x3707,
  AttachMimeTag: 0x370e,
} as const;

/** Windows code pages seen on mail items → WHATWG encoding labels. */
const CODEPAGES: Record<number, string> = {
  65001: "utf-8",
  20127: "us-ascii",
  28591: "iso-8859-1",
  932: "shift_jis",
  50220: "iso-2022-jp",
  50221: "iso-2022-jp",
  50222: "iso-2022-jp",
  51932: "euc-jp",
  20932: "euc-jp",
  936: "gbk",
  54936: "gb18030",
  949: "euc-kr",
  51949: "euc-kr",
  950: "big5",
  874: "windows-874",
  20866: "koi8-r",
  21866: "koi8-u",
  10000: "macintosh",
};
function charsetOf(codepage: number | undefined): string | undefined {
  if (codepage === undefined) return undefined;
  if (CODEPAGES[codepage]) return CODEPAGES[codepage];
  if (codepage >= 1250 && codepage <= 1258) return `windows-${codepage}`;
  if (codepage >= 28592 && codepage <= 28606) return `iso-8859-${codepage - 28590}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The item

/** Reads an Outlook item and rebuilds it as MIME. Throws MsgError when the file cannot be read. */
export async function readOutlookMessage(bytes: Uint8Array): Promise<OutlookMessage> {
  const streams = await readStreams(bytes);
  const message = new PropertyObject(streams, "", 32);
  const charset = charsetOf(message.int(P.MessageCodepage)) ?? charsetOf(message.int(P.InternetCodepage));
  if (charset) message.setCodepage(charset);
  const messageClass = message.string(P.MessageClass);
  if (messageClass === undefined || !streams.has("__PROPERTIES_VERSION1.0")) {
    throw new MsgError("it has no Outlook message properties (no message class)", true);
  }
  const attachments = listAttachments(streams, charset);
  const recipients = listRecipients(streams, charset);
  const transport = message.string(P.TransportMessageHeaders);
  const isSmime = /\bsmime\b/i.test(messageClass);

  if (isSmime) {
    const a = smimeAttachment(attachments);
    if (a) {
      const der = firstNonSpace(a.data) === 0x30;
      const eol = der ? "\r\n" : lineEnding(a.data);
      const head = headerLines(message, recipients, transport, eol);
      const unreadable = head.unreadable.length ? { unreadableProperties: head.unreadable } : {};
      if (der) {
        const smimeType = /smime-type\s*=\s*"?([a-z-]+)/i.exec(a.mimeTag)?.[1];
        const entity = [
          `Content-Type: application/pkcs7-mime; name="smime.p7m"${smimeType ? `; smime-type=${smimeType}` : ""}`,
          "Content-Transfer-Encoding: base64",
          'Content-Disposition: attachment; filename="smime.p7m"',
          "",
          encodeBase64(a.data, 76).replace(/\n/g, "\r\n"),
          "",
        ].join("\r\n");
        return {
          messageClass,
          mime: concat([utf8(head.text), utf8(entity)]),
          headers: head.from,
          content: "smime-der",
          plain: false,
          ...unreadable,
        };
      }
      if (isWholeMessage(a.data)) {
        // Some writers keep the whole message, headers and all, in the attachment: use it as it is
        // (putting the item's headers in front would give it two From fields).
        return { messageClass, mime: a.data, headers: "attachment", content: "smime-entity", plain: false };
      }
      return {
        messageClass,
        mime: concat([utf8(head.text), a.data]),
        headers: head.from,
        content: "smime-entity",
        plain: false,
        ...unreadable,
      };
    }
  }

  // A plain item (or an S/MIME item without its S/MIME attachment): text and attachments from properties.
  // Its MIME structure is made here only — one text part, attachments as base64 parts under a boundary
  // the text does not contain, no multipart type from a property — so nothing in a property can make it
  // a signed or encrypted message (the header fields from properties are checked in headerLines).
  const eol = "\r\n";
  const head = headerLines(message, recipients, transport, eol);
  let bodyFrom: OutlookMessage["body"] = "none";
  let text = message.string(P.Body);
  let subtype = "plain";
  if (text !== undefined) bodyFrom = "PidTagBody";
  else {
    const html = message.binary(P.Html);
    const htmlText = message.string(P.Html);
    if (html) text = (getDecoder(charset ?? "utf-8") ?? getDecoder("utf-8"))?.decode(html);
    else if (htmlText !== undefined) text = htmlText;
    if (text !== undefined) {
      bodyFrom = "PidTagHtml";
      subtype = "html";
    }
  }
  const textPart = [
    `Content-Type: text/${subtype}; charset=utf-8`,
    "Content-Transfer-Encoding: 8bit",
    "",
    "",
  ].join(eol);
  const bodyText = (text ?? "").replace(/\r?\n/g, eol);
  const textBody = utf8(bodyText);
  const skipped: string[] = [];
  const carried = attachments.filter((a) => {
    if (a.method === 1 || a.method === undefined) return true;
    skipped.push(a.filename || `#${a.index}`);
    return false;
  });
  const parts: Uint8Array[] = [utf8(head.text)];
  if (carried.length === 0) {
    parts.push(utf8(textPart), textBody);
  } else {
    let boundary = "----=_smime_assistant_msg_" + carried.length;
    // base64 never holds "_": only the text could hold the boundary (and so end the text part early)
    for (let k = 0; bodyText.includes(boundary); k++)
      boundary = `----=_smime_assistant_msg_${carried.length}_${k}`;
    parts.push(
      utf8(`MIME-Version: 1.0${eol}Content-Type: multipart/mixed; boundary="${boundary}"${eol}${eol}`),
    );
    parts.push(utf8(`--${boundary}${eol}${textPart}`), textBody, utf8(eol));
    for (const a of carried) {
      const name = (a.filename || "attachment").replace(/["\\\r\n]/g, "_");
      const encodedName = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : `"${encodedWord(name)}"`;
      parts.push(
        utf8(
          [
            `--${boundary}`,
            `Content-Type: ${partType(a.mimeTag)}; name=${encodedName}`,
            "Content-Transfer-Encoding: base64",
            `Content-Disposition: attachment; filename=${encodedName}`,
            "",
            encodeBase64(a.data, 76).replace(/\n/g, eol),
            "",
          ].join(eol),
        ),
      );
    }
    parts.push(utf8(`--${boundary}--${eol}`));
  }
  const out: OutlookMessage = {
    messageClass,
    mime: concat(parts),
    headers: head.from,
    content: "properties",
    plain: !isSmime,
    body: bodyFrom,
  };
  const cp = message.int(P.InternetCodepage);
  if (cp !== undefined) out.codepage = cp;
  if (isSmime) out.smimeMissing = true;
  if (skipped.length > 0) out.skippedAttachments = skipped;
  if (head.unreadable.length > 0) out.unreadableProperties = head.unreadable;
  return out;
}

interface MsgAttachment {
  index: number;
  data: Uint8Array;
  mimeTag: string;
  filename: string;
  method: number | undefined;
}

function storageIds(streams: Streams, kind: "ATTACH" | "RECIP"): string[] {
  const re = new RegExp(`^(__${kind}_VERSION1\\.0_#[0-9A-F]{8})/`);
  const ids = new Set<string>();
  for (const k of streams.keys()) {
    const m = re.exec(k);
    if (m?.[1]) ids.add(m[1]);
  }
  return [...ids].sort();
}

function listAttachments(streams: Streams, charset: string | undefined): MsgAttachment[] {
  return storageIds(streams, "ATTACH").map((id, index) => {
    const o = new PropertyObject(streams, `${id}/`, 8, charset);
    return {
      index,
      data: o.binary(P.AttachDataBinary) ?? new Uint8Array(0),
      mimeTag: o.string(P.AttachMimeTag) ?? "",
      filename: o.string(P.AttachLongFilename) ?? o.string(P.AttachFilename) ?? "",
      method: o.int(P.AttachMethod),
    };
  });
}

interface MsgRecipient {
  type: number;
  name: string;
  address: string;
}

function listRecipients(streams: Streams, charset: string | undefined): MsgRecipient[] {
  return storageIds(streams, "RECIP").map((id) => {
    const o = new PropertyObject(streams, `${id}/`, 8, charset);
    const addrType = (o.string(P.AddressType) ?? "").toUpperCase();
    const email = o.string(P.EmailAddress) ?? "";
    const address = o.string(P.SmtpAddress) ?? (addrType === "SMTP" || email.includes("@") ? email : "");
    return { type: o.int(P.RecipientType) ?? 1, name: o.string(P.DisplayName) ?? "", address };
  });
}

/** The attachment that holds an S/MIME item's content. */
function smimeAttachment(attachments: MsgAttachment[]): MsgAttachment | undefined {
  const withData = attachments.filter((a) => a.data.length > 0);
  return (
    withData.find((a) => /^(multipart\/signed|application\/(x-)?pkcs7-mime)/i.test(a.mimeTag.trim())) ??
    withData.find((a) => /^smime\.p7m$/i.test(a.filename)) ??
    (withData.length === 1 ? withData[0] : undefined)
  );
}

/** Whether an entity's own header block has the fields of a whole message (From, Date). */
function isWholeMessage(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024);
  let text = "";
  for (let i = 0; i < n; i++) text += String.fromCharCode(b[i] as number);
  const end = text.search(/\r?\n\r?\n/);
  const head = end >= 0 ? text.slice(0, end) : text;
  return /^from[ \t]*:/im.test(head) && /^date[ \t]*:/im.test(head);
}

function firstNonSpace(b: Uint8Array): number | undefined {
  for (let i = 0; i < b.length && i < 64; i++) {
    const c = b[i] as number;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return c;
  }
  return undefined;
}

function lineEnding(b: Uint8Array): string {
  const lf = b.indexOf(0x0a);
  return lf > 0 && b[lf - 1] === 0x0d ? "\r\n" : lf >= 0 ? "\n" : "\r\n";
}

/** An attachment part's type: its mime tag, but never a multipart type (its structure would be the tag's). */
function partType(tag: string): string {
  const t = mimeTypeOnly(tag);
  return t && !t.startsWith("multipart/") ? t : "application/octet-stream";
}

function mimeTypeOnly(tag: string): string {
  const t = tag.split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t) ? t : "";
}

/**
 * The header lines put in front of the content, ending with nothing (the content brings its own header
 * fields and the blank line). The transport headers without their Content-* fields when Outlook kept them;
 * otherwise fields made from the properties.
 */
function headerLines(
  message: PropertyObject,
  recipients: MsgRecipient[],
  transport: string | undefined,
  eol: string,
): { text: string; from: OutlookMessage["headers"]; unreadable: string[] } {
  const unreadable: string[] = [];
  if (transport !== undefined && /^[!-9;-~]+[ \t]*:/m.test(transport)) {
    // a lone CR is a line break too (so a field after one is seen, and dropped if it is a Content-* one);
    // other control characters become spaces
    const lines = transport.split(/\r\n|\r|\n/).map((l) => l.replace(CONTROL, " "));
    const kept: string[] = [];
    let skipping = false;
    for (const line of lines) {
      if (line === "") {
        if (kept.length > 0) break; // the end of the header block
        continue;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        if (!skipping && kept.length > 0) kept.push(line);
        continue;
      }
      const name = line
        .slice(0, Math.max(0, line.indexOf(":")))
        .trim()
        .toLowerCase();
      skipping = name.startsWith("content-") || name === "mime-version";
      if (!skipping) kept.push(line);
    }
    kept.push("MIME-Version: 1.0");
    return { text: kept.map((l) => l + eol).join(""), from: "transport", unreadable };
  }
  const lines: string[] = [];
  const smtp = (
    property: string,
    addr: string | undefined,
    type: string | undefined,
    smtpAddr: string | undefined,
  ): string => {
    const a =
      smtpAddr ||
      ((type ?? "SMTP").toUpperCase() === "SMTP" || (addr ?? "").includes("@") ? (addr ?? "") : "");
    return checkedAddress(property, a, unreadable);
  };
  const fromAddr = smtp(
    "PidTagSentRepresentingEmailAddress",
    message.string(P.SentRepresentingEmailAddress),
    message.string(P.SentRepresentingAddressType),
    message.string(P.SentRepresentingSmtpAddress),
  );
  const fromName = message.string(P.SentRepresentingName) ?? "";
  const senderAddr = smtp(
    "PidTagSenderEmailAddress",
    message.string(P.SenderEmailAddress),
    message.string(P.SenderAddressType),
    message.string(P.SenderSmtpAddress),
  );
  const senderName = message.string(P.SenderName) ?? "";
  if (fromAddr) lines.push(`From: ${mailboxText(fromName, fromAddr)}`);
  else if (senderAddr) lines.push(`From: ${mailboxText(senderName, senderAddr)}`);
  if (fromAddr && senderAddr && senderAddr.toLowerCase() !== fromAddr.toLowerCase()) {
    lines.push(`Sender: ${mailboxText(senderName, senderAddr)}`);
  }
  const list = (type: number): string =>
    recipients
      .filter((r) => r.type === type && r.address)
      .map((r) => ({
        ...r,
        address: checkedAddress("PidTagEmailAddress (recipient)", r.address, unreadable),
      }))
      .filter((r) => r.address)
      .map((r) => mailboxText(r.name, r.address))
      .join(", ");
  const to = list(1);
  const cc = list(2);
  if (to) lines.push(`To: ${to}`);
  if (cc) lines.push(`Cc: ${cc}`);
  const subject = message.string(P.Subject);
  if (subject !== undefined) lines.push(`Subject: ${headerText(subject)}`);
  const date = message.time(P.ClientSubmitTime) ?? message.time(P.MessageDeliveryTime);
  if (date) lines.push(`Date: ${rfc5322Date(date)}`);
  const id = message.string(P.InternetMessageId);
  // eslint-disable-next-line no-control-regex
  if (id && /^<[^<>\s\x00-\x1f\x7f]+>$/.test(id.trim())) lines.push(`Message-ID: ${id.trim()}`);
  lines.push("MIME-Version: 1.0");
  return { text: lines.map((l) => l + eol).join(""), from: "properties", unreadable };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * An address from a property, as it may go into a header field: a plain addr-spec (local@domain) without
 * white space, control characters, angle brackets, commas, semicolons, double quotes, parentheses, square
 * brackets, backslashes or a second "@".
 * Anything else — a line break followed by a Content-Type field is how a crafted plain item would pass for
 * a signed one — is left out and recorded as unreadable.
 */
function checkedAddress(property: string, address: string, unreadable: string[]): string {
  const a = address.trim();
  if (!a) return "";
  // eslint-disable-next-line no-control-regex
  if (/^[^\s\x00-\x1f\x7f<>,;"()[\]\\@]+@[^\s\x00-\x1f\x7f<>,;"()[\]\\@]+$/.test(a)) return a;
  if (!unreadable.includes(property)) unreadable.push(property);
  return "";
}

function mailboxText(name: string, address: string): string {
  const clean = name.replace(CONTROL, " ").replace(/\t/g, " ").trim();
  if (!clean || clean.toLowerCase() === address.toLowerCase()) return `<${address}>`;
  if (!/^[\x20-\x7e]*$/.test(clean)) return `${encodedWord(clean)} <${address}>`;
  if (!/[()<>[\]:;@\\,."]/.test(clean)) return `${clean} <${address}>`;
  return `"${clean.replace(/["\\]/g, "\\$&")}" <${address}>`;
}

function headerText(s: string): string {
  const clean = s.replace(/[\r\n]+/g, " ").replace(CONTROL, " ");
  return /^[\x20-\x7e]*$/.test(clean) ? clean : encodedWord(clean);
}

/** RFC 2047 encoded word(s), UTF-8, base64 (split so that no character is cut). */
function encodedWord(s: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const ch of s) {
    if (utf8(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${encodeBase64(utf8(w))}?=`).join(" ");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function rfc5322Date(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
