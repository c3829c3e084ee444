/**
 * diagnose(bytes, options) → Diagnosis: the engine's one entry point (through createEngine, ../engine.ts).
 *
 * It recognises the input (a whole message, the MIME entity Exchange keeps in smime.p7m, a bare CMS blob
 * in DER or base64, or an Outlook .msg item, rebuilt as MIME by mime/msg.ts; anything else is reported as
 * not a message), walks the S/MIME layers from the outside in (multipart/signed, opaque signed,
 * enveloped, certs-only, and signed parts nested below an unsigned root), verifies every signer, and adds
 * the message-level checks (sender, reply-to, mailing list, signing time, charsets, signed PDF attachments);
 * OpenPGP layers are reported (OPENPGP), not checked, and whatever they wrap is analysed. It never throws:
 * whatever goes wrong becomes a finding.
 */
export { diagnoseWith } from "./run";
