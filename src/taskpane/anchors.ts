/**
 * The pane's trust anchors, part of the analysis worker and decoded as soon as it runs: Mozilla's
 * root store for e-mail and the organisation's roots built in with SMIME_ASSISTANT_TRUST_ANCHORS=roots.pem
 * (webpack's DefinePlugin, __SMIME_ORG_ANCHORS__). Nothing in a message and no click in the pane adds one.
 */
import {
  decodeBase64String,
  type DistrustEntry,
  mozillaTrust,
  organisationAnchors,
  type TrustAnchor,
} from "../engine";

let trust: { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } | undefined;

/** The default anchors (the same array object every time, so the engine indexes them once). */
export function paneTrust(): { anchors: readonly TrustAnchor[]; distrust: readonly DistrustEntry[] } {
  if (!trust) {
    const org = typeof __SMIME_ORG_ANCHORS__ !== "undefined" ? __SMIME_ORG_ANCHORS__ : [];
    const mozilla = mozillaTrust();
    trust = {
      anchors: [...organisationAnchors(org.map(decodeBase64String)), ...mozilla.anchors],
      distrust: mozilla.distrust,
    };
  }
  return trust;
}
