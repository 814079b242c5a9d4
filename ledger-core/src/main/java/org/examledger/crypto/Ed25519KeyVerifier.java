package org.examledger.crypto;

import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;

/** RFC 8032 section 5.1.7 verification. */
final class Ed25519KeyVerifier implements Verifier {

  private final PublicKey publicKey;

  Ed25519KeyVerifier(PublicKey publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public void verify(Bytes message, Bytes signature) {
    if (signature.length() != BcEd25519.SIGNATURE_LENGTH) {
      throw fail(
          "wrong length: expected "
              + BcEd25519.SIGNATURE_LENGTH
              + " bytes, found "
              + signature.length());
    }
    if (!publicKey.ed25519Point().verify(message, signature)) {
      throw fail("not verified");
    }
  }

  private SignatureVerificationException fail(String why) {
    return new SignatureVerificationException(
        "ED25519 signature by key " + publicKey.keyId() + ": " + why);
  }
}
