/**
 * The default trust anchors: Mozilla's root store for e-mail (mozillaRoots.ts, generated from NSS), as typed
 * anchors with origin "mozilla". The engine never uses them by itself: the CLI and the pane's worker pass
 * them. Made once per process, on first call; each root's DER is decoded only when it is a candidate issuer.
 */
import type { DistrustEntry, TrustAnchor } from "../types";
import { decodeBase64String } from "../util/bytes";
import { subjectHint } from "./anchors";
import { MOZILLA_EMAIL_DISTRUST, MOZILLA_EMAIL_ROOTS } from "./mozillaRoots";

/** Base64 known to be clean (generated): the platform's atob where there is one (browsers, workers, Node). */
function decodeClean(b64: string): Uint8Array {
  const atob = (globalThis as { atob?: (s: string) => string }).atob;
  if (typeof atob !== "function") return decodeBase64String(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let cached: { anchors: TrustAnchor[]; distrust: DistrustEntry[] } | undefined;

export function mozillaTrust(): { anchors: TrustAnchor[]; distrust: DistrustEntry[] } {
  cached ??= {
    anchors: MOZILLA_EMAIL_ROOTS.map((r) => {
      // The DER is decoded only when this root is a candidate issuer; the index uses the subject given.
      let der: Uint8Array | undefined;
      const anchor: TrustAnchor = {
        get der(): Uint8Array {
          der ??= decodeClean(r.der);
          return der;
        },
        origin: "mozilla" as const,
        label: r.label,
        ...(r.distrustAfter ? { distrustAfter: new Date(r.distrustAfter) } : {}),
      };
      subjectHint(anchor, r.subject, r.normalized);
      return anchor;
    }),
    distrust: MOZILLA_EMAIL_DISTRUST.map((d) => ({
      issuer: decodeBase64String(d.issuer),
      serialNumber: d.serialNumber,
      label: d.label,
      origin: "mozilla" as const,
    })),
  };
  return cached;
}

/** Anchors (PEM text, one or more certificates) given at build time by an organisation, as typed anchors. */
export function organisationAnchors(ders: readonly Uint8Array[]): TrustAnchor[] {
  return ders.map((der) => ({ der, origin: "organisation" as const }));
}
