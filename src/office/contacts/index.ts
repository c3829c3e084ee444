/** Adding the sender's certificate to Outlook contacts: blob codec, Graph client, NAA sign-in, known certificates. */
export * from "./x509Blob";
export * from "./errors";
export * from "./graph";
export * from "./auth";
export * from "./knownCertificates";
export * from "./export";
export * from "./gate";
