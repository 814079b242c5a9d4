package org.examledger.crypto;

import org.examledger.bytes.Bytes;

/** Produces signatures with one private key. Obtain instances from {@link Signers}. */
public interface Signer {

  PublicKey publicKey();

  /**
   * Signs the message bytes as they are (no pre-hash by the caller). Ed25519 returns the 64-byte
   * RFC 8032 signature; SM2-with-SM3 returns DER SEQUENCE { r INTEGER, s INTEGER } (GM/T 0009
   * section 7.3).
   */
  Bytes sign(Bytes message);
}
