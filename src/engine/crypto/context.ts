/**
 * What one engine (createEngine) owns for cryptography: its port and the caches of answers that port gave.
 * Nothing here is module-level: two engines with two ports never share an answer, and an engine's caches
 * live as long as the engine does.
 */
import { digestSync, webCryptoHash, type HashName } from "./hashes";
import { webCryptoPort, type CryptoPort } from "./port";

/** A map of bounded size: the oldest entry goes first. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    if (!this.map.has(key) && this.map.size >= this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
}

/** Below this many bytes `digest` hashes synchronously in JS (unless the port answers directly). */
const SMALL_INPUT = 4096;

export interface CryptoContextOptions {
  /**
   * The port answers at once (no job-queue round trip, as node:crypto does): use it for every digest.
   * Otherwise small inputs are hashed in JS, which costs less than WebCrypto's round trip.
   */
  direct?: boolean;
}

export class CryptoContext {
  /**
   * Imported verification keys by algorithm and key material: the same signer and CA keys recur across a
   * batch of messages, and WebCrypto's importKey is a round trip each time. Bounded; oldest out first.
   */
  readonly keys = new BoundedCache<string, Promise<CryptoKey>>(256);
  /** Generic per-engine caches of verification outcomes, by name (chain links, CRL signatures). */
  private readonly stores = new Map<string, unknown>();
  private readonly direct: boolean;

  constructor(
    private readonly chosen: CryptoPort | undefined,
    options: CryptoContextOptions = {},
  ) {
    this.direct = options.direct === true;
  }

  /** The port; throws when this environment has none (the callers fall back to JS or report it). */
  get port(): CryptoPort {
    if (!this.chosen) throw new Error("WebCrypto (crypto.subtle) is not available in this environment");
    return this.chosen;
  }

  /** A cache owned by this engine, made on first use. */
  store<T>(name: string, make: () => T): T {
    let s = this.stores.get(name) as T | undefined;
    if (s === undefined) {
      s = make();
      this.stores.set(name, s);
    }
    return s;
  }

  /**
   * Digest of possibly very large data, in one pass: the port where it can (no copy of the input: the view
   * is passed as is), JS otherwise.
   */
  async digest(h: HashName, data: Uint8Array): Promise<Uint8Array> {
    const name = webCryptoHash(h);
    if (name && this.chosen && (this.direct || data.length > SMALL_INPUT))
      return new Uint8Array(await this.chosen.digest(name, data as Uint8Array<ArrayBuffer>));
    return digestSync(h, data);
  }
}

/**
 * A context of its own for a caller that passes none (a unit test, a one-off check): WebCrypto of this
 * environment, nothing shared with anyone.
 */
export function ownContext(crypto: CryptoContext | undefined): CryptoContext {
  return crypto ?? new CryptoContext(webCryptoPort());
}
