package org.examledger.crypto;

import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;

/** Ed25519 signing from a 32-byte seed; deterministic (RFC 8032 section 5.1.6). */
final class Ed25519KeySigner implements Signer {

  private final Bytes seed;
  private final PublicKey publicKey;

  Ed25519KeySigner(Bytes seed) {
    this.seed = seed;
    this.publicKey = PublicKey.ed25519(BcEd25519.publicKeyFromSeed(seed));
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public Bytes sign(Bytes message) {
    return BcEd25519.sign(seed, message);
  }

  Bytes seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "Signer[" + publicKey + "]";
  }
}
