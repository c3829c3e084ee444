/**
 * Host → the FAQ page's mail clients: which step sets are the user's own, and in which order to show them.
 */
import type { Host, StepClient, StepSet } from "./types";

/** Major version of the Office build ("16.0.17328.20000" → 16), when known. */
export function majorVersion(host: Host): number | undefined {
  const m = /^\s*(\d{1,3})\./.exec(host.version ?? "");
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The page's clients that are the user's own, best fit first. Empty when nothing on the page fits
 * (Mac, unknown): then the page's order is kept.
 */
export function preferredClients(host: Host): StepClient[] {
  switch (host.client) {
    case "outlook-classic": {
      const v = majorVersion(host);
      if (v === 11) return ["outlook-2003", "outlook-2010-and-earlier", "outlook"];
      if (v === 12) return ["outlook-2007", "outlook-2010-and-earlier", "outlook"];
      if (v === 14) return ["outlook-2010", "outlook-2010-2019-365", "outlook-2010-and-earlier", "outlook"];
      // 15.x (2013), 16.x (2016/2019/2021/365) and an unknown version: today's classic Outlook.
      return ["outlook-2013-2016", "outlook-2010-2019-365", "outlook"];
    }
    case "outlook-new":
    case "outlook-web":
    case "outlook-mobile":
      // Webmail-style first; classic Outlook's steps next (the way out when the encoding must be changed).
      return ["webmail", "outlook-2013-2016", "outlook-2010-2019-365", "outlook"];
    case "outlook-mac":
    case "unknown":
    default:
      return [];
  }
}

/** The step sets in the order to show them: the user's own client first, then the rest in the page's order. */
export function orderSteps(steps: StepSet[], host: Host): StepSet[] {
  const pref = preferredClients(host);
  const rank = (s: StepSet): number => {
    const i = pref.indexOf(s.client);
    return i < 0 ? pref.length : i;
  };
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

/** A readable name of the host for notes ("Outlook on the web", "新しい Outlook"). */
export function hostName(host: Host): { ja: string; en: string } {
  switch (host.client) {
    case "outlook-new":
      return { ja: "新しい Outlook", en: "new Outlook" };
    case "outlook-web":
      return { ja: "Outlook on the web", en: "Outlook on the web" };
    case "outlook-mobile":
      return { ja: "モバイル版 Outlook（iOS／Android）", en: "Outlook for iOS / Android" };
    case "outlook-mac":
      return { ja: "Mac 版 Outlook", en: "Outlook for Mac" };
    case "outlook-classic":
      return { ja: "Outlook（Windows 版）", en: "classic Outlook for Windows" };
    default:
      return { ja: "お使いのメールソフト", en: "your mail program" };
  }
}

/** Mail clients without a menu to change the encoding of a received message. */
export function lacksEncodingMenu(host: Host): boolean {
  return host.client === "outlook-new" || host.client === "outlook-web" || host.client === "outlook-mobile";
}

/** The encoding menu item that matches a detected charset, as the given client names it. */
export function encodingMenuLabel(
  charset: string,
  client: StepClient | undefined,
): { ja: string; en: string } {
  const cs = charset.toLowerCase();
  if (client === "thunderbird") {
    switch (cs) {
      case "utf-8":
        return { ja: "Unicode", en: "Unicode" };
      case "shift_jis":
        return { ja: "日本語(Shift_JIS)", en: "Japanese (Shift_JIS)" };
      case "iso-2022-jp":
        return { ja: "日本語(ISO-2022-JP)", en: "Japanese (ISO-2022-JP)" };
      case "euc-jp":
        return { ja: "日本語(EUC-JP)", en: "Japanese (EUC-JP)" };
    }
  }
  switch (cs) {
    case "utf-8":
      return { ja: "Unicode(UTF-8)", en: "Unicode (UTF-8)" };
    case "shift_jis":
      return { ja: "日本語(シフトJIS)", en: "Japanese (Shift-JIS)" };
    case "iso-2022-jp":
      return { ja: "日本語(JIS)", en: "Japanese (JIS)" };
    case "euc-jp":
      return { ja: "日本語(EUC)", en: "Japanese (EUC)" };
    case "windows-1252":
      return { ja: "西ヨーロッパ言語(Windows)", en: "Western European (Windows)" };
    case "iso-8859-1":
      return { ja: "西ヨーロッパ言語(ISO)", en: "Western European (ISO)" };
    case "windows-1251":
      return { ja: "キリル言語(Windows)", en: "Cyrillic (Windows)" };
    case "koi8-r":
      return { ja: "キリル言語(KOI8-R)", en: "Cyrillic (KOI8-R)" };
    case "koi8-u":
      return { ja: "キリル言語(KOI8-U)", en: "Cyrillic (KOI8-U)" };
    default:
      return { ja: charset.toUpperCase(), en: charset.toUpperCase() };
  }
}
