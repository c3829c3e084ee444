/**
 * The default trust anchors: Mozilla's root store for e-mail (mozillaRoots.ts, generated from NSS), as typed
 * anchors with origin "mozilla". The engine never uses them by itself: the CLI and the pane's worker pass
 * them. Decoded once per process, on first call.
 */
import type { DistrustEntry, TrustAnchor } from "../types";
import { decodeBase64String } from "../util/bytes";
import { MOZILLA_EMAIL_DISTRUST, MOZILLA_EMAIL_ROOTS } from "./mozillaRoots";

let cached: { anchors: TrustAnchor[]; distrust: DistrustEntry[] } | undefined;

export function mozillaTrust(): { anchors: TrustAnchor[]; distrust: DistrustEntry[] } {
  cached ??= {
    anchors: MOZILLA_EMAIL_ROOTS.map((r) => ({
      der: decodeBase64String(r.der),
      origin: "mozilla" as const,
      label: r.label,
      ...(r.distrustAfter ? { distrustAfter: new Date(r.distrustAfter) } : {}),
    })),
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
