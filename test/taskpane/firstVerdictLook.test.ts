/**
 * The boot script's first verdict copies VerdictBanner's look (firstVerdict.ts) instead of carrying Fluent
 * UI: its colours must be the themes' tokens and its icons Fluent's, or the view would change colour or
 * icon when the pane's own banner replaces it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { FONT_FAMILY } from "../../src/taskpane/bootTitle";
import { BANNER_COLOURS, BANNER_ICONS } from "../../src/taskpane/firstVerdict";

const ROOT = path.resolve(__dirname, "..", "..");

/** The tokens VerdictBanner.tsx uses for each level (read from its source, so that a change there fails here). */
function bannerTokens(): Record<string, { background: string; border: string; icon: string }> {
  const src = readFileSync(path.join(ROOT, "src", "taskpane", "components", "VerdictBanner.tsx"), "utf8");
  const token = (block: string, prop: string): string => {
    const m = new RegExp(`${block}: \\{[^}]*?${prop}: tokens\\.(\\w+)`).exec(src);
    if (!m?.[1]) throw new Error(`VerdictBanner.tsx: no ${prop} in ${block}`);
    return m[1];
  };
  const icon = (name: string): string => {
    const m = new RegExp(`${name}: \\{ color: tokens\\.(\\w+) \\}`).exec(src);
    if (!m?.[1]) throw new Error(`VerdictBanner.tsx: no ${name}`);
    return m[1];
  };
  return {
    safe: {
      background: token("safe", "backgroundColor"),
      border: token("safe", "borderLeftColor"),
      icon: icon("iconSafe"),
    },
    caution: {
      background: token("caution", "backgroundColor"),
      border: token("caution", "borderLeftColor"),
      icon: icon("iconCaution"),
    },
    danger: {
      background: token("danger", "backgroundColor"),
      border: token("danger", "borderLeftColor"),
      icon: icon("iconDanger"),
    },
    info: {
      background: token("info", "backgroundColor"),
      border: token("info", "borderLeftColor"),
      icon: icon("iconInfo"),
    },
  };
}

describe("the first verdict looks like the pane's banner", () => {
  const used = bannerTokens();
  it.each([
    ["light", webLightTheme],
    ["dark", webDarkTheme],
  ] as const)(
    "%s theme: each level's background, border and icon colour are the banner's tokens",
    (name, theme) => {
      const t = theme as unknown as Record<string, string>;
      for (const level of ["safe", "caution", "danger", "info"] as const) {
        const u = used[level]!;
        expect(BANNER_COLOURS[name][level]).toEqual({
          background: t[u.background],
          border: t[u.border],
          icon: t[u.icon],
        });
      }
      expect(BANNER_COLOURS[name].page).toEqual({
        background: t["colorNeutralBackground1"],
        text: t["colorNeutralForeground1"],
      });
      expect(FONT_FAMILY).toBe(t["fontFamilyBase"]);
    },
  );

  it.each([
    ["safe", "CheckmarkCircle24Filled", "checkmark-circle"],
    ["caution", "Warning24Filled", "warning"],
    ["danger", "ErrorCircle24Filled", "error-circle"],
    ["info", "Info24Filled", "info"],
  ] as const)("%s: the icon is Fluent's %s, the one VerdictBanner shows", (level, icon, file) => {
    const banner = readFileSync(
      path.join(ROOT, "src", "taskpane", "components", "VerdictBanner.tsx"),
      "utf8",
    );
    expect(banner).toContain(icon);
    const svg = readFileSync(
      path.join(ROOT, "node_modules", "@fluentui", "react-icons", "lib", "atoms", "svg", `${file}.js`),
      "utf8",
    );
    expect(svg).toContain(`createFluentIcon('${icon}', "24", ["${BANNER_ICONS[level]}"]`);
  });
});
