package org.examledger.crypto;

import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;

/** RFC 8032 section 5.1.7 verification. */
final class Ed25519KeyVerifier implements Verifier {

  private final PublicKey publicKey;

  /** Decoded once: a verifier kept for a key does not decompress its point for every signature. */
  private final BcEd25519.DecodedPublicKey decoded;

  Ed25519KeyVerifier(PublicKey publicKey) {
    this.publicKey = publicKey;
    // A PublicKey holds a point that decodes (PublicKey.fromRaw and fromSpki check it).
    this.decoded = BcEd25519.decode(publicKey.raw());
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
    if (!decoded.verify(message, signature)) {
      throw fail("not verified");
    }
  }

  private SignatureVerificationException fail(String why) {
    return new SignatureVerificationException(
        "ED25519 signature by key " + publicKey.keyId() + ": " + why);
  }
}
