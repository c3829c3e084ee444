/**
 * Which Outlook the pane runs in, from Office diagnostics, for the FAQ rules (src/faq Host).
 *
 * - Office.context.mailbox.diagnostics.hostName (Mailbox 1.1): "Outlook" (classic Windows and Mac),
 *   "newOutlookWindows", "OutlookWebApp", "OutlookIOS", "OutlookAndroid"; old Mac builds said "Mac Outlook".
 * - Office.context.diagnostics.platform (Mailbox 1.5): "PC", "OfficeOnline", "Mac", "iOS", "Android",
 *   "Universal" (WinRT). Outlook on the web AND new Outlook on Windows both report "OfficeOnline"; only
 *   hostName tells them apart.
 * - version: Office.context.diagnostics.version (client build, e.g. "16.0.17328.20000"), else
 *   mailbox.diagnostics.hostVersion (for the web and new Outlook that is the Exchange version).
 */
import type { Host, HostClient } from "../faq/types";
import { mailbox, officeGlobal, safe } from "./officeGlobal";

/** True when Office.js is loaded and a mailbox is present (the pane runs inside Outlook). */
export function isOfficeHost(): boolean {
  return mailbox() !== undefined && mailbox() !== null;
}

export function getHost(): Host {
  const office = officeGlobal();
  const hostName = safe(() => office?.context?.mailbox?.diagnostics?.hostName);
  const platform =
    safe(() => office?.context?.diagnostics?.platform) ?? safe(() => office?.context?.platform) ?? undefined;
  const version =
    safe(() => office?.context?.diagnostics?.version) ??
    safe(() => office?.context?.mailbox?.diagnostics?.hostVersion) ??
    undefined;
  const host: Host = {
    client: office?.context?.mailbox ? clientFrom(str(hostName), str(platform)) : "unknown",
    language: languageOf(str(safe(() => office?.context?.displayLanguage)) ?? navigatorLanguage()),
  };
  const p = str(platform);
  if (p) host.platform = p;
  const v = str(version);
  if (v) host.version = v;
  return host;
}

/** Maps Office's hostName / platform to the FAQ's client names. */
export function clientFrom(hostName: string | undefined, platform: string | undefined): HostClient {
  const h = (hostName ?? "").toLowerCase();
  const p = (platform ?? "").toLowerCase();
  if (h === "newoutlookwindows") return "outlook-new";
  if (h === "outlookios" || h === "outlookandroid" || p === "ios" || p === "android") return "outlook-mobile";
  if (h === "mac outlook" || p === "mac") return "outlook-mac";
  if (h === "outlookwebapp" || p === "officeonline") return "outlook-web";
  if (h === "outlook" && (p === "pc" || p === "" || p === "universal")) return "outlook-classic";
  if (p === "pc") return "outlook-classic";
  return "unknown";
}

/** The pane's two languages. */
export type Lang = "ja" | "en";

/**
 * The one language rule of the add-in: "ja" for a tag whose primary subtag is ja (ja, ja-JP, ja_JP, in any
 * case), "en" for anything else or nothing ("jav", Javanese, is not Japanese).
 */
export function languageOf(tag: string | undefined | null): Lang {
  return /^ja(?:[-_]|$)/i.test((tag ?? "").trim()) ? "ja" : "en";
}

/**
 * True when the mailbox is on Exchange Server on premises: userProfile.accountType "enterprise" (documented
 * with Mailbox 1.6; Outlook reports it whatever the server caps the requirement sets at). Such a server
 * limits add-ins to Mailbox 1.5 whatever the Outlook version, so "update Outlook" does not help there.
 */
export function isOnPremisesExchange(): boolean {
  const t = safe(() => mailbox()?.userProfile?.accountType);
  return typeof t === "string" && t.trim().toLowerCase() === "enterprise";
}

/** Classic Outlook for Windows (Office.context.diagnostics.platform "PC"), where getAsFileAsync rebuilds the MIME. */
export function isClassicWindows(): boolean {
  const office = officeGlobal();
  const hostName = str(safe(() => office?.context?.mailbox?.diagnostics?.hostName));
  const platform = str(
    safe(() => office?.context?.diagnostics?.platform) ?? safe(() => office?.context?.platform),
  );
  return platform?.toLowerCase() === "pc" && clientFrom(hostName, platform) === "outlook-classic";
}

/** The signed-in mailbox's address (Office.context.mailbox.userProfile.emailAddress), when known. */
export function userAddress(): string | undefined {
  return str(safe(() => mailbox()?.userProfile?.emailAddress));
}

function navigatorLanguage(): string | undefined {
  return str(safe(() => (globalThis as { navigator?: { language?: string } }).navigator?.language));
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}
