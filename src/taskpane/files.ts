/**
 * Saving and copying in the pane (the sender certificate as .cer / .pem). Office's iframes often block
 * the async clipboard, so copying falls back to a hidden textarea; both report failure instead of throwing.
 */

/** Offers data as a file download; false when the browser refused. */
export function download(name: string, data: Uint8Array | string, type: string): boolean {
  try {
    const part: BlobPart = typeof data === "string" ? data : (data.slice().buffer as ArrayBuffer);
    const url = URL.createObjectURL(new Blob([part], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

/** Copies text to the clipboard; false when neither the async clipboard nor execCommand worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below (Office iframes often block the async clipboard)
  }
  try {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}
