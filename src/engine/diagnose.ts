import type { DiagnoseOptions, Diagnosis } from "./types";

/** The engine's one entry point: bytes of a message (or CMS blob) in, Diagnosis out. Never throws. */
export async function diagnose(bytes: Uint8Array, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  void bytes;
  void options;
  return { kind: "none", signature: "none", signers: [], recipients: [], findings: [], faq: [] };
}
