/**
 * The engine's domain errors: the input is malformed (bad bytes, not a bug). Only these are caught and
 * turned into MALFORMED_* findings; anything else is the engine's own failure and becomes INTERNAL_ERROR.
 */
export class MalformedInputError extends Error {}

/** Malformed BER/DER: what is wrong with the bytes and where (offset in the input). */
export class Asn1Error extends MalformedInputError {
  readonly offset: number | undefined;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = "Asn1Error";
    this.offset = offset;
  }
}

/** The error says the input is malformed (a domain error), not that the engine failed. */
export function isMalformedInput(err: unknown): err is MalformedInputError {
  return err instanceof MalformedInputError;
}

/** Rethrows anything that is not a domain error (used in catch blocks that expect malformed input). */
export function onlyMalformed(err: unknown): void {
  if (!isMalformedInput(err)) throw err;
}
