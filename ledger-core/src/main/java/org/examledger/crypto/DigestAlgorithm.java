package org.examledger.crypto;

/** Hash functions the ledger computes. Both have 32-byte outputs. */
public enum DigestAlgorithm {
  /** FIPS 180-4 SHA-256. */
  SHA_256,
  /** GB/T 32905-2016 (GM/T 0004-2012) SM3. */
  SM3
}
