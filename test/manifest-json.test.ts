/**
 * manifest.json (the unified Microsoft 365 app manifest) and manifest.ja-jp.json: derived from manifest.xml
 * by scripts/manifest-json.mjs and committed up to date; valid against Microsoft's published JSON schema
 * (v1.17, shipped in node_modules by @microsoft/app-manifest, a dependency of office-addin-manifest);
 * consistent with the XML (id, version, URLs, buttons, strings, permissions, requirement set, pinning,
 * shared folders); icons that exist with the sizes the schema asks for; the ADDIN_HOST rewrite and the app
 * package zip that `npm run build` puts in dist/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..");
const ORIGIN = "https://localhost:3000";
const SCHEMAS = path.join(
  ROOT,
  "node_modules",
  "@microsoft",
  "app-manifest",
  "build",
  "json-schemas",
  "teams",
);

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents */
const readJson = (p: string): any => JSON.parse(readFileSync(path.join(ROOT, p), "utf8"));
const manifest = readJson("manifest.json");
const ja = readJson("manifest.ja-jp.json");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const x: any = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).OfficeApp;
const vo11 = x.VersionOverrides.VersionOverrides;
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Runs a snippet with scripts/manifest-json.mjs imported as `m`; returns its stdout parsed as JSON. */
function viaScript(code: string, input = ""): any {
  const script =
    `import fs from "node:fs";\n` +
    `import * as m from ${JSON.stringify(path.join(ROOT, "scripts", "manifest-json.mjs"))};\n` +
    `const input = fs.readFileSync(0, "utf8");\n${code}`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function pngInfo(file: string): { width: number; height: number; rgba: Buffer } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    if (b.subarray(o + 4, o + 8).toString("latin1") === "IDAT") idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  expect(b[25]).toBe(6); // RGBA, filter 0 rows (scripts/make-icons.mjs)
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

/** Every string value in a JSON document with its path (a.b[0].c). */
function strings(v: any, at = "", acc: [string, string][] = []): [string, string][] {
  if (typeof v === "string") acc.push([at, v]);
  else if (Array.isArray(v)) v.forEach((e, i) => strings(e, `${at}[${i}]`, acc));
  else if (v && typeof v === "object")
    for (const [k, e] of Object.entries(v)) strings(e, at ? `${at}.${k}` : k, acc);
  return acc;
}
const urlsOf = (doc: any) => strings(doc).filter(([k, s]) => k !== "$schema" && /^https?:\/\//.test(s));

describe("manifest.json (unified manifest) from manifest.xml", () => {
  it("is what scripts/manifest-json.mjs derives from manifest.xml (committed up to date)", () => {
    expect(() =>
      execFileSync(process.execPath, ["scripts/manifest-json.mjs", "--check"], { cwd: ROOT }),
    ).not.toThrow();
    const fresh = viaScript("console.log(JSON.stringify(m.unifiedFromXml(input)))", xml);
    expect(fresh.manifest).toEqual(manifest);
    expect(fresh.localizations["manifest.ja-jp.json"]).toEqual(ja);
  });

  it("is valid against Microsoft's v1.17 app manifest and localization schemas", () => {
    expect(manifest.manifestVersion).toBe("1.17");
    expect(manifest.$schema).toBe(
      "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
    );
    // unicodeRegExp: false — the localization schema has patterns ("\b]") that only non-unicode RegExps accept
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(
      readFileSync(path.join(SCHEMAS, "v1.17", "MicrosoftTeams.schema.json"), "utf8"),
    );
    const validate = ajv.compile(schema);
    expect({ valid: validate(manifest), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
    const locSchema = JSON.parse(
      readFileSync(path.join(SCHEMAS, "v1.17", "MicrosoftTeams.Localization.schema.json"), "utf8"),
    );
    const validateLoc = ajv.compile(locSchema);
    expect({ valid: validateLoc(ja), errors: validateLoc.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
    // the schema check can fail: a broken copy is rejected
    expect(validate({ ...manifest, accentColor: "blue" })).toBe(false);
    expect(validateLoc({ ...ja, "name.short": "x".repeat(31) })).toBe(false);
  });

  it("has the XML's id, version, names, descriptions and support URL", () => {
    expect(manifest.id).toBe(x.Id);
    expect(x.Version).toBe(`${manifest.version}.0`);
    expect(manifest.name.short).toBe(x.DisplayName["@DefaultValue"]);
    expect(manifest.description.full).toBe(x.Description["@DefaultValue"]);
    expect(x.Description["@DefaultValue"].startsWith(manifest.description.short)).toBe(true);
    expect(manifest.developer.name).toBe(x.ProviderName);
    expect(manifest.developer.websiteUrl).toBe(x.SupportUrl["@DefaultValue"]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: "en-us",
      additionalLanguages: [{ languageTag: "ja-jp", file: "manifest.ja-jp.json" }],
    });
  });

  it("puts every URL on the XML's one origin, each one a URL the XML has", () => {
    const xmlUrls = new Set(urlsOf(new XMLParser({ ignoreAttributes: false }).parse(xml)).map(([, u]) => u));
    const urls = urlsOf(manifest);
    expect(urls.length).toBeGreaterThan(10);
    for (const [at, u] of urls) {
      expect({ at, origin: new URL(u).origin }).toEqual({ at, origin: ORIGIN });
      expect({ at, inXml: xmlUrls.has(u) }).toEqual({ at, inXml: true });
    }
    expect(manifest.validDomains).toEqual(["localhost:3000"]);
  });

  it("reads the item (ReadItem) and declares shared folders and shared mailboxes, as the XML does", () => {
    expect(x.Permissions).toBe("ReadItem");
    const dff = vo11.Hosts.Host.DesktopFormFactor;
    expect(String(dff.SupportsSharedFolders)).toBe("true");
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: "MailboxItem.Read.User", type: "Delegated" },
      { name: "Mailbox.SharedFolder", type: "Delegated" },
    ]);
  });

  it("requires the Mailbox set of VersionOverrides 1.1 in mail, on desktop", () => {
    const min = vo11.Requirements["bt:Sets"]["@DefaultMinVersion"];
    expect(min).toBe("1.5");
    const ext = manifest.extensions[0];
    expect(manifest.extensions).toHaveLength(1);
    expect(ext.requirements).toEqual({
      scopes: ["mail"],
      capabilities: [{ name: "Mailbox", minVersion: min }],
      formFactors: ["desktop"],
    });
    for (const rt of ext.runtimes)
      expect(rt.requirements.capabilities).toEqual([{ name: "Mailbox", minVersion: min }]);
  });

  it("has a pinnable read pane on mailRead and the compose pane on mailCompose, like the XML's buttons", () => {
    const ext = manifest.extensions[0];
    const actions = new Map<string, { page: string; action: any }>();
    for (const rt of ext.runtimes) {
      expect(rt.type).toBe("general");
      expect(rt.lifetime).toBe("short");
      for (const a of rt.actions) {
        expect(actions.has(a.id)).toBe(false);
        actions.set(a.id, { page: rt.code.page, action: a });
      }
    }
    const byContext = (ctx: string) => {
      const r = ext.ribbons.filter((rb: any) => rb.contexts.includes(ctx));
      expect(r).toHaveLength(1);
      const controls = r[0].tabs.flatMap((t: any) => t.groups.flatMap((g: any) => g.controls));
      expect(r[0].tabs.map((t: any) => t.builtInTabId)).toEqual(["TabDefault"]);
      expect(controls).toHaveLength(1);
      return controls[0];
    };
    const read = byContext("mailRead");
    expect(read.id).toBe("smimeReadOpenPane");
    expect(read.label).toBe("S/MIME Assistant");
    expect(actions.get(read.actionId)).toEqual({
      page: `${ORIGIN}/taskpane.html?mode=read`,
      action: { id: read.actionId, type: "openPage", pinnable: true },
    });
    const compose = byContext("mailCompose");
    expect(compose.id).toBe("smimeComposeOpenPane");
    expect(actions.get(compose.actionId)).toEqual({
      page: `${ORIGIN}/taskpane.html?mode=compose`,
      action: { id: compose.actionId, type: "openPage", pinnable: false },
    });
    // same control ids and labels as the XML's VersionOverrides 1.1 buttons
    const xmlControls = list<any>(vo11.Hosts.Host.DesktopFormFactor.ExtensionPoint).map(
      (p) => p.OfficeTab.Group.Control["@id"],
    );
    expect([read.id, compose.id]).toEqual(xmlControls);
  });

  it("uses 16/32/80 px ribbon icons and package icons of 192 px (colour) and 32 px (white outline)", () => {
    for (const [at, u] of urlsOf(manifest).filter(([k]) => /icons\[\d\]\.url$/.test(k))) {
      const size = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
      const file = path.join(ROOT, new URL(u).pathname);
      expect({ at, exists: existsSync(file) }).toEqual({ at, exists: true });
      const { width, height } = pngInfo(file);
      expect({ at, width, height }).toEqual({ at, width: size, height: size });
    }
    const sizes = manifest.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons.map(
      (i: any) => i.size,
    );
    expect(sizes).toEqual([16, 32, 80]);
    const color = pngInfo(path.join(ROOT, manifest.icons.color));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pngInfo(path.join(ROOT, manifest.icons.outline));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let drawn = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = [outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2], outline.rgba[i + 3]];
      if (a) {
        drawn++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(drawn).toBeGreaterThan(200);
    expect(drawn).toBeLessThan(32 * 32 - 100);
  });

  it("gives the XML's ja-JP strings for the name, description, groups and buttons", () => {
    expect(ja["name.short"]).toBe(x.DisplayName.Override["@Value"]);
    expect(ja["description.full"]).toBe(x.Description.Override["@Value"]);
    const values = new Map(strings(manifest));
    const keys = Object.keys(ja).filter((k) => k !== "$schema");
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const k of keys) {
      expect({ k, translates: values.has(k) }).toEqual({ k, translates: true });
      expect(ja[k]).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
    expect(ja["extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label"]).toBe("署名の設定を確認");
  });

  it("follows ADDIN_HOST like manifest.xml, and packs the app package for the admin center", () => {
    const host = "https://addin.example.com";
    const res = viaScript(
      `const xml = input.split("${ORIGIN}").join("${host}");
       const files = m.packageFiles(xml);
       const zip = m.zip(files);
       console.log(JSON.stringify({ ...m.unifiedFromXml(xml), zip: zip.toString("base64"),
         names: Object.keys(files) }));`,
      xml,
    );
    const urls = urlsOf(res.manifest);
    expect(urls.length).toBeGreaterThan(10);
    for (const [, u] of urls) expect(new URL(u).origin).toBe(host);
    expect(res.manifest.validDomains).toEqual(["addin.example.com"]);
    expect(res.names).toEqual([
      "manifest.json",
      "manifest.ja-jp.json",
      "assets/color-192.png",
      "assets/outline-32.png",
    ]);
    // read the zip back (central directory → local headers → raw deflate)
    const zip = Buffer.from(res.zip, "base64");
    const eocd = zip.length - 22;
    expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
    const count = zip.readUInt16LE(eocd + 10);
    let cd = zip.readUInt32LE(eocd + 16);
    const entries = new Map<string, Buffer>();
    for (let i = 0; i < count; i++) {
      expect(zip.readUInt32LE(cd)).toBe(0x02014b50);
      const nameLen = zip.readUInt16LE(cd + 28);
      const name = zip.subarray(cd + 46, cd + 46 + nameLen).toString("utf8");
      const local = zip.readUInt32LE(cd + 42);
      const csize = zip.readUInt32LE(cd + 20);
      const usize = zip.readUInt32LE(cd + 24);
      const data = inflateRawSync(
        zip.subarray(
          local + 30 + zip.readUInt16LE(local + 26),
          local + 30 + zip.readUInt16LE(local + 26) + csize,
        ),
      );
      expect(data.length).toBe(usize);
      entries.set(name, data);
      cd += 46 + nameLen;
    }
    expect(JSON.parse(entries.get("manifest.json")!.toString("utf8"))).toEqual(res.manifest);
    expect(JSON.parse(entries.get("manifest.ja-jp.json")!.toString("utf8"))).toEqual(
      res.localizations["manifest.ja-jp.json"],
    );
    expect(
      entries.get("assets/color-192.png")!.equals(readFileSync(path.join(ROOT, "assets", "color-192.png"))),
    ).toBe(true);
  });
});
