/**
 * src/office/compose: what Office.js gives the signing-setup check in compose mode (recipients and their
 * changes; the signed-in address; the certificates S/MIME Assistant has seen per address). Office.js
 * cannot read or set S/MIME in compose, so nothing here does.
 */
import type { Diagnosis } from "../../engine";
import {
  fromRoamingSettings,
  KnownCertificatesStore,
  type KnownCertificate,
} from "../contacts/knownCertificates";
import { officeGlobal, safe } from "../officeGlobal";
import {
  composeModeFromUrl,
  isComposeItem,
  recipientSourceFor,
  type ComposeOfficeLike,
  type RecipientSource,
} from "./recipients";

export * from "./recipients";
export type { KnownCertificate } from "../contacts/knownCertificates";

/** Looks up the certificates remembered for an address (most recently seen first). */
export type CertificateLookup = (address: string) => KnownCertificate[];

/** The live Office global as the compose module's structural type (undefined outside Outlook). */
function office(): ComposeOfficeLike | undefined {
  return officeGlobal() as ComposeOfficeLike | undefined;
}

/** The current item's recipients, when Outlook is composing a message; undefined otherwise. */
export function composeRecipientSource(): RecipientSource | undefined {
  return recipientSourceFor(office());
}

/**
 * True when the pane should show compose mode: the URL says ?mode=compose, or Outlook's current item is a
 * message being written (item.to has getAsync).
 */
export function isComposeMode(search?: string): boolean {
  const s =
    search ?? safe(() => (globalThis as { location?: { search?: string } }).location?.search) ?? undefined;
  if (composeModeFromUrl(s)) return true;
  return isComposeItem(safe(() => office()?.context?.mailbox?.item));
}

/**
 * The known-certificates lookup over Office's roaming settings (the store of src/office/contacts), or
 * undefined outside Outlook (then nothing is known). Never throws; a broken store reads as empty.
 */
export function roamingCertificateLookup(): CertificateLookup | undefined {
  const rs = safe(() => officeGlobal()?.context?.roamingSettings);
  if (!rs || typeof rs.get !== "function") return undefined;
  // Read-only view: the compose check never writes the store (the read pane remembers certificates).
  const store = new KnownCertificatesStore({
    get: (name) => rs.get(name),
    set: () => undefined,
    saveAsync: () => Promise.resolve(),
  });
  return (address: string) => safe(() => store.lookup(address)) ?? [];
}

/**
 * Remembers the signers of a verified message in Office's roaming settings (the known certificates the
 * compose check reads). Resolves to how many address/certificate pairs were recorded: 0 outside Outlook,
 * for a message whose signature did not verify, or when the settings could not be saved (never rejects:
 * remembering is a convenience and must not disturb the read pane).
 */
export async function rememberSigners(d: Diagnosis, seenAt: Date = new Date()): Promise<number> {
  const rs = safe(() => officeGlobal()?.context?.roamingSettings);
  if (
    !rs ||
    typeof rs.get !== "function" ||
    typeof rs.set !== "function" ||
    typeof rs.saveAsync !== "function"
  )
    return 0;
  try {
    return await new KnownCertificatesStore(fromRoamingSettings(rs)).rememberFromDiagnosis(d, seenAt);
  } catch {
    return 0;
  }
}
