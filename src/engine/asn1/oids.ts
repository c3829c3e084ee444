/** Object identifiers and algorithm names used by CMS and X.509. */
/** The hashes the engine knows, by the names crypto/hashes.ts uses. */
export type HashName = "sha-1" | "sha-224" | "sha-256" | "sha-384" | "sha-512" | "md5";

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  envelopedData: "1.2.840.113549.1.7.3",
  digestedData: "1.2.840.113549.1.7.5",
  encryptedData: "1.2.840.113549.1.7.6",
  authEnvelopedData: "1.2.840.113549.1.9.16.1.23",
  authData: "1.2.840.113549.1.9.16.1.2",
  compressedData: "1.2.840.113549.1.9.16.1.9",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsaPss: "1.2.840.113549.1.1.10",
  mgf1: "1.2.840.113549.1.1.8",
  ecPublicKey: "1.2.840.10045.2.1",
  ed25519: "1.3.101.112",
  ed448: "1.3.101.113",
  dsa: "1.2.840.10040.4.1",
  /** id-ea-rsa (X.500 algorithms, 2.5.8.1.1): RSA as 1990s mail and certificates name it. */
  x500Rsa: "2.5.8.1.1",
} as const;

export const DIGEST_OIDS: Record<string, HashName> = {
  "1.3.14.3.2.26": "sha-1",
  "2.16.840.1.101.3.4.2.4": "sha-224",
  "2.16.840.1.101.3.4.2.1": "sha-256",
  "2.16.840.1.101.3.4.2.2": "sha-384",
  "2.16.840.1.101.3.4.2.3": "sha-512",
  "1.2.840.113549.2.5": "md5",
};

/** Names of digests we recognise but cannot compute. */
const OTHER_DIGESTS: Record<string, string> = {
  "2.16.840.1.101.3.4.2.5": "sha-512/224",
  "2.16.840.1.101.3.4.2.6": "sha-512/256",
  "2.16.840.1.101.3.4.2.7": "sha3-224",
  "2.16.840.1.101.3.4.2.8": "sha3-256",
  "2.16.840.1.101.3.4.2.9": "sha3-384",
  "2.16.840.1.101.3.4.2.10": "sha3-512",
  "1.2.840.113549.2.2": "md2",
  "1.2.643.7.1.1.2.2": "gost3411-2012-256",
  "1.2.156.10197.1.401": "sm3",
};

export function digestName(oid: string): string {
  return DIGEST_OIDS[oid] ?? OTHER_DIGESTS[oid] ?? oid;
}

/** DigestInfo prefix (DER of AlgorithmIdentifier with NULL params) for EMSA-PKCS1-v1_5. */
export const HASH_OID: Record<HashName, string> = {
  "sha-1": "1.3.14.3.2.26",
  "sha-224": "2.16.840.1.101.3.4.2.4",
  "sha-256": "2.16.840.1.101.3.4.2.1",
  "sha-384": "2.16.840.1.101.3.4.2.2",
  "sha-512": "2.16.840.1.101.3.4.2.3",
  md5: "1.2.840.113549.2.5",
};

/** Signature algorithm OIDs: scheme and (when the OID names one) hash. */
export const SIGNATURE_OIDS: Record<
  string,
  { scheme: "rsa-pkcs1" | "rsa-pss" | "ecdsa" | "dsa" | "ed25519"; hash?: HashName }
> = {
  "1.2.840.113549.1.1.1": { scheme: "rsa-pkcs1" },
  // id-ea-rsa: the X.500 name of RSA; the hash is the SignerInfo's digest algorithm, as for rsaEncryption.
  "2.5.8.1.1": { scheme: "rsa-pkcs1" },
  "1.2.840.113549.1.1.4": { scheme: "rsa-pkcs1", hash: "md5" },
  "1.2.840.113549.1.1.5": { scheme: "rsa-pkcs1", hash: "sha-1" },
  "1.3.14.3.2.29": { scheme: "rsa-pkcs1", hash: "sha-1" },
  "1.2.840.113549.1.1.14": { scheme: "rsa-pkcs1", hash: "sha-224" },
  "1.2.840.113549.1.1.11": { scheme: "rsa-pkcs1", hash: "sha-256" },
  "1.2.840.113549.1.1.12": { scheme: "rsa-pkcs1", hash: "sha-384" },
  "1.2.840.113549.1.1.13": { scheme: "rsa-pkcs1", hash: "sha-512" },
  "1.2.840.113549.1.1.10": { scheme: "rsa-pss" },
  "1.2.840.10045.2.1": { scheme: "ecdsa" },
  "1.2.840.10045.4.1": { scheme: "ecdsa", hash: "sha-1" },
  "1.2.840.10045.4.3.1": { scheme: "ecdsa", hash: "sha-224" },
  "1.2.840.10045.4.3.2": { scheme: "ecdsa", hash: "sha-256" },
  "1.2.840.10045.4.3.3": { scheme: "ecdsa", hash: "sha-384" },
  "1.2.840.10045.4.3.4": { scheme: "ecdsa", hash: "sha-512" },
  // DSA (FIPS 186; RFC 3370 §3.1): id-dsa takes the digest algorithm's hash.
  "1.2.840.10040.4.1": { scheme: "dsa" },
  "1.2.840.10040.4.3": { scheme: "dsa", hash: "sha-1" },
  "2.16.840.1.101.3.4.3.1": { scheme: "dsa", hash: "sha-224" },
  "2.16.840.1.101.3.4.3.2": { scheme: "dsa", hash: "sha-256" },
  "2.16.840.1.101.3.4.3.3": { scheme: "dsa", hash: "sha-384" },
  "2.16.840.1.101.3.4.3.4": { scheme: "dsa", hash: "sha-512" },
  // Ed25519 (RFC 8419): pure EdDSA over the signed attributes; SHA-512 is the digest algorithm.
  "1.3.101.112": { scheme: "ed25519", hash: "sha-512" },
};

