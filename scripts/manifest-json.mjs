#!/usr/bin/env node
/**
 * The unified manifest (Microsoft 365 app manifest, schema 1.17) derived from manifest.xml, which stays the
 * one source of truth (Outlook on Mac and perpetual-licence Outlook read only the XML). Everything the two
 * share — id, version, names, descriptions, URLs, ribbon groups and buttons, icons, permissions, requirement
 * set, pinning, shared-folder support, the ja-JP strings — is read from the XML; nothing is typed twice.
 *
 *   node scripts/manifest-json.mjs           writes manifest.json and manifest.ja-jp.json (localhost URLs)
 *   node scripts/manifest-json.mjs --check   exits 1 when the committed files differ from manifest.xml
 *
 * webpack.config.js calls unifiedFromXml() on the manifest.xml it writes to dist/ (URLs rewritten to
 * $ADDIN_HOST), so dist/ gets manifest.xml, manifest.json, manifest.ja-jp.json and the app package
 * smime-assistant.zip (manifest.json + localization + the two package icons) to upload in the
 * Microsoft 365 admin center.
 *
 * Mapping (XML → JSON), following Microsoft's "convert an add-in-only manifest" table:
 *   Id → id; Version a.b.c.d → version a.b.c; ProviderName → developer.name; SupportUrl →
 *   developer.websiteUrl/privacyUrl/termsOfUseUrl (the project has no separate privacy or terms page; the
 *   pane runs locally and sends nothing); DisplayName → name; Description → description.full, its first
 *   clause → description.short; AppDomains → validDomains (host only); Permissions ReadItem →
 *   authorization.permissions.resourceSpecific MailboxItem.Read.User; SupportsSharedFolders → the
 *   Mailbox.SharedFolder permission; VersionOverrides 1.1 DefaultMinVersion → extensions[0].requirements
 *   Mailbox; each ShowTaskpane SourceLocation → a runtime whose openPage action the buttons use
 *   (SupportsPinning → pinnable); MessageReadCommandSurface / MessageComposeCommandSurface → ribbons with
 *   contexts mailRead / mailCompose; bt:Override Locale="ja-JP" → manifest.ja-jp.json.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { crc32 } from "./make-icons.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_VERSION = "1.17";
export const JA_FILE = "manifest.ja-jp.json";
export const PACKAGE_ICONS = { color: "assets/color-192.png", outline: "assets/outline-32.png" };
/** The blue of the icon's envelope (scripts/make-icons.mjs). */
const ACCENT = "#0F6CBD";

const PERMISSIONS = {
  Restricted: "MailboxItem.Restricted.User",
  ReadItem: "MailboxItem.Read.User",
  ReadWriteItem: "MailboxItem.ReadWrite.User",
  ReadWriteMailbox: "Mailbox.ReadWrite.User",
};
const CONTEXTS = { MessageReadCommandSurface: "mailRead", MessageComposeCommandSurface: "mailCompose" };

// ---------- a small element tree over fast-xml-parser's ordered output ----------
function toTree(nodes) {
  const out = [];
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name === "?xml") continue;
    const kids = n[name] ?? [];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    out.push({ name, attrs: n[":@"] ?? {}, children: toTree(kids), text });
  }
  return out;
}
const child = (e, name) => e?.children.find((c) => c.name === name);
const children = (e, name) => e?.children.filter((c) => c.name === name) ?? [];
function need(v, what) {
  if (v === undefined || v === null || v === "") throw new Error(`manifest.xml: ${what} is missing`);
  return v;
}

function parse(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    commentPropName: "#comment",
  });
  const root = toTree(parser.parse(xml)).find((e) => e.name === "OfficeApp");
  return need(root, "OfficeApp");
}

/** First clause of a description: up to the first ":" or "。" (kept within 80 characters). */
function shortOf(text) {
  const m = /^(.*?)(?::|。)/.exec(text);
  const s = (m ? m[1] + (m[0].endsWith("。") ? "。" : "") : text).trim();
  return s.length <= 80 ? s : s.slice(0, 79) + "…";
}

const ja = (e) => children(e, "Override").find((o) => o.attrs.Locale === "ja-JP")?.attrs.Value;
const jaRes = (e) => children(e, "bt:Override").find((o) => o.attrs.Locale === "ja-JP")?.attrs.Value;

/**
 * manifest.json and its ja-jp localization from manifest.xml's text.
 * Returns { manifest, localizations: { [file]: object } }.
 */
