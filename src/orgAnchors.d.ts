/** Base64 DER of the organisation's trust anchors, set at build time (scripts/org-anchors.cjs); absent in tests. */
declare const __SMIME_ORG_ANCHORS__: readonly string[] | undefined;
