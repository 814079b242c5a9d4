package org.examledger.crypto.bc;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.examledger.bytes.Bytes;

/** Ed25519 (RFC 8032 section 5.1) over raw 32-byte seeds and public keys. */
public final class BcEd25519 {

  /** RFC 8032 section 5.1.5: the private key is a 32-byte seed. */
  public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

  /** RFC 8032 section 5.1.5: the public key is the 32-byte encoding of A. */
  public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

  /** RFC 8032 section 5.1.6: R || S, 64 bytes. */
  public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  private BcEd25519() {}

  public static Bytes generateSeed(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return Bytes.of(seed);
  }

  public static Bytes publicKeyFromSeed(Bytes seed) {
    return Bytes.of(privateKey(seed).generatePublicKey().getEncoded());
  }

  public static Bytes sign(Bytes seed, Bytes message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey(seed));
    byte[] m = message.toByteArray();
    signer.update(m, 0, m.length);
    return Bytes.of(signer.generateSignature());
  }

  /**
   * Checks an encoded point and returns it: RFC 8032 section 5.1.3 decoding must succeed.
   *
   * @throws InvalidEncodingException when the bytes do not decode to a curve point
   */
  public static Bytes checkPublicKey(Bytes publicKey) {
    if (publicKey.length() != PUBLIC_KEY_LENGTH) {
      throw new InvalidEncodingException(
          "Ed25519 public key must be "
              + PUBLIC_KEY_LENGTH
              + " bytes, found "
              + publicKey.length());
    }
    try {
      new Ed25519PublicKeyParameters(publicKey.toByteArray(), 0);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("Ed25519 public key is not a valid point", e);
    }
    return publicKey;
  }

  /**
   * Returns whether the signature verifies (RFC 8032 section 5.1.7, as Bouncy Castle implements it:
   * S must be below L, A must decode). The caller checks the signature length first.
   */
  public static boolean verify(Bytes publicKey, Bytes message, Bytes signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey.toByteArray(), 0));
    byte[] m = message.toByteArray();
    verifier.update(m, 0, m.length);
    return verifier.verifySignature(signature.toByteArray());
  }

  private static Ed25519PrivateKeyParameters privateKey(Bytes seed) {
    if (seed.length() != SEED_LENGTH) {
      throw new InvalidEncodingException(
          "Ed25519 seed must be " + SEED_LENGTH + " bytes, found " + seed.length());
    }
    return new Ed25519PrivateKeyParameters(seed.toByteArray(), 0);
  }
}
