/** How a charset is named in messages (en/ja), and in the shorter form of the headers-only diagnosis. */

export function charsetDisplayName(cs: string): { en: string; ja: string } {
  switch (cs) {
    case "utf-8":
      return { en: "UTF-8", ja: "UTF-8" };
    case "shift_jis":
      return { en: "Shift_JIS", ja: "Shift_JIS" };
    case "euc-jp":
      return { en: "EUC-JP", ja: "EUC-JP" };
    case "iso-2022-jp":
      return { en: "ISO-2022-JP (JIS)", ja: "ISO-2022-JP（JIS コード）" };
    case "us-ascii":
      return { en: "US-ASCII", ja: "US-ASCII（英数字のみ）" };
    case "windows-1252":
      return { en: "Windows-1252 (Western European)", ja: "Windows-1252（西欧言語）" };
    case "iso-8859-1":
      return { en: "ISO-8859-1 (Western European)", ja: "ISO-8859-1（西欧言語）" };
    case "koi8-u":
      return { en: "KOI8-U (Cyrillic)", ja: "KOI8-U（キリル文字）" };
    case "koi8-r":
      return { en: "KOI8-R (Cyrillic)", ja: "KOI8-R（キリル文字）" };
    case "windows-1251":
      return { en: "Windows-1251 (Cyrillic)", ja: "Windows-1251（キリル文字）" };
    default:
      return { en: cs.toUpperCase(), ja: cs.toUpperCase() };
  }
}

/** The names the headers-only diagnosis has always used (text Outlook decoded: a guess, said shortly). */
export function shortCharsetName(charset: string): string {
  switch (charset) {
    case "utf-8":
      return "UTF-8";
    case "shift_jis":
      return "Shift_JIS";
    case "windows-1252":
      return "Western European (Windows-1252)";
    case "iso-2022-jp":
      return "ISO-2022-JP";
    case "euc-jp":
      return "EUC-JP";
    default:
      return charset;
  }
}