export function unifiedFromXml(xml) {
  const root = parse(xml);
  const vo10 = need(child(root, "VersionOverrides"), "VersionOverrides");
  const vo = need(child(vo10, "VersionOverrides"), "VersionOverrides 1.1");
  const res = need(child(vo, "Resources"), "VersionOverrides 1.1 Resources");
  const resources = (group, item) => new Map(children(child(res, group), item).map((e) => [e.attrs.id, e]));
  const images = resources("bt:Images", "bt:Image");
  const urls = resources("bt:Urls", "bt:Url");
  const shorts = resources("bt:ShortStrings", "bt:String");
  const longs = resources("bt:LongStrings", "bt:String");
  const lookup = (map, id, what) => need(map.get(id), `${what} resource "${id}"`);

  const jaStrings = {};
  const displayName = need(child(root, "DisplayName"), "DisplayName");
  const description = need(child(root, "Description"), "Description");
  const supportUrl = need(child(root, "SupportUrl")?.attrs.DefaultValue, "SupportUrl");
  const name = need(displayName.attrs.DefaultValue, "DisplayName");
  const full = need(description.attrs.DefaultValue, "Description");
  if (ja(displayName)) jaStrings["name.short"] = jaStrings["name.full"] = ja(displayName);
  if (ja(description)) {
    jaStrings["description.short"] = shortOf(ja(description));
    jaStrings["description.full"] = ja(description);
  }

  const version = need(child(root, "Version")?.text, "Version").split(".").slice(0, 3).join(".");
  const permission = need(child(root, "Permissions")?.text, "Permissions");
  const sets = child(child(vo, "Requirements"), "bt:Sets");
  const mailboxSet = children(sets, "bt:Set").find((s) => s.attrs.Name === "Mailbox");
  const mailboxMin = need(
    mailboxSet?.attrs.MinVersion ?? (mailboxSet ? sets.attrs.DefaultMinVersion : undefined),
    "VersionOverrides 1.1 Mailbox requirement",
  );
  const dff = need(child(child(child(vo, "Hosts"), "Host"), "DesktopFormFactor"), "DesktopFormFactor");
  const sharedFolders = child(dff, "SupportsSharedFolders")?.text === "true";

  const runtimes = [];
  const ribbons = [];
  const runtimeFor = (urlId) => {
    let rt = runtimes.find((r) => r.urlId === urlId);
    if (!rt) {
      rt = {
        urlId,
        runtime: {
          requirements: { capabilities: [{ name: "Mailbox", minVersion: mailboxMin }] },
          id: `${urlId.replace(/\W+/g, "")}Runtime`,
          type: "general",
          code: { page: need(lookup(urls, urlId, "URL").attrs.DefaultValue, `URL ${urlId}`) },
          lifetime: "short",
          actions: [],
        },
      };
      runtimes.push(rt);
    }
    return rt.runtime;
  };
  const icons = (e) =>
    children(child(e, "Icon"), "bt:Image").map((i) => ({
      size: Number(i.attrs.size),
      url: need(lookup(images, i.attrs.resid, "image").attrs.DefaultValue, `image ${i.attrs.resid}`),
    }));

  for (const point of children(dff, "ExtensionPoint")) {
    const context = CONTEXTS[point.attrs["xsi:type"]];
    if (!context) throw new Error(`manifest.xml: no unified-manifest mapping for ${point.attrs["xsi:type"]}`);
    const r = ribbons.length;
    const tabs = children(point, "OfficeTab").map((tab, t) => ({
      builtInTabId: tab.attrs.id,
      groups: children(tab, "Group").map((group, g) => {
        const controls = children(group, "Control").map((control, c) => {
          const action = need(child(control, "Action"), `Action of ${control.attrs.id}`);
          if (action.attrs["xsi:type"] !== "ShowTaskpane")
            throw new Error(`manifest.xml: ${control.attrs.id}: only ShowTaskpane actions are mapped`);
          const rt = runtimeFor(need(child(action, "SourceLocation")?.attrs.resid, "SourceLocation"));
          const actionId = `${control.attrs.id}Action`;
          rt.actions.push({
            id: actionId,
            type: "openPage",
            pinnable: child(action, "SupportsPinning")?.text === "true",
          });
          const label = lookup(shorts, child(control, "Label")?.attrs.resid, "string");
          const supertip = child(control, "Supertip");
          const title = lookup(shorts, child(supertip, "Title")?.attrs.resid, "string");
          const desc = lookup(longs, child(supertip, "Description")?.attrs.resid, "string");
          const at = `extensions[0].ribbons[${r}].tabs[${t}].groups[${g}].controls[${c}]`;
          if (jaRes(label)) jaStrings[`${at}.label`] = jaRes(label);
          if (jaRes(title)) jaStrings[`${at}.supertip.title`] = jaRes(title);
          if (jaRes(desc)) jaStrings[`${at}.supertip.description`] = jaRes(desc);
          return {
            id: control.attrs.id,
            type: "button",
            label: label.attrs.DefaultValue,
            icons: icons(control),
            supertip: { title: title.attrs.DefaultValue, description: desc.attrs.DefaultValue },
            actionId,
          };
        });
        const label = lookup(shorts, child(group, "Label")?.attrs.resid, "string");
        if (jaRes(label))
          jaStrings[`extensions[0].ribbons[${r}].tabs[${t}].groups[${g}].label`] = jaRes(label);
        // the XML gives a group no icons of its own; Outlook shows the first button's
        return { id: group.attrs.id, label: label.attrs.DefaultValue, icons: controls[0].icons, controls };
      }),
    }));
    ribbons.push({ contexts: [context], tabs });
  }

  const resourceSpecific = [
    { name: need(PERMISSIONS[permission], `a mapping for Permissions ${permission}`), type: "Delegated" },
  ];
  if (sharedFolders) resourceSpecific.push({ name: "Mailbox.SharedFolder", type: "Delegated" });

  const manifest = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: SCHEMA_VERSION,
    version,
    id: need(child(root, "Id")?.text, "Id"),
    localizationInfo: {
      defaultLanguageTag: need(child(root, "DefaultLocale")?.text, "DefaultLocale").toLowerCase(),
      ...(Object.keys(jaStrings).length
        ? { additionalLanguages: [{ languageTag: "ja-jp", file: JA_FILE }] }
        : {}),
    },
    developer: {
      name: need(child(root, "ProviderName")?.text, "ProviderName"),
      websiteUrl: supportUrl,
      privacyUrl: supportUrl,
      termsOfUseUrl: supportUrl,
    },
    name: { short: name, full: name },
    description: { short: shortOf(full), full },
    icons: { ...PACKAGE_ICONS },
    accentColor: ACCENT,
    validDomains: children(child(root, "AppDomains"), "AppDomain").map((d) => new URL(d.text).host),
    authorization: { permissions: { resourceSpecific } },
    extensions: [
      {
        requirements: {
          scopes: ["mail"],
          capabilities: [{ name: "Mailbox", minVersion: mailboxMin }],
          formFactors: ["desktop"],
        },
        runtimes: runtimes.map((r) => r.runtime),
        ribbons,
      },
    ],
  };
  const localizations = {};
  if (Object.keys(jaStrings).length) {
    localizations[JA_FILE] = {
      $schema: `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`,
      ...jaStrings,
    };
  }
  return { manifest, localizations };
}

