package org.examledger.crypto.bc;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
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
   * Decodes a public key once (RFC 8032 section 5.1.3) for verifying many signatures with it: the
   * point decompression is then not repeated for every signature.
   *
   * @throws IllegalArgumentException when the bytes do not decode to a curve point
   */
  public static DecodedPublicKey decode(Bytes publicKey) {
    return new DecodedPublicKey(new Ed25519PublicKeyParameters(publicKey.toByteArray(), 0));
  }

  /** A decoded Ed25519 public key. Immutable and safe to share between threads. */
  public static final class DecodedPublicKey {
    private final Ed25519PublicKeyParameters key;

    private DecodedPublicKey(Ed25519PublicKeyParameters key) {
      this.key = key;
    }

    /**
     * Returns whether the signature verifies (RFC 8032 section 5.1.7, as Bouncy Castle implements
     * it: S must be below L). The caller checks the signature length first.
     */
    public boolean verify(Bytes message, Bytes signature) {
      byte[] m = message.toByteArray();
      return key.verify(
          Ed25519.Algorithm.Ed25519, null, m, 0, m.length, signature.toByteArray(), 0);
    }
  }

  private static Ed25519PrivateKeyParameters privateKey(Bytes seed) {
    if (seed.length() != SEED_LENGTH) {
      throw new InvalidEncodingException(
          "Ed25519 seed must be " + SEED_LENGTH + " bytes, found " + seed.length());
    }
    return new Ed25519PrivateKeyParameters(seed.toByteArray(), 0);
  }
}
