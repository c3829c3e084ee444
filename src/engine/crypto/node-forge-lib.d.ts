/** The few node-forge modules the PKCS#12 check uses (pure JS DES/3DES and RC2; browser-compatible). */
declare module "node-forge/lib/forge" {
  interface ForgeBuffer {
    getBytes(): string;
    length(): number;
  }
  interface ForgeCipher {
    start(options: { iv: ForgeBuffer } | ForgeBuffer | null, output?: ForgeBuffer | null): void;
    update(input: ForgeBuffer): void;
    finish(pad?: (...args: unknown[]) => boolean): boolean;
    output: ForgeBuffer;
  }
  const forge: {
    util: { createBuffer(bytes?: string, encoding?: string): ForgeBuffer };
    rc2: { createDecryptionCipher(key: ForgeBuffer, bits: number): ForgeCipher };
    cipher: { createDecipher(algorithm: string, key: ForgeBuffer): ForgeCipher };
  };
  export default forge;
}
declare module "node-forge/lib/des";
declare module "node-forge/lib/rc2";