export const stringify = (o) => JSON.stringify(o, null, 2) + "\n";

// ---------- the app package (a zip: deflate, no library) ----------
/** A zip of { name: bytes } entries (deflated; DOS time fixed so that the package is reproducible). */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
    const packed = deflateRawSync(bytes, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(bytes);
    const head = (central) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let o = 0;
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, o);
      o += 4;
      if (central) {
        b.writeUInt16LE(20, o); // made by
        o += 2;
      }
      b.writeUInt16LE(20, o); // version needed
      b.writeUInt16LE(0x0800, o + 2); // UTF-8 names
      b.writeUInt16LE(8, o + 4); // deflate
      b.writeUInt16LE(0, o + 6); // time 00:00
      b.writeUInt16LE(((2026 - 1980) << 9) | (1 << 5) | 1, o + 8); // 2026-01-01
      b.writeUInt32LE(crc, o + 10);
      b.writeUInt32LE(packed.length, o + 14);
      b.writeUInt32LE(bytes.length, o + 18);
      b.writeUInt16LE(nameBytes.length, o + 22);
      b.writeUInt16LE(0, o + 24); // extra
      if (central) {
        b.writeUInt16LE(0, o + 26); // comment
        b.writeUInt16LE(0, o + 28); // disk
        b.writeUInt16LE(0, o + 30); // internal attrs
        b.writeUInt32LE(0, o + 32); // external attrs
        b.writeUInt32LE(offset, o + 36);
      }
      return b;
    };
    const local = Buffer.concat([head(false), nameBytes, packed]);
    centrals.push(Buffer.concat([head(true), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

/** The files of the app package for manifest.xml's text, icons read from root. */
export function packageFiles(xml, root = ROOT) {
  const { manifest, localizations } = unifiedFromXml(xml);
  const files = { "manifest.json": stringify(manifest) };
  for (const [file, content] of Object.entries(localizations)) files[file] = stringify(content);
  for (const icon of Object.values(manifest.icons)) files[icon] = fs.readFileSync(path.join(root, icon));
  return files;
}

function main() {
  const check = process.argv.includes("--check");
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const { manifest, localizations } = unifiedFromXml(xml);
  const outputs = { "manifest.json": stringify(manifest) };
  for (const [file, content] of Object.entries(localizations)) outputs[file] = stringify(content);
  let stale = 0;
  for (const [file, text] of Object.entries(outputs)) {
    const p = path.join(ROOT, file);
    const now = fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined;
    if (now === text) continue;
    if (check) {
      console.error(`${file} is out of date with manifest.xml: run node scripts/manifest-json.mjs`);
      stale++;
    } else {
      fs.writeFileSync(p, text);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(stale ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
