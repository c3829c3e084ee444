/**
 * NAA sign-in wrapper: availability (client id, NestedAppAuth 1.1, Outlook.com/Gmail), silent → pop-up,
 * and MSAL errors mapped to clear kinds (consent declined, pop-up blocked, network).
 */
import {
  classifyAuthError,
  configuredClientId,
  createNaaTokenProvider,
  isClientId,
  oneClickAvailability,
  type NaaClient,
} from "../../../src/office/contacts/auth";
import { ContactsError } from "../../../src/office/contacts/errors";
import { AuthError, BrowserAuthError, InteractionRequiredAuthError } from "@azure/msal-browser";

const ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
const naa11 = (name: string, version?: string): boolean => name === "NestedAppAuth" && version === "1.1";

describe("oneClickAvailability", () => {
  it("needs a client id", () => {
    expect(oneClickAvailability(undefined, { isSetSupported: naa11 })).toEqual({
      available: false,
      reason: "not-configured",
    });
    expect(oneClickAvailability("not-a-guid", { isSetSupported: naa11 })).toEqual({
      available: false,
      reason: "not-configured",
    });
  });
  it("checks NestedAppAuth 1.1 at run time", () => {
    expect(oneClickAvailability(ID, {})).toEqual({ available: false, reason: "unsupported-host" });
    expect(oneClickAvailability(ID, { isSetSupported: () => false })).toEqual({
      available: false,
      reason: "unsupported-host",
    });
    expect(
      oneClickAvailability(ID, {
        isSetSupported: () => {
          throw new Error("x");
        },
      }),
    ).toEqual({
      available: false,
      reason: "unsupported-host",
    });
    expect(oneClickAvailability(ID, { isSetSupported: naa11, accountType: "enterprise" })).toEqual({
      available: true,
    });
  });
  it("says Outlook.com and Gmail mailboxes are not supported", () => {
    for (const accountType of ["outlookCom", "gmail"]) {
      expect(oneClickAvailability(ID, { isSetSupported: naa11, accountType })).toEqual({
        available: false,
        reason: "unsupported-account",
      });
    }
  });
});

describe("configuredClientId", () => {
  const saved = process.env.SMIME_ASSISTANT_CLIENT_ID;
  afterEach(() => {
    if (saved === undefined) delete process.env.SMIME_ASSISTANT_CLIENT_ID;
    else process.env.SMIME_ASSISTANT_CLIENT_ID = saved;
  });
  it("reads process.env.SMIME_ASSISTANT_CLIENT_ID and ignores what is not a GUID", () => {
    process.env.SMIME_ASSISTANT_CLIENT_ID = ID;
    expect(configuredClientId()).toBe(ID);
    process.env.SMIME_ASSISTANT_CLIENT_ID = "";
    expect(configuredClientId()).toBeUndefined();
    delete process.env.SMIME_ASSISTANT_CLIENT_ID;
    expect(configuredClientId()).toBeUndefined();
    expect(isClientId(ID.toUpperCase())).toBe(true);
  });
});

describe("classifyAuthError (real MSAL error classes)", () => {
  it.each([
    ["BrowserAuthError user_cancelled", "consent-declined", new BrowserAuthError("user_cancelled", "")],
    [
      "InteractionRequired consent_required",
      "consent-declined",
      new InteractionRequiredAuthError("consent_required", ""),
    ],
    ["AuthError access_denied", "consent-declined", new AuthError("access_denied", "", "User declined")],
    [
      "AuthError invalid_grant AADSTS65004",
      "consent-declined",
      new AuthError("invalid_grant", "", "AADSTS65004: User declined to consent to access the app."),
    ],
    ["BrowserAuthError popup_window_error", "popup-blocked", new BrowserAuthError("popup_window_error", "")],
    ["BrowserAuthError empty_window_error", "popup-blocked", new BrowserAuthError("empty_window_error", "")],
    ["AuthError no_network_connectivity", "network", new AuthError("no_network_connectivity", "")],
    [
      "AuthError nested_app_auth_bridge_disabled",
      "unsupported-host",
      new AuthError("nested_app_auth_bridge_disabled", ""),
    ],
    ["plain Error", "auth-failed", new Error("boom")],
  ])("%s → %s", (_label, kind, err) => {
    expect(classifyAuthError(err)).toBe(kind);
  });
});

function fakePca(opts: {
  silent: () => Promise<{ accessToken: string }>;
  popup: () => Promise<{ accessToken: string }>;
}): NaaClient & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    acquireTokenSilent: async (r) => {
      log.push(`silent:${r.scopes.join(" ")}${r.forceRefresh ? ":force" : ""}`);
      return opts.silent();
    },
    acquireTokenPopup: async (r) => {
      log.push(`popup:${r.scopes.join(" ")}`);
      return opts.popup();
    },
  };
}

describe("createNaaTokenProvider", () => {
  it("returns the silent token without a pop-up, creating the client once", async () => {
    const pca = fakePca({
      silent: async () => ({ accessToken: "A" }),
      popup: async () => ({ accessToken: "B" }),
    });
    let created = 0;
    const get = createNaaTokenProvider(ID, {
      factory: async (id) => {
        expect(id).toBe(ID);
        created++;
        return pca;
      },
    });
    expect(await get()).toBe("A");
    expect(await get({ forceRefresh: true })).toBe("A");
    expect(created).toBe(1);
    expect(pca.log).toEqual(["silent:Contacts.ReadWrite", "silent:Contacts.ReadWrite:force"]);
  });

  it("asks for consent in a pop-up when interaction is required", async () => {
    const pca = fakePca({
      silent: async () => {
        throw new InteractionRequiredAuthError("interaction_required", "");
      },
      popup: async () => ({ accessToken: "P" }),
    });
    const get = createNaaTokenProvider(ID, { factory: async () => pca });
    expect(await get()).toBe("P");
    expect(pca.log).toEqual(["silent:Contacts.ReadWrite", "popup:Contacts.ReadWrite"]);
  });

  it("reports a declined consent as consent-declined", async () => {
    const pca = fakePca({
      silent: async () => {
        throw new InteractionRequiredAuthError("consent_required", "");
      },
      popup: async () => {
        throw new BrowserAuthError("user_cancelled", "");
      },
    });
    const get = createNaaTokenProvider(ID, { factory: async () => pca });
    await expect(get()).rejects.toMatchObject({ kind: "consent-declined" });
    await expect(get()).rejects.toBeInstanceOf(ContactsError);
  });

  it("does not open a pop-up when the network is down", async () => {
    const pca = fakePca({
      silent: async () => {
        throw new AuthError("no_network_connectivity", "");
      },
      popup: async () => ({ accessToken: "P" }),
    });
    const get = createNaaTokenProvider(ID, { factory: async () => pca });
    await expect(get()).rejects.toMatchObject({ kind: "network" });
    expect(pca.log).toEqual(["silent:Contacts.ReadWrite"]);
  });

  it("maps a failing MSAL set-up and tries again next time", async () => {
    let n = 0;
    const get = createNaaTokenProvider(ID, {
      factory: async () => {
        n++;
        if (n === 1) throw new AuthError("nested_app_auth_bridge_disabled", "");
        return fakePca({
          silent: async () => ({ accessToken: "S" }),
          popup: async () => ({ accessToken: "P" }),
        });
      },
    });
    await expect(get()).rejects.toMatchObject({ kind: "unsupported-host" });
    expect(await get()).toBe("S");
  });
});
