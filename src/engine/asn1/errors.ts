/** The domain error of malformed input: what is wrong with the bytes and where (offset in the input). */
export class Asn1Error extends Error {
  readonly offset: number | undefined;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = "Asn1Error";
    this.offset = offset;
  }
}
