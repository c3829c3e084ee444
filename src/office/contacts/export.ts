/** The signer certificate as files: the engine's helper, shared with the `cert` command. */
export { certificateFiles, safeFileName, type CertificateFiles } from "../../engine";
