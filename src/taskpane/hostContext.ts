import { createContext, useContext } from "react";
import type { Host } from "../faq/types";

/** The mail client the pane runs in (standalone: "unknown"), for ordering the FAQ's steps. */
export const HostContext = createContext<Host>({ client: "unknown" });

export function useHost(): Host {
  return useContext(HostContext);
}
