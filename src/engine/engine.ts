/**
 * createEngine({ crypto }): one engine with its crypto port and the caches of that port's answers (imported
 * keys, chain links, CRL signatures). Nothing is shared between engines, and nothing is module-level: a
 * host that wants another crypto implementation makes another engine.
 */
import type { P12Options, P12Result } from "./pkcs12/index";
import { CryptoContext } from "./crypto/context";
import { webCryptoPort, type CryptoPort } from "./crypto/port";
import { diagnoseWith } from "./diagnose/index";
import type { DiagnoseOptions, Diagnosis } from "./types";

export interface EngineOptions {
  /** The crypto port; unset: WebCrypto of this environment (globalThis.crypto.subtle). */
  crypto?: CryptoPort;
  /**
   * The port answers at once, without WebCrypto's job-queue round trip (node:crypto does): it is then
   * used for every digest, small inputs included.
   */
  directCrypto?: boolean;
}

export interface Engine {
  /** bytes in (EML, smime.p7m entity, bare CMS, Outlook .msg), Diagnosis out. Never throws. */
  diagnose(bytes: Uint8Array, options?: DiagnoseOptions): Promise<Diagnosis>;
  /**
   * The signing-setup check of a PKCS#12 file with its password. Never throws; the promise rejects only if
   * the PKCS#12 code, loaded on first use, cannot be loaded (a lazily loaded chunk in the pane).
   */
  checkPkcs12(bytes: Uint8Array, options: P12Options): Promise<P12Result>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const crypto = new CryptoContext(options.crypto ?? webCryptoPort(), {
    direct: options.directCrypto === true,
  });
  return {
    diagnose: (bytes, o) => diagnoseWith(crypto, bytes, o),
    // Loaded on first use: the PKCS#12 check and its legacy ciphers (node-forge) stay out of hosts that only
    // diagnose messages, such as the pane's analysis worker (issue #15: the worker's start-up time).
    checkPkcs12: async (bytes, o) => (await import("./pkcs12/index")).checkPkcs12With(crypto, bytes, o),
  };
}

let defaultEngine: Engine | undefined;

/** The engine of callers that pass no port (made on first use, with WebCrypto of this environment). */
function byDefault(): Engine {
  defaultEngine ??= createEngine();
  return defaultEngine;
}

/** diagnose() of the default engine (WebCrypto): for callers that make no engine of their own. */
export function diagnose(bytes: Uint8Array, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  return byDefault().diagnose(bytes, options);
}

/** checkPkcs12() of the default engine (WebCrypto). */
export function checkPkcs12(bytes: Uint8Array, options: P12Options): Promise<P12Result> {
  return byDefault().checkPkcs12(bytes, options);
}
