/** The command line's engine: node:crypto as the crypto port (see ./nodeSubtle.ts), made on first use. */
import { createEngine, type Engine } from "../engine";
import { nodeCryptoPort } from "./nodeSubtle";

let engine: Engine | undefined;

export function cliEngine(): Engine {
  engine ??= createEngine({ crypto: nodeCryptoPort(), directCrypto: true });
  return engine;
}
