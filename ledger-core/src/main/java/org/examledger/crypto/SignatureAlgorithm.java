package org.examledger.crypto;

/** The signature schemes the ledger accepts; see ADR 0012. */
public enum SignatureAlgorithm {
  /** Ed25519 as in RFC 8032 section 5.1 (pure, no pre-hash, no context). */
  ED25519,
  /** SM2 digital signature (GB/T 32918.2, GM/T 0003.2) with SM3 and the Z value of GM/T 0009. */
  SM2_SM3
}
