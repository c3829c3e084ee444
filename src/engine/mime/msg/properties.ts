/**
 * MAPI properties of an Outlook item (MS-OXMSG 2.4, MS-OXPROPS): the property stream, ids, code pages.
 */
import { getDecoder } from "../../util/textDecoders";
import { type Streams } from "./compound";

export const PT_SHORT = 0x0002;
export const PT_LONG = 0x0003;
export const PT_BOOLEAN = 0x000b;
export const PT_STRING8 = 0x001e;
export const PT_UNICODE = 0x001f;
export const PT_SYSTIME = 0x0040;
export const PT_BINARY = 0x0102;

/** The upper-cased path of a property's stream: prefix + __SUBSTG1.0_<id><type>. */
export function substgPath(prefix: string, id: number, type: number): string {
  return `${prefix}__SUBSTG1.0_${((id << 16) | type).toString(16).toUpperCase().padStart(8, "0")}`;
}

/** The upper-cased path of a property object's fixed-size values. */
export const propertiesPath = (prefix: string): string => `${prefix}__PROPERTIES_VERSION1.0`;

/** One property object: its fixed values (from __properties_version1.0) and its streams. */
export class PropertyObject {
  private readonly fixed = new Map<number, DataView>();

  constructor(
    private readonly streams: Streams,
    /** "" for the message, "__RECIP_VERSION1.0_#00000000/" etc. */
    private readonly prefix: string,
    headerSize: number,
    private codepage: string = "windows-1252",
  ) {
    const props = streams.get(propertiesPath(prefix));
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
    return this.streams.get(substgPath(this.prefix, id, type));
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

export function stripNul(s: string): string {
  const i = s.indexOf("\u0000");
  return i >= 0 ? s.slice(0, i) : s;
}

// Property ids (MS-OXPROPS)
export const P = {
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
export const CODEPAGES: Record<number, string> = {
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
export function charsetOf(codepage: number | undefined): string | undefined {
  if (codepage === undefined) return undefined;
  if (CODEPAGES[codepage]) return CODEPAGES[codepage];
  if (codepage >= 1250 && codepage <= 1258) return `windows-${codepage}`;
  if (codepage >= 28592 && codepage <= 28606) return `iso-8859-${codepage - 28590}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The item
