import { clientFrom, getHost, isOfficeHost, languageOf, userAddress } from "../../src/office";
import { installOffice, uninstallOffice } from "./fakeOffice";

afterEach(() => uninstallOffice());

describe("getHost", () => {
  it.each([
    // [hostName, platform, expected client]
    ["Outlook", "PC", "outlook-classic"],
    ["newOutlookWindows", "OfficeOnline", "outlook-new"],
    ["OutlookWebApp", "OfficeOnline", "outlook-web"],
    ["Outlook", "Mac", "outlook-mac"],
    ["Mac Outlook", undefined, "outlook-mac"],
    ["OutlookIOS", "iOS", "outlook-mobile"],
    ["OutlookAndroid", "Android", "outlook-mobile"],
    ["Outlook", "Universal", "outlook-classic"],
    ["Something", "Else", "unknown"],
  ])("hostName %s, platform %s → %s", (hostName, platform, client) => {
    installOffice({ hostName, ...(platform !== undefined ? { platform } : {}), version: "16.0.1.2" });
    const h = getHost();
    expect(h.client).toBe(client);
    if (platform !== undefined) expect(h.platform).toBe(platform);
    expect(h.version).toBe("16.0.1.2");
  });

  it("new Outlook and Outlook on the web share platform OfficeOnline; hostName separates them", () => {
    expect(clientFrom("newOutlookWindows", "OfficeOnline")).toBe("outlook-new");
    expect(clientFrom("OutlookWebApp", "OfficeOnline")).toBe("outlook-web");
    expect(clientFrom(undefined, "OfficeOnline")).toBe("outlook-web");
  });

  it("before Mailbox 1.5 (no Office.context.diagnostics) uses mailbox.diagnostics", () => {
    installOffice({ contextDiagnostics: false, hostName: "Outlook", hostVersion: "15.0.4420.1017" });
    const h = getHost();
    expect(h.client).toBe("outlook-classic");
    expect(h.version).toBe("15.0.4420.1017");
    expect(h.platform).toBeUndefined();
  });

  it.each([
    ["ja-JP", "ja"],
    ["ja", "ja"],
    ["JA-jp", "ja"],
    ["en-US", "en"],
    ["fr-FR", "en"],
  ])("display language %s → %s", (displayLanguage, language) => {
    installOffice({ displayLanguage });
    expect(getHost().language).toBe(language);
  });

  it("outside Outlook the client is unknown", () => {
    uninstallOffice();
    expect(isOfficeHost()).toBe(false);
    expect(getHost().client).toBe("unknown");
    expect(userAddress()).toBeUndefined();
  });

  it("inside Outlook: isOfficeHost and the user's address", () => {
    installOffice({ userEmail: "taro@example.jp" });
    expect(isOfficeHost()).toBe(true);
    expect(userAddress()).toBe("taro@example.jp");
  });

  it("languageOf handles missing values", () => {
    expect(languageOf(undefined)).toBe("en");
    expect(languageOf("")).toBe("en");
  });
});
