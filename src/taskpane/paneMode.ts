/** The pane's mode from its URL (the manifests' taskpane.html?mode=read / ?mode=compose); see boot.ts. */

/** "read", "compose" or undefined (no ?mode: the standalone page, or an older manifest's read pane). */
export function paneModeFromUrl(search: string | undefined): "read" | "compose" | undefined {
  if (!search) return undefined;
  try {
    const mode = new URLSearchParams(search).get("mode")?.toLowerCase();
    return mode === "read" || mode === "compose" ? mode : undefined;
  } catch {
    return undefined;
  }
}
