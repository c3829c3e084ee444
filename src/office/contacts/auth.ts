/**
 * Sign-in for the one-click path: MSAL.js nested app authentication (NAA), scope Contacts.ReadWrite.
 *
 * - The Entra application (client) id is build-time configuration: webpack's DefinePlugin replaces
 *   `process.env.SMIME_ASSISTANT_CLIENT_ID`; without it the one-click button is hidden.
 * - NAA is checked at run time: Office.context.requirements.isSetSupported("NestedAppAuth", "1.1").
 * - NAA is not available in Outlook.com or Gmail mailboxes (userProfile.accountType "outlookCom" / "gmail").
 * - Token: acquireTokenSilent first; when that needs interaction, acquireTokenPopup (consent).
 */
import { ContactsError, type ContactsErrorKind } from "./errors";
import type { TokenProvider } from "./graph";

export const GRAPH_SCOPES = ["Contacts.ReadWrite"];

/** The client id given at build time (DefinePlugin: process.env.SMIME_ASSISTANT_CLIENT_ID), or undefined. */
export function configuredClientId(): string | undefined {
  let id: string | undefined;
  try {
    // Replaced by a string literal at build time; in a bundle without the define `process` may not exist.
    id = process.env.SMIME_ASSISTANT_CLIENT_ID;
  } catch {
    id = undefined;
  }
  return isClientId(id) ? id : undefined;
}

/** A GUID, as Entra application ids are. */
export function isClientId(id: string | undefined): id is string {
  return (
    typeof id === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.trim())
  );
}

/** What the pane needs to know about Office to decide whether one-click is possible. */
export interface OfficeAuthContext {
  /** Office.context.requirements.isSetSupported */
  isSetSupported?: (name: string, version?: string) => boolean;
  /** Office.context.mailbox.userProfile.accountType: "enterprise" | "gmail" | "office365" | "outlookCom" */
  accountType?: string;
}

/** Reads the context from the global Office object when there is one (never throws). */
export function officeAuthContext(): OfficeAuthContext {
  const ctx: OfficeAuthContext = {};
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const req = office?.context?.requirements;
    if (req && typeof req.isSetSupported === "function") {
      ctx.isSetSupported = (name, version) => req.isSetSupported(name, version);
    }
    const profile = office?.context?.mailbox?.userProfile as { accountType?: unknown } | undefined;
    if (profile && typeof profile.accountType === "string") ctx.accountType = profile.accountType;
  } catch {
    // not in Office
  }
  return ctx;
}

export type OneClickAvailability =
  | { available: true }
  | {
      available: false;
      reason: Extract<ContactsErrorKind, "not-configured" | "unsupported-host" | "unsupported-account">;
    };

/** Whether the one-click button can be offered. */
export function oneClickAvailability(
  clientId: string | undefined,
  ctx: OfficeAuthContext,
): OneClickAvailability {
  if (!isClientId(clientId)) return { available: false, reason: "not-configured" };
  const t = (ctx.accountType ?? "").toLowerCase();
  if (t === "outlookcom" || t === "gmail") return { available: false, reason: "unsupported-account" };
  let naa = false;
  try {
    naa = ctx.isSetSupported?.("NestedAppAuth", "1.1") === true;
  } catch {
    naa = false;
  }
  if (!naa) return { available: false, reason: "unsupported-host" };
  return { available: true };
}

/** The part of MSAL's IPublicClientApplication we use (so tests can stand in for it). */
export interface NaaClient {
  acquireTokenSilent(req: { scopes: string[]; forceRefresh?: boolean }): Promise<{ accessToken: string }>;
  acquireTokenPopup(req: { scopes: string[] }): Promise<{ accessToken: string }>;
}

export type NaaClientFactory = (clientId: string) => Promise<NaaClient>;

/** Creates the MSAL nestable public client application (loaded on demand). */
export const msalNaaFactory: NaaClientFactory = async (clientId) => {
  const msal = await import("@azure/msal-browser");
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId, authority: "https://login.microsoftonline.com/common" },
  });
  return pca as unknown as NaaClient;
};

function errorCode(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { errorCode?: unknown; code?: unknown; subError?: unknown };
    if (typeof o.errorCode === "string" && o.errorCode) return o.errorCode;
    if (typeof o.code === "string" && o.code) return o.code;
  }
  return "";
}

function errorText(e: unknown): string {
  const m = e && typeof e === "object" ? (e as { errorMessage?: unknown }).errorMessage : undefined;
  const base = e instanceof Error ? e.message : String(e);
  return typeof m === "string" && m && !base.includes(m) ? `${base} ${m}` : base;
}

/** Maps an MSAL error to our kinds. */
export function classifyAuthError(e: unknown): ContactsErrorKind {
  const code = errorCode(e).toLowerCase();
  const text = errorText(e);
  if (
    code === "user_cancelled" ||
    code === "user_canceled" ||
    code === "consent_required" ||
    code === "access_denied" ||
    /AADSTS65004/.test(text) // the user declined to consent
  ) {
    return "consent-declined";
  }
  if (code === "popup_window_error" || code === "empty_window_error") return "popup-blocked";
  if (code === "no_network_connectivity" || code === "endpoints_resolution_error") return "network";
  if (code === "nested_app_auth_bridge_disabled") return "unsupported-host";
  return "auth-failed";
}

function isInteractionRequired(e: unknown): boolean {
  const name = e && typeof e === "object" ? (e as { name?: unknown }).name : undefined;
  const code = errorCode(e).toLowerCase();
  return (
    name === "InteractionRequiredAuthError" ||
    code === "interaction_required" ||
    code === "consent_required" ||
    code === "login_required" ||
    code === "no_account_found" ||
    code === "no_tokens_found"
  );
}

/**
 * A token provider for the Graph client: silent first, a consent pop-up when needed.
 * Errors come out as ContactsError (consent-declined, popup-blocked, network, auth-failed, …).
 */
export function createNaaTokenProvider(
  clientId: string,
  opts: { factory?: NaaClientFactory; scopes?: string[] } = {},
): TokenProvider {
  const factory = opts.factory ?? msalNaaFactory;
  const scopes = opts.scopes ?? GRAPH_SCOPES;
  let client: Promise<NaaClient> | undefined;
  return async (o) => {
    if (!client) {
      client = factory(clientId);
      client.catch(() => {
        client = undefined;
      });
    }
    let pca: NaaClient;
    try {
      pca = await client;
    } catch (e) {
      throw new ContactsError(classifyAuthError(e), { detail: errorCode(e) || errorText(e) });
    }
    try {
      const r = await pca.acquireTokenSilent({ scopes, ...(o?.forceRefresh ? { forceRefresh: true } : {}) });
      if (r.accessToken) return r.accessToken;
    } catch (e) {
      const kind = classifyAuthError(e);
      if (!isInteractionRequired(e) && kind !== "auth-failed" && kind !== "consent-declined") {
        throw new ContactsError(kind, { detail: errorCode(e) || errorText(e) });
      }
      // otherwise fall through to the pop-up
    }
    try {
      const r = await pca.acquireTokenPopup({ scopes });
      if (!r.accessToken) throw new ContactsError("auth-failed", { detail: "empty access token" });
      return r.accessToken;
    } catch (e) {
      if (e instanceof ContactsError) throw e;
      throw new ContactsError(classifyAuthError(e), { detail: errorCode(e) || errorText(e) });
    }
  };
}
