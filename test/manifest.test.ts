/**
 * manifest.xml: well-formed, schema order, required elements, resources, one origin, icons, ja-JP.
 * (Microsoft's own validator, `npm run validate`, posts to a web service and stays outside the tests.)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Raw = Record<string, unknown>;

function toTree(nodes: Raw[]): El[] {
  const out: El[] = [];
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name === "?xml") continue;
    const kids = (n[name] as Raw[]) ?? [];
    const attrs = (n[":@"] as Record<string, string>) ?? {};
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    out.push({ name, attrs, children: toTree(kids), text });
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  commentPropName: "#comment",
});
const tree = toTree(parser.parse(XML) as Raw[]);
const root = tree.find((e) => e.name === "OfficeApp")!;

const child = (e: El | undefined, name: string) => e?.children.find((c) => c.name === name);
const childrenNamed = (e: El | undefined, name: string) => e?.children.filter((c) => c.name === name) ?? [];
function all(e: El, pred: (x: El) => boolean, acc: El[] = []): El[] {
  if (pred(e)) acc.push(e);
  for (const c of e.children) all(c, pred, acc);
  return acc;
}

const vo10 = child(root, "VersionOverrides")!;
const vo11 = child(vo10, "VersionOverrides")!;

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(root).toBeDefined();
  });

  it("is a MailApp with the 1.1 schema namespaces", () => {
    expect(root.attrs["xsi:type"]).toBe("MailApp");
    expect(root.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    expect(root.attrs["xmlns:xsi"]).toBe("http://www.w3.org/2001/XMLSchema-instance");
  });

  it("lists the OfficeApp children in the schema's order", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "FormSettings",
      "Permissions",
      "Rule",
      "DisableEntityHighlighting",
      "Dictionary",
      "VersionOverrides",
    ];
    const names = root.children.map((c) => c.name);
    const idx = names.map((n) => order.indexOf(n));
    expect(idx).not.toContain(-1);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "FormSettings",
      "Permissions",
      "Rule",
      "VersionOverrides",
    ]) {
      expect(names).toContain(required);
    }
  });

  it("has a GUID id, a four-part version, a provider and en-US as default locale", () => {
    expect(child(root, "Id")!.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(root, "Version")!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "ProviderName")!.text.length).toBeGreaterThan(0);
    expect(child(root, "DefaultLocale")!.text).toBe("en-US");
  });

  it("names and describes the add-in in English with ja-JP overrides", () => {
    for (const name of ["DisplayName", "Description"]) {
      const e = child(root, name)!;
      expect(e.attrs["DefaultValue"]!.length).toBeGreaterThan(0);
      const ja = childrenNamed(e, "Override").find((o) => o.attrs["Locale"] === "ja-JP");
      expect(ja?.attrs["Value"]).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
    expect(child(root, "DisplayName")!.attrs["DefaultValue"]).toBe("S/MIME Assistant");
    expect(child(child(root, "DisplayName"), "Override")!.attrs["Value"]).toBe("S/MIME アシスタント");
    expect(child(root, "DisplayName")!.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(125);
    expect(child(root, "Description")!.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(250);
  });

  it("runs in Mailbox 1.1 hosts with read-item permission, on read (and compose) messages", () => {
    expect(child(child(root, "Hosts"), "Host")!.attrs["Name"]).toBe("Mailbox");
    const set = child(child(child(root, "Requirements"), "Sets"), "Set")!;
    expect(set.attrs).toMatchObject({ Name: "Mailbox", MinVersion: "1.1" });
    expect(child(root, "Permissions")!.text).toBe("ReadItem");
    const rules = all(child(root, "Rule")!, (e) => e.attrs["xsi:type"] === "ItemIs");
    expect(rules.map((r) => [r.attrs["ItemType"], r.attrs["FormType"]])).toEqual(
      expect.arrayContaining([
        ["Message", "Read"],
        ["Message", "Edit"],
      ]),
    );
  });

  it("has an ItemRead form with the task pane and a height, and an ItemEdit form for compose", () => {
    const forms = childrenNamed(child(root, "FormSettings"), "Form");
    const read = forms.find((f) => f.attrs["xsi:type"] === "ItemRead")!;
    const ds = child(read, "DesktopSettings")!;
    expect(child(ds, "SourceLocation")!.attrs["DefaultValue"]).toBe(`${ORIGIN}/taskpane.html?mode=read`);
    const h = Number(child(ds, "RequestedHeight")!.text);
    expect(h).toBeGreaterThanOrEqual(32);
    expect(h).toBeLessThanOrEqual(450);
    const edit = forms.find((f) => f.attrs["xsi:type"] === "ItemEdit")!;
    expect(child(child(edit, "DesktopSettings"), "SourceLocation")!.attrs["DefaultValue"]).toBe(
      `${ORIGIN}/taskpane.html?mode=compose`,
    );
  });

  it("nests VersionOverrides 1.1 inside 1.0", () => {
    expect(vo10.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(vo10.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/mailappversionoverrides");
    expect(vo11.attrs["xsi:type"]).toBe("VersionOverridesV1_1");
    expect(vo11.attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/mailappversionoverrides/1.1");
    // child order: Description, Requirements, Hosts, Resources, (nested VersionOverrides last)
    const order = ["Description", "Requirements", "Hosts", "Resources", "VersionOverrides"];
    for (const vo of [vo10, vo11]) {
      const idx = vo.children.map((c) => order.indexOf(c.name));
      expect(idx).not.toContain(-1);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    }
    expect(vo10.children.at(-1)!.name).toBe("VersionOverrides");
  });

  it("supports shared folders and shared mailboxes (VersionOverrides 1.1 only, first in DesktopFormFactor)", () => {
    const dff = (vo: El) => child(child(child(vo, "Hosts"), "Host"), "DesktopFormFactor")!;
    // schema (MailAppVersionOverridesV1_1): SupportsSharedFolders?, FunctionFile?, ExtensionPoint+
    expect(dff(vo11).children.map((c) => c.name)).toEqual([
      "SupportsSharedFolders",
      "ExtensionPoint",
      "ExtensionPoint",
    ]);
    expect(child(dff(vo11), "SupportsSharedFolders")!.text).toBe("true");
    // the 1.0 schema has no such element
    expect(child(dff(vo10), "SupportsSharedFolders")).toBeUndefined();
  });

  describe.each([
    ["1.0", () => vo10],
    ["1.1", () => vo11],
  ])("VersionOverrides %s", (version, get) => {
    const vo = () => get();
    const resources = () => child(vo(), "Resources")!;
    const ids = (group: string) =>
      new Set(
        childrenNamed(
          child(resources(), group),
          group === "bt:Images" ? "bt:Image" : group === "bt:Urls" ? "bt:Url" : "bt:String",
        ).map((e) => e.attrs["id"]!),
      );

    it("has a read-surface button that shows the task pane (and a compose button)", () => {
      const dff = child(child(child(vo(), "Hosts"), "Host"), "DesktopFormFactor")!;
      const points = childrenNamed(dff, "ExtensionPoint");
      const read = points.find((p) => p.attrs["xsi:type"] === "MessageReadCommandSurface")!;
      expect(read).toBeDefined();
      const button = all(read, (e) => e.name === "Control" && e.attrs["xsi:type"] === "Button")[0]!;
      expect(button.children.map((c) => c.name)).toEqual(["Label", "Supertip", "Icon", "Action"]);
      const action = child(button, "Action")!;
      expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
      if (version === "1.1") {
        expect(action.children.map((c) => c.name)).toEqual(["SourceLocation", "SupportsPinning"]);
        expect(child(action, "SupportsPinning")!.text).toBe("true");
      } else {
        expect(child(action, "SupportsPinning")).toBeUndefined();
      }
      const compose = points.find((p) => p.attrs["xsi:type"] === "MessageComposeCommandSurface")!;
      const cAction = all(compose, (e) => e.name === "Action")[0]!;
      const url = childrenNamed(child(resources(), "bt:Urls"), "bt:Url").find(
        (u) => u.attrs["id"] === child(cAction, "SourceLocation")!.attrs["resid"],
      );
      expect(url?.attrs["DefaultValue"]).toBe(`${ORIGIN}/taskpane.html?mode=compose`);
    });

    it("resolves every resid to a resource of the right kind, in its own Resources", () => {
      const images = ids("bt:Images");
      const urls = ids("bt:Urls");
      const shorts = ids("bt:ShortStrings");
      const longs = ids("bt:LongStrings");
      const refs = all(vo(), (e) => "resid" in e.attrs && !isInside(e, vo11, vo()));
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) {
        const id = r.attrs["resid"]!;
        const kind =
          r.name === "bt:Image"
            ? images
            : r.name === "SourceLocation" || r.name === "FunctionFile"
              ? urls
              : r.name === "Description"
                ? longs
                : shorts;
        expect({ element: r.name, resid: id, resolves: kind.has(id) }).toEqual({
          element: r.name,
          resid: id,
          resolves: true,
        });
      }
    });

    it("keeps resource ids short and unique, strings within their limits, each with a ja-JP override", () => {
      const seen = new Set<string>();
      for (const group of child(vo(), "Resources")!.children) {
        for (const r of group.children) {
          const id = r.attrs["id"]!;
          expect(id.length).toBeLessThanOrEqual(32);
          expect(seen.has(id)).toBe(false);
          seen.add(id);
          if (group.name === "bt:ShortStrings" || group.name === "bt:LongStrings") {
            const max = group.name === "bt:ShortStrings" ? 125 : 250;
            expect(r.attrs["DefaultValue"]!.length).toBeLessThanOrEqual(max);
            const ja = childrenNamed(r, "bt:Override").find((o) => o.attrs["Locale"] === "ja-JP");
            expect({ id, ja: ja?.attrs["Value"] !== undefined }).toEqual({ id, ja: true });
            expect(ja!.attrs["Value"]!.length).toBeLessThanOrEqual(max);
            expect(ja!.attrs["Value"]).toMatch(/[ぁ-んァ-ヶ一-龯]/);
          }
        }
      }
    });

    it("labels the button S/MIME Assistant / S/MIME アシスタント", () => {
      const label = childrenNamed(child(resources(), "bt:ShortStrings"), "bt:String").find(
        (s) => s.attrs["id"] === "ReadButton.Label",
      )!;
      expect(label.attrs["DefaultValue"]).toBe("S/MIME Assistant");
      expect(child(label, "bt:Override")!.attrs).toMatchObject({
        Locale: "ja-JP",
        Value: "S/MIME アシスタント",
      });
    });

    it("gives ribbon icons of 16, 32 and 80 px whose files have those sizes", () => {
      const images = childrenNamed(child(resources(), "bt:Images"), "bt:Image");
      const used = all(child(vo(), "Hosts")!, (e) => e.name === "bt:Image");
      expect(new Set(used.map((u) => u.attrs["size"]))).toEqual(new Set(["16", "32", "80"]));
      for (const u of used) {
        const res = images.find((i) => i.attrs["id"] === u.attrs["resid"])!;
        const size = Number(u.attrs["size"]);
        expect(pngSize(res.attrs["DefaultValue"]!)).toEqual({ width: size, height: size });
      }
    });
  });

  it("puts every URL on one origin", () => {
    const urls: string[] = [];
    for (const e of all(root, () => true)) {
      for (const [k, v] of Object.entries(e.attrs)) {
        if (k.startsWith("xmlns")) continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push(v);
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e.text)) urls.push(e.text);
    }
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(new URL(u).origin).toBe(ORIGIN);
    expect(childrenNamed(child(root, "AppDomains"), "AppDomain").map((d) => d.text)).toEqual([ORIGIN]);
  });

  it("uses 64 and 128 px icons for IconUrl and HighResolutionIconUrl", () => {
    expect(pngSize(child(root, "IconUrl")!.attrs["DefaultValue"]!)).toEqual({ width: 64, height: 64 });
    expect(pngSize(child(root, "HighResolutionIconUrl")!.attrs["DefaultValue"]!)).toEqual({
      width: 128,
      height: 128,
    });
  });
});

function isInside(e: El, container: El, top: El): boolean {
  if (container === top) return false;
  return all(container, (x) => x === e).length > 0;
}

/** Maps https://localhost:3000/assets/x.png to assets/x.png and reads the PNG's IHDR. */
function pngSize(url: string): { width: number; height: number } {
  const u = new URL(url);
  expect(u.pathname).toMatch(/^\/assets\/icon-\d+\.png$/);
  const file = path.join(ROOT, u.pathname);
  expect(existsSync(file)).toBe(true);
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
