/** Sizes shared by the pane (analyze.ts, PhaseView) and the boot script (firstVerdict.ts), which imports nothing heavier. */

/** Above this, the pane shows the size and a determinate progress bar. */
export const BIG_MESSAGE = 1024 * 1024;

/** The length of Office's base64 (no line breaks) of a message of BIG_MESSAGE bytes. */
export const BIG_MESSAGE_BASE64 = Math.ceil(BIG_MESSAGE / 3) * 4;
