package org.examledger.crypto;

import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcSm2;
import org.examledger.crypto.bc.InvalidEncodingException;

/** GB/T 32918.2 section 7 verification with an explicit user ID. */
final class Sm2KeyVerifier implements Verifier {

  private final PublicKey publicKey;
  private final Sm2UserId userId;

  Sm2KeyVerifier(PublicKey publicKey, Sm2UserId userId) {
    this.publicKey = publicKey;
    this.userId = userId;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public void verify(Bytes message, Bytes signature) {
    try {
      BcSm2.decodeSignature(signature);
    } catch (InvalidEncodingException e) {
      throw fail(e.getMessage());
    }
    if (!BcSm2.verify(publicKey.raw(), userId.value(), message, signature)) {
      throw fail("not verified (wrong key, message or user ID)");
    }
  }

  private SignatureVerificationException fail(String why) {
    return new SignatureVerificationException(
        "SM2_SM3 signature by key "
            + publicKey.keyId()
            + " with user ID \""
            + userId.value().utf8String()
            + "\": "
            + why);
  }
}