const OTHER_SIGNATURES: Record<string, string> = {
  "1.3.101.113": "ed448",
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.10045.4.3.5": "ecdsa-with-sha3-224",
  "2.16.840.1.101.3.4.3.10": "ecdsa-with-sha3-256",
  "1.2.156.10197.1.501": "sm2-with-sm3",
};

/** Product name of a signature algorithm for Signer.signatureAlgorithm. */
export function signatureName(oid: string): string {
  const s = SIGNATURE_OIDS[oid];
  if (s) return s.scheme === "rsa-pkcs1" ? "rsassa-pkcs1-v1_5" : s.scheme;
  return OTHER_SIGNATURES[oid] ?? oid;
}

export const CURVES: Record<string, { name: "P-256" | "P-384" | "P-521"; bits: number; bytes: number }> = {
  "1.2.840.10045.3.1.7": { name: "P-256", bits: 256, bytes: 32 },
  "1.3.132.0.34": { name: "P-384", bits: 384, bytes: 48 },
  "1.3.132.0.35": { name: "P-521", bits: 521, bytes: 66 },
};

const OTHER_CURVES: Record<string, { name: string; bits: number }> = {
  "1.3.132.0.10": { name: "secp256k1", bits: 256 },
  "1.2.840.10045.3.1.1": { name: "P-192", bits: 192 },
  "1.3.132.0.33": { name: "P-224", bits: 224 },
  "1.3.36.3.3.2.8.1.1.7": { name: "brainpoolP256r1", bits: 256 },
  "1.3.36.3.3.2.8.1.1.11": { name: "brainpoolP384r1", bits: 384 },
  "1.3.36.3.3.2.8.1.1.13": { name: "brainpoolP512r1", bits: 512 },
};

export function curveInfo(oid: string): { name: string; bits: number } | undefined {
  return CURVES[oid] ?? OTHER_CURVES[oid];
}

export const CIPHER_OIDS: Record<string, string> = {
  "2.16.840.1.101.3.4.1.2": "aes-128-cbc",
  "2.16.840.1.101.3.4.1.22": "aes-192-cbc",
  "2.16.840.1.101.3.4.1.42": "aes-256-cbc",
  "2.16.840.1.101.3.4.1.6": "aes-128-gcm",
  "2.16.840.1.101.3.4.1.26": "aes-192-gcm",
  "2.16.840.1.101.3.4.1.46": "aes-256-gcm",
  "2.16.840.1.101.3.4.1.7": "aes-128-ccm",
  "2.16.840.1.101.3.4.1.27": "aes-192-ccm",
  "2.16.840.1.101.3.4.1.47": "aes-256-ccm",
  "1.2.840.113549.3.7": "des-ede3-cbc",
  "1.3.14.3.2.7": "des-cbc",
  "1.2.840.113549.3.2": "rc2-cbc",
  "1.2.840.113549.3.4": "rc4",
  "1.2.392.200011.61.1.1.1.2": "camellia-128-cbc",
  "1.2.392.200011.61.1.1.1.3": "camellia-192-cbc",
  "1.2.392.200011.61.1.1.1.4": "camellia-256-cbc",
  "1.2.840.113549.1.9.16.3.18": "chacha20-poly1305",
};

export const KEY_ENCRYPTION_OIDS: Record<string, string> = {
  "1.2.840.113549.1.1.1": "rsaes-pkcs1-v1_5",
  "1.2.840.113549.1.1.7": "rsaes-oaep",
  "1.3.133.16.840.63.0.2": "dhSinglePass-stdDH-sha1kdf",
  "1.3.132.1.11.0": "dhSinglePass-stdDH-sha224kdf",
  "1.3.132.1.11.1": "dhSinglePass-stdDH-sha256kdf",
  "1.3.132.1.11.2": "dhSinglePass-stdDH-sha384kdf",
  "1.3.132.1.11.3": "dhSinglePass-stdDH-sha512kdf",
  "1.3.132.1.14.0": "dhSinglePass-cofactorDH-sha224kdf",
  "1.3.132.1.14.1": "dhSinglePass-cofactorDH-sha256kdf",
  "1.3.132.1.14.2": "dhSinglePass-cofactorDH-sha384kdf",
  "1.3.132.1.14.3": "dhSinglePass-cofactorDH-sha512kdf",
  "2.16.840.1.101.3.4.1.5": "aes128-wrap",
  "2.16.840.1.101.3.4.1.25": "aes192-wrap",
  "2.16.840.1.101.3.4.1.45": "aes256-wrap",
  "1.2.840.113549.1.9.16.3.6": "des-ede3-wrap",
  "1.2.840.113549.1.5.13": "pbes2",
  "1.2.840.113549.1.9.16.3.9": "pwri-kek",
};

export const CONTENT_TYPE_NAMES: Record<string, string> = {
  [OID.data]: "data",
  [OID.signedData]: "signed-data",
  [OID.envelopedData]: "enveloped-data",
  [OID.digestedData]: "digested-data",
  [OID.encryptedData]: "encrypted-data",
  [OID.authEnvelopedData]: "auth-enveloped-data",
  [OID.authData]: "authenticated-data",
  [OID.compressedData]: "compressed-data",
};
