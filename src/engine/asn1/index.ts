/** engine/asn1: the BER/DER reader, tags, primitive values, times, OIDs; Asn1Error for malformed input. */
export { Asn1Error, MalformedInputError, isMalformedInput, onlyMalformed } from "./errors";
export * from "./reader";
export * from "./tags";
export * from "./values";
export * from "./time";
