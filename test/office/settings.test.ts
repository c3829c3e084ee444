import { getSetting, removeSetting, saveSettings, setSetting } from "../../src/office";
import { fail, installOffice, uninstallOffice } from "./fakeOffice";

afterEach(() => uninstallOffice());

describe("roaming settings", () => {
  it("reads and writes Office.context.roamingSettings and saves with saveAsync", async () => {
    const f = installOffice();
    expect(getSetting("language")).toBeUndefined();
    setSetting("language", "ja");
    setSetting("trustAnchors", ["-----BEGIN CERTIFICATE-----"]);
    expect(f.settings.get("language")).toBe("ja");
    expect(getSetting("language")).toBe("ja");
    expect(getSetting("trustAnchors")).toEqual(["-----BEGIN CERTIFICATE-----"]);
    await expect(saveSettings()).resolves.toBe(true);
    expect(f.calls.save).toBe(1);
    removeSetting("language");
    expect(getSetting("language")).toBeUndefined();
    setSetting("showDetails", true);
    setSetting("showDetails", undefined);
    expect(f.settings.has("showDetails")).toBe(false);
  });

  it("a failed save resolves false", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    installOffice({ saveSettings: fail() });
    await expect(saveSettings()).resolves.toBe(false);
    warn.mockRestore();
  });

  it("outside Outlook keeps values in memory", async () => {
    uninstallOffice();
    setSetting("dismissed", ["tip-1"]);
    expect(getSetting("dismissed")).toEqual(["tip-1"]);
    await expect(saveSettings()).resolves.toBe(true);
    removeSetting("dismissed");
    expect(getSetting("dismissed")).toBeUndefined();
  });
});
