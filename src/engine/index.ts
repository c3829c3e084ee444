export * from "./types";
export { diagnose } from "./diagnose";
export { finding, DEFAULT_SEVERITY } from "./findings";
export { setSubtle } from "./crypto";
