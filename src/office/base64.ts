/**
 * Office's base64 (item.getAsFileAsync, getAttachmentContentAsync) → bytes. The browser's own decoder
 * (Uint8Array.fromBase64: Chromium/Edge 140+, Safari 18.2+, Firefox 133+) where it exists and accepts the
 * text; else, or when it refuses it (a character outside the alphabet, data after the padding), the
 * engine's tolerant decoder, which gives the same bytes for valid base64. A 50 MB message's 68 MB of base64
 * took ~0.9 s on the main thread with the engine's decoder (bench:pane, BENCHMARKS.md).
 */
import { decodeBase64String } from "../engine";

type FromBase64 = (text: string, options?: { lastChunkHandling?: "loose" }) => Uint8Array;

export function decodeOfficeBase64(text: string): Uint8Array {
  const ctor = Uint8Array as unknown as { fromBase64?: FromBase64 };
  if (typeof ctor.fromBase64 === "function") {
    try {
      return ctor.fromBase64(text, { lastChunkHandling: "loose" });
    } catch {
      // not strict base64: the tolerant decoder below
    }
  }
  return decodeBase64String(text);
}

/**
 * Above this much base64 (~6 MB of message) the decode takes long enough on the main thread (~60 ms and up
 * on a 2-core machine) that the pane should get to draw its progress first.
 */
export const LONG_DECODE_CHARS = 8 * 1024 * 1024;

/**
 * Before a long decode: one turn of the event loop, so that the pane's first frame, held until the message's
 * answer or 400 ms (taskpane/index.tsx), and its progress are drawn before the main thread is busy decoding.
 * Without it the decode ran in the same task as Office's answer, and the pane stayed on the product name
 * through it (bench:pane's 50 MB message, BENCHMARKS.md).
 */
export function beforeLongDecode(chars: number): Promise<void> {
  return chars > LONG_DECODE_CHARS ? new Promise((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
}
