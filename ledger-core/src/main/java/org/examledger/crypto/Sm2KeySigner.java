package org.examledger.crypto;

import java.security.SecureRandom;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcSm2;

/** SM2-with-SM3 signing; k is drawn from the injected random source (GB/T 32918.2 step A3). */
final class Sm2KeySigner implements Signer {

  private final Bytes privateScalar;
  private final Sm2UserId userId;
  private final SecureRandom random;
  private final PublicKey publicKey;

  Sm2KeySigner(Bytes privateScalar, Sm2UserId userId, SecureRandom random) {
    this.privateScalar = privateScalar;
    this.userId = userId;
    this.random = random;
    this.publicKey = PublicKey.sm2(BcSm2.publicPointFromPrivate(privateScalar));
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public Bytes sign(Bytes message) {
    return BcSm2.sign(privateScalar, userId.value(), message, random);
  }

  Bytes privateScalar() {
    return privateScalar;
  }

  @Override
  public String toString() {
    return "Signer[" + publicKey + ", " + userId + "]";
  }
}
