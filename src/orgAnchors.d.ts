/** Base64 DER of the organisation's trust anchors, set at build time (scripts/org-anchors.cjs); absent in tests. */
declare const __SMIME_ORG_ANCHORS__: readonly string[] | undefined;
/** Base URL of the organisation's revocation relay (SMIME_ASSISTANT_REVOCATION_RELAY at build time); absent in tests. */
declare const __SMIME_REVOCATION_RELAY__: string | undefined;
